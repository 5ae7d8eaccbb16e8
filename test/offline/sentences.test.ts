import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../src/core/offline/quote-spans.ts';
import { splitSentences } from '../../src/core/offline/sentences.ts';

const split = (text: string) => splitSentences(text, findQuoteSpans(text)).map((s) => s.text);

describe('GIVEN text to split into sentences', () => {
  it('THEN titles such as Mr. and Dr. do not end a sentence', () => {
    expect(split('Mr. Smith met Dr. Jones today. They talked.')).toEqual([
      'Mr. Smith met Dr. Jones today.',
      'They talked.',
    ]);
  });

  it('THEN U.S. inside a sentence does not end it', () => {
    expect(split('The U.S. Senate voted on Friday. It passed.')).toEqual([
      'The U.S. Senate voted on Friday.',
      'It passed.',
    ]);
  });

  it('THEN U.S. at the end of a sentence ends it when a sentence opener follows', () => {
    expect(split('He moved to the U.S. The rest is history.')).toEqual([
      'He moved to the U.S.',
      'The rest is history.',
    ]);
  });

  it('THEN month abbreviations such as Jan. do not end a sentence', () => {
    expect(split('The law takes effect Jan. 1 next year. Critics object.')).toEqual([
      'The law takes effect Jan. 1 next year.',
      'Critics object.',
    ]);
  });

  it('THEN middle initials do not end a sentence', () => {
    expect(split('John F. Kennedy was elected in 1960. He served briefly.')).toEqual([
      'John F. Kennedy was elected in 1960.',
      'He served briefly.',
    ]);
  });

  it('THEN decimals do not end a sentence', () => {
    expect(split('Growth was 3.5 percent. Prices rose 2.1 percent.')).toEqual([
      'Growth was 3.5 percent.',
      'Prices rose 2.1 percent.',
    ]);
  });

  it('THEN a sentence ending inside a closing quotation mark keeps the mark', () => {
    expect(split('She said “we are done.” Then she left.')).toEqual([
      'She said “we are done.”',
      'Then she left.',
    ]);
  });

  it('THEN a quotation of several sentences stays in one sentence', () => {
    expect(split('“We won. We will win again,” he said. Fans cheered.')).toEqual([
      '“We won. We will win again,” he said.',
      'Fans cheered.',
    ]);
  });

  it('THEN a lower-case word after a period does not start a sentence', () => {
    expect(split('Prices rose, e.g. for bread and milk. Wages did not.')).toEqual([
      'Prices rose, e.g. for bread and milk.',
      'Wages did not.',
    ]);
  });

  it('THEN a paragraph break ends a sentence without punctuation', () => {
    expect(split('Breaking News\n\nThe vote passed.')).toEqual([
      'Breaking News',
      'The vote passed.',
    ]);
  });

  it('THEN a short line without a period is its own block', () => {
    expect(split('Big Headline Here\nSource: Wire\nThe vote passed.')).toEqual([
      'Big Headline Here',
      'Source: Wire',
      'The vote passed.',
    ]);
  });

  it('THEN a long line wrapped mid-sentence is joined back', () => {
    const text =
      'The committee met for seven hours on Tuesday to discuss the budget and\nthe new parking rules. It adjourned late.';
    expect(split(text)).toEqual([
      'The committee met for seven hours on Tuesday to discuss the budget and\nthe new parking rules.',
      'It adjourned late.',
    ]);
  });

  it('THEN each sentence’s offsets point at its text in the source', () => {
    const text = 'One sentence here.  Another one there!\n\nA third?';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('GIVEN a company abbreviation', () => {
  it('THEN "Co." followed by a capital ends the sentence', () => {
    expect(split('He works at Smith & Co. He likes it.')).toEqual([
      'He works at Smith & Co.',
      'He likes it.',
    ]);
  });
});
