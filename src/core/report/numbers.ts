/** Small numeric helpers shared by the reports. */

export function roundTo(value: number, places: number): number {
  const f = 10 ** places;
  // Half away from zero, like the scores; + 0 turns −0 into 0.
  return (Math.sign(value) * Math.round(Math.abs(value) * f)) / f + 0;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : roundTo(part / whole, 4);
}
