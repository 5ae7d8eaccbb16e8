import { describe, expect, it } from 'vitest';
import { textFragmentLink } from '../../src/core/quotes/index.ts';

describe('textFragmentLink', () => {
  it('encodes spaces in a short passage and links it whole', () => {
    expect(textFragmentLink('https://example.com/a', 'candid and businesslike')).toBe(
      'https://example.com/a#:~:text=candid%20and%20businesslike',
    );
  });

  it('percent-encodes the hyphen, comma and ampersand that are syntax in a text directive', () => {
    expect(textFragmentLink('https://example.com/a', 'Biden-Putin talks, Q&A')).toBe(
      'https://example.com/a#:~:text=Biden%2DPutin%20talks%2C%20Q%26A',
    );
  });

  it('links a passage of more than eight words as a range of its first and last four words', () => {
    expect(
      textFragmentLink(
        'https://example.com/a',
        'Our anticipation is that the pipeline will be terminated',
      ),
    ).toBe(
      'https://example.com/a#:~:text=Our%20anticipation%20is%20that,pipeline%20will%20be%20terminated',
    );
  });

  it('links a passage of exactly eight words whole', () => {
    expect(
      textFragmentLink('https://example.com/a', 'one two three four five six seven eight'),
    ).toBe('https://example.com/a#:~:text=one%20two%20three%20four%20five%20six%20seven%20eight');
  });

  it('replaces an existing fragment of the URL', () => {
    expect(textFragmentLink('https://example.com/a?b=1#comments', 'candid and businesslike')).toBe(
      'https://example.com/a?b=1#:~:text=candid%20and%20businesslike',
    );
  });

  it('replaces an existing text directive of the URL', () => {
    expect(textFragmentLink('https://example.com/a#:~:text=old', 'candid and businesslike')).toBe(
      'https://example.com/a#:~:text=candid%20and%20businesslike',
    );
  });

  it('collapses line breaks and runs of spaces to one space, as the page renders them', () => {
    expect(textFragmentLink('https://example.com/a', 'miles apart.\n\nDuring  a')).toBe(
      'https://example.com/a#:~:text=miles%20apart.%20During%20a',
    );
  });

  it('encodes curly quotation marks as UTF-8', () => {
    expect(textFragmentLink('https://example.com/a', 'don’t endanger anyone')).toBe(
      'https://example.com/a#:~:text=don%E2%80%99t%20endanger%20anyone',
    );
  });
});
