/**
 * The pure heart of abx: file texts and a config in; typed records, scores and located problems
 * out. No file system, no console, no clock: the workspace layer reads the files (or hands over a
 * function that does) and the CLI supplies the as-of date. What each kind checks is in
 * `kinds/<kind>.ts`; this is the loop around them.
 *
 * Files are taken one at a time, segments first (scoring needs them), and each file's problems
 * are located as soon as its last rule has run, so in lean mode its text can be let go at once:
 * a 50,000-account workspace is validated without holding 50,000 texts, records and
 * explanations. References are checked against the ids of the file list, which are known
 * before any file is read.
 */
import { checkGeneratedBlocks } from './blocks.js';
import { isUneditedTemplate } from './template-mark.js';
import { checkSchema } from './check-schema.js';
import { severityOf } from './config.js';
import { dayNumber } from './dates.js';
import { splitFrontmatter } from './frontmatter.js';
import type { Account } from './kinds/account.js';
import { fileId, KIND_DEFS, kindDef, type Kind } from './kinds/index.js';
import type { Entry, KindDef } from './kinds/kind.js';
import { investmentEntries, type InvestmentRecords } from './kinds/investment.js';
import { kpiEntries, type KpiRecords } from './kinds/kpi.js';
import { remap } from './kinds/salvage.js';
import type { Segment } from './kinds/segment.js';
import type { Analysis, AnalyzeInput, FileIdIndex, FileRef, SourceFile } from './model.js';
import { makeEntry, positionOf, type FileState } from './positions.js';
import { compareProblems, type Problem } from './problem.js';
import { referenceFindings } from './rules/cross-file.js';
import { tierCapacityFindings } from './rules/tier-capacity.js';
import { numberPrecisionFindings } from './rules/number-precision.js';
import { ID_PATTERN } from './schemas.js';
import { compactScore, remapScore, scoreAccount, type AccountScore } from './scoring/account.js';
import { parseYaml } from './yaml/parse.js';

export type { Analysis, AnalyzeInput, CustomCheck, Entry, FileIdIndex, FileRef, KpiEntry, SourceFile } from './model.js';
export { fileId } from './kinds/index.js';

