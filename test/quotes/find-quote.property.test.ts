import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceSpan } from '../../src/core/quotes/balance-span.ts';
import { findQuote } from '../../src/core/quotes/index.ts';
import { tokenize } from '../../src/core/quotes/tokenize.ts';
import { article } from './article.ts';

const tokens = tokenize(article);
const norms = tokens.map((token) => token.norm);

/** Whether words a..b of the article already occur, in that order, earlier in it. */
function occursEarlier(a: number, b: number): boolean {
  const length = b - a + 1;
  for (let p = 0; p < a; p++) {
    let i = 0;
    while (i < length && norms[p + i] === norms[a + i]) i++;
    if (i === length) return true;
  }
  return false;
}

/** The damage models do to a quote, each applied or not. */
const damage = fc.record({
  straightQuotes: fc.boolean(),
  whitespace: fc.constantFrom('keep', 'collapse', 'newlines', 'nbsp'),
  letterCase: fc.constantFrom('keep', 'upper', 'lower'),
  nfd: fc.boolean(),
  dotsForEllipsis: fc.boolean(),
  spacedDashes: fc.boolean(),
  wrapInQuotes: fc.boolean(),
});

function applyDamage(text: string, d: typeof damage extends fc.Arbitrary<infer T> ? T : never) {
  let out = text;
  if (d.straightQuotes) out = out.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  if (d.dotsForEllipsis) out = out.replaceAll('…', '...');
  if (d.spacedDashes) out = out.replaceAll('-', ' — ');
  if (d.whitespace === 'collapse') out = out.replace(/\s+/g, ' ');
  if (d.whitespace === 'newlines') out = out.replaceAll(' ', '\n ');
  if (d.whitespace === 'nbsp') out = out.replaceAll(' ', '\u00a0');
  if (d.letterCase === 'upper') out = out.toUpperCase();
  if (d.letterCase === 'lower') out = out.toLowerCase();
  if (d.nfd) out = out.normalize('NFD');
  if (d.wrapInQuotes) out = `“${out}.”`;
  return out;
}

describe('findQuote on damaged copies of real passages', () => {
  it('returns the original span of any passage of three or more words', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: tokens.length - 3 }),
        fc.integer({ min: 3, max: 40 }),
        fc.boolean(),
        damage,
        (a, length, withEdgePunctuation, d) => {
          const b = Math.min(a + length - 1, tokens.length - 1);
          fc.pre(!occursEarlier(a, b));
          let from = tokens[a]!.start;
          let to = tokens[b]!.end;
          // The model may copy the punctuation around the words too.
          if (withEdgePunctuation) {
            while (from > 0 && /[^\s\p{L}\p{N}]/u.test(article[from - 1]!)) from--;
            while (to < article.length && /[^\s\p{L}\p{N}]/u.test(article[to]!)) to++;
          }
          const quote = applyDamage(article.slice(from, to), d);
          const expected = balanceSpan(article, tokens[a]!.start, tokens[b]!.end);
          expect(findQuote(article, quote)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('returns null once any word of a real passage is replaced by one the source lacks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: tokens.length - 3 }),
        fc.integer({ min: 3, max: 40 }),
        fc.nat(),
        (a, length, which) => {
          const b = Math.min(a + length - 1, tokens.length - 1);
          const replaced = a + (which % (b - a + 1));
          const quote =
            article.slice(tokens[a]!.start, tokens[replaced]!.start) +
            'zzyzx' +
            article.slice(tokens[replaced]!.end, tokens[b]!.end);
          expect(findQuote(article, quote)).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws and only returns spans inside the source, whatever the quote', () => {
    const piece = fc.oneof(
      fc.constantFrom(...article.slice(0, 3000).split(/(\s+)/)),
      fc.constantFrom('…', '...', '“', '”', '"', "'", '’', ' -- ', '\n', '\u00ad', '\u0301'),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const span = findQuote(article, pieces.join(' '));
        const inside =
          span === null || (0 <= span.start && span.start < span.end && span.end <= article.length);
        expect(inside).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
