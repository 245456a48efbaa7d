/**
 * The pure heart of abx: file texts and a config in; typed records, scores and located problems
 * out. No file system, no console, no clock: the workspace layer reads the files and the CLI
 * supplies the as-of date.
 */
import { checkSchema } from './check-schema.js';
import { severityOf, type Config } from './config.js';
import { dayNumber } from './dates.js';
import { splitFrontmatter } from './frontmatter.js';
import { checkGeneratedBlocks } from './blocks.js';
import { compareProblems, type DataPath, type Finding, type Problem } from './problem.js';
import { accountRules } from './rules/account-rules.js';
import { betRules, journeyRules, segmentRules } from './rules/kind-rules.js';
import { crossFileRules } from './rules/cross-file.js';
import { KIND_SCHEMAS, accountSchema, kpiRecordSchema, type Account, type Bet, type Journey, type Kind, type KpiRecord, type Segment } from './schemas.js';
import { scoreAccount, type AccountScore } from './scoring/account.js';
import { parseYaml, parseYamlDocument, type ParsedDocument } from './yaml/parse.js';
import { locatePath } from './yaml/locate.js';
import { locateFast } from './yaml/locate-fast.js';
import { ID_PATTERN } from './schemas.js';
import { KPI_IDS } from './kpis.js';

export interface SourceFile {
  /** Relative to the workspace root, with `/`. */
  path: string;
  kind: Kind;
  /** The file's text, BOM removed; absent when it could not be read. */
  text?: string;
  /** Why the file could not be read as text. */
  unreadable?: string;
}

/** A JSON Schema check supplied by the workspace layer (ajv), reporting data paths. */
export type CustomCheck = (data: unknown) => { path: DataPath; message: string }[];

export interface AnalyzeInput {
  config: Config;
  files: readonly SourceFile[];
  asOf: string;
  customChecks?: Partial<Record<Kind, CustomCheck>>;
}

export interface Entry<T> {
  id: string;
  file: string;
  data: T;
  /** The markdown body after the frontmatter (empty for KPI files). */
  body: string;
  bodyLine: number;
  bodyOffset: number;
  /** Positions in this file, computed on first use. */
  locate: (path: DataPath) => { line: number; column: number };
}

export interface KpiEntry {
  record: KpiRecord;
  file: string;
  index: number;
}

export interface Analysis {
  asOf: string;
  config: Config;
  /** Files analysed, by kind. */
  fileCount: number;
  problems: Problem[];
  segments: Map<string, Entry<Segment>>;
  accounts: Map<string, Entry<Account>>;
  bets: Map<string, Entry<Bet>>;
  journeys: Map<string, Entry<Journey>>;
  kpis: KpiEntry[];
  /** Accounts scored, in file order; accounts whose data could not be read are absent. */
  scores: Map<string, AccountScore>;
  /** Files with at least one error. */
  filesWithErrors: Set<string>;
}

interface FileState {
  source: SourceFile;
  id: string;
  findings: Finding[];
  yamlText?: string;
  yamlLine: number;
  document?: ParsedDocument;
}

export function fileId(path: string, kind: Kind): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return kind === 'kpis' ? base.replace(/\.ya?ml$/i, '') : base.replace(/\.md$/i, '');
}

