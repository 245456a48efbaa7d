/**
 * Exact rational arithmetic for scores. A fit score decides a tier at its edges, so it must not
 * depend on floating-point noise: 0.15 × 31 is 4.65 and rounds to 4.7, where a float sum gives 4.6.
 * Numbers typed in YAML are read as the decimals their shortest representation shows.
 */

export interface Exact {
  readonly n: bigint;
  /** Always positive. */
  readonly d: bigint;
}

const ZERO: Exact = { n: 0n, d: 1n };

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

export function exact(n: bigint, d: bigint = 1n): Exact {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
}

/** The decimal a JavaScript number prints as, taken exactly: 0.1 is 1/10, not 0.1000000000000000055… */
export function fromNumber(value: number): Exact {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) return { n: BigInt(value), d: 1n };
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!m) throw new RangeError(`cannot read ${value} exactly`);
  const [, sign, whole, frac = '', expText = '0'] = m;
  let n = BigInt(`${whole}${frac}`);
  let d = 10n ** BigInt(frac.length);
  const e = Number(expText);
  if (e > 0) n *= 10n ** BigInt(e);
  else if (e < 0) d *= 10n ** BigInt(-e);
  return exact(sign === '-' ? -n : n, d);
}

export const add = (a: Exact, b: Exact): Exact => exact(a.n * b.d + b.n * a.d, a.d * b.d);
export const mul = (a: Exact, b: Exact): Exact => exact(a.n * b.n, a.d * b.d);
export const div = (a: Exact, b: Exact): Exact => exact(a.n * b.d, a.d * b.n);
export const sum = (values: readonly Exact[]): Exact => values.reduce(add, ZERO);
export const compare = (a: Exact, b: Exact): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const min = (a: Exact, b: Exact): Exact => (compare(a, b) <= 0 ? a : b);

/** Rounded to one decimal place, half away from zero, decided exactly. */
export function roundTenth(value: Exact): number {
  const tenths = value.n * 10n;
  const negative = tenths < 0n;
  const abs = negative ? -tenths : tenths;
  // floor(abs / d + 1/2) = floor((2·abs + d) / 2d)
  const rounded = (2n * abs + value.d) / (2n * value.d);
  return Number(negative ? -rounded : rounded) / 10;
}

export function toNumber(value: Exact): number {
  return Number(value.n) / Number(value.d);
}
