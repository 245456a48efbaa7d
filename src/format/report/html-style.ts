/** The HTML report's style sheet, inlined into the page (no network): print-friendly, readable at any width. */
/** The accent of bars without a tier colour. */
export const ACCENT = '#4e5ba6';

export const CSS = `
:root{--ink:#101828;--sub:#475467;--line:#eaecf0;--bg:#f9fafb;--good:#067647;--good-bg:#dcfae6;--bad:#b42318;--bad-bg:#fee4e2;--none:#667085;--none-bg:#f2f4f7;--accent:${ACCENT}}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
header,main,footer{max-width:1180px;margin:0 auto;padding:0 24px}
header{padding-top:24px}
h1{font-size:26px;margin:0}
h2{font-size:20px;margin:0 0 12px;border-bottom:2px solid var(--line);padding-bottom:6px}
h3{font-size:15px;margin:0 0 8px;text-transform:capitalize}
h4{font-size:14px;margin:0 0 4px}
.meta{color:var(--sub);margin:4px 0 12px}
nav a{margin-right:16px;color:var(--accent);text-decoration:none;font-weight:600}
section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:20px 24px;margin:20px 0}
.stats{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:16px}
.stat{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:140px}
.stat-value{display:block;font-size:26px;font-weight:700}
.stat-label{color:var(--sub);font-size:12px}
.stat.good .stat-value{color:var(--good)}.stat.bad .stat-value{color:var(--bad)}
.charts{display:flex;flex-wrap:wrap;gap:24px}
figure.chart{margin:0 0 16px}
figcaption,caption{font-weight:600;text-align:left;margin-bottom:6px;color:var(--ink)}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--ink)}
svg .bar-value{font-weight:700}
svg .axis{font-weight:700}svg .axis-sub{fill:var(--sub);font-size:11px}
svg .cell-value{font-size:18px;font-weight:700}
svg .budget-label{fill:#fff;font-weight:600}
.two{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:24px;align-items:start}
@media (max-width:900px){.two{grid-template-columns:minmax(0,1fr)}}
table{border-collapse:collapse;width:100%;margin:0 0 16px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{font-size:12px;color:var(--sub);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr.group th{background:var(--bg);color:var(--ink);font-size:13px;text-transform:capitalize}
.sub{color:var(--sub);font-size:12px;margin:0}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
.status{display:inline-block;border-radius:999px;padding:1px 10px;font-weight:600;font-size:12px}
.status.met{color:var(--good);background:var(--good-bg)}.status.missed{color:var(--bad);background:var(--bad-bg)}.status.no-data{color:var(--none);background:var(--none-bg)}
td.good{color:var(--good)}td.bad{color:var(--bad)}
article{margin:0 0 20px}article h3{text-transform:none}
.warn{color:var(--bad)}
.board{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin-bottom:16px}
@media (max-width:900px){.board{grid-template-columns:1fr 1fr}}
.column{background:var(--bg);border-radius:8px;padding:10px}
.count{display:inline-block;background:#fff;border:1px solid var(--line);border-radius:999px;padding:0 8px;font-size:12px;margin-left:4px}
.bet{background:#fff;border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:6px;padding:8px 10px;margin-bottom:8px}
.bet p{margin:4px 0 0}
.bet.overdue{border-left-color:var(--bad)}
.bet[data-status=won]{border-left-color:var(--good)}.bet[data-status=killed]{border-left-color:#98a2b3}
.review{font-size:12px;color:var(--sub)}.review.overdue{color:var(--bad)}
.k{font-weight:600;font-size:12px;color:var(--sub)}
tr.late td{color:var(--bad)}
.empty{background:var(--bg);border:1px dashed #d0d5dd;border-radius:8px;padding:16px;color:var(--sub);font-size:15px}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--bg);padding:0 3px;border-radius:3px}
footer{color:var(--sub);font-size:12px;padding-bottom:24px}
/* Long names wrap inside their card (even without spaces); numbers and ranges (10-12) never break. */
h1,h2,h3,h4,p,td,th,caption,figcaption,.stat,.bet,.column,code{overflow-wrap:anywhere}
td.num,th.num,.count,.stat-value,.status,.nb{white-space:nowrap}
.charts>*{min-width:0;max-width:100%}svg{max-width:100%;height:auto}
`;
