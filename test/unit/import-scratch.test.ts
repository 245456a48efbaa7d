import { it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseLayout } from '../../src/core/layout.js';
function walk(d: string): string[] { return readdirSync(d).flatMap((f) => { const p = join(d, f); return statSync(p).isDirectory() ? walk(p) : [p]; }); }
it('x', () => {
  let changed = 0;
  for (const f of [...walk('templates/example'), ...walk('templates/init'), ...walk('test/fixtures')].filter((f) => /\.(md|ya?ml)$/.test(f) && !f.includes('.github'))) {
    const t = readFileSync(f, 'utf8');
    const r = normaliseLayout(t, !f.endsWith('.md'));
    if (!r.ok) { if (!r.syntax) console.log('REFUSED', f, r.message); continue; }
    const r2 = normaliseLayout(r.text, !f.endsWith('.md'));
    if (!r2.ok || r2.text !== r.text) console.log('NOT IDEMPOTENT', f);
    if (r.text !== t) { changed++; if (process.env.SHOW === f) console.log(r.text); }
  }
  console.log('changed', changed);
});
