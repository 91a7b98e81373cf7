// Timing for the benchmarks and the examples that measure themselves: one way to take a median.

/** The median of some timings (the mean of the two middle ones for an even count). */
export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Run `fn` `runs` times, one after another (awaiting it if it returns a promise), and return the median in milliseconds. */
export const medianTime = async (fn: () => unknown, runs: number): Promise<number> => {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
};
