import {
  checkSummary,
  indexForGrounding,
  indexForGroundingAsync,
} from '../src/core/grounding/index.ts';
import { verifyQuotes } from '../src/core/quotes/index.ts';
import { EXAMPLE } from '../testkit/pipeline-helpers.ts';
import { summarizeTimings, time } from './stats.ts';

/** The example article's paragraphs repeated up to `words` words. */
function sourceOf(words: number): string {
  const paragraphs = EXAMPLE.split('\n\n').slice(4);
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const paragraph = paragraphs[i % paragraphs.length] ?? '';
    out.push(paragraph);
    count += paragraph.split(/\s+/).length;
  }
  return out.join('\n\n');
}

// A TL;DR and five bullets as a model writes them: paraphrases, one wrong figure, one quote-like.
const SUMMARY = [
  'Biden and Putin talked for two hours without a breakthrough on Ukraine.',
  'Biden warned of severe economic penalties if Russia attacks Ukraine.',
  'Russia says its forces on their own soil endanger no one.',
  'Sullivan said the United States would respond with harsh economic measures.',
  'Nuland warned the Nord Stream 2 pipeline would be terminated after an invasion.',
  'The leaders marked the 81st anniversary of the attack on Pearl Harbor.',
].join(' ');

/**
 * The grounding check per summary on a 1,000-word source, index included (a new source each
 * time), as a ratio to quote verification of three quotes on the same source; and the longest
 * the thread is held while a 1,000,000-character source is indexed in slices.
 */
export async function benchGrounding() {
  const source = sourceOf(1000);
  const words = source.split(/\s+/);
  const quotes = [100, 400, 700].map((at, i) => ({
    id: `q${i + 1}`,
    text: words.slice(at, at + 12).join(' '),
    speaker: null,
  }));
  // Wall time is what a user waits, but on a shared machine it counts other processes' work
  // too: the CPU time this process spent per summary is given beside it.
  const once = () => checkSummary(indexForGrounding(source), SUMMARY);
  for (let i = 0; i < 20; i++) once();
  const cpuBefore = process.cpuUsage();
  const rounds = 200;
  const grounding = summarizeTimings(await time(once, rounds, 0));
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerSummary = (cpu.user + cpu.system) / 1000 / rounds;
  const index = indexForGrounding(source);
  const checkOnly = summarizeTimings(await time(() => checkSummary(index, SUMMARY), 200));
  const quoteTimes = summarizeTimings(
    await time(() => verifyQuotes(source, quotes, { url: null }), 200),
  );

  const huge = sourceOf(170_000).slice(0, 1_000_000);
  let longest = 0;
  let last = performance.now();
  const started = last;
  await indexForGroundingAsync(huge, async () => {
    longest = Math.max(longest, performance.now() - last);
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
  });
  longest = Math.max(longest, performance.now() - last);
  const hugeMs = performance.now() - started;
  return {
    sentences: checkSummary(index, SUMMARY).sentences.length,
    p50Ms: grounding.median,
    p95Ms: grounding.p95,
    cpuMsPerSummary,
    checkOnlyP95Ms: checkOnly.p95,
    quotesP95Ms: quoteTimes.p95,
    ratio: grounding.p95 / quoteTimes.p95,
    millionCharsMs: hugeMs,
    longestSliceMs: longest,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchGrounding());
