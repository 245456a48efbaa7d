/**
 * `abx validate --format junit`: JUnit XML for CI test reports. One testsuite per file checked;
 * one failing testcase per error; a warning is a passing testcase whose `<system-out>` holds
 * the message (warnings do not fail a build, and "skipped" would say the check did not run);
 * a file without problems has one passing testcase.
 *
 * Messages come from user files: ./escape/junit.ts makes them well-formed XML.
 */
import { countBySeverity, type Problem } from '../../core/problem.js';
import type { ProblemReport, Renderer } from '../views.js';

import { cdata, xmlAttr } from '../escape/junit.js';

function testcase(file: string, p: Problem): string {
  const name = `${p.line}:${p.column} ${p.rule}`;
  const where = `${p.file}:${p.line}:${p.column}`;
  const open = `    <testcase classname="${xmlAttr(file)}" name="${xmlAttr(name)}" file="${xmlAttr(file)}" line="${p.line}">`;
  if (p.severity === 'error') {
    return `${open}\n      <failure type="${xmlAttr(p.rule)}" message="${xmlAttr(p.message)}">${cdata(`${where} error ${p.rule}\n${p.message}`)}</failure>\n    </testcase>`;
  }
  return `${open}\n      <system-out>${cdata(`${where} warning ${p.rule}\n${p.message}`)}</system-out>\n    </testcase>`;
}

export function renderJunit(report: ProblemReport): string {
  const byFile = new Map<string, Problem[]>();
  for (const f of report.files) byFile.set(f, []);
  for (const p of report.problems) {
    const list = byFile.get(p.file) ?? [];
    list.push(p);
    byFile.set(p.file, list);
  }
  const suites: string[] = [];
  let tests = 0;
  for (const [file, problems] of byFile) {
    const { errors } = countBySeverity(problems);
    const cases = problems.length === 0 ? [`    <testcase classname="${xmlAttr(file)}" name="no problems" file="${xmlAttr(file)}"/>`] : problems.map((p) => testcase(file, p));
    tests += cases.length;
    suites.push(`  <testsuite name="${xmlAttr(file)}" tests="${cases.length}" failures="${errors}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  const { errors } = countBySeverity(report.problems);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="abx validate" tests="${tests}" failures="${errors}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

export const render: Renderer<ProblemReport> = renderJunit;