export function analyze(input: AnalyzeInput): Analysis {
  const { config, asOf } = input;
  const asOfDay = dayNumber(asOf);
  if (asOfDay === undefined) throw new RangeError(`as-of date ${asOf} is not a date`);

  const states: FileState[] = [];
  const segments = new Map<string, Entry<Segment>>();
  const accounts = new Map<string, Entry<Account>>();
  const bets = new Map<string, Entry<Bet>>();
  const journeys = new Map<string, Entry<Journey>>();
  const kpis: KpiEntry[] = [];
  const firstFileOfId = new Map<string, string>();
  const salvageMaps = new Map<string, IndexMaps>();

  for (const source of input.files) {
    const state: FileState = { source, id: fileId(source.path, source.kind), findings: [], yamlLine: 1 };
    states.push(state);
    const data = readData(state);
    if (data === undefined) continue;

    if (source.kind !== 'kpis' && !ID_PATTERN.test(state.id)) {
      state.findings.push({ rule: 'invalid-id', line: 1, column: 1, message: `the file name "${state.id}" is not a valid id: use lowercase letters, digits and -` });
    }
    const idKey = `${source.kind}\u0000${state.id}`;
    if (source.kind !== 'kpis') {
      const first = firstFileOfId.get(idKey);
      if (first !== undefined) {
        state.findings.push({ rule: 'duplicate-id', line: 1, column: 1, message: `the id "${state.id}" is already used by ${first}: ids are unique within a kind` });
        continue;
      }
      firstFileOfId.set(idKey, source.path);
    }

    const schema = KIND_SCHEMAS[source.kind];
    const checked = checkSchema(schema, data, source.kind === 'kpis' ? 'the file' : 'the frontmatter');
    state.findings.push(...checked.findings);

    const custom = input.customChecks?.[source.kind];
    if (custom) {
      for (const issue of custom(data)) state.findings.push({ rule: 'custom-schema', path: issue.path, message: issue.message });
    }

    let typed = checked.data;
    if (typed === undefined && source.kind === 'kpis' && Array.isArray(data)) {
      // Valid records of a KPI file still count; the broken ones are reported.
      data.forEach((item, index) => {
        const record = kpiRecordSchema.safeParse(item);
        if (record.success) kpis.push({ record: record.data, file: source.path, index });
      });
      continue;
    }
    if (typed === undefined && source.kind === 'accounts') {
      const salvaged = salvageAccount(data, checked.findings);
      if (salvaged) {
        typed = salvaged.account;
        salvageMaps.set(state.id, salvaged.maps);
      }
    }
    if (typed === undefined) continue;

    const entry = makeEntry(state, typed);
    switch (source.kind) {
      case 'segments':
        segments.set(state.id, entry as Entry<Segment>);
        state.findings.push(...segmentRules(typed as Segment));
        break;
      case 'accounts':
        accounts.set(state.id, entry as Entry<Account>);
        state.findings.push(...remap(accountRules(typed as Account, config, asOfDay), salvageMaps.get(state.id)));
        break;
      case 'bets':
        bets.set(state.id, entry as Entry<Bet>);
        state.findings.push(...betRules(typed as Bet, asOfDay));
        break;
      case 'journeys':
        journeys.set(state.id, entry as Entry<Journey>);
        state.findings.push(...journeyRules(typed as Journey, config));
        break;
      case 'kpis':
        (typed as KpiRecord[]).forEach((record, index) => kpis.push({ record, file: source.path, index }));
        break;
    }
  }

  const byPath = new Map(states.map((s) => [s.source.path, s]));
  const fileIds = { segments: new Set<string>(), accounts: new Set<string>() };
  for (const st of states) if (st.source.kind === 'segments' || st.source.kind === 'accounts') fileIds[st.source.kind].add(st.id);
  const cross = crossFileRules({ segments, accounts, bets, journeys, kpis, kpiIds: KPI_IDS, fileIds });
  for (const { file, finding } of cross) byPath.get(file)?.findings.push(finding);

  const scores = new Map<string, AccountScore>();
  for (const [id, entry] of accounts) {
    const segment = entry.data.segment ? segments.get(entry.data.segment) : undefined;
    const { score, findings } = scoreAccount({ id, account: entry.data, segmentId: segment?.id, segment: segment?.data, config, asOfDay });
    const maps = salvageMaps.get(id);
    if (maps) remapScore(score, maps);
    scores.set(id, score);
    const state = byPath.get(entry.file);
    if (!state) continue;
    state.findings.push(...remap(findings, maps));
    state.findings.push(...checkGeneratedBlocks(entry, score, config));
  }

  const problems: Problem[] = [];
  const filesWithErrors = new Set<string>();
  for (const state of states) {
    for (const finding of state.findings) {
      const severity = severityOf(config, finding.rule);
      if (!severity) continue;
      const position = positionOf(state, finding);
      problems.push({ file: state.source.path, ...position, severity, rule: finding.rule, message: finding.message });
      if (severity === 'error') filesWithErrors.add(state.source.path);
    }
  }
  problems.sort(compareProblems);

  return { asOf, config, fileCount: states.length, problems, segments, accounts, bets, journeys, kpis, scores, filesWithErrors };
}

/** Reads a file's YAML data, or records why it cannot be read and returns undefined. */
function readData(state: FileState): unknown {
  const { source } = state;
  if (source.text === undefined) {
    state.findings.push({ rule: 'file-unreadable', line: 1, column: 1, message: source.unreadable ?? 'the file cannot be read' });
    return undefined;
  }
  let yamlText = source.text;
  if (source.kind !== 'kpis') {
    const split = splitFrontmatter(source.text);
    if (!split.ok) {
      state.findings.push({ rule: split.rule, line: split.line, column: split.column, message: split.message });
      return undefined;
    }
    yamlText = split.yaml;
    state.yamlLine = split.yamlLine;
  }
  state.yamlText = yamlText;
  const parsed = parseYaml(yamlText);
  if (!parsed.ok) {
    state.findings.push({ rule: 'frontmatter-syntax', line: parsed.error.line + state.yamlLine - 1, column: parsed.error.column, message: parsed.error.message });
    return undefined;
  }
  const data = parsed.data;
  if (source.kind === 'kpis') return data ?? [];
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    state.findings.push({ rule: 'schema', path: [], message: `the frontmatter must be a map of fields, not ${Array.isArray(data) ? 'a list' : 'a single value'}` });
    return undefined;
  }
  return data;
}

