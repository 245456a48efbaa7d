/**
 * The pure heart of abx: file texts and a config in; typed records, scores and located problems
 * out. No file system, no console, no clock: the workspace layer reads the files (or hands over a
 * function that does) and the CLI supplies the as-of date.
 *
 * Files are taken one at a time, segments first (scoring needs them), and each file's problems
 * are located as soon as its last rule has run, so in lean mode its text can be let go at once:
 * a 50,000-account workspace is validated without holding 50,000 texts, records and
 * explanations. References are checked against the ids of the file list, which are known
 * before any file is read.
 */
import { checkSchema } from './check-schema.js';
import { severityOf, type Config } from './config.js';
import { dayNumber } from './dates.js';
import { splitFrontmatter } from './frontmatter.js';
import { checkGeneratedBlocks } from './blocks.js';
import { compareProblems, type DataPath, type Finding, type Problem } from './problem.js';
import { accountRules } from './rules/account-rules.js';
import { betRules, journeyRules, segmentRules } from './rules/kind-rules.js';
import { numberPrecisionFindings } from './rules/number-precision.js';
import { budgetShareFindings, duplicateDomainFinding, KpiLedger, referenceFindings, type FileIds } from './rules/cross-file.js';
import { KIND_SCHEMAS, accountSchema, kpiRecordSchema, type Account, type Bet, type Journey, type Kind, type KpiRecord, type Segment } from './schemas.js';
import { compactScore, scoreAccount, type AccountScore } from './scoring/account.js';
import { parseYaml, parseYamlDocument, type ParsedDocument } from './yaml/parse.js';
import { locatePath } from './yaml/locate.js';
import { locateFast } from './yaml/locate-fast.js';
import { ID_PATTERN } from './schemas.js';

export interface FileRef {
  /** Relative to the workspace root, with `/`. */
  path: string;
  kind: Kind;
}

export interface SourceFile extends FileRef {
  /** The file's text, BOM removed; absent when it could not be read. */
  text?: string;
  /** Why the file could not be read as text. */
  unreadable?: string;
}

/** A JSON Schema check supplied by the workspace layer (ajv), reporting data paths. */
export type CustomCheck = (data: unknown) => { path: DataPath; message: string }[];

export interface AnalyzeInput {
  config: Config;
  /** Files with their text, or references that `read` turns into files when their turn comes. */
  files: readonly (SourceFile | FileRef)[];
  read?: (file: FileRef) => SourceFile;
  asOf: string;
  customChecks?: Partial<Record<Kind, CustomCheck>>;
  /**
   * Keep only what `validate` and `score` print: problems and scores without explanations.
   * The account, bet and journey maps stay empty and texts are let go file by file.
   */
  lean?: boolean;
  /** Scores are kept unless this is false (`validate` prints problems only). */
  keepScores?: boolean;
  /** 'count': warnings are counted, not listed (`score` lists errors only), which spares locating them. */
  warnings?: 'list' | 'count';
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
  /** Files analysed. */
  fileCount: number;
  problems: Problem[];
  segments: Map<string, Entry<Segment>>;
  /** Empty in lean mode, like bets and journeys. */
  accounts: Map<string, Entry<Account>>;
  bets: Map<string, Entry<Bet>>;
  journeys: Map<string, Entry<Journey>>;
  kpis: KpiEntry[];
  /** Accounts scored, in path order; accounts whose data could not be read are absent. */
  scores: Map<string, AccountScore>;
  /** Files with at least one error. */
  filesWithErrors: Set<string>;
  /** Warnings counted but not in `problems` (AnalyzeInput.warnings 'count'). */
  unlistedWarnings: number;
}

interface FileState {
  path: string;
  kind: Kind;
  id: string;
  findings: Finding[];
  /** The whole text, kept while the file is worked on (and after, unless lean). */
  text?: string;
  unreadable?: string;
  yamlText?: string;
  yamlLine: number;
  body: string;
  bodyLine: number;
  bodyOffset: number;
  document?: ParsedDocument;
}

