/**
 * `abx import <file.csv>`: accounts from a CRM export. The plan (which row creates, updates or
 * leaves which account) is made in src/core/import; this command reads the CSV, applies the plan
 * as value edits that keep everything else in each file, refreshes generated blocks that are
 * already there, and writes each file atomically. `--dry-run` stops before writing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { analyze, fileId, type SourceFile } from '../../core/analyze.js';
import { terminalText } from '../../format/escape/terminal.js';
import { CsvError, readCsv } from '../../core/import/csv.js';
import { BUILT_IN_MAPPINGS, MappingError, mappingFromData, resolveMapping, type Mapping } from '../../core/import/mappings.js';
import { planImport, type FieldChange, type ImportPlan, type UnreadableAccount } from '../../core/import/plan.js';
import { didYouMean } from '../../core/suggest.js';
import { accountFile } from '../../core/kinds/account-questions.js';
import { parseYaml } from '../../core/yaml/parse.js';
import { EditError, editFrontmatter, type FieldEdit } from '../../workspace/edit.js';
import { refreshBlocks } from '../../workspace/generated-blocks.js';
import { fitLines } from '../../format/wrap.js';
import { globBase } from '../../workspace/glob.js';
import type { Workspace } from '../../workspace/load.js';
import { writeFileAtomic } from '../../workspace/write.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type Context } from '../context.js';
import { openWorkspace } from '../workspace.js';

const MAX_CSV_BYTES = 200 * 1024 * 1024;
const PROGRESS_FROM_ROWS = 500;

export async function run(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const csvPath = resolve(ctx.cwd, args[0] ?? '');
  const dryRun = Boolean(options.dryRun);
  const mapping = loadMapping(ctx, String(options.from ?? 'hubspot'));
  const { text: csvText, note: encodingNote } = readCsvFile(csvPath, args[0] ?? '');
  const ws = await openWorkspace(ctx);
  const segment = typeof options.segment === 'string' ? options.segment : undefined;
  if (segment !== undefined && !ws.analysis.segments.has(segment)) {
    throw new UsageError(`no segment "${terminalText(segment, 60)}"${didYouMean(segment, ws.analysis.segments.keys())}`);
  }

  let table;
  try {
    table = readCsv(csvText);
  } catch (err) {
    if (err instanceof CsvError) throw new UsageError(`${args[0]}${err.line ? `:${err.line}` : ''}: ${err.message}`);
    throw err;
  }
  let resolved;
  try {
    resolved = resolveMapping(mapping, table.header);
  } catch (err) {
    if (err instanceof MappingError) throw new UsageError(`${args[0]}: ${err.message}`);
    throw err;
  }

  const accountSources = ws.sources.filter((s) => s.kind === 'accounts');
  const plan = planImport({
    unreadable: unreadableAccounts(ws),
    mapping: resolved,
    rows: table.rows,
    existing: [...ws.analysis.accounts.values()].map((e) => ({ id: e.id, data: e.data as Record<string, unknown> })),
    takenIds: [...accountSources.map((s) => fileId(s.path, 'accounts')), ...ws.analysis.accounts.keys()],
    segment,
    regions: ws.config.importRegions,
    segments: new Set(ws.analysis.segments.keys()),
  });

  const failures: string[] = [];
  const files = buildFiles(ws, plan, failures);
  const progress = progressBar(ctx, table.rows.length >= PROGRESS_FROM_ROWS ? files.length : 0);
  let written = 0;
  if (!dryRun && files.length > 0) {
    withBlocks(ws, files);
    for (const f of files) {
      try {
        if (f.created && existsSync(join(ws.root, f.path))) throw new Error('a file of that name appeared during the import');
        writeFileAtomic(ws.root, join(ws.root, f.path), f.text);
        written++;
      } catch (err) {
        failures.push(`${f.path}: not written: ${(err as Error).message}`);
      }
      progress.tick(written);
    }
  }
  progress.done();

  report(ctx, plan, failures, { dryRun, encodingNote, delimiter: table.delimiter, mapping: mapping.label });
  return failures.length > 0 || plan.outcomes.some((o) => o.action === 'blocked') ? EXIT_PROBLEMS : EXIT_OK;
}

/**
 * Account files the analysis could not read into an account (not text, broken YAML, schema
 * errors), with the `domain:` and `name:` their text still shows, so that a row for the same
 * company is blocked rather than creating a second account.
 */
