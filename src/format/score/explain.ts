/**
 * `abx score --explain`: every number of an account's score, its weight and contribution, and the
 * file and line it came from — so a sales team can check the model by hand.
 */
import type { ChalkInstance } from 'chalk';
import type { Config } from '../../core/config.js';
import { terminalText } from '../escape/terminal.js';
import type { DataPath } from '../../core/problem.js';
import { FIT_COMPONENTS, PURE_CRITERIA } from '../../core/schemas.js';
import type { AccountScore } from '../../core/scoring/account.js';
import { roundTenth, sum, toNumber } from '../../core/scoring/exact.js';
import { FIT_LABELS, type Evidence } from '../../core/scoring/fit.js';
import { PURE_LABELS } from '../../core/scoring/pure.js';
import { visibleWidth, wrapText } from '../wrap.js';

export interface SourceLocator {
  /** `file:line` of a path in the account, its segment or the config. */
  where(score: AccountScore, source: Evidence['source'], path: DataPath): string;
}

export interface ExplainedSource {
  text: string;
  at: string;
}

export interface ExplainedComponent {
  component: string;
  origin: 'given' | 'computed' | 'missing';
  value: number;
  weight: number;
  /** Rounded to a tenth, as the generated block shows it. */
  contribution: number;
  /** Not rounded (to 4 decimals): the parts that add up to the score before its one rounding. */
  exactContribution: number;
  detail: string;
  sources: ExplainedSource[];
}

export interface Explanation {
  file: string;
  pure: { criterion: string; score: number; evidence: string; at: string }[] | null;
  fit: ExplainedComponent[];
  engagedStakeholders: { count: number; senior: number; mqa: boolean; rule: string };
}

export function explanationOf(score: AccountScore, config: Config, locator: SourceLocator, file: string): Explanation {
  return {
    file,
    pure: score.pure
      ? PURE_CRITERIA.map((c) => ({
          criterion: c,
          score: score.pure?.scores[c] ?? 0,
          evidence: score.pure?.evidence[c] ?? '',
          at: locator.where(score, 'account', ['pure', c]),
        }))
      : null,
    fit: FIT_COMPONENTS.map((c) => {
      const comp = score.fit.components[c];
      return {
        component: c,
        origin: comp.origin,
        value: roundTenth(comp.value),
        weight: comp.weight,
        contribution: roundTenth(comp.contribution),
        exactContribution: Number(toNumber(comp.contribution).toFixed(4)),
        detail: comp.detail,
        sources: comp.evidence.map((e) => ({ text: e.text, at: locator.where(score, e.source, e.path) })),
      };
    }),
    engagedStakeholders: {
      count: score.engagedStakeholders,
      senior: score.seniorEngaged,
      mqa: score.mqa,
      rule: `MQA needs ≥ ${config.mqa.minEngaged} engaged stakeholders (last engaged within ${config.mqa.windowDays} days), ≥ ${config.mqa.minSenior} of them ${config.mqa.seniorLevels.join(' or ')}`,
    },
  };
}

/** No cut where nothing limits the width (a pipe, a file): the evidence is printed whole. */
const WHOLE = 100_000;

/**
 * The explanation as text. `width` is the terminal's: evidence and sources wrap in their column
 * with the `file:line` beside them; undefined (a pipe, a file) prints every text whole.
 */
