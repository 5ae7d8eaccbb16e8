import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeOffline } from '../../src/core/offline/index.ts';
import { findQuoteSpans } from '../../src/core/offline/quote-spans.ts';
import { splitSentences } from '../../src/core/offline/sentences.ts';
import { SummaryOutputSchema } from '../../src/shared/schemas.ts';

// Article-like text: words, names, abbreviations and every quotation mark the engine reads.
const token = fc.constantFrom(
  'the',
  'talks',
  'Mr.',
  'U.S.',
  'Jan.',
  'Biden',
  'Ana Ruiz',
  'said',
  'he',
  'she',
  'told',
  'according to',
  '3.5',
  'said.',
  'end.',
  '“',
  '”',
  '"',
  '«',
  '»',
  '„',
  '’s',
  ',',
  '…',
  '\n',
  '\n\n',
  'We',
  'will',
  'win',
  'now.',
  'again!',
  'Why?',
);
const article = fc.array(token, { maxLength: 120 }).map((tokens) => tokens.join(' '));

describe('GIVEN any article-like text', () => {
  it('THEN the output matches the schema and every quote is an exact substring', () => {
    fc.assert(
      fc.property(article, fc.constantFrom('short', 'medium', 'long' as const), (text, length) => {
        if (text.trim() === '') return;
        const out = summarizeOffline(text, { length, style: 'bullets' });
        expect(SummaryOutputSchema.safeParse(out).success).toBe(true);
        for (const quote of out.quotes) expect(text).toContain(quote.text);
      }),
      { numRuns: 300 },
    );
  });

  it('THEN sentence offsets always point at the sentence text', () => {
    fc.assert(
      fc.property(article, (text) => {
        for (const s of splitSentences(text, findQuoteSpans(text))) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('THEN every bullet’s quote ids name quotes of the same output', () => {
    fc.assert(
      fc.property(article, (text) => {
        if (text.trim() === '') return;
        const out = summarizeOffline(text, { length: 'long', style: 'bullets' });
        const ids = new Set(out.quotes.map((q) => q.id));
        for (const bullet of out.bullets)
          for (const id of bullet.quoteIds) expect(ids.has(id)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
