/**
 * `abx validate --format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE
 * viewers). Every rule abx knows is described once in `tool.driver.rules` from the RULES
 * registry; each result points at its rule by id and index. Regions start at line 1 and every
 * result has `message.text`, as the schema and GitHub require.
 */
import { RULES, type RuleInfo } from '../../core/problem.js';
import type { ProblemReport, Renderer } from '../views.js';
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


export function renderSarif(report: ProblemReport): string {
  const ids = Object.keys(RULES);
  for (const p of report.problems) if (!ids.includes(p.rule)) ids.push(p.rule);
  const rules = ids.map((id) => descriptor(id, (RULES as Record<string, RuleInfo>)[id]));
  const index = new Map(ids.map((id, i) => [id, i]));

  const results = report.problems.map((p) => {
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
  });

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'abx', version: report.version, semanticVersion: report.version, rules } },
        columnKind: 'utf16CodeUnits',
        artifacts: report.files.map((f) => ({ location: { uri: pathToUri(f), uriBaseId: '%SRCROOT%' } })),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

export const render: Renderer<ProblemReport> = renderSarif;
