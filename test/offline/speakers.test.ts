import { describe, expect, it } from 'vitest';
import { findQuotes, splitSentences } from '../../src/core/offline/index.ts';

function speakers(text: string): Array<string | null> {
  return findQuotes(text, splitSentences(text)).map((q) => q.speaker);
}

describe('GIVEN a quote and an attribution', () => {
  it('THEN "said" before a titled name gives the name without the title', () => {
    expect(
      speakers('“This was our best quarter ever,” said Chief Executive Maria Gonzalez.'),
    ).toEqual(['Maria Gonzalez']);
  });

  it('THEN a name with an appositive before the verb is the speaker', () => {
    expect(
      speakers('“We will not give up now,” Tom Baker, an analyst at Smith & Co., said.'),
    ).toEqual(['Tom Baker']);
  });

  it('THEN an introduction ending in a colon names the speaker', () => {
    expect(speakers('Senator Ann Lee stated: “The bill is dead on arrival here.”')).toEqual([
      'Ann Lee',
    ]);
  });

  it('THEN "he added" after a quote by someone else in the same sentence refers to that person', () => {
    const text =
      'Ana Ruiz spoke first. “One quarter is not a trend,” said Tom Baker. He added that “margins remain thin everywhere.”';
    expect(speakers(text)).toEqual(['Tom Baker', 'Tom Baker']);
  });

  it('THEN "she said" with no one named before has no speaker', () => {
    expect(speakers('“We are leaving the city tonight,” she said.')).toEqual([null]);
  });

  it('THEN an unnamed institution ("the company said") has no speaker', () => {
    expect(speakers('The company said that “supply problems are behind us now.”')).toEqual([null]);
  });

  it('THEN a surname alone maps to the full name used earlier in the text', () => {
    const text = 'Mayor Ana Ruiz opened the bridge. “It took far too long to build,” Ruiz said.';
    expect(speakers(text)).toEqual(['Ana Ruiz']);
  });

  it('THEN a group is not a speaker', () => {
    expect(speakers('Republicans said the plan “will never pass the House this year.”')).toEqual([
      null,
    ]);
  });

  it('THEN "according to" a named source is that source', () => {
    expect(speakers('The plan is “dead in the water for now,” according to Ann Lee.')).toEqual([
      'Ann Lee',
    ]);
  });

  it('THEN "according to" officials of a country names no one', () => {
    expect(
      speakers('The plan is “dead in the water for now,” according to US intelligence officials.'),
    ).toEqual([null]);
  });
});
