/**
 * `create` and `update`: a file is written only when it validates with the rest of the workspace,
 * and only inside its kind's folder. `create` never replaces a file; `update` sets frontmatter
 * fields through the same value-by-value editing `abx import` uses (`workspace/edit.ts`), so
 * comments, key order, quoting and the body stay as they were.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../core/analyze.js';
import { fileId, KIND_DEFS, kindNamed, type Kind, type KindDef } from '../core/kinds/index.js';
import type { Problem } from '../core/problem.js';
import { ID_PATTERN } from '../core/schemas.js';
import { yamlLib } from '../core/yaml/lib.js';
import { accountJson } from '../format/score/rows.js';
import { editFrontmatter, type EditValue, type FieldEdit } from '../workspace/edit.js';
import { MAX_FILE_BYTES } from '../workspace/files.js';
import { refreshBlocks } from '../workspace/generated-blocks.js';
import { compileGlob, globBase } from '../workspace/glob.js';
import { loadWorkspace, type Workspace } from '../workspace/load.js';
import { writeFileAtomic } from '../workspace/write.js';
import { confine, RefusedPath } from './paths.js';
import type { ServerSetting } from './run.js';
import { localToday } from '../cli/context.js';

/** The kinds the server writes: markdown files with frontmatter (KPI records are YAML lists). */
export const WRITABLE_KINDS = (KIND_DEFS as readonly KindDef[]).filter((k) => k.format === 'markdown').map((k) => k.singular);

/** A write that was not made: the reason, and the problems when validation stopped it. */
export class Refused extends Error {
  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }
}

export interface Written {
  file: string;
  created: boolean;
  /** The file's warnings (errors stop a write). */
  problems: Problem[];
  score?: ReturnType<typeof accountJson>;
}

function writableKind(kind: string): KindDef {
  const def = kindNamed(kind);
  if (!def || def.format !== 'markdown') throw new Refused(`abx mcp writes ${WRITABLE_KINDS.join(', ')} files, not "${kind}"`);
  return def;
}

function checkId(id: string): void {
  if (!ID_PATTERN.test(id) || id.length > 200) throw new Refused(`${JSON.stringify(id)} is not a valid id: use lowercase letters, digits and single dashes`);
}

async function open(setting: ServerSetting): Promise<Workspace> {
  return loadWorkspace({ cwd: setting.root, asOf: setting.asOf, today: localToday() });
}

/** Where a file of `def` named `id` goes, checked by the path boundary and against the kind's glob. */
function placeFor(ws: Workspace, def: KindDef, id: string) {
  const glob = ws.config.paths[def.kind as Kind];
  const base = globBase(glob);
  const rel = `${base === '' ? '' : `${base}/`}${id}.md`;
  if (rel.split('/').some((part) => part === '.git' || part === 'node_modules')) throw new Refused(`${rel}: abx mcp does not write into .git or node_modules`);
  if (!compileGlob(glob).test(rel)) throw new Refused(`${rel} would not be read as a ${def.singular} (the config's paths.${def.kind} is ${glob})`);
  return confineExisting(ws.root, rel);
}

/** The workspace analysed with `text` at `file`; the file's errors stop the write. */
function check(ws: Workspace, def: KindDef, file: string, text: string, before: readonly Problem[] = []) {
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) throw new Refused(`the file would be larger than the 1 MiB limit`);
  const sources = ws.sources.filter((s) => s.path !== file);
  const analysis = analyze({ config: ws.config, files: [...sources, { path: file, kind: def.kind as Kind, text }], asOf: ws.analysis.asOf });
  const mine = analysis.problems.filter((p) => p.file === file);
  // An update may leave errors the file already had; it may not add any.
  const known = new Set(before.filter((p) => p.severity === 'error').map((p) => `${p.rule}\0${p.message}`));
  const added = mine.filter((p) => p.severity === 'error' && !known.has(`${p.rule}\0${p.message}`));
  if (added.length > 0) throw new Refused(`the ${def.singular} would not validate, so nothing was written`, mine);
  return { analysis, problems: mine.filter((p) => p.severity !== 'error') };
}

function finishWrite(ws: Workspace, def: KindDef, id: string, place: { rel: string; abs: string }, text: string, checked: ReturnType<typeof check>, created: boolean): Written {
  const score = def.scored ? checked.analysis.scores.get(id) : undefined;
  const final = score ? refreshBlocks(text, score) : text;
  // Refreshed blocks settle their own table-drift warnings: report the file as it is written.
  const problems = final === text ? checked.problems : check(ws, def, place.rel, final, checked.analysis.problems).problems;
  writeFileAtomic(ws.root, place.abs, final);
  return { file: place.rel, created, problems, ...(score ? { score: accountJson(score) } : {}) };
}

