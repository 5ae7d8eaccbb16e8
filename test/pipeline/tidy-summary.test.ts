import { describe, expect, it } from 'vitest';
import { tidySummary } from '../../src/core/summarize/tidy.ts';

const SOURCE = 'The minister said talks went well. Details at https://news.example/talks today.';
const tidy = (tldr: string) => tidySummary({ tldr, bullets: [], quotes: [] }, [], SOURCE, 5).tldr;

describe('the model’s text before Discord', () => {
  it.each([
    ['Readmorehttps://attacker.example/c'],
    ['1https://attacker.example/c'],
    ['_https://attacker.example/c'],
    ['(http://attacker.example/c)'],
  ])('GIVEN %s THEN the link not in the source is removed', (text) => {
    expect(tidy(`Talks went well. ${text}`)).not.toContain('attacker.example');
  });

  it('GIVEN a link the source holds THEN it is kept', () => {
    expect(tidy('See https://news.example/talks for more.')).toContain(
      'https://news.example/talks',
    );
  });

  it.each([
    ['a right-to-left override', '\u202E'],
    ['an isolate', '\u2066'],
    ['ESC', '\u001B'],
    ['a zero-width joiner', '\u200D'],
  ])('GIVEN %s THEN it is stripped', (_name, char) => {
    expect(tidy(`Talks ${char}went well.`)).toBe('Talks went well.');
  });

  it.each([['<:pepe:123456789012345678>'], ['<a:dance:123456789012345678>']])(
    'GIVEN custom emoji markup %s THEN it is stripped',
    (emoji) => {
      expect(tidy(`Talks went well ${emoji}.`)).toBe('Talks went well .');
    },
  );
});