function unreadableAccounts(ws: Workspace): UnreadableAccount[] {
  const read = new Set([...ws.analysis.accounts.values()].map((e) => e.file));
  const out: UnreadableAccount[] = [];
  for (const s of ws.sources) {
    if (s.kind !== 'accounts' || read.has(s.path)) continue;
    const line = (key: string) => {
      const m = new RegExp(`^${key}:[ \\t]*(?:"([^"\\n]*)"|'([^'\\n]*)'|([^#\\n]*?))[ \\t]*(?:#.*)?\\r?$`, 'm').exec(s.text ?? '');
      const v = m ? (m[1] ?? m[2] ?? m[3] ?? '').trim() : '';
      return v === '' ? undefined : v;
    };
    const why = s.unreadable ?? (ws.analysis.problems.find((p) => p.file === s.path && p.severity === 'error')?.message ?? 'it has errors');
    out.push({ id: fileId(s.path, 'accounts'), file: s.path, why: terminalText(why, 80), domain: line('domain'), name: line('name') });
  }
  return out;
}

function loadMapping(ctx: Context, from: string): Mapping {
  const builtIn = BUILT_IN_MAPPINGS[from.toLowerCase()];
  if (builtIn) return builtIn;
  const path = resolve(ctx.cwd, from);
  if (!existsSync(path) || !statSync(path).isFile()) {
    const looksLikeFile = /[./\\]/.test(from) || ['.yaml', '.yml'].includes(extname(from));
    throw new UsageError(
      looksLikeFile
        ? `no mapping file ${from}`
        : `--from must be hubspot, salesforce or a mapping file, not "${terminalText(from, 60)}"${didYouMean(from, Object.keys(BUILT_IN_MAPPINGS))}`,
    );
  }
  const parsed = parseYaml(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  if (!parsed.ok) throw new UsageError(`${from}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`);
  try {
    return mappingFromData(parsed.data, from);
  } catch (err) {
    if (err instanceof MappingError) throw new UsageError(err.message);
    throw err;
  }
}

function readCsvFile(path: string, shown: string): { text: string; note?: string } {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UsageError(`${shown} is not a file`);
    if (stat.size > MAX_CSV_BYTES) throw new UsageError(`${shown} is larger than ${MAX_CSV_BYTES / 1024 / 1024} MiB: split it into smaller exports`);
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read ${shown} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const read = decodeCsv(bytes);
  // NUL never occurs in text (UTF-16 files are decoded by then): a binary file is refused like a binary workspace file.
  if (read.text.includes('\0')) throw new UsageError(`${shown} is not a CSV file: it is binary (it contains NUL bytes); export the data as CSV`);
  return read;
}

function decodeCsv(bytes: Buffer): { text: string; note?: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Excel's "CSV" without UTF-8 is Windows-1252 in most of the places CRMs are used.
    return { text: new TextDecoder('windows-1252').decode(bytes), note: 'the file is not UTF-8; it was read as Windows-1252 (export as "CSV UTF-8" to avoid this)' };
  }
}

interface PlannedFile {
  id: string;
  path: string;
  text: string;
  created: boolean;
}

const edits = (changes: readonly FieldChange[]): FieldEdit[] => changes.map((c) => ({ path: c.path, value: c.value }));

function buildFiles(ws: Workspace, plan: ImportPlan, failures: string[]): PlannedFile[] {
  const files: PlannedFile[] = [];
  const folder = globBase(ws.config.paths.accounts);
  for (const [id, values] of plan.creates) {
    const path = `${folder === '' ? '' : `${folder}/`}${id}.md`;
    const name = values.find((v) => v.field === 'name')?.value as string;
    try {
      const text = editFrontmatter(accountFile({ name }), edits(values.filter((v) => v.field !== 'name')));
      files.push({ id, path, text, created: true });
    } catch (err) {
      failures.push(`${path}: not created: ${(err as Error).message}`);
    }
  }
  for (const [id, changes] of plan.updates) {
    const entry = ws.analysis.accounts.get(id);
    if (!entry) continue;
    try {
      const text = editFrontmatter(readFileSync(join(ws.root, entry.file), 'utf8'), edits(changes));
      files.push({ id, path: entry.file, text, created: false });
    } catch (err) {
      failures.push(`${entry.file}: not updated: ${err instanceof EditError ? err.message : (err as Error).message}`);
    }
  }
  return files;
}

