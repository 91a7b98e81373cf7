const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

// Dividing each row by the gcd of its entries keeps fraction-free elimination exact and small.
const normalised = (row: bigint[]): bigint[] => {
  const g = row.reduce(gcd, 0n);
  return g > 1n ? row.map((x) => x / g) : row;
};

/**
 * Which unknowns a system of linear equations pins down to one value, whatever values the others
 * take: unknown `i` is determined exactly when the unit vector `eᵢ` lies in the span of the
 * equations' coefficient rows. Gauss–Jordan elimination over the integers (exact, no rounding):
 * after it, `i` is determined when its pivot row holds no other unknown.
 *
 * @param equations - each equation's coefficients over the `unknowns` (constants do not matter here)
 * @returns for each unknown, whether the equations determine it
 * @example
 * // a + b = 7 and b = 3 (given as a + b and b): both determined. a + b = 7 alone: neither.
 * determinedUnknowns([[1, 1], [0, 1]], 2); // [true, true]
 * determinedUnknowns([[1, 1]], 2); // [false, false]
 */
export const determinedUnknowns = (equations: readonly (readonly number[])[], unknowns: number): boolean[] => {
  const rows = equations.map((r) => Array.from({ length: unknowns }, (_, j) => BigInt(r[j] ?? 0)));
  const pivotOf: (number | undefined)[] = [];
  let rank = 0;
  for (let col = 0; col < unknowns && rank < rows.length; col++) {
    const at = rows.findIndex((r, i) => i >= rank && r[col] !== 0n);
    const pivot = rows[at];
    if (pivot === undefined) continue;
    rows[at] = rows[rank] ?? pivot;
    rows[rank] = pivot;
    const p = pivot[col] ?? 1n;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const f = row?.[col] ?? 0n;
      if (i === rank || row === undefined || f === 0n) continue;
      rows[i] = normalised(row.map((x, j) => x * p - (pivot[j] ?? 0n) * f));
    }
    pivotOf[col] = rank;
    rank++;
  }
  return Array.from({ length: unknowns }, (_, col) => {
    const r = pivotOf[col];
    const row = r === undefined ? undefined : rows[r];
    return row !== undefined && row.every((x, j) => j === col || x === 0n);
  });
};
