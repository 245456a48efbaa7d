/**
 * The editor and the CLI agree: every fixture file of every kind is checked by ajv against
 * `abx schema <kind>` and by `abx validate`, and both must pass or both fail it. Also the values
 * the issue found (`name: ''`, a 25:61 time) and, property-based, the date, time and period
 * patterns against the functions validate uses.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DATE_OR_DATE_TIME_PATTERN, DATE_PATTERN, kindJsonSchema, SCHEMA_KINDS, type SchemaKind } from '../../src/core/json-schema.js';
import { isDate, isDateOrDateTime } from '../../src/core/dates.js';
import { isPeriod } from '../../src/core/kinds/kpi.js';
import { FIXTURES, REPO, runAbx } from '../helpers.js';

const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false });
const validators = Object.fromEntries(SCHEMA_KINDS.map((kind) => [kind, ajv.compile(JSON.parse(runAbx(['schema', kind]).stdout))])) as Record<SchemaKind, ReturnType<typeof ajv.compile>>;

const FOLDER_KIND: Record<string, SchemaKind> = { segments: 'segment', accounts: 'account', bets: 'bet', journeys: 'journey', kpis: 'kpi' };

/** What no JSON Schema can say (docs/schemas.md): validate alone checks these. */
const UNREPRESENTABLE = [/^scoring\.weights must add up to exactly 100/, /must list the tier 1 threshold first/];

/** Every workspace among the fixtures and templates (a folder holding abx.config.yaml). */
function workspaces(dir: string): string[] {
  if (existsSync(join(dir, 'abx.config.yaml'))) return [dir];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => workspaces(join(dir, e.name)));
}

function filesOf(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesOf(root, full) : [relative(root, full)];
  });
}

function kindOf(path: string): SchemaKind | undefined {
  if (path === 'abx.config.yaml') return 'config';
  const folder = path.split('/')[0] ?? '';
  const kind = FOLDER_KIND[folder];
  if (!kind) return undefined;
  return kind === 'kpi' ? (/\.ya?ml$/.test(path) ? kind : undefined) : path.endsWith('.md') ? kind : undefined;
}

/** The data an editor checks: the frontmatter of a markdown file, the whole of a YAML file; undefined when it does not parse. */
function dataOf(text: string, kind: SchemaKind): { ok: true; data: unknown } | { ok: false } {
  try {
    if (kind === 'kpi' || kind === 'config') return { ok: true, data: parse(text, { logLevel: 'error' }) };
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
    return m ? { ok: true, data: parse(m[1] as string, { logLevel: 'error' }) ?? {} } : { ok: false };
  } catch {
    return { ok: false };
  }
}

interface ValidateProblem {
  file: string;
  rule: string;
  severity: string;
  message: string;
}

const SCHEMA_RULES = new Set(['schema', 'frontmatter-syntax', 'frontmatter-missing', 'yaml-syntax', 'config-syntax']);

describe('editor schemas agree with abx validate', () => {
  const all = [...workspaces(FIXTURES), ...workspaces(join(REPO, 'templates'))];

  it('covers every fixture workspace and the templates', () => {
    expect(all.length).toBeGreaterThan(55);
  });

  it.each(all.map((ws) => [relative(REPO, ws), ws]))('on every file of %s', (_name, ws) => {
    const disagreements: string[] = [];
    const out = JSON.parse(runAbx(['validate', '--format', 'json'], { cwd: ws }).stdout) as { problems: ValidateProblem[] };
    for (const file of filesOf(ws)) {
      const kind = kindOf(file);
      if (!kind) continue;
      // A binary or oversized file is not text an editor checks against a schema.
      if (out.problems.some((p) => p.file === file && p.rule === 'file-unreadable')) continue;
      const problems = out.problems.filter((p) => p.file === file && p.severity === 'error' && SCHEMA_RULES.has(p.rule));
      if (problems.some((p) => UNREPRESENTABLE.some((re) => re.test(p.message)))) continue;
      const cliFails = problems.length > 0;
      const parsed = dataOf(readFileSync(join(ws, file), 'utf8'), kind);
      const editorFails = !parsed.ok || !validators[kind](parsed.data);
      if (cliFails !== editorFails) {
        disagreements.push(`${file}: validate ${cliFails ? `fails (${problems.map((p) => p.message).join('; ')})` : 'passes'}, the JSON Schema ${editorFails ? `fails (${ajv.errorsText(validators[kind].errors)})` : 'passes'}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('rejects what validate rejects: an empty name, a 25:61 time, 30 February, a blank name', () => {
    const account = (extra: Record<string, unknown>) => ({ name: 'Acme', ...extra });
    const verdicts = [
      account({ name: '' }),
      account({ name: '   ' }),
      account({ signals: [{ type: 'procurement', date: '2026-10-13', summary: 'x', first_touch: '2026-10-13T25:61:00Z' }] }),
      account({ signals: [{ type: 'procurement', date: '2026-02-30', summary: 'x' }] }),
      account({ signals: [{ type: 'procurement', date: '2026-10-13', summary: 'x', first_touch: '2026-10-13T23:59:59+05:30' }] }),
    ].map((data) => validators.account(data));
    expect(verdicts).toEqual([false, false, false, false, true]);
  });

  it('the date, date-time and period patterns accept exactly what validate accepts', () => {
    const date = new RegExp(DATE_PATTERN, 'u');
    const dateTime = new RegExp(DATE_OR_DATE_TIME_PATTERN, 'u');
    const period = new RegExp((kindJsonSchema('kpi') as { items: { properties: { period: { pattern: string } } } }).items.properties.period.pattern, 'u');
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const dateText = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    const timeText = fc
      .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.option(fc.integer({ min: 0, max: 61 })), fc.constantFrom('', 'Z', 'z', '+05:30', '-0800', '+24:00', '+05:60'), fc.constantFrom('T', ' ', 't'))
      .map(([h, m, s, zone, sep]) => `${sep}${pad(h, 2)}:${pad(m, 2)}${s === null ? '' : `:${pad(s, 2)}`}${zone}`);
    fc.assert(fc.property(dateText, (d) => date.test(d) === isDate(d)), { numRuns: 3000 });
    fc.assert(fc.property(dateText, timeText, (d, t) => dateTime.test(d + t) === isDateOrDateTime(d + t)), { numRuns: 3000 });
    const periodText = fc.oneof(dateText, fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.constantFrom('W', 'Q', ''), fc.integer({ min: 0, max: 60 })).map(([y, k, n]) => `${pad(y, 4)}-${k}${pad(n, k === 'Q' ? 1 : 2)}`));
    fc.assert(fc.property(periodText, (p) => period.test(p) === isPeriod(p)), { numRuns: 3000 });
    for (const leap of ['2024-02-29', '2000-02-29', '0400-02-29']) expect([leap, date.test(leap)]).toEqual([leap, true]);
    for (const notLeap of ['2026-02-29', '1900-02-29', '0099-01-01']) expect([notLeap, date.test(notLeap)]).toEqual([notLeap, false]);
  });
});
