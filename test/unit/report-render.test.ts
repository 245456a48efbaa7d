import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { analyze } from '../../src/core/analyze.js';
import { resolveConfig } from '../../src/core/config.js';
import { buildReport, REPORT_NAMES } from '../../src/core/report/index.js';
import { configSchema } from '../../src/core/config-schema.js';
import type { Kind } from '../../src/core/kinds/index.js';
import { esc, renderReportHtml } from '../../src/format/report/html.js';
import { renderReportMarkdown } from '../../src/format/report/markdown.js';
import { renderReportTable } from '../../src/format/report/table.js';
import { unicodeBar } from '../../src/format/report/common.js';

const plain = new Chalk({ level: 0 });

function reportOf(files: Record<string, string>, config: Record<string, unknown> = {}) {
  const analysis = analyze({
    config: resolveConfig(configSchema.parse({ version: 1, ...config })).config,
    asOf: '2026-11-24',
    files: Object.entries(files).map(([path, text]) => ({ path, kind: path.split('/')[0] as Kind, text })),
  });
  return buildReport(analysis, REPORT_NAMES);
}

const hostile = {
  'segments/evil.md': '---\nname: "<script>alert(1)</script> | pipes"\n---\n',
  'accounts/evil.md': [
    '---',
    'name: "Evil <img src=x onerror=alert(1)>"',
    'segment: evil',
    'signals:',
    '  - { type: policy, date: 2026-11-01, summary: "\\e[31mred\\e[0m <b>bold</b> | cell" }',
    '---',
    '',
  ].join('\n'),
  'bets/evil.md': '---\nname: "Bet \\"quoted\\" & <i>x</i>"\nstatus: proposed\nkill_condition: "stop | when <b>"\nowner: "o\'neil"\n---\n',
};

describe('report renderers', () => {
  it('escapes every user value in HTML', () => {
    const html = renderReportHtml(reportOf(hostile, { company: 'Acme <Corp>' }));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>bold');
    expect(html).not.toContain('<i>x</i>');
    expect(html).not.toContain('\u001b');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; | pipes');
    expect(html).toContain('Bet &quot;quoted&quot; &amp; &lt;i&gt;x&lt;/i&gt;');
    expect(html).toContain('o&#39;neil');
    expect(html).toContain('<title>Acme &lt;Corp&gt; report · as of 2026-11-24</title>');
    expect(esc('a\u0000b\u001bc<')).toBe('abc&lt;');
  });

  it('is a self-contained page: no script, no external reference', () => {
    const html = renderReportHtml(reportOf(hostile));
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html.match(/(?:src|href)="([^"#][^"]*)"/g) ?? []).toEqual([]);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  });

  it('keeps markdown tables intact and free of raw HTML', () => {
    const md = renderReportMarkdown(reportOf(hostile));
    expect(md).toContain('| \\<script\\>alert\\(1\\)\\</script\\> \\| pipes | 1 |');
    expect(md).toContain('stop \\| when \\<b\\>');
    expect(md).not.toContain('\u001b');
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) expect(line.endsWith('|')).toBe(true);
  });

  it('strips control characters from terminal output', () => {
    const text = renderReportTable(reportOf(hostile), plain);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\x1b[31mred\\x1b[0m');
  });

  it('says there is nothing yet instead of drawing empty tables', () => {
    const report = reportOf({});
    const text = renderReportTable(report, plain);
    expect(text).toContain('No accounts yet: add one with abx new account <id>.');
    expect(text).toContain('No bets yet: add one with abx new bet <id>.');
    expect(text).toContain('No KPI records yet');
    expect(text).not.toContain('PURE tiers ·');
    expect(text).not.toContain('Proposed (0)');
    const md = renderReportMarkdown(report);
    expect(md).toContain('No accounts yet: add one with `abx new account <id>`.');
    expect(md).toContain('No bets yet: add one with `abx new bet <id>`.');
    const html = renderReportHtml(report);
    expect(html).toContain('data-testid="empty-tiers">No accounts yet: add one with abx new account &lt;id&gt;.</p>');
    expect(html).toContain('data-testid="empty-bets"');
    expect(html).toContain('data-testid="empty-signals">No accounts yet');
    expect(html).not.toContain('data-testid="chart-grid"');
  });

  it('tells accounts without signals apart from no accounts', () => {
    const text = renderReportTable(reportOf({ 'accounts/a.md': '---\nname: A\n---\n' }), plain);
    expect(text).toContain('No signals yet: log one under signals: in an account');
  });

  it('draws unicode bars in eighths', () => {
    expect(unicodeBar(0, 10)).toBe('');
    expect(unicodeBar(10, 10, 4)).toBe('████');
    expect(unicodeBar(5, 10, 4)).toBe('██');
    expect(unicodeBar(1, 3, 4)).toBe('█▍');
    expect(unicodeBar(1, 1000, 4)).toBe('▏');
  });
});
