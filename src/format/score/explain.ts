/**
 * `abx score --explain`: every number of an account's score, its weight and contribution, and the
 * file and line it came from — so a sales team can check the model by hand.
 */
import type { ChalkInstance } from 'chalk';
import type { Config } from '../../core/config.js';
import { printable } from '../../core/frontmatter.js';
import type { DataPath } from '../../core/problem.js';
import { FIT_COMPONENTS, PURE_CRITERIA } from '../../core/schemas.js';
import type { AccountScore } from '../../core/scoring/account.js';
import { roundTenth, sum, toNumber } from '../../core/scoring/exact.js';
import { FIT_LABELS, type Evidence } from '../../core/scoring/fit.js';
import { PURE_LABELS } from '../../core/scoring/pure.js';

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

export function renderExplainText(score: AccountScore, e: Explanation, chalk: ChalkInstance): string {
  const lines: string[] = [];
  lines.push(`${chalk.bold(printable(score.name, 80))} ${chalk.dim(`(${score.id}) · ${e.file}`)}`);
  if (score.pure && e.pure) {
    lines.push(`  ${chalk.bold('PURE')} ${score.pure.total}/12 → Tier ${score.pure.tier} ${score.pure.tierName}: ${score.pure.priority} priority, ${score.pure.resources.toLowerCase()}`);
    for (const p of e.pure) {
      lines.push(`    ${PURE_LABELS[p.criterion as keyof typeof PURE_LABELS].padEnd(11)} ${p.score}  ${printable(p.evidence || '—', 70).padEnd(70)}  ${chalk.dim(p.at)}`);
    }
  } else {
    lines.push(`  ${chalk.bold('PURE')} unscored: the account has no complete pure block`);
  }
  lines.push(`  ${chalk.bold('Fit')} ${score.fit.score} → Tier ${score.fit.tier} ${score.fit.tierName} (${score.fit.motion})  = Σ weight × value / 100, rounded once at the end`);
  lines.push(chalk.dim(`    ${'component'.padEnd(14)}${'value'.padStart(6)}${'weight'.padStart(8)}${'adds'.padStart(9)}  source`));
  for (const c of e.fit) {
    const label = FIT_LABELS[c.component as keyof typeof FIT_LABELS];
    const origin = c.origin === 'missing' ? chalk.yellow(c.detail) : c.origin === 'given' ? c.detail : `computed: ${c.detail}`;
    lines.push(`    ${label.padEnd(14)}${String(c.value).padStart(6)}${`${c.weight}%`.padStart(8)}${part(c.exactContribution).padStart(9)}  ${origin}`);
    for (const s of c.sources) lines.push(`      ${printable(s.text, 90).padEnd(60)}  ${chalk.dim(s.at)}`);
  }
  const total = Number(toNumber(sum(FIT_COMPONENTS.map((c) => score.fit.components[c].contribution))).toFixed(4));
  lines.push(`    ${'sum'.padEnd(28)}${part(total).padStart(9)}  ${total === score.fit.score ? `= ${score.fit.score}` : `rounded once, half away from zero, to ${score.fit.score}`}`);
  const m = e.engagedStakeholders;
  lines.push(`  ${chalk.bold('Buying committee')} ${m.count} engaged, ${m.senior} senior → ${m.mqa ? chalk.green('MQA') : 'not MQA'} (${m.rule})`);
  return `${lines.join('\n')}\n`;
}

/** An unrounded part, to two decimals at most; "≈" when more were cut. */
function part(value: number): string {
  const shown = Math.round(value * 100) / 100;
  return `${shown === value ? '' : '≈'}${shown}`;
}
