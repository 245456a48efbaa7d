/**
 * Hover on a key: what it means (its JSON Schema description) and the values it takes; on an
 * account's `pure:` or `fit:`, the account's current PURE tier or fit score with the explanation
 * `abx score --explain` gives (`format/score/explain.ts`), as markdown. On an id, the file it
 * names; on a KPI id, what the KPI measures.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Config } from '../core/config.js';
import type { SchemaKind } from '../core/json-schema.js';
import { fileId, kindDef } from '../core/kinds/index.js';
import { KPI_DEFINITIONS } from '../core/kpis.js';
import { RULES, type RuleId } from '../core/problem.js';
import type { AccountScore } from '../core/scoring/account.js';
import { FIT_LABELS } from '../core/scoring/fit.js';
import { PURE_LABELS } from '../core/scoring/pure.js';
import { markdownCode, markdownText } from '../format/escape/markdown.js';
import { explanationOf, type SourceLocator } from '../format/score/explain.js';
import { cursorAt, wordUnder } from './cursor.js';
import { referencedKind } from './references.js';
import type { EditorDocument, WorkspaceFacts } from './facts.js';
import { descriptionAt, nodesAt, schemaKindOfDoc, valuesAt } from './schema-nodes.js';

export function hover(doc: EditorDocument, position: Position, facts: WorkspaceFacts): Hover | null {
  const kind = schemaKindOfDoc(doc);
  const under = kind && wordUnder(doc, position);
  if (!kind || !under) return null;
  const cursor = cursorAt(doc, { line: position.line, character: under.start });
  if (!cursor) return null;
  const range = { start: { line: position.line, character: under.start }, end: { line: position.line, character: under.end } };
  const parts: string[] = [];
  if (!under.key) {
    if (cursor.at === 'key') return null;
    parts.push(...named(doc, kind, cursor.at === 'value' ? [...cursor.path, cursor.key as string] : cursor.path, under.word, facts));
  } else if (cursor.at !== 'value') {
    parts.push(...meaning(kind, cursor.path, under.word));
    if (doc.kind === 'accounts' && cursor.path.length === 0 && (under.word === 'pure' || under.word === 'fit')) {
      const score = facts.score(fileId(doc.path, 'accounts'));
      if (score && facts.config) parts.push(explained(under.word, score, facts.config, doc.path, facts));
    }
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') }, range };
}

/** What a value names: the file of an id, a KPI's definition. */
function named(doc: EditorDocument, kind: SchemaKind, path: readonly string[], value: string, facts: WorkspaceFacts): string[] {
  const kpi = kind === 'kpi' && path.join('.') === '[].kpi' ? KPI_DEFINITIONS.find((k) => k.id === value) : undefined;
  if (kpi) return [`${markdownCode(value)}: ${kpi.definition} (${kpi.tier}, target ${kpi.targetText}).`];
  if (doc.kind === undefined || doc.kind === 'config') return [];
  const target = referencedKind(doc.kind, path);
  if (!target) return [];
  const file = facts.pathOf(target, value);
  return [file ? `${markdownCode(value)}: ${markdownCode(file)}` : `${markdownCode(value)} names no ${kindDef(target).singular} file.`];
}

function meaning(kind: SchemaKind, path: readonly string[], key: string): string[] {
  const at = path.join('.');
  if (kind === 'config' && at === 'rules' && Object.hasOwn(RULES, key)) {
    const rule = RULES[key as RuleId];
    return [`${markdownCode(key)} (default: ${rule.severity}): ${rule.summary}`];
  }
  const kpi = kind === 'config' && at === 'kpis' ? KPI_DEFINITIONS.find((k) => k.id === key) : undefined;
  if (kpi) return [`${markdownCode(key)}: ${kpi.definition} (target ${kpi.targetText}).`];
  const nodes = nodesAt(kind, [...path, key]);
  const description = descriptionAt(nodes);
  const values = valuesAt(nodes);
  return [
    ...(description ? [description] : []),
    ...(values.length > 0 && !values.every((v) => v === 'true' || v === 'false') ? [`One of: ${values.map((v) => markdownCode(v)).join(', ')}.`] : []),
  ];
}

/** Where `score --explain` says a number came from, by file (the editor is already in it). */
function locatorFor(file: string, facts: WorkspaceFacts): SourceLocator {
  return {
    where: (score, source) => (source === 'account' ? file : source === 'config' ? 'abx.config.yaml' : ((score.segment && facts.pathOf('segments', score.segment)) ?? 'the segment')),
  };
}

function explained(key: 'pure' | 'fit', score: AccountScore, config: Config, file: string, facts: WorkspaceFacts): string {
  const e = explanationOf(score, config, locatorFor(file, facts), file);
  const asOf = `Scored as of ${facts.asOf}; \`abx score --explain ${score.id}\` shows every source.`;
  if (key === 'pure') {
    if (!score.pure || !e.pure) return `**PURE** unscored: the account has no complete pure block.\n\n${asOf}`;
    const p = score.pure;
    return [
      `**PURE ${p.total}/12 → Tier ${p.tier} ${markdownText(p.tierName)}**: ${markdownText(p.priority)} priority, ${markdownText(p.resources.toLowerCase())}`,
      ['| Criterion | Score | Evidence |', '|---|--:|---|', ...e.pure.map((c) => `| ${PURE_LABELS[c.criterion as keyof typeof PURE_LABELS]} | ${c.score} | ${markdownText(c.evidence || '—', 200)} |`)].join('\n'),
      asOf,
    ].join('\n\n');
  }
  const f = score.fit;
  return [
    `**Fit ${f.score} → Tier ${f.tier} ${markdownText(f.tierName)}** (${markdownText(f.motion)}) = Σ weight × value / 100, rounded once at the end`,
    [
      '| Component | Value | Weight | Adds | From |',
      '|---|--:|--:|--:|---|',
      ...e.fit.map((c) => `| ${FIT_LABELS[c.component as keyof typeof FIT_LABELS]} | ${c.value} | ${c.weight}% | ${c.contribution} | ${markdownText(c.origin === 'computed' ? `computed: ${c.detail}` : c.detail, 200)} |`),
    ].join('\n'),
    asOf,
  ].join('\n\n');
}