/** Scores the workspace as it will be and brings generated blocks up to date: added to new files, refreshed where present. */
function withBlocks(ws: Workspace, files: PlannedFile[]): void {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const sources: SourceFile[] = ws.sources.map((s) => {
    const f = byPath.get(s.path);
    return f ? { path: s.path, kind: s.kind, text: f.text.replace(/^\uFEFF/, '') } : s;
  });
  for (const f of files) if (f.created) sources.push({ path: f.path, kind: 'accounts', text: f.text });
  const analysis = analyze({ config: ws.config, files: sources, asOf: ws.analysis.asOf });
  for (const f of files) {
    const score = analysis.scores.get(f.id);
    if (score && analysis.accounts.get(f.id)?.file === f.path) f.text = refreshBlocks(f.text, score, { appendMissing: f.created, blocks: ws.config.generatedBlocks });
  }
}

function report(ctx: Context, plan: ImportPlan, failures: string[], info: { dryRun: boolean; encodingNote?: string; delimiter: string; mapping: string }): void {
  // On a terminal each line wraps to its width; through a pipe every line is whole.
  const out = { write: (text: string) => ctx.stdout.write(fitLines(text, ctx.width)) };
  const counts = { created: 0, updated: 0, unchanged: 0, skipped: 0, blocked: 0 };
  const would = info.dryRun ? 'would be ' : '';
  for (const o of plan.outcomes) {
    counts[o.action]++;
    const label = terminalText(o.label, 60);
    if (o.action === 'skipped') out.write(`line ${o.line}: skipped ${label}: ${terminalText(o.reason, 300)}\n`);
    else if (o.action === 'blocked') out.write(`line ${o.line}: blocked ${label}: ${terminalText(o.reason, 300)}\n`);
    else if (o.action === 'created') out.write(`line ${o.line}: ${would}created ${o.id} (${label})\n`);
    else if (o.action === 'updated') out.write(`line ${o.line}: ${would}updated ${o.id}: ${o.fields.join(', ')}\n`);
  }
  for (const n of plan.notes) out.write(`line ${n.line}: ${terminalText(n.label, 60)}: ${terminalText(n.message, 200)}\n`);
  const err = { write: (text: string) => ctx.stderr.write(fitLines(text, ctx.width)) };
  for (const f of failures) err.write(`${terminalText(f, 500)}\n`);
  if (!ctx.quiet) {
    if (info.encodingNote) err.write(`Note: ${info.encodingNote}.\n`);
    const rows = plan.outcomes.length;
    err.write(
      `${rows} ${rows === 1 ? 'row' : 'rows'} (${info.mapping}${info.delimiter === ',' ? '' : `, separated by "${info.delimiter === '\t' ? 'tab' : info.delimiter}"`}): ` +
        `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.skipped} skipped${counts.blocked > 0 ? `, ${counts.blocked} blocked` : ''}` +
        `${info.dryRun ? ' (dry run: nothing was written)' : ''}.\n`,
    );
  }
}

interface Progress {
  tick(done: number): void;
  done(): void;
}

/** A one-line bar on stderr, only on a terminal, only for imports big enough to wait for. */
function progressBar(ctx: Context, total: number): Progress {
  if (ctx.quiet || !process.stderr.isTTY || total === 0) return { tick() {}, done() {} };
  let last = 0;
  let shown = false;
  const draw = (done: number) => {
    const width = 30;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    ctx.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files`);
    shown = true;
  };
  return {
    tick(done) {
      const now = Date.now();
      if (now - last < 80) return;
      last = now;
      draw(done);
    },
    done() {
      if (shown) ctx.stderr.write('\r\u001b[2K');
    },
  };
}
