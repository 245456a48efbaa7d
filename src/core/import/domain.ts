/**
 * Lead-to-account matching keys. CRMs hold the same company as `https://www.Acme.com/about`,
 * `acme.com` and `www.acme.com.`; all of them are the account `acme.com`. International names
 * are compared in their ASCII (punycode) form, as DNS does: `müller-logistik.de` and
 * `xn--mller-logistik-gsb.de` are one domain. `url.domainToASCII` is pure (no I/O).
 */
import { domainToASCII, domainToUnicode } from 'node:url';
import { detach } from '../detach.js';

const PLAIN_HOST = /^(?:[a-z0-9-]*\.)*[a-z][a-z0-9-]*$/;

/** The matching key: ASCII (punycode), lowercase, without scheme, `www.`, path, port or trailing dot. */
export function normaliseDomain(value: string | undefined | null): string | undefined {
  const host = bareHost(value);
  if (host === undefined) return undefined;
  // A host of lowercase ASCII letters, digits, dots and hyphens whose last label starts with a
  // letter (so it cannot read as an IPv4 address) and with no punycode label is its own ASCII
  // form: most accounts' domains skip the UTS #46 mapping, about 2% of `abx validate`. The key
  // outlives its file (the duplicate-domain rule keeps every account's), so it is detached.
  const ascii = (PLAIN_HOST.test(host) && !host.includes('xn--') ? detach(host) : domainToASCII(host)).replace(/^www\d*\./, '');
  return /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/.test(ascii) && ascii.includes('.') && !ascii.includes('..') ? ascii : undefined;
}

/** The form written into account files: the matching key, with international labels shown as people write them. */
export function displayDomain(value: string | undefined | null): string | undefined {
  const key = normaliseDomain(value);
  return key === undefined ? undefined : domainToUnicode(key) || key;
}

function bareHost(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  let d = value.trim().toLowerCase();
  // An email address names its company's domain.
  const at = d.lastIndexOf('@');
  if (at !== -1 && !d.includes('/')) d = d.slice(at + 1);
  d = d.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\/\//, '');
  d = d.replace(/^[^/?#@]*@/, '');
  d = d.split(/[/?#\s]/, 1)[0] ?? '';
  d = d.replace(/:\d*$/, '').replace(/\.+$/, '').replace(/^www\d*\./, '');
  return d === '' ? undefined : d;
}

/** Names compared for matching rows that have no domain: case, spacing and punctuation aside. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