export function fileId(path: string, kind: Kind): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return kind === 'kpis' ? base.replace(/\.ya?ml$/i, '') : base.replace(/\.md$/i, '');
}

const KIND_ORDER: Record<Kind, number> = { segments: 0, accounts: 1, bets: 1, journeys: 1, kpis: 1 };

export function analyze(input: AnalyzeInput): Analysis {
  const { config, asOf } = input;
  const lean = input.lean === true;
  const day = dayNumber(asOf);
  if (day === undefined) throw new RangeError(`as-of date ${asOf} is not a date`);
  const asOfDay: number = day;

  const segments = new Map<string, Entry<Segment>>();
  const accounts = new Map<string, Entry<Account>>();
  const bets = new Map<string, Entry<Bet>>();
  const journeys = new Map<string, Entry<Journey>>();
  const kpis: KpiEntry[] = [];
  const scores = new Map<string, AccountScore>();
  const problems: Problem[] = [];
  const filesWithErrors = new Set<string>();
  const kpiLedger = new KpiLedger();
  /** Normalised domain → the first account file (in path order) that has it. */
  const domainOwners = new Map<string, string>();

  // Ids come from file names, so references and duplicates are settled by the list alone.
  const fileIds: FileIds = { segments: new Set(), accounts: new Set() };
  const firstFileOfId = new Map<string, string>();
  for (const f of input.files) {
    const id = fileId(f.path, f.kind);
    if (f.kind === 'segments' || f.kind === 'accounts') fileIds[f.kind].add(id);
    if (f.kind !== 'kpis' && !firstFileOfId.has(`${f.kind}\u0000${id}`)) firstFileOfId.set(`${f.kind}\u0000${id}`, f.path);
  }

  // Segments first: every account's score needs its segment's criteria.
  const order = input.files.map((f, i) => i).sort((a, b) => KIND_ORDER[(input.files[a] as FileRef).kind] - KIND_ORDER[(input.files[b] as FileRef).kind] || a - b);
  const segmentStates: FileState[] = [];

  let unlistedWarnings = 0;
  const finish = (state: FileState) => {
    for (const finding of state.findings) {
      const severity = severityOf(config, finding.rule);
      if (!severity) continue;
      if (severity === 'warning' && input.warnings === 'count') {
        unlistedWarnings++;
        continue;
      }
      problems.push({ file: state.path, ...positionOf(state, finding), severity, rule: finding.rule, message: finding.message });
      if (severity === 'error') filesWithErrors.add(state.path);
    }
    state.findings = [];
    if (lean) {
      state.text = undefined;
      state.yamlText = undefined;
      state.document = undefined;
      state.body = '';
    }
  };

  for (const index of order) {
    const ref = input.files[index] as SourceFile;
    const source = ref.text !== undefined || ref.unreadable !== undefined || !input.read ? ref : input.read(ref);
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
    if (state.kind === 'segments') segmentStates.push(state);
    analyzeFile(state);
    if (state.kind !== 'segments') finish(state);
  }

  // Budget shares are known once every segment is read; then the segments are done too.
  const budget = budgetShareFindings([...segments.values()]);
  for (const state of segmentStates) {
    const extra = budget.get(state.path);
    if (extra) state.findings.push(extra);
    finish(state);
  }
  problems.sort(compareProblems);

  return { asOf, config, fileCount: input.files.length, problems, segments, accounts, bets, journeys, kpis, scores, filesWithErrors, unlistedWarnings };

  function analyzeFile(state: FileState): void {
    const data = readData(state);
    if (data === undefined) return;

    if (state.kind !== 'kpis' && !ID_PATTERN.test(state.id)) {
      state.findings.push({ rule: 'invalid-id', line: 1, column: 1, message: `the file name "${state.id}" is not a valid id: use lowercase letters, digits and -` });
    }
    const first = state.kind === 'kpis' ? undefined : firstFileOfId.get(`${state.kind}\u0000${state.id}`);
    if (first !== undefined && first !== state.path) {
      state.findings.push({ rule: 'duplicate-id', line: 1, column: 1, message: `the id "${state.id}" is already used by ${first}: ids are unique within a kind` });
      return;
    }

    const checked = checkSchema(KIND_SCHEMAS[state.kind], data, state.kind === 'kpis' ? 'the file' : 'the frontmatter');
    state.findings.push(...checked.findings);
    const custom = input.customChecks?.[state.kind];
    if (custom) {
      for (const issue of custom(data)) state.findings.push({ rule: 'custom-schema', path: issue.path, message: issue.message });
    }

    switch (state.kind) {
      case 'segments': {
        const segment = checked.data as Segment | undefined;
        if (!segment) return;
        segments.set(state.id, makeEntry(state, segment));
        state.findings.push(...segmentRules(segment));
        return;
      }
      case 'accounts': {
        let account = checked.data as Account | undefined;
        let maps: IndexMaps | undefined;
        if (!account) {
          const salvaged = salvageAccount(data, checked.findings);
          if (!salvaged) return;
          account = salvaged.account;
          maps = salvaged.maps;
        }
        const entry = makeEntry(state, account);
        if (!lean) accounts.set(state.id, entry);
        state.findings.push(...remap(accountRules(account, config, asOfDay), maps));
        state.findings.push(...referenceFindings('accounts', account, fileIds));
        const domainFinding = duplicateDomainFinding(domainOwners, state.path, account.domain);
        if (domainFinding) state.findings.push(domainFinding);
        const segment = account.segment ? segments.get(account.segment) : undefined;
        const { score, findings } = scoreAccount({ id: state.id, account, segment: segment?.data, config, asOfDay, detail: !lean });
        if (maps) remapScore(score, maps);
        state.findings.push(...remap(findings, maps));
        state.findings.push(...checkGeneratedBlocks(entry, score));
        if (input.keepScores !== false) scores.set(state.id, lean ? compactScore(score) : score);
        return;
      }
      case 'bets': {
        const bet = checked.data as Bet | undefined;
        if (!bet) return;
        if (!lean) bets.set(state.id, makeEntry(state, bet));
        state.findings.push(...betRules(bet, asOfDay), ...referenceFindings('bets', bet, fileIds));
        return;
      }
      case 'journeys': {
        const journey = checked.data as Journey | undefined;
        if (!journey) return;
        if (!lean) journeys.set(state.id, makeEntry(state, journey));
        state.findings.push(...journeyRules(journey, config), ...referenceFindings('journeys', journey, fileIds));
        return;
      }
      case 'kpis': {
        // Valid records of a KPI file count even when others in it are broken (and reported).
        const records = (checked.data as KpiRecord[] | undefined) ?? (Array.isArray(data) ? data.map((item) => kpiRecordSchema.safeParse(item)).map((r) => (r.success ? r.data : undefined)) : []);
        records.forEach((record, index) => {
          if (!record) return;
          const entry = { record, file: state.path, index };
          kpis.push(entry);
          const finding = kpiLedger.add(entry);
          if (finding) state.findings.push(finding);
        });
        return;
      }
    }
  }
}

/** Reads a file's YAML data, or records why it cannot be read and returns undefined. */
function readData(state: FileState): unknown {
  if (state.text === undefined) {
    state.findings.push({ rule: 'file-unreadable', line: 1, column: 1, message: state.unreadable ?? 'the file cannot be read' });
    return undefined;
  }
  let yamlText = state.text;
  if (state.kind !== 'kpis') {
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
  if (state.kind === 'kpis') return data ?? [];
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
  return {
    id: state.id,
    file: state.path,
    data,
    body: state.body,
    bodyLine: state.bodyLine,
    bodyOffset: state.bodyOffset,
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
