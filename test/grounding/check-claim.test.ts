import { describe, expect, it } from 'vitest';
import { checkClaim, indexForGrounding } from '../../src/core/grounding/index.ts';

// A small hand-written article: figures, names, dates and a negation to get right or wrong.
const ARTICLE = [
  'The council approved a £80m arena on Tuesday, 12 March 2024.',
  'Council leader Simon Cook said 1,000 jobs would be created in Bristol.',
  'Germany’s transport minister did not attend the vote.',
  'About five hundred residents signed a petition against the plan.',
  'Cook said the U.S. firm Arena Group would run the venue for 25 years.',
  'Separately, Mayor Marvin Rees opened a library in Easton, 40 miles away.',
].join(' ');
const index = indexForGrounding(ARTICLE);
const check = (claim: string) => checkClaim(index, claim);

describe('hard facts a reader would accept', () => {
  it.each([
    ['a number written as a word', 'About 500 residents signed a petition against the plan.'],
    ['a number without its thousands separator', 'Simon Cook said 1000 jobs would be created.'],
    ['a number as words', 'Cook said one thousand jobs would be created in Bristol.'],
    ['a currency amount written out', 'The council approved an 80 million pound arena.'],
    ['a surname alone', 'Cook said the arena would create jobs in Bristol.'],
    ['a demonym for the country', 'The German transport minister did not attend the vote.'],
    ['an acronym without dots', 'A US firm, Arena Group, will run the venue for 25 years.'],
    ['a possessive', "Bristol's council approved the arena on Tuesday."],
    ['a short month', 'The council approved the arena on 12 Mar 2024.'],
  ])('GIVEN %s THEN the claim is not unsupported', (_, claim) => {
    const result = check(claim);
    expect(result.reasons.filter((reason) => reason.kind !== 'words')).toEqual([]);
    expect(result.status).not.toBe('unsupported');
  });
});

describe('hard facts the source does not hold', () => {
  it('GIVEN a changed number THEN the claim is unsupported for that number', () => {
    const result = check('Simon Cook said 2,000 jobs would be created in Bristol.');
    expect(result.status).toBe('unsupported');
    expect(result.reasons).toContainEqual({ kind: 'number', text: '2,000' });
  });

  it('GIVEN a changed currency amount THEN the claim is unsupported for that quantity', () => {
    const result = check('The council approved a £90m arena on Tuesday.');
    expect(result.reasons.map((reason) => reason.kind)).toContain('quantity');
  });

  it('GIVEN a changed weekday THEN the claim is unsupported for that date', () => {
    const result = check('The council approved a £80m arena on Thursday.');
    expect(result.reasons).toContainEqual({ kind: 'date', text: 'Thursday' });
  });

  it('GIVEN a changed year THEN the claim is unsupported for that date', () => {
    const result = check('The council approved a £80m arena on 12 March 2023.');
    expect(result.reasons).toContainEqual({ kind: 'date', text: '2023' });
  });

  it('GIVEN a name the source never gives THEN the claim is unsupported for that name', () => {
    const result = check('Council leader Simon Smith said 1,000 jobs would be created in Bristol.');
    expect(result.reasons).toContainEqual({ kind: 'name', text: 'Smith' });
  });

  it('GIVEN a name the source gives only in an unrelated passage THEN the claim is unsupported', () => {
    const result = check('Mayor Marvin Rees said 1,000 jobs would be created in Bristol.');
    expect(result.reasons).toContainEqual({ kind: 'name', text: 'Rees' });
  });

  it('GIVEN a number the source gives only in an unrelated passage THEN the claim is unsupported', () => {
    const result = check('Simon Cook said 40 jobs would be created in Bristol.');
    expect(result.reasons).toContainEqual({ kind: 'number', text: '40' });
  });

  it('GIVEN a negation dropped from the passage THEN the claim is unsupported for that negation', () => {
    const result = check('Germany’s transport minister did attend the vote.');
    expect(result.reasons.map((reason) => reason.kind)).toEqual(['negation']);
  });

  it('GIVEN a negation the passage lacks THEN the claim is unsupported for that negation', () => {
    const result = check('About five hundred residents did not sign a petition against the plan.');
    expect(result.reasons).toContainEqual({ kind: 'negation', text: 'not' });
  });
});

describe('evidence and weak support', () => {
  it('GIVEN a sentence copied from the source THEN its first evidence is that sentence', () => {
    const sentence = 'Council leader Simon Cook said 1,000 jobs would be created in Bristol.';
    const [first] = check(sentence).evidence;
    expect(ARTICLE.slice(first?.start, first?.end)).toBe(sentence);
  });

  it('GIVEN a paraphrase THEN its first evidence is the passage it rests on', () => {
    const [first] = check('Residents petitioned against the plan, about 500 of them.').evidence;
    expect(ARTICLE.slice(first?.start, first?.end)).toContain('petition against the plan');
  });

  it('GIVEN wording the source never uses THEN the claim is weak, not unsupported', () => {
    const result = check('Critics fear the stadium will ruin the neighbourhood forever.');
    expect(result.status).toBe('weak');
    expect(result.reasons.map((reason) => reason.kind)).toEqual(['words']);
  });

  it('GIVEN another language THEN wording is not compared but figures still are', () => {
    const french = checkClaim(index, 'Le conseil a approuvé une salle de 80 millions de livres.', {
      lexical: false,
    });
    expect(french.status).toBe('supported');
    const wrong = checkClaim(index, 'Le conseil a approuvé une salle de 95 millions de livres.', {
      lexical: false,
    });
    expect(wrong.status).toBe('unsupported');
  });
});
