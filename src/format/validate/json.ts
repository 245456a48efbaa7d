/** `abx validate --format json`: exactly the shape in cli.md. */
import { countBySeverity, type Problem } from '../../core/problem.js';
import type { ProblemPieces, ProblemReport, Renderer } from '../views.js';

/** One problem as `JSON.stringify(…, null, 2)` prints it inside the list, written out: this runs once per problem. */
const problemJson = (p: Problem): string =>
  `\n    {\n      "file": ${JSON.stringify(p.file)},\n      "line": ${JSON.stringify(p.line)},\n      "column": ${JSON.stringify(p.column)},\n      "severity": ${JSON.stringify(p.severity)},\n      "rule": ${JSON.stringify(p.rule)},\n      "message": ${JSON.stringify(p.message)}\n    }`;

/**
 * `{ files, errors, warnings, problems }` as `JSON.stringify(…, null, 2)` prints it, in pieces: the
 * counts come first, so a file's problems are kept as their text until every file is counted.
 */
export const jsonPieces: ProblemPieces = {
  file: (problems) => problems.map(problemJson).join(','),
  between: ',',
  grouped: false,
  frame: ({ errors, warnings }, files) => [
    `{\n  "files": ${files.length},\n  "errors": ${errors},\n  "warnings": ${warnings},\n  "problems": [`,
    errors + warnings === 0 ? ']\n}\n' : '\n  ]\n}\n',
  ],
};

export function renderValidateJson(problems: readonly Problem[], files: number): string {
  const [head, tail] = jsonPieces.frame(countBySeverity(problems), Array.from({ length: files }, () => ''));
  return `${head}${problems.length > 0 ? jsonPieces.file(problems) : ''}${tail}`;
}

export const pieces = (): ProblemPieces => jsonPieces;

export const render: Renderer<ProblemReport> = (r) => renderValidateJson(r.problems, r.files.length);
