import { describe, expect, it } from 'vitest';
import { verifyQuotes } from '../../src/core/quotes/index.ts';
import { longSource, passagesOf } from './long-source.ts';

// The budget is far above the measured time (a few ms) and far below what matching
// character by character over the whole source would cost, so it catches that regression
// without failing on a slow machine.
const BUDGET_MS = 500;

describe('verifyQuotes on a long source', () => {
  const source = longSource(20_000);
  const found = passagesOf(source, 15).map((text) => text.replace(/[’“”]/g, "'").toUpperCase());
  // One word changed at the end: every start is tried and every attempt walks far.
  const missed = passagesOf(source, 5, 7).map((text) => `${text} zzz`);
  const candidates = [...found, ...missed].map((text, i) => ({ id: `q${i}`, text, speaker: null }));

  it('verifies twenty quotes in a 20,000-word source within the budget', () => {
    const started = performance.now();
    verifyQuotes(source, candidates, { url: 'https://example.com/long' });
    expect(performance.now() - started).toBeLessThan(BUDGET_MS);
  });

  it('finds the fifteen real passages and none of the altered ones', () => {
    const { quotes } = verifyQuotes(source, candidates, { url: null });
    expect(quotes.length).toBe(15);
  });
});
