import { describe, expect, it } from 'vitest';
import { findQuote } from '../../src/core/quotes/index.ts';
import { article, shown } from './article.ts';

describe('findQuote forgives what models change', () => {
  it('finds a quote written with a straight apostrophe where the source has a curly one', () => {
    expect(
      shown(article, "the Russian forces are on their own soil, and they don't endanger anyone"),
    ).toBe('the Russian forces are on their own soil, and they don’t endanger anyone');
  });

  it('finds a quote written with straight double quotes where the source has curly ones', () => {
    expect(
      shown(article, '"Our anticipation is that the pipeline will be terminated," she told'),
    ).toBe('“Our anticipation is that the pipeline will be terminated,” she told');
  });

  it('accepts grave, acute and full-width apostrophes as the same mark', () => {
    expect(shown(article, 'Sanctions aren`t new; they´ve been in place')).toBe(
      'Sanctions aren’t new; they’ve been in place',
    );
    expect(shown(article, 'Sanctions aren＇t new')).toBe('Sanctions aren’t new');
  });

  it('matches three dots in the quote to the source’s ellipsis character', () => {
    expect(
      shown(article, 'give additional defense materiel to the Ukrainians... and we will bolster'),
    ).toBe('give additional defense materiel to the Ukrainians… and we will bolster');
  });

  it('matches spaced dots ". . ." in the quote to the source’s ellipsis character', () => {
    expect(shown(article, 'to the Ukrainians . . . and we will bolster')).toBe(
      'to the Ukrainians… and we will bolster',
    );
  });

  it('ignores differences in whitespace, line breaks and no-break spaces', () => {
    expect(
      shown(article, 'Our   anticipation\n is that\u00a0the\tpipeline will be terminated'),
    ).toBe('Our anticipation is that the pipeline will be terminated');
  });

  it('finds a quote across a paragraph break in the source', () => {
    expect(shown(article, 'were still miles apart. During a video conference with Putin')).toBe(
      'were still miles apart.\n\nDuring a video conference with Putin',
    );
  });

  it('ignores letter case', () => {
    expect(shown(article, 'OUR ANTICIPATION IS THAT THE PIPELINE WILL BE TERMINATED')).toBe(
      'Our anticipation is that the pipeline will be terminated',
    );
  });

  it('ignores a dropped comma between words', () => {
    expect(shown(article, 'the Russian forces are on their own soil and they')).toBe(
      'the Russian forces are on their own soil, and they',
    );
  });

  it('ignores an added comma between words', () => {
    expect(shown(article, 'the pipeline, will be terminated')).toBe(
      'the pipeline will be terminated',
    );
  });

  it('treats an em dash, an en dash, a hyphen and "--" between words alike', () => {
    const source = 'Officials called the talks — held by video — a first step toward calm.';
    expect(shown(source, 'the talks -- held by video - a first step')).toBe(
      'the talks — held by video — a first step',
    );
    expect(shown(article, 'Biden—Putin Talks Provide No Breakthrough')).toBe(
      'Biden-Putin Talks Provide No Breakthrough',
    );
  });

  it('finds a decomposed (NFD) quote in a composed (NFC) source', () => {
    const source = 'The café owner said the soufflé was ready at noon.'.normalize('NFC');
    const quote = 'the café owner said the soufflé was ready'.normalize('NFD');
    expect(shown(source, quote)).toBe('The café owner said the soufflé was ready');
  });

  it('finds a composed (NFC) quote in a decomposed (NFD) source and shows the decomposed text', () => {
    const source = 'The café owner said the soufflé was ready at noon.'.normalize('NFD');
    const passage = shown(source, 'the soufflé was ready'.normalize('NFC'));
    expect(passage).toBe('the soufflé was ready'.normalize('NFD'));
  });

  it('folds compatibility forms such as ligatures and full-width letters', () => {
    const source = 'The ﬁnal report from Ｔｏｋｙｏ arrived late.';
    expect(shown(source, 'the final report from Tokyo')).toBe('The ﬁnal report from Ｔｏｋｙｏ');
  });

  it('ignores a soft hyphen the extractor left inside a word', () => {
    const source = 'They returned to the nego\u00adtiation table on Friday.';
    expect(shown(source, 'returned to the negotiation table')).toBe(
      'returned to the nego\u00adtiation table',
    );
  });
});

