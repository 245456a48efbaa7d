/**
 * `normaliseDomain` skips Node's UTS #46 mapping for hosts that are already their own ASCII form
 * (src/core/import/domain.ts). The skip must never change a key: for any host built from the
 * characters that matter (letters, digits, dots, hyphens, `x`/`n` for punycode and hex prefixes),
 * the key is what it is when every host goes through `domainToASCII`.
 */
import { domainToASCII } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseDomain } from '../../src/core/import/domain.js';

/** normaliseDomain as it was before the skip, for hosts already trimmed and lowercased. */
function slowKey(host: string): string | undefined {
  const ascii = domainToASCII(host).replace(/^www\d*\./, '');
  return /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/.test(ascii) && ascii.includes('.') && !ascii.includes('..') ? ascii : undefined;
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const host = fc.stringMatching(/^[a-z0-9.xn-]{1,40}$/);

describe('domain keys without the UTS #46 mapping (fuzz)', () => {
  it('are the keys of the full mapping', () => {
    fc.assert(
      fc.property(host, (h) => {
        fc.pre(!h.startsWith('www') && !h.endsWith('.'));
        expect(normaliseDomain(h)).toBe(slowKey(h));
      }),
      { numRuns: RUNS },
    );
  });

  it('leave the hosts a WHATWG parser reads as numbers or punycode to the mapping', () => {
    for (const [host, key] of [
      ['acme.com', 'acme.com'],
      ['1.2.3', '1.2.0.3'], // an IPv4 address, as URLs read it
      ['a.0x1', undefined],
      ['example.0xa', undefined],
      ['xn--mller-logistik-gsb.de', 'xn--mller-logistik-gsb.de'],
      ['xn--zz.com', undefined],
      ['müller-logistik.de', 'xn--mller-logistik-gsb.de'],
    ] as const) {
      expect(normaliseDomain(host), host).toBe(key);
    }
  });
});
