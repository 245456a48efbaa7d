/**
 * Country → region, so that imported accounts meet segment criteria written in regions (`region:
 * [North America, Europe]`), as the templates' are. The table covers the countries CRMs export
 * most; the config's `import.regions` adds countries or changes a region (`Mexico: North America`).
 * Countries are compared case-insensitively; a country the table does not know gives no region.
 */
const REGIONS: Record<string, readonly string[]> = {
  'North America': ['United States', 'USA', 'US', 'United States of America', 'Canada', 'Mexico'],
  Europe: [
    'United Kingdom', 'UK', 'Great Britain', 'Ireland', 'Germany', 'France', 'Netherlands', 'Belgium', 'Luxembourg', 'Switzerland', 'Austria',
    'Italy', 'Spain', 'Portugal', 'Denmark', 'Sweden', 'Norway', 'Finland', 'Iceland', 'Poland', 'Czech Republic', 'Czechia', 'Slovakia',
    'Hungary', 'Romania', 'Bulgaria', 'Greece', 'Croatia', 'Slovenia', 'Estonia', 'Latvia', 'Lithuania', 'Ukraine',
  ],
  'Asia Pacific': ['Australia', 'New Zealand', 'Japan', 'China', 'Hong Kong', 'Taiwan', 'South Korea', 'Korea', 'Singapore', 'India', 'Indonesia', 'Malaysia', 'Thailand', 'Vietnam', 'Philippines'],
  'Latin America': ['Brazil', 'Argentina', 'Chile', 'Colombia', 'Peru', 'Uruguay', 'Costa Rica'],
  'Middle East & Africa': ['Israel', 'United Arab Emirates', 'UAE', 'Saudi Arabia', 'Qatar', 'Turkey', 'Egypt', 'South Africa', 'Nigeria', 'Kenya', 'Morocco'],
};

const key = (country: string) => country.trim().toLowerCase().replace(/\s+/g, ' ');

const DEFAULT_TABLE: ReadonlyMap<string, string> = new Map(Object.entries(REGIONS).flatMap(([region, countries]) => countries.map((c) => [key(c), region] as const)));

/** The region of a country: the config's table first, then the built-in one. */
export function regionOf(country: string, overrides: Readonly<Record<string, string>> = {}): string | undefined {
  const k = key(country);
  for (const [c, region] of Object.entries(overrides)) if (key(c) === k) return region;
  return DEFAULT_TABLE.get(k);
}

/** The built-in table, region by region, for docs and tests. */
export const DEFAULT_REGIONS: Readonly<Record<string, readonly string[]>> = REGIONS;