/**
 * Writes run one after another: two calls a client sends at once (two creates of one id, two
 * updates of one file) would otherwise both check the same old state and the second would win.
 */
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

export function createFile(setting: ServerSetting, input: { kind: string; id: string; fields: Record<string, unknown>; body?: string }): Promise<Written> {
  return serially(() => create(setting, input));
}

export function updateFile(setting: ServerSetting, input: { kind: string; id: string; set: Record<string, unknown> }): Promise<Written> {
  return serially(() => update(setting, input));
}

async function create(setting: ServerSetting, input: { kind: string; id: string; fields: Record<string, unknown>; body?: string }): Promise<Written> {
  if (setting.readOnly) throw new Refused('the server runs with --read-only: nothing is written');
  const def = writableKind(input.kind);
  checkId(input.id);
  const ws = await open(setting);
  const place = placeFor(ws, def, input.id);
  const existing = ws.sources.find((s) => s.kind === def.kind && fileId(s.path, s.kind) === input.id)?.path;
  if (existing !== undefined) throw new Refused(`the ${def.singular} "${input.id}" exists already (${existing}): create never replaces a file; use update`);
  if (place.exists) throw new Refused(`${place.rel} exists already: create never replaces a file`);
  const text = newFileText(input.fields, input.body);
  return finishWrite(ws, def, input.id, place, text, check(ws, def, place.rel, text), true);
}

/** Frontmatter in the order the fields were given, then the body (a heading with the name when none is given). */
function newFileText(fields: Record<string, unknown>, body: string | undefined): string {
  const yaml = yamlLib().stringify(fields, { lineWidth: 0 });
  const name = typeof fields.name === 'string' ? fields.name.replace(/[\r\n]+/g, ' ').trim() : '';
  const rest = body ?? (name === '' ? '' : `# ${name}\n`);
  return `---\n${yaml}---\n${rest === '' ? '' : `\n${rest.replace(/^\n+/, '')}`}${rest === '' || rest.endsWith('\n') ? '' : '\n'}`;
}

async function update(setting: ServerSetting, input: { kind: string; id: string; set: Record<string, unknown> }): Promise<Written> {
  if (setting.readOnly) throw new Refused('the server runs with --read-only: nothing is written');
  const def = writableKind(input.kind);
  checkId(input.id);
  const edits = fieldEdits(input.set);
  if (edits.length === 0) throw new Refused('set names no field to change');
  const ws = await open(setting);
  const source = ws.sources.find((s) => s.kind === def.kind && fileId(s.path, s.kind) === input.id);
  if (!source) throw new Refused(`no ${def.singular} "${input.id}": create it first`);
  // The file is where the workspace listing found it (a kind's glob may reach into subfolders).
  const at = confineExisting(ws.root, source.path);
  let text: string;
  try {
    text = editFrontmatter(readFileSync(at.abs, 'utf8'), edits);
  } catch (err) {
    throw new Refused(`${at.rel} was not changed: ${(err as Error).message}`);
  }
  const before = ws.analysis.problems.filter((p) => p.file === source.path);
  return finishWrite(ws, def, input.id, at, text, check(ws, def, source.path, text, before), false);
}

function confineExisting(root: string, rel: string) {
  try {
    return confine(root, rel);
  } catch (err) {
    if (err instanceof RefusedPath) throw new Refused(err.message);
    throw err;
  }
}

/**
 * `set` as edits: a key is a field, or a dotted path (`pure.urgent.score`), and a nested object
 * sets the fields inside it. A value is text, a number, true/false or a list of those; lists of
 * maps (stakeholders, signals) are edited in the file, not here.
 */
export function fieldEdits(set: Record<string, unknown>, prefix: readonly string[] = []): FieldEdit[] {
  const edits: FieldEdit[] = [];
  for (const [key, value] of Object.entries(set)) {
    const path = [...prefix, ...key.split('.')];
    const where = path.join('.');
    if (path.some((p) => p === '' || p === '__proto__')) throw new Refused(`${JSON.stringify(where)} is not a field name`);
    if (isScalar(value)) edits.push({ path, value });
    else if (Array.isArray(value) && value.every(isScalar)) edits.push({ path, value: value as EditValue });
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) edits.push(...fieldEdits(value as Record<string, unknown>, path));
    else if (value === null) throw new Refused(`${where}: update sets values; removing a field is not supported`);
    else throw new Refused(`${where}: update sets text, numbers, true/false and lists of those; a list of maps is edited in the file itself`);
  }
  return edits;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}
