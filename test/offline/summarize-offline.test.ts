import { describe, expect, it } from 'vitest';
import { summarizeOffline } from '../../src/core/offline/index.ts';
import { isUserError } from '../../src/shared/errors.ts';
import { SummaryOutputSchema } from '../../src/shared/schemas.ts';
import { EXAMPLE_ARTICLE } from './example-article.ts';

const LEAD =
  'After two hours of negotiations on the mounting situation precipitated by Russia’s massing';

describe('GIVEN the Biden-Putin article', () => {
  const medium = summarizeOffline(EXAMPLE_ARTICLE, { length: 'medium', style: 'bullets' });

  it('THEN the output matches the schema the LLM answers with', () => {
    expect(SummaryOutputSchema.safeParse(medium).success).toBe(true);
  });

  it('THEN the tldr is the lead sentence, not the headline or breadcrumb', () => {
    expect(medium.tldr.startsWith(LEAD)).toBe(true);
  });

  it('THEN a short summary has 3 bullets', () => {
    const short = summarizeOffline(EXAMPLE_ARTICLE, { length: 'short', style: 'bullets' });
    expect(short.bullets).toHaveLength(3);
  });

  it('THEN a medium summary has 5 bullets', () => {
    expect(medium.bullets).toHaveLength(5);
  });

  it('THEN a long summary has 8 bullets', () => {
    const long = summarizeOffline(EXAMPLE_ARTICLE, { length: 'long', style: 'bullets' });
    expect(long.bullets).toHaveLength(8);
  });

  it('THEN no bullet repeats the tldr', () => {
    expect(medium.bullets.map((b) => b.text)).not.toContain(medium.tldr);
  });

  it('THEN every bullet is a sentence of the source, in source order', () => {
    const positions = medium.bullets.map((b) => EXAMPLE_ARTICLE.indexOf(b.text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('THEN no bullet is a headline, a breadcrumb or the "Source:" line', () => {
    for (const bullet of medium.bullets) expect(bullet.text).toMatch(/[.!?”]$/);
  });

  it('THEN a medium summary has at least 3 quotes with a named speaker', () => {
    expect(medium.quotes.filter((q) => q.speaker !== null).length).toBeGreaterThanOrEqual(3);
  });

  it('THEN short, medium and long give up to 3, 5 and 8 quotes', () => {
    const count = (length: 'short' | 'medium' | 'long') =>
      summarizeOffline(EXAMPLE_ARTICLE, { length, style: 'bullets' }).quotes.length;
    expect([count('short'), count('medium'), count('long')]).toEqual([3, 5, 8]);
  });

  it('THEN every quote text is an exact substring of the source', () => {
    const long = summarizeOffline(EXAMPLE_ARTICLE, { length: 'long', style: 'bullets' });
    for (const quote of long.quotes) expect(EXAMPLE_ARTICLE).toContain(quote.text);
  });

  it('THEN quotes are numbered q1, q2, … in source order', () => {
    expect(medium.quotes.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
    const positions = medium.quotes.map((q) => EXAMPLE_ARTICLE.indexOf(q.text));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('THEN a bullet lists exactly the chosen quotes that lie inside it', () => {
    for (const bullet of medium.bullets) {
      const inside = medium.quotes.filter((q) => bullet.text.includes(q.text)).map((q) => q.id);
      expect(bullet.quoteIds).toEqual(inside);
    }
  });

  it('THEN the Sullivan bullet cites Sullivan’s quote', () => {
    const bullet = medium.bullets.find((b) => b.text.startsWith('“I’ll look you in the eye'));
    const quote = medium.quotes.find((q) => q.text.startsWith('I’ll look you in the eye'));
    expect(bullet?.quoteIds).toEqual([quote?.id]);
  });

  it('THEN the same input gives the same output twice', () => {
    const again = summarizeOffline(EXAMPLE_ARTICLE, { length: 'medium', style: 'bullets' });
    expect(again).toEqual(medium);
  });

  it('THEN prose style picks the same sentences as bullets', () => {
    const prose = summarizeOffline(EXAMPLE_ARTICLE, { length: 'medium', style: 'prose' });
    expect(prose).toEqual(medium);
  });

  it('THEN quotesOnly keeps the quotes and drops the bullets', () => {
    const quotesOnly = summarizeOffline(EXAMPLE_ARTICLE, {
      length: 'medium',
      style: 'bullets',
      quotesOnly: true,
    });
    expect(quotesOnly.bullets).toEqual([]);
    expect(quotesOnly.quotes).toEqual(medium.quotes);
  });

  it('THEN the title passed in is never chosen as a sentence', () => {
    const titled = summarizeOffline(EXAMPLE_ARTICLE, {
      length: 'long',
      style: 'bullets',
      title: 'Biden-Putin Talks Provide No Breakthrough in Ukraine Tensions',
    });
    expect(titled.bullets.map((b) => b.text).join('\n')).not.toContain('No Breakthrough');
  });
});

describe('GIVEN unusual input', () => {
  it('THEN whitespace only is a UserError empty_input', () => {
    let caught: unknown;
    try {
      summarizeOffline(' \n\t ', { length: 'medium', style: 'bullets' });
    } catch (error) {
      caught = error;
    }
    expect(isUserError(caught) && caught.code).toBe('empty_input');
  });

  it('THEN a single short line becomes the tldr with no bullets and no quotes', () => {
    const out = summarizeOffline('Meeting moved to Friday', { length: 'medium', style: 'bullets' });
    expect(out).toEqual({ tldr: 'Meeting moved to Friday', bullets: [], quotes: [] });
  });

  it('THEN a text of two sentences gives one bullet besides the tldr', () => {
    const out = summarizeOffline(
      'The council approved the new budget on Monday evening. Spending on parks rises by ten percent next year.',
      { length: 'long', style: 'bullets' },
    );
    expect(out.bullets).toHaveLength(1);
  });

  it('THEN a text without quotation marks has no quotes', () => {
    const text = EXAMPLE_ARTICLE.replace(/[“”"]/g, '');
    expect(summarizeOffline(text, { length: 'long', style: 'bullets' }).quotes).toEqual([]);
  });

  it('THEN straight double quotes are read like curly ones', () => {
    const out = summarizeOffline(
      'The mayor spoke at noon on Tuesday. "We will rebuild the bridge before winter," Mayor Ana Ruiz said.',
      { length: 'short', style: 'bullets' },
    );
    expect(out.quotes).toEqual([
      { id: 'q1', text: 'We will rebuild the bridge before winter', speaker: 'Ana Ruiz' },
    ]);
  });

  it('THEN guillemets are read as quotation marks', () => {
    const out = summarizeOffline(
      'Le ministre a parlé mardi devant la presse. « Nous allons reconstruire le pont », a-t-il dit.',
      { length: 'short', style: 'bullets' },
    );
    expect(out.quotes.map((q) => q.text)).toEqual(['Nous allons reconstruire le pont']);
  });
});
