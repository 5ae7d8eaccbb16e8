import { describe, expect, it } from 'vitest';
import { renderSummaryEmbeds } from '../../src/discord/render/embeds.ts';
import { renderSummaryText } from '../../src/discord/render/plain-text.ts';
import { embedLength, validateRequestBody } from '../../testkit/fake-discord/validate.ts';
import { hostileResult, hugeResult, makeResult } from './results.ts';

const EDIT = 'PATCH /webhooks/:app/:token/messages/:message';

describe('renderSummaryEmbeds', () => {
  it('GIVEN a result THEN the title links to the source and the footer names only site and reading time, no operator detail', () => {
    const [embed] = renderSummaryEmbeds(makeResult());
    expect(embed?.url).toBe('https://www.eurasiantimes.com/biden-putin-talks/');
    expect(embed?.footer?.text).toMatch(/^EurAsian Times · \d+ min read$/);
    expect(renderSummaryText(makeResult())).not.toMatch(/summarize@|gpt-4o-mini|tokens/);
  });

  it('GIVEN a quote that brings its own quotation marks THEN it is not wrapped in a second pair', () => {
    const result = makeResult();
    const [first] = result.quotes;
    if (!first) throw new Error('no quote in the fixture');
    result.quotes = [{ ...first, text: '“We did not agree on anything,” he said' }];
    const fields = renderSummaryEmbeds(result).flatMap((embed) => embed.fields ?? []);
    expect(fields[0]?.value).toMatch(/^“We did not agree on anything,” he said”/);
    expect(fields[0]?.value).not.toMatch(/^““/);
    expect(renderSummaryText(result)).toContain('> [1] “We did not agree on anything,” he said”');
  });

  it('GIVEN a cached offline result THEN the footer says cached and offline engine', () => {
    const result = makeResult();
    result.meta = { ...result.meta, cached: true, engine: 'offline' };
    const [embed] = renderSummaryEmbeds(result, { footerExtras: ['asked by alice'] });
    expect(embed?.footer?.text).toMatch(/ · cached · offline engine · asked by alice$/);
  });

  it('GIVEN bullets backed by quotes THEN each carries a numbered marker linking to its quote', () => {
    const result = makeResult();
    const [embed] = renderSummaryEmbeds(result);
    const link = result.quotes[1]?.link ?? '';
    expect(embed?.description).toContain(`[\\[2\\]](${link})`);
  });

  it('GIVEN quotes THEN each is a field with its speaker and a link to its passage', () => {
    const [embed] = renderSummaryEmbeds(makeResult());
    expect(embed?.fields?.[0]?.name).toBe('[1] — Jake Sullivan');
    expect(embed?.fields?.[0]?.value).toMatch(
      /^“the Russian forces.*”\n\[Go to passage\]\(https:\/\/www\.eurasiantimes\.com\/.*#:~:text=/s,
    );
  });

  it('GIVEN a 10,000-character tldr and 40 quotes THEN every Discord limit holds', () => {
    const embeds = renderSummaryEmbeds(hugeResult());
    expect(embeds.length).toBeLessThanOrEqual(10);
    expect(embeds.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    for (const embed of embeds) {
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeLessThanOrEqual(256);
        expect(field.value.length).toBeLessThanOrEqual(1024);
      }
    }
    expect(
      validateRequestBody('PATCH', EDIT.slice(6), { embeds, allowed_mentions: { parse: [] } }),
    ).toEqual([]);
  });

  it('GIVEN a huge result THEN cuts are marked with an ellipsis and hidden quotes are counted', () => {
    const embeds = renderSummaryEmbeds(hugeResult());
    expect(embeds[0]?.title?.endsWith('…')).toBe(true);
    expect(embeds[0]?.description).toMatch(/word …/);
    expect(embeds.map((e) => e.description ?? '').join('\n')).toMatch(
      /…and \d+ more quotes not shown here\./,
    );
  });

  it('GIVEN mentions, masked links and headings in the text THEN none survive as markup', () => {
    const embeds = renderSummaryEmbeds(hostileResult());
    const text = JSON.stringify(embeds);
    expect(text).not.toMatch(/@everyone|@here/);
    expect(text).not.toMatch(/<@&?\d+>/);
    expect(text).not.toMatch(/(?<!\\)\[paypal\.com\]\(/);
    expect(embeds[0]?.description).toContain('\\# Big heading');
    expect(embeds[0]?.description).toContain('\\-# small');
  });

  it('GIVEN an empty summary and no quotes THEN there is no empty description', () => {
    const result = { ...makeResult({ tldr: '', bullets: [] }), quotes: [] };
    const [embed] = renderSummaryEmbeds(result);
    expect(embed).not.toHaveProperty('description');
  });

  it('GIVEN quotes only THEN the bullets are left out', () => {
    const [embed] = renderSummaryEmbeds(makeResult(), { quotesOnly: true });
    expect(embed?.description).not.toContain('•');
    expect(embed?.description).toContain('2 key quotes');
  });
});

describe('renderSummaryText', () => {
  it('GIVEN a huge result THEN the plain-text reply fits 2000 characters', () => {
    expect(renderSummaryText(hugeResult()).length).toBeLessThanOrEqual(2000);
  });

  it('GIVEN a result THEN links are wrapped so they do not unfurl', () => {
    expect(renderSummaryText(makeResult())).toContain(
      '<https://www.eurasiantimes.com/biden-putin-talks/>',
    );
  });
});