export function analyze(input: AnalyzeInput): Analysis {
  const { config, asOf } = input;
  const lean = input.lean === true;
  const day = dayNumber(asOf);
  if (day === undefined) throw new RangeError(`as-of date ${asOf} is not a date`);
  const asOfDay: number = day;

  const stored = new Map<Kind, Map<string, Entry<unknown>>>(KIND_DEFS.map((k) => [k.kind, new Map()]));
  const scores = new Map<string, AccountScore>();
  const problems: Problem[] = [];
  const filesWithErrors = new Set<string>();
  const records = <T>(kind: Kind) => stored.get(kind) as Map<string, Entry<T>>;
  const acrossFiles = new Map(KIND_DEFS.map((k) => [k.kind, (k as KindDef).acrossFiles?.()]));

  const { fileIds, firstFileOfId } = input.ids ?? indexIds(input.files);

  // Segments first: every account's score needs its segment's criteria.
  const rank = (i: number) => (kindDef((input.files[i] as FileRef).kind).first ? 0 : 1);
  const only = input.only;
  const order = input.files.flatMap((f, i) => (only && !only.has(f.path) ? [] : [i])).sort((a, b) => rank(a) - rank(b) || a - b);
  // Kinds with rules over all their files are finished after the loop.
  const held: { state: FileState; entry?: Entry<unknown> }[] = [];

  const segmentPersonas = (id: string) => {
    const segment = records<Segment>('segments').get(id)?.data;
    return segment ? (segment.personas ?? []).map((p) => p.title) : undefined;
  };

  // Accounts per fit tier, counted as they are scored (lean mode keeps no scores): `tier-capacity`.
  const fitTierCounts: [number, number, number] = [0, 0, 0];

  let unlistedWarnings = 0;
  const templates = new Set<string>();
  const unlistedByRule: Record<string, number> = {};
  /** A warning counted by its rule instead of listed (`warnings: 'count'`). */
  const countUnlisted = (rule: string) => {
    unlistedWarnings++;
    unlistedByRule[rule] = (unlistedByRule[rule] ?? 0) + 1;
  };
  const finish = (state: FileState) => {
    const sink = input.onProblems;
    const mine = sink ? [] : problems;
    for (const finding of state.findings) {
      const severity = severityOf(config, finding.rule);
      if (!severity) continue;
      if (severity === 'warning' && input.warnings === 'count') {
        countUnlisted(finding.rule);
        continue;
      }
      mine.push({ file: state.path, ...positionOf(state, finding), severity, rule: finding.rule, message: finding.message });
      if (severity === 'error') filesWithErrors.add(state.path);
    }
    // A file's problems are contiguous in the sorted whole, so sorting them alone gives the same order.
    if (sink && mine.length > 0) sink(state.path, mine.sort(compareProblems));
    state.findings = [];
    if (input.onFile) {
      input.onFile({ path: state.path, kind: state.kind, text: state.text, unreadable: state.unreadable }, state.score, config, state.record);
      state.score = undefined;
      state.record = undefined;
    }
    if (lean) {
      state.text = undefined;
      state.yamlText = undefined;
      state.document = undefined;
      state.body = '';
    }
  };

  for (const index of order) {
    const ref = input.files[index] as SourceFile;
    if (input.settled?.(ref)) continue;
    const source = ref.text !== undefined || ref.unreadable !== undefined || !input.read ? ref : input.read(ref);
    if (source.text !== undefined && isUneditedTemplate(source.text)) templates.add(source.path);
    const state: FileState = {
      path: source.path,
      kind: source.kind,
      id: fileId(source.path, source.kind),
      findings: [],
      text: source.text,
      unreadable: source.unreadable,
      yamlLine: 1,
      body: '',
      bodyLine: 1,
      bodyOffset: 0,
    };
    const def = kindDef(state.kind);
    const entry = analyzeFile(state, def);
    if (def.afterAll) held.push({ state, entry });
    else finish(state);
  }

  for (const def of KIND_DEFS as readonly KindDef[]) {
    if (!def.afterAll) continue;
    const mine = held.filter((h) => h.state.kind === def.kind);
    const extra = def.afterAll(mine.flatMap((h) => h.entry ?? []));
    for (const { state } of mine) {
      const finding = extra.get(state.path);
      if (finding) state.findings.push(finding);
      finish(state);
    }
  }
  problems.sort(compareProblems);
  const configFindings = tierCapacityFindings(fitTierCounts, config.fitTierCapacity);
  if (input.warnings === 'count') {
    // Counted by rule like the files' warnings (the summary line names them); an error stays listed.
    const listed = configFindings.filter((f) => {
      if (severityOf(config, f.rule) !== 'warning') return true;
      countUnlisted(f.rule);
      return false;
    });
    configFindings.splice(0, configFindings.length, ...listed);
  }

  return {
    asOf,
    asOfDay,
    config,
    fileCount: input.files.length,
    problems,
    segments: records('segments'),
    accounts: records('accounts'),
    bets: records('bets'),
    journeys: records('journeys'),
    kpis: kpiEntries(records<KpiRecords>('kpis').values()),
    messaging: records('messaging'),
    collateral: records('collateral'),
    plan: records('plan'),
    investments: investmentEntries(records<InvestmentRecords>('investments').values()),
    scores,
    filesWithErrors,
    unlistedWarnings,
    unlistedByRule,
    templates,
    fitTierCounts,
    configFindings,
  };

  function analyzeFile(state: FileState, def: KindDef): Entry<unknown> | undefined {
    const data = readData(state, def);
    if (data === undefined) return undefined;

    if (def.format === 'markdown') {
      if (!ID_PATTERN.test(state.id)) {
        state.findings.push({ rule: 'invalid-id', line: 1, column: 1, message: `the file name "${state.id}" is not a valid id: use lowercase letters, digits and -` });
      }
      const first = firstFileOfId.get(`${state.kind}\u0000${state.id}`);
      if (first !== undefined && first !== state.path) {
        state.findings.push({ rule: 'duplicate-id', line: 1, column: 1, message: `the id "${state.id}" is already used by ${first}: ids are unique within a kind` });
        return undefined;
      }
    }

    const checked = checkSchema(def.schema, data, def.format === 'yaml' ? 'the file' : 'the frontmatter');
    state.findings.push(...checked.findings);
    const custom = input.customChecks?.[state.kind];
    if (custom) {
      for (const issue of custom(data)) state.findings.push({ rule: 'custom-schema', path: issue.path, message: issue.message });
    }

    const salvaged = checked.data !== undefined ? { record: checked.data, indexes: undefined } : def.salvage?.(data, checked.findings);
    if (!salvaged) return undefined;
    const { record, indexes } = salvaged;
    const entry = makeEntry(state, record);
    if (input.onFile) state.record = record;
    if (!lean || def.keepWhenLean || input.keep?.includes(state.kind)) stored.get(state.kind)?.set(def.format === 'yaml' ? state.path : state.id, entry);
    state.findings.push(...remap(def.rules?.(record, { config, asOfDay, file: state.path, body: state.body, bodyLine: state.bodyLine, segmentPersonas }) ?? [], indexes));
    state.findings.push(...referenceFindings(def.references?.(record) ?? [], fileIds));
    state.findings.push(...(acrossFiles.get(state.kind)?.(entry) ?? []));

    if (def.scored) {
      const account = record as Account;
      const segment = account.segment ? records<Segment>('segments').get(account.segment) : undefined;
      const { score, findings } = scoreAccount({ id: state.id, account, segment: segment?.data, config, asOfDay, detail: !lean });
      if (indexes) remapScore(score, indexes);
      state.findings.push(...remap(findings, indexes));
      state.findings.push(...checkGeneratedBlocks(entry as Entry<Account>, score, config.generatedBlocks));
      if (input.keepScores !== false) scores.set(state.id, lean ? compactScore(score) : score);
      if (input.onFile) state.score = score;
      fitTierCounts[(score.fit.tier - 1) as 0 | 1 | 2] += 1;
    }
    return entry;
  }
}

