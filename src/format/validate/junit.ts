/**
 * `abx validate --format junit`: JUnit XML for CI test reports. One testsuite per file checked;
 * one failing testcase per error; a warning is a passing testcase whose `<system-out>` holds
 * the message (warnings do not fail a build, and "skipped" would say the check did not run);
 * a file without problems has one passing testcase.
 *
 * Messages come from user files: characters XML 1.0 forbids are removed, markup characters are
 * escaped in attributes and text, and `]]>` is split inside CDATA.
 */
import { countBySeverity, type Problem } from '../../core/problem.js';
import type { ProblemReport, Renderer } from '../views.js';

// Everything outside XML 1.0's Char production (lone surrogates included, thanks to the u flag).
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlClean(value: string): string {
  return value.replace(FORBIDDEN, '');
}

export function xmlAttr(value: string): string {
  return xmlClean(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

export function cdata(value: string): string {
  return `<![CDATA[${xmlClean(value).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

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