export function renderExplainText(score: AccountScore, e: Explanation, chalk: ChalkInstance, width?: number): string {
  const lines: string[] = [];
  /** A prefix, a text column of `pad` (or what the width leaves), then where it came from. */
  const row = (prefix: string, text: string, pad: number, source: string) => {
    const at = terminalText(source);
    if (width === undefined) {
      lines.push(`${prefix}${terminalText(text, WHOLE).padEnd(pad)}  ${chalk.dim(at)}`);
      return;
    }
    const room = width - prefix.length - 2 - at.length;
    const indent = ' '.repeat(prefix.length);
    if (room >= 20) {
      const wrapped = wrapText(terminalText(text, WHOLE), room);
      lines.push(`${prefix}${(wrapped[0] ?? '').padEnd(Math.min(pad, room))}  ${chalk.dim(at)}`);
      for (const more of wrapped.slice(1)) lines.push(`${indent}${more}`);
      return;
    }
    const wrapped = wrapText(terminalText(text, WHOLE), Math.max(10, width - prefix.length));
    lines.push(`${prefix}${wrapped[0] ?? ''}`, ...wrapped.slice(1).map((l) => `${indent}${l}`), ...wrapText(at, Math.max(10, width - prefix.length)).map((l) => `${indent}${chalk.dim(l)}`));
  };
  /** A sentence that wraps under its own indentation. */
  const say = (indent: number, text: string) => {
    if (width === undefined || visibleWidth(text) <= width) lines.push(text);
    else {
      // The first `indent` characters stay as they are (labels, numbers); the rest wraps beside them.
      const wrapped = wrapText(text.slice(indent), Math.max(10, width - indent - 2));
      lines.push(`${text.slice(0, indent)}${wrapped[0] ?? ''}`, ...wrapped.slice(1).map((l) => `${' '.repeat(indent + 2)}${l}`));
    }
  };
  say(0, `${chalk.bold(terminalText(score.name, width === undefined ? WHOLE : 200))} ${chalk.dim(`(${terminalText(score.id, 60)}) · ${terminalText(e.file)}`)}`);
  if (score.pure && e.pure) {
    say(2, `  ${chalk.bold('PURE')} ${score.pure.total}/12 → Tier ${score.pure.tier} ${score.pure.tierName}: ${score.pure.priority} priority, ${score.pure.resources.toLowerCase()}`);
    for (const p of e.pure) row(`    ${PURE_LABELS[p.criterion as keyof typeof PURE_LABELS].padEnd(11)} ${p.score}  `, p.evidence || '—', 70, p.at);
  } else {
    say(2, `  ${chalk.bold('PURE')} unscored: the account has no complete pure block`);
  }
  say(2, `  ${chalk.bold('Fit')} ${score.fit.score} → Tier ${score.fit.tier} ${score.fit.tierName} (${score.fit.motion})  = Σ weight × value / 100, rounded once at the end`);
  lines.push(chalk.dim(`    ${'component'.padEnd(14)}${'value'.padStart(6)}${'weight'.padStart(8)}${'adds'.padStart(9)}  source`));
  for (const c of e.fit) {
    const label = FIT_LABELS[c.component as keyof typeof FIT_LABELS];
    const origin = c.origin === 'missing' ? chalk.yellow(c.detail) : c.origin === 'given' ? c.detail : `computed: ${c.detail}`;
    say(43, `    ${label.padEnd(14)}${String(c.value).padStart(6)}${`${c.weight}%`.padStart(8)}${part(c.exactContribution).padStart(9)}  ${origin}`);
    for (const src of c.sources) row('      ', src.text, 60, src.at);
  }
  const total = Number(toNumber(sum(FIT_COMPONENTS.map((c) => score.fit.components[c].contribution))).toFixed(4));
  say(43, `    ${'sum'.padEnd(28)}${part(total).padStart(9)}  ${total === score.fit.score ? `= ${score.fit.score}` : `rounded once, half away from zero, to ${score.fit.score}`}`);
  const m = e.engagedStakeholders;
  say(2, `  ${chalk.bold('Buying committee')} ${m.count} engaged, ${m.senior} senior → ${m.mqa ? chalk.green('MQA') : 'not MQA'} (${m.rule})`);
  return `${lines.join('\n')}\n`;
}

/** An unrounded part, to two decimals at most; "≈" when more were cut. */
function part(value: number): string {
  const shown = Math.round(value * 100) / 100;
  return `${shown === value ? '' : '≈'}${shown}`;
}
