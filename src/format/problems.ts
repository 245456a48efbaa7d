/** The one input every problem renderer takes, so adding a format touches nothing else. */
import type { ChalkInstance } from 'chalk';
import type { Problem } from '../core/problem.js';

export interface ProblemReport {
  problems: readonly Problem[];
  /** Files checked (workspace-relative paths), in order. */
  files: readonly string[];
  chalk: ChalkInstance;
  quiet: boolean;
  version: string;
  /** The terminal's width, for the terminal format; undefined: lines are not wrapped. */
  width?: number;
}

export type ProblemRenderer = (report: ProblemReport) => string;

export const PROBLEM_FORMATS = ['stylish', 'json', 'github', 'sarif', 'junit'] as const;
export type ProblemFormat = (typeof PROBLEM_FORMATS)[number];

export async function problemRenderer(format: ProblemFormat): Promise<ProblemRenderer> {
  switch (format) {
    case 'stylish': {
      const { renderStylish } = await import('./stylish.js');
      return (r) => renderStylish(r.problems, { chalk: r.chalk, quiet: r.quiet, files: r.files.length, width: r.width });
    }
    case 'json': {
      const { renderValidateJson } = await import('./json.js');
      return (r) => renderValidateJson(r.problems, r.files.length);
    }
    case 'github':
      return (await import('./github.js')).renderGithub;
    case 'sarif':
      return (await import('./sarif.js')).renderSarif;
    case 'junit':
      return (await import('./junit.js')).renderJunit;
  }
}
