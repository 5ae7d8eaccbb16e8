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

describe('GIVEN the attribution patterns of real news', () => {
  it('THEN a quote ending its sentence takes the attribution of the next one (“…Katy.” Trump said to cheers.)', () => {
    expect(speakers('“We love you, Katy.” Trump said to cheers. The crowd roared.')).toEqual([
      'Trump',
    ]);
  });

  it('THEN a title and a party in parentheses are read past: Rep. Emanuel Cleaver II (D-Mo.) said', () => {
    expect(
      speakers('“This is a sad day for the whole House,” Rep. Emanuel Cleaver II (D-Mo.) said.'),
    ).toEqual(['Emanuel Cleaver II']);
  });

  it('THEN lower-case descriptors before a name are read past', () => {
    expect(
      speakers(
        '“We are proud of every athlete,” Millikin assistant athletic director Bryan Marshall said.',
      ),
    ).toEqual(['Bryan Marshall']);
  });

  it('THEN verbs beyond "said" attribute: accused, praised, lamented', () => {
    expect(
      speakers(
        'Ana Ruiz lamented that the deal “leaves the workers with nothing at all.” Tom Baker praised it as “a fair settlement for both sides.”',
      ),
    ).toEqual(['Ana Ruiz', 'Tom Baker']);
  });

  it('THEN an -ing clause gives its quote to the subject of the sentence', () => {
    expect(
      speakers(
        'Weaver did not seem impressed on Tuesday, telling reporters, “A lot of people said the governor should step down.”',
      ),
    ).toEqual(['Weaver']);
  });

  it('THEN a colon-introduced quote is the introducer’s', () => {
    expect(
      speakers('Jeremy Lott, author: “The party has never been this divided before.”'),
    ).toEqual(['Jeremy Lott']);
  });

  it('THEN "he" goes to the man the previous sentence cites, not to the woman quoted before', () => {
    const text =
      '“We will win this state,” Hillary Clinton said. Franson Reneus, 18, disagrees with her. “I could say I identify as anything,” he says.';
    expect(speakers(text)).toEqual(['Hillary Clinton', 'Franson Reneus']);
  });

  it('THEN "she" skips a man named in between for the woman who spoke', () => {
    const text =
      'Mayor Ana Ruiz spoke first. She thanked Tom Baker for his work. “We could not have done it without the volunteers,” she said.';
    expect(speakers(text)).toEqual(['Ana Ruiz']);
  });

  it('THEN a quote paragraph that continues inherits the previous paragraph’s speaker', () => {
    const text =
      '“The South China Sea must stay open,” Carter told the forum in Singapore.\n\n“The United States will remain the most powerful military in the region.”';
    expect(speakers(text)).toEqual(['Carter', 'Carter']);
  });

  it('THEN an institution that a verb makes a speaker is one, but never the referent of "he"', () => {
    const text =
      'Germany’s Bundesbank said the plan “would cost far more than anyone expects.” Economist Tom Baker was blunt. “It is not going to work,” he said.';
    expect(speakers(text)).toEqual(['Bundesbank', 'Tom Baker']);
  });

  it('THEN British single-quoted speech is read and its speaker found', () => {
    const text =
      'The minister was defiant. ‘We won’t back down on the workers’ pensions,’ Ana Ruiz said. ‘Not now, not ever.’';
    expect(findQuotes(text, splitSentences(text)).map((q) => [q.text, q.speaker])).toEqual([
      ['We won’t back down on the workers’ pensions', 'Ana Ruiz'],
      ['Not now, not ever.', 'Ana Ruiz'],
    ]);
  });

  it('THEN a book title ending in a period is not a quote', () => {
    expect(speakers('She wrote “The Art of the Deal.” in 1987, her publisher said.')).toEqual([]);
  });
});