function documentOf(state: FileState): ParsedDocument | undefined {
  if (state.yamlText === undefined) return undefined;
  state.document ??= parseYamlDocument(state.yamlText);
  return state.document;
}

function positionOf(state: FileState, finding: Finding): Pick<Problem, 'line' | 'column' | 'endLine' | 'endColumn'> {
  if (finding.line !== undefined) {
    return { line: finding.line, column: finding.column ?? 1, endLine: finding.endLine, endColumn: finding.endColumn };
  }
  // Line-shaped YAML is located from its lines; the Document is parsed only for the rest.
  const fast = state.yamlText !== undefined && !state.document ? locateFast(state.yamlText, finding.path ?? []) : undefined;
  const doc = fast ? undefined : documentOf(state);
  if (!fast && !doc) return { line: 1, column: 1 };
  const span = fast ?? locatePath(doc!.doc, doc!.lineCounter, finding.path ?? []);
  const offset = state.yamlLine - 1;
  return { line: span.line + offset, column: span.column, endLine: span.endLine + offset, endColumn: span.endColumn };
}

function makeEntry<T>(state: FileState, data: T): Entry<T> {
  let body = '';
  let bodyLine = 1;
  let bodyOffset = 0;
  if (state.source.kind !== 'kpis' && state.source.text !== undefined) {
    const split = splitFrontmatter(state.source.text);
    if (split.ok) {
      body = split.body;
      bodyLine = split.bodyLine;
      bodyOffset = split.bodyOffset;
    }
  }
  return {
    id: state.id,
    file: state.source.path,
    data,
    body,
    bodyLine,
    bodyOffset,
    locate: (path) => {
      const p = positionOf(state, { rule: 'schema', message: '', path });
      return { line: p.line, column: p.column };
    },
  };
}

// ---------------------------------------------------------------- salvage: score what can be scored

const LISTS = ['engagement', 'buying_committee', 'signals', 'next_actions', 'tags'] as const;
type IndexMaps = Map<string, number[]>;

/**
 * An account with schema errors is still scored from the parts that are valid: a broken list item
 * is left out, a broken field is dropped (a broken `pure` makes the account unscored). The errors
 * are reported all the same; list indexes are mapped back so positions stay right.
 */
function salvageAccount(data: unknown, findings: Finding[]): { account: Account; maps: IndexMaps } | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  const dropItems = new Map<string, Set<number>>();
  for (const f of findings) {
    if (f.rule !== 'schema' || !f.path || f.path.length === 0) continue;
    const [top, index] = f.path;
    if (typeof top !== 'string' || top === 'name') return undefined;
    const value = copy[top];
    if ((LISTS as readonly string[]).includes(top) && typeof index === 'number' && Array.isArray(value)) {
      const set = dropItems.get(top) ?? new Set<number>();
      set.add(index);
      dropItems.set(top, set);
    } else if (top !== 'pure' && typeof index === 'string' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      // A broken fact or given fit component: drop that one key, keep the rest of the map.
      const map: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      delete map[index];
      copy[top] = map;
    } else {
      delete copy[top];
    }
  }
  const maps: IndexMaps = new Map();
  for (const [list, drop] of dropItems) {
    const items = copy[list];
    if (!Array.isArray(items)) continue;
    const kept: unknown[] = [];
    const origin: number[] = [];
    items.forEach((item, i) => {
      if (!drop.has(i)) {
        kept.push(item);
        origin.push(i);
      }
    });
    copy[list] = kept;
    maps.set(list, origin);
  }
  const again = accountSchema.safeParse(copy);
  return again.success ? { account: again.data, maps } : undefined;
}

function remapPath(path: DataPath | undefined, maps: IndexMaps | undefined): DataPath | undefined {
  if (!maps || !path || path.length < 2) return path;
  const [top, index, ...rest] = path;
  const origin = typeof top === 'string' ? maps.get(top) : undefined;
  if (!origin || typeof index !== 'number') return path;
  return [top as string, origin[index] ?? index, ...rest];
}

function remap(findings: Finding[], maps: IndexMaps | undefined): Finding[] {
  if (!maps) return findings;
  return findings.map((f) => ({ ...f, path: remapPath(f.path, maps) }));
}

function remapScore(score: AccountScore, maps: IndexMaps): void {
  for (const component of Object.values(score.fit.components)) {
    component.evidence = component.evidence.map((e) => (e.source === 'account' ? { ...e, path: remapPath(e.path, maps) ?? e.path } : e));
  }
  const signalOrigin = maps.get('signals');
  if (signalOrigin) for (const s of score.signals) s.index = signalOrigin[s.index] ?? s.index;
}