describe('findQuote allows two bounded gaps', () => {
  it('skips the words an ellipsis in the quote marks as omitted', () => {
    expect(shown(article, "Sanctions aren't new ... haven't had any effect")).toBe(
      'Sanctions aren’t new; they’ve been in place for a long time and haven’t had any effect',
    );
  });

  it('ignores an ellipsis at the start or end of the quote', () => {
    expect(shown(article, '…the more there will be a sense of solidarity…')).toBe(
      'the more there will be a sense of solidarity',
    );
  });

  it('lets several ellipses each omit words, in order', () => {
    expect(
      shown(
        article,
        'While the president … discussed prospective penalties … focused on what Russia requires',
      ),
    ).toBe(
      'While the president of the United States discussed prospective penalties, our president focused on what Russia requires',
    );
  });

  it('does not let an ellipsis omit more than forty words', () => {
    expect(
      shown(article, 'After two hours of negotiations … you’ll face severe penalties'),
    ).toBeNull();
  });

  it('does not let an ellipsis reorder the passage', () => {
    expect(shown(article, "haven't had any effect ... Sanctions aren't new")).toBeNull();
  });

  it('joins a quote that the source interrupts with "he added" and shows the interruption', () => {
    expect(
      shown(
        article,
        'The more Iran shows a lack of sincerity at the negotiation table, the more there will be a sense of solidarity',
      ),
    ).toBe(
      '“The more Iran shows a lack of sincerity at the negotiation table,” he added, “the more there will be a sense of solidarity',
    );
  });

  it('does not skip an attribution longer than eight words', () => {
    const source =
      '“We will not wait,” the minister, speaking to reporters outside the building on Monday, said, “for anyone else.”';
    expect(shown(source, 'We will not wait for anyone else')).toBeNull();
  });

  it('does not skip words that are not between a closing and an opening quotation mark', () => {
    expect(
      shown(article, 'Our anticipation is that the pipeline will be terminated the Senate'),
    ).toBeNull();
  });

  it('joins a quote interrupted between single curly quotation marks', () => {
    const source = '‘We will not wait,’ the minister said, ‘for anyone else.’';
    expect(shown(source, 'We will not wait for anyone else')).toBe(
      'We will not wait,’ the minister said, ‘for anyone else',
    );
  });

  it('joins a German quote interrupted between „ and “ marks', () => {
    const source = '„Wir warten nicht“, sagte der Minister, „auf niemanden.“';
    expect(shown(source, 'Wir warten nicht auf niemanden')).toBe(source);
  });

  it('joins a French quote interrupted between spaced guillemets', () => {
    const source = '« Nous n’attendrons pas », a dit le ministre, « pour personne. »';
    expect(shown(source, "Nous n'attendrons pas pour personne")).toBe(
      'Nous n’attendrons pas », a dit le ministre, « pour personne',
    );
  });

  it('does not drop the quoted words themselves as if they were an attribution', () => {
    expect(shown(article, 'he said, was with some laughs thrown in')).toBeNull();
  });

  it('does not mistake a plural possessive apostrophe for a closing quotation mark', () => {
    expect(shown(article, 'The presidents’ candid and businesslike')).toBeNull();
  });

  it('does not skip quoted words between an opening and a closing mark', () => {
    expect(shown(article, 'The presidents’ video chat, he said, was with some laughs')).toBeNull();
  });
});

describe('findQuote rejects what is not in the source', () => {
  it('returns null for an invented quote', () => {
    expect(findQuote(article, 'We will never allow Russia to invade Ukraine again')).toBeNull();
  });

  it('returns null for a paraphrase with one word changed', () => {
    expect(
      findQuote(article, 'Our expectation is that the pipeline will be terminated'),
    ).toBeNull();
  });

  it('returns null for a quote with one word inserted', () => {
    expect(
      findQuote(article, 'Our anticipation is that the gas pipeline will be terminated'),
    ).toBeNull();
  });

  it('returns null for a quote with one word missing', () => {
    expect(findQuote(article, 'Our anticipation is that pipeline will be terminated')).toBeNull();
  });

  it('returns null for a quote of fewer than three words', () => {
    expect(findQuote(article, 'candid and')).toBeNull();
  });

  it('returns null for a quote with no words at all', () => {
    expect(findQuote(article, '“…”')).toBeNull();
  });
});

describe('findQuote returns the source span', () => {
  it('accepts verbatim text from outside any quotation marks', () => {
    expect(
      shown(article, 'Biden and first wife Jill Biden paid a sad visit to a war memorial'),
    ).toBe('Biden and first wife Jill Biden paid a sad visit to a war memorial');
  });

  it('returns offsets whose slice of the source is the passage', () => {
    const span = findQuote(article, 'reverting to their old playbook');
    expect(span).not.toBeNull();
    expect(article.slice(span?.start, span?.end)).toBe('reverting to their old playbook');
  });

  it('starts at the first word and ends at the last, leaving out the quote’s own punctuation', () => {
    expect(
      shown(
        article,
        '“Fellow authoritarians in Beijing and Tehran will be watching how the free world responds.”',
      ),
    ).toBe(
      'Fellow authoritarians in Beijing and Tehran will be watching how the free world responds',
    );
  });

  it('takes in a closing quotation mark right after the last word when the span opened one', () => {
    expect(shown(article, 'was "candid and businesslike')).toBe('was “candid and businesslike,”');
  });

  it('takes in an opening quotation mark right before the first word when the span closes one', () => {
    expect(shown(article, 'candid and businesslike, with some laughs')).toBe(
      '“candid and businesslike,” with some laughs',
    );
  });

  it('takes the first occurrence of a passage that appears several times', () => {
    const span = findQuote(
      article,
      'Biden-Putin Talks Provide No Breakthrough in Ukraine Tensions',
    );
    expect(span?.start).toBe(article.indexOf('Biden-Putin Talks'));
  });

  it('counts offsets in UTF-16 code units, past characters outside the BMP', () => {
    const source = '🇺🇦 𝒜 The talks ended without a deal.';
    const span = findQuote(source, 'the talks ended without');
    expect(span).toEqual({ start: source.indexOf('The'), end: source.indexOf(' a deal') });
  });
});
