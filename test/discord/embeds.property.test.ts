import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderSummaryEmbeds } from '../../src/discord/render/embeds.ts';
import { renderSummaryText } from '../../src/discord/render/plain-text.ts';
import { embedLength, validateRequestBody } from '../../testkit/fake-discord/validate.ts';
import { makeResult } from './results.ts';

const anyText = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: max, size: 'max' }),
    fc.string({ unit: 'grapheme', maxLength: max, size: 'max' }),
    fc.constantFrom(
      '@everyone',
      '<@&1234567890123456789>',
      '[x](https://evil)',
      '# h',
      '\\',
      '`'.repeat(5),
    ),
  );

const arbitraryResult = fc
  .record({
    title: fc.option(anyText(600), { nil: null }),
    siteName: fc.option(anyText(3000), { nil: null }),
    tldr: anyText(12_000),
    bullets: fc.array(anyText(800), { maxLength: 40, size: 'max' }),
    quotes: fc.array(
      fc.record({ text: anyText(3000), speaker: fc.option(anyText(400), { nil: null }) }),
      {
        maxLength: 60,
      },
    ),
  })
  .map(({ title, siteName, tldr, bullets, quotes }) => {
    const base = makeResult();
    return {
      ...base,
      source: { ...base.source, title, siteName },
      summary: { tldr, bullets: bullets.map((text, i) => ({ text, quoteIds: [`q${i + 1}`] })) },
      quotes: quotes.map((q, i) => ({
        id: `q${i + 1}`,
        text: q.text,
        speaker: q.speaker,
        start: 0,
        end: q.text.length,
        link: `${base.source.url}#:~:text=${encodeURIComponent(q.text.slice(0, 50).replace(/[\uD800-\uDFFF]/g, ''))}`,
      })),
    };
  });

describe('GIVEN any Result', () => {
  it('THEN the embeds are a message body Discord accepts', () => {
    fc.assert(
      fc.property(arbitraryResult, (result) => {
        const embeds = renderSummaryEmbeds(result);
        expect(embeds.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(6000);
        expect(
          validateRequestBody('PATCH', '/webhooks/:app/:token/messages/:message', { embeds }),
        ).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('THEN the plain-text reply fits one message', () => {
    fc.assert(
      fc.property(arbitraryResult, (result) => {
        expect(renderSummaryText(result).length).toBeLessThanOrEqual(2000);
      }),
      { numRuns: 60 },
    );
  });
});
