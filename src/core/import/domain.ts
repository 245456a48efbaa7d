/**
 * Lead-to-account matching keys. CRMs hold the same company as `https://www.Acme.com/about`,
 * `acme.com` and `www.acme.com.`; all of them are the account `acme.com`.
 */

export function normaliseDomain(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  let d = value.trim().toLowerCase();
  // An email address names its company's domain.
  const at = d.lastIndexOf('@');
  if (at !== -1 && !d.includes('/')) d = d.slice(at + 1);
  d = d.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\/\//, '');
  d = d.replace(/^[^/?#@]*@/, '');
  d = d.split(/[/?#\s]/, 1)[0] ?? '';
  d = d.replace(/:\d*$/, '').replace(/\.+$/, '').replace(/^www\d*\./, '');
  return /^[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff.-]*[a-z0-9\u00a1-\uffff])?$/.test(d) && d.includes('.') ? d : undefined;
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
