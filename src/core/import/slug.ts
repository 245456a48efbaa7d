/** Account ids made from company names: `Ärzte & Co. GmbH` → `arzte-co-gmbh`, unique among the ids in use. */

const MAX_ID_LENGTH = 60;

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/&/g, ' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_ID_LENGTH) return slug;
  return slug.slice(0, MAX_ID_LENGTH).replace(/-[^-]*$/, '') || slug.slice(0, MAX_ID_LENGTH);
}

/** `base`, else `base-2`, `base-3`, … whichever is not taken; the result is added to `taken`. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
