import { describe, expect, it } from 'vitest';
import { verifyQuotes } from '../../src/core/quotes/index.ts';
import { longSource, passagesOf } from './long-source.ts';

// Speed is measured by `npm run bench`, not here: timed tests are flaky on shared machines.
describe('verifyQuotes on a long source', () => {
  const source = longSource(20_000);
  const found = passagesOf(source, 15).map((text) => text.replace(/[’“”]/g, "'").toUpperCase());
  // One word changed at the end: every start is tried and every attempt walks far.
  const missed = passagesOf(source, 5, 7).map((text) => `${text} zzz`);
  const candidates = [...found, ...missed].map((text, i) => ({ id: `q${i}`, text, speaker: null }));

  it('finds the fifteen real passages and none of the altered ones', () => {
    const { quotes } = verifyQuotes(source, candidates, { url: null });
    expect(quotes.length).toBe(15);
  });
});
