/** Median and p95 of a list of timings, and the process's resident memory in MB. */
export function summarizeTimings(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95) };
}

export const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

/** Runs `fn` a few times to warm up, then `rounds` times, and returns each round's ms. */
export async function time(fn: () => unknown, rounds: number, warmup = 5): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples;
}