/**
 * Ids come from file names, so references and duplicates are settled by the file list alone.
 * Computed once per list; the language server keeps it while only texts change (AnalyzeInput.ids).
 */
export function indexIds(files: readonly FileRef[]): FileIdIndex {
  const fileIds = new Map<string, Set<string>>(KIND_DEFS.map((k) => [k.kind, new Set()]));
  const firstFileOfId = new Map<string, string>();
  for (const f of files) {
    const id = fileId(f.path, f.kind);
    fileIds.get(f.kind)?.add(id);
    if (kindDef(f.kind).format === 'markdown' && !firstFileOfId.has(`${f.kind}\u0000${id}`)) firstFileOfId.set(`${f.kind}\u0000${id}`, f.path);
  }
  return { fileIds, firstFileOfId };
}

/** Reads a file's YAML data, or records why it cannot be read and returns undefined. */
function readData(state: FileState, def: KindDef): unknown {
  if (state.text === undefined) {
    state.findings.push({ rule: 'file-unreadable', line: 1, column: 1, message: state.unreadable ?? 'the file cannot be read' });
    return undefined;
  }
  let yamlText = state.text;
  if (def.format === 'markdown') {
    const split = splitFrontmatter(state.text);
    if (!split.ok) {
      state.findings.push({ rule: split.rule, line: split.line, column: split.column, message: split.message });
      return undefined;
    }
    yamlText = split.yaml;
    state.yamlLine = split.yamlLine;
    state.body = split.body;
    state.bodyLine = split.bodyLine;
    state.bodyOffset = split.bodyOffset;
  }
  state.yamlText = yamlText;
  const parsed = parseYaml(yamlText);
  if (parsed.ok) state.findings.push(...numberPrecisionFindings(yamlText, state.yamlLine));
  if (!parsed.ok) {
    state.findings.push({ rule: 'frontmatter-syntax', line: parsed.error.line + state.yamlLine - 1, column: parsed.error.column, message: parsed.error.message });
    return undefined;
  }
  const data = parsed.data;
  if (def.format === 'yaml') return data ?? [];
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    state.findings.push({ rule: 'schema', path: [], message: `the frontmatter must be a map of fields, not ${Array.isArray(data) ? 'a list' : 'a single value'}` });
    return undefined;
  }
  return data;
}
