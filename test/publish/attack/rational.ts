// Exact rational arithmetic for the attacker's linear programs, over bigint: no product or sum can
// overflow or round, so a bound the attacker reports is a bound, never a floating-point accident.

/** A fraction n/d with d > 0, in lowest terms. */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

const abs = (a: bigint): bigint => (a < 0n ? -a : a);

/** The greatest common divisor of |a| and |b| (0 when both are 0). */
export const gcd = (a: bigint, b: bigint): bigint => {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/** n/d in lowest terms, with a positive denominator. */
export const frac = (n: bigint | number, d: bigint | number = 1n): Fraction => {
  const nn = BigInt(n);
  const dd = BigInt(d);
  if (dd === 0n) throw new Error("division by zero");
  const g = gcd(nn, dd) || 1n;
  const s = dd < 0n ? -1n : 1n;
  return { n: (s * nn) / g, d: (s * dd) / g };
};

/** Compare a with b: negative, zero or positive. */
export const compare = (a: Fraction, b: Fraction): number => {
  const c = a.n * b.d - b.n * a.d;
  return c < 0n ? -1 : c > 0n ? 1 : 0;
};

/** ⌊f⌋ (bigint division truncates toward zero, so negative values are corrected). */
export const floor = (f: Fraction): bigint => {
  const q = f.n / f.d;
  return f.n < 0n && q * f.d !== f.n ? q - 1n : q;
};
/** ⌈f⌉. */
export const ceil = (f: Fraction): bigint => -floor({ n: -f.n, d: f.d });
/** Whether f is a whole number. */
export const isWhole = (f: Fraction): boolean => f.n % f.d === 0n;
