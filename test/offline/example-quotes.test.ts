import { describe, expect, it } from 'vitest';
import { findQuotes, splitSentences } from '../../src/core/offline/index.ts';
import { EXAMPLE_ARTICLE } from './example-article.ts';

const quotes = findQuotes(EXAMPLE_ARTICLE, splitSentences(EXAMPLE_ARTICLE));

function speakerOf(opening: string): string | null | undefined {
  const quote = quotes.find((q) => q.text.startsWith(opening));
  if (quote === undefined) throw new Error(`no quote starts with ${opening}`);
  return quote.speaker;
}

describe('GIVEN the Biden-Putin article WHEN quotes are found', () => {
  it('THEN Ushakov’s quote followed by "Ushakov said" is his', () => {
    expect(speakerOf('While the president of the United States discussed')).toBe('Yuri Ushakov');
  });

  it('THEN the next paragraph-opening quote with no attribution continues Ushakov', () => {
    expect(speakerOf('Sanctions aren’t new')).toBe('Yuri Ushakov');
  });

  it('THEN “I welcome you, Mr. President” is Putin’s, abbreviation and all', () => {
    expect(quotes.map((q) => q.text)).toContain('I welcome you, Mr. President');
    expect(speakerOf('I welcome you, Mr. President')).toBe('Vladimir Putin');
  });

  it('THEN McConnell’s quote introduced by "remarked from the Senate floor" is his', () => {
    expect(speakerOf('Fellow authoritarians in Beijing and Tehran')).toBe('Mitch McConnell');
  });

  it('THEN "she told" resolves to Victoria Nuland, named in the sentence before', () => {
    expect(speakerOf('Our anticipation is that the pipeline will be terminated')).toBe(
      'Victoria Nuland',
    );
  });

  it('THEN "Sullivan said" after the quote gives the full name Jake Sullivan', () => {
    expect(speakerOf('I’ll look you in the eye')).toBe('Jake Sullivan');
  });

  it('THEN "he added" resolves to Sullivan, cited by "according to Sullivan" just before', () => {
    expect(speakerOf('The more Iran shows a lack of sincerity')).toBe('Jake Sullivan');
  });

  it('THEN the second half of the interrupted quote is also Sullivan’s', () => {
    expect(speakerOf('the more there will be a sense of solidarity')).toBe('Jake Sullivan');
  });

  it('THEN "the Russian president told Trump that …" is Putin, via "Russian President Vladimir Putin"', () => {
    expect(speakerOf('the Russian forces are on their own soil')).toBe('Vladimir Putin');
  });

  it('THEN "According to Sullivan, Biden “informed …”" is Sullivan’s account, not Biden speaking', () => {
    expect(speakerOf('specifically informed President Putin')).toBe('Jake Sullivan');
  });

  it('THEN "Biden said the US would “give …”" is Biden’s', () => {
    expect(speakerOf('give additional defense materiel')).toBe('Joe Biden');
  });

  it('THEN a quote credited to an unnamed official has no speaker', () => {
    expect(speakerOf('reverting to their old playbook')).toBeNull();
  });

  it('THEN scare quotes and titles are skipped', () => {
    const texts = quotes.map((q) => q.text);
    expect(texts).not.toContain('excellent talk');
    expect(texts).not.toContain('America First');
    expect(texts).not.toContain('candid and businesslike');
    expect(texts).not.toContain('provoke retaliation');
  });

  it('THEN every quote is the source’s exact characters at its offsets', () => {
    for (const quote of quotes) {
      expect(EXAMPLE_ARTICLE.slice(quote.start, quote.end)).toBe(quote.text);
    }
  });

  it('THEN no quote includes its quotation marks or the trailing comma', () => {
    for (const quote of quotes) expect(quote.text).not.toMatch(/^[“"]|[”",]$/);
  });
});
