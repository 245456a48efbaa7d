/**
 * `abx validate --format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE
 * viewers). Every rule abx knows is described once in `tool.driver.rules` from the RULES
 * registry; each result points at its rule by id and index. Regions start at line 1 and every
 * result has `message.text`, as the schema and GitHub require.
 */
import { RULES, type RuleInfo } from '../../core/problem.js';
import type { Problem } from '../../core/problem.js';
import type { PiecesStyle, ProblemPieces, ProblemReport, Renderer } from '../views.js';
import { pathToUri, sarifText } from '../escape/sarif.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

interface RuleDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: 'error' | 'warning' };
  properties: { tags: string[] };
}

function descriptor(id: string, info: RuleInfo | undefined): RuleDescriptor {
  const summary = info?.summary ?? `The ${id} rule.`;
  const plain = summary.replace(/`/g, '');
  const setting = info?.fixed
    ? 'This rule guards how abx reads the file and cannot be switched off.'
    : `Set its severity in abx.config.yaml: rules: { ${id}: error | warn | off }.`;
  return {
    id,
    name: id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: plain },
    fullDescription: { text: plain },
    help: { text: `${plain} ${setting}`, markdown: `${summary}\n\n${setting.replace(/rules: \{[^}]*\}/, (m) => `\`${m}\``)}` },
    defaultConfiguration: { level: info?.severity ?? 'error' },
    properties: { tags: ['abx'] },
  };
}


const KNOWN_IDS = Object.keys(RULES);

/** The rule ids in order, RULES first and any other in the order of the problems, with their descriptors. */
function ruleTable(problems: readonly Problem[]): { rules: RuleDescriptor[]; index: Map<string, number> } {
  const ids = [...KNOWN_IDS];
  for (const p of problems) if (!ids.includes(p.rule)) ids.push(p.rule);
  return { rules: ids.map((id) => descriptor(id, (RULES as Record<string, RuleInfo>)[id])), index: new Map(ids.map((id, i) => [id, i])) };
}

function result(p: Problem, table: ReturnType<typeof ruleTable>) {
  const { rules, index } = table;
  const startLine = Math.max(1, Math.trunc(p.line) || 1);
  const startColumn = Math.max(1, Math.trunc(p.column) || 1);
  const region: Record<string, number> = { startLine, startColumn };
  if (p.endLine !== undefined && p.endLine >= startLine) {
    region.endLine = p.endLine;
    if (p.endColumn !== undefined && (p.endLine > startLine || p.endColumn >= startColumn)) region.endColumn = Math.max(1, p.endColumn);
  }
  return {
    ruleId: p.rule,
    ruleIndex: index.get(p.rule) ?? 0,
    level: p.severity === 'error' ? 'error' : 'warning',
    message: { text: p.message.trim() === '' ? rules[index.get(p.rule) ?? 0]?.shortDescription.text ?? p.rule : sarifText(p.message) },
    locations: [{ physicalLocation: { artifactLocation: { uri: pathToUri(p.file), uriBaseId: '%SRCROOT%' }, region } }],
  };
}

function sarifLog(version: string, rules: RuleDescriptor[], files: readonly string[], results: unknown[]) {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'abx', version, semanticVersion: version, rules } },
        columnKind: 'utf16CodeUnits',
        artifacts: files.map((f) => ({ location: { uri: pathToUri(f), uriBaseId: '%SRCROOT%' } })),
        results,
      },
    ],
  };
}

export function renderSarif(report: ProblemReport): string {
  const table = ruleTable(report.problems);
  const results = report.problems.map((p) => result(p, table));
  return `${JSON.stringify(sarifLog(report.version, table.rules, report.files, results), null, 2)}\n`;
}

/**
 * In pieces: the log with its results written one by one where `JSON.stringify` would put them.
 * Rule indexes are fixed before the first problem, so only rules of RULES are taken: every
 * finding names one (`Finding.rule` is a RuleId); a problem of another rule is a bug.
 */
export const pieces = (style: PiecesStyle): ProblemPieces => {
  const table = ruleTable([]);
  const indent = (text: string) => text.replace(/\n/g, '\n        ');
  return {
    file: (problems) =>
      problems
        .map((p) => {
          if (!table.index.has(p.rule)) throw new Error(`abx validate: no rule ${p.rule} in RULES`);
          return `\n        ${indent(JSON.stringify(result(p, table), null, 2))}`;
        })
        .join(','),
    between: ',',
    grouped: false,
    frame: ({ errors, warnings }, files) => {
      const whole = `${JSON.stringify(sarifLog(style.version, table.rules, files, []), null, 2)}\n`;
      const at = whole.lastIndexOf('"results": []') + '"results": ['.length;
      return [whole.slice(0, at), errors + warnings === 0 ? whole.slice(at) : `\n      ${whole.slice(at)}`];
    },
  };
};

export const render: Renderer<ProblemReport> = renderSarif;
