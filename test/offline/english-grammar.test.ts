import { describe, expect, it } from 'vitest';
import { findAllQuotes } from '../../src/core/offline/index.ts';

function speakers(text: string): Array<string | null> {
  return findAllQuotes(text).map((q) => q.speaker);
}

describe('GIVEN an English article WHEN the grammar around a quote names the speaker', () => {
  it('THEN an -ing form binds to the name right before it, not the clause’s subject', () => {
    expect(
      speakers(
        'Maria Lopez released a new ad on Tuesday.\n\nLopez mocked her rival in a clip showing Hal Brooks saying at a rally, “That makes me smart.”',
      ),
    ).toEqual(['Hal Brooks']);
  });

  it('THEN "when X criticized" after a quote is not its attribution', () => {
    expect(
      speakers(
        'Maria Lopez attacked Hal Brooks over his taxes on Monday.\n\nBrooks shrugged it off in the interview, saying “I pay what the law asks,” when Lopez criticized him again.',
      ),
    ).toEqual(['Hal Brooks']);
  });

  it('THEN a name stated before a colon quote is not replaced by the pronoun after it', () => {
    expect(
      speakers(
        'Dr. Linda Park testified before the committee on Tuesday.\n\nSen. Claire Adams (D-Mo.) scolded her: “The evidence is against you,” she said.',
      ),
    ).toEqual(['Claire Adams']);
  });

  it('THEN "However, he" opens the clause: its pronoun is the subject, not the name after it', () => {
    expect(
      speakers(
        'Chris Matthews praised the governor on Tuesday night.\n\nHowever, he characterized Sen. Tim Kaine, D-Va., as “a little desperate there.”',
      ),
    ).toEqual(['Chris Matthews']);
  });

  it('THEN a place or medium before an -ing form ("on Facebook writing") is not its subject', () => {
    expect(
      speakers(
        'Activist Jose Vargas asked Hillary Clinton to drop the phrase.\n\nClinton answered the question on Facebook writing, “Yes, I will. That was a poor choice of words.”',
      ),
    ).toEqual(['Hillary Clinton']);
  });

  it('THEN the quote after one attributed by name keeps that name, not a guess at "she"', () => {
    expect(
      speakers(
        'Dr. Linda Park testified before the committee on Tuesday.\n\nSen. Claire Adams (D-Mo.) scolded her: “The evidence is against you,” she said. “When you call a product a miracle, you give people false hope.”',
      ),
    ).toEqual(['Claire Adams', 'Claire Adams']);
  });

  it('THEN a possessive role ("Obama’s former strategist said") is the person the article is about, not the possessor', () => {
    expect(
      speakers(
        'Dana Whitfield on Wednesday called on Howard Dean to apologize for his remarks.\n\n“My reaction, that was outrageous,” Obama’s former campaign strategist said in an interview.',
      ),
    ).toEqual(['Dana Whitfield']);
  });
  it('THEN a capitalised word the article also writes in lower case ("Delegates") is no one for "he"', () => {
    expect(
      speakers(
        'Sen. Mark Ellison was booed by angry delegates at the convention in July.\n\nDelegates questioned how Ellison could break his pledge to back the nominee.\n\n"That pledge ended the day my family was attacked," he said.',
      ),
    ).toEqual(['Mark Ellison']);
  });
  it('THEN a speech word used as a noun ("his early-morning tweets accusing X") makes no speaker of X', () => {
    expect(
      speakers(
        'Gov. Karen Doyle is calling a post by Tom Reyes “reckless and beneath his office.”\n\nShe says his early-morning tweets accusing Nina Alvarez of fraud are “lies and nothing more.”\n\nThe governor’s answer to Reyes came in her own series of posts on Friday.\n\nShe tweeted: “When someone gets under his skin, he lashes out.”',
      ),
    ).toEqual(['Karen Doyle', 'Karen Doyle', 'Karen Doyle']);
  });

  it('THEN a name that ends a relative clause ("who lives outside the capital, Sacramento,") is not the subject', () => {
    expect(
      speakers(
        'Many activists are still angry about the primary.\n\nMichael Brandt, who lives in a small town outside the state capital, Sacramento, said he still “hopes for a miracle at the convention.”',
      ),
    ).toEqual(['Michael Brandt']);
  });
});
