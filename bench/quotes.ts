import { verifyQuotes } from '../src/core/quotes/index.ts';
import { twentyThousandWords } from './pipeline.ts';
import { summarizeTimings, time } from './stats.ts';

/**
 * Quote verification on a 20,000-word source: 15 real passages typed the way models type
 * them (straight quotes, upper case) and 5 altered ones that must be rejected.
 */
export async function benchQuotes(): Promise<{ quotes: number; medianMs: number; p95Ms: number }> {
  const source = twentyThousandWords();
  const words = source.split(/\s+/);
  const passage = (at: number, length: number) => words.slice(at, at + length).join(' ');
  const step = Math.floor(words.length / 20);
  const candidates = Array.from({ length: 20 }, (_, i) => {
    const text = passage(i * step + 7, 12)
      .replace(/[’“”]/g, "'")
      .toUpperCase();
    return { id: `q${i + 1}`, text: i < 15 ? text : `${text} zzz`, speaker: null };
  });
  const timings = summarizeTimings(
    await time(() => verifyQuotes(source, candidates, { url: null }), 20),
  );
  return { quotes: candidates.length, medianMs: timings.median, p95Ms: timings.p95 };
}
