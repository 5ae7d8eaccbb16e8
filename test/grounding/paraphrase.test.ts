import { describe, expect, it } from 'vitest';
import { checkClaim, indexForGrounding } from '../../src/core/grounding/index.ts';

// A hand-written news item with two officials, a pronoun chain and a negative verb.
const ARTICLE = [
  'Russia said on Tuesday that talks with Ukraine had stalled.',
  'Foreign minister Anna Petrova blamed the delay on new demands from Kyiv.',
  'Defence minister Oleg Marchenko announced a fresh round of military exercises near the border.',
  'Observers were unable to verify how many troops took part.',
  'Health minister Lena Koval opened a hospital in Lviv.',
  'She toured its new wards with doctors.',
  'She then met patients who had been moved from the east.',
  'Her visit ended with a promise of more funding.',
].join(' ');
const index = indexForGrounding(ARTICLE);
const check = (claim: string) => checkClaim(index, claim);

describe('a name where the claim puts it', () => {
  it('GIVEN a minister swapped for another minister of the same article THEN the name is unsupported', () => {
    const result = check(
      'Defence minister Petrova announced a fresh round of military exercises near the border.',
    );
    expect(result.status).toBe('unsupported');
    expect(result.reasons).toContainEqual({ kind: 'name', text: 'Petrova' });
  });

  it('GIVEN the right minister THEN the claim stands', () => {
    const result = check(
      'Marchenko announced a fresh round of military exercises near the border.',
    );
    expect(result.status).not.toBe('unsupported');
  });

  it('GIVEN a claim about what follows a run of "she … she … her" THEN the name they refer to counts', () => {
    const result = check('Koval ended her visit with a promise of more funding.');
    expect(result.reasons.filter((reason) => reason.kind === 'name')).toEqual([]);
  });
});

describe('paraphrases a reader accepts', () => {
  it('GIVEN "could not" where the source says "unable" THEN the negation is not a reason', () => {
    const result = check('Observers could not verify how many troops took part.');
    expect(result.reasons.filter((reason) => reason.kind === 'negation')).toEqual([]);
  });

  it('GIVEN a capital for its government THEN it stands for the country', () => {
    const result = check('Officials in Moscow said talks with Ukraine had stalled.');
    expect(result.reasons.filter((reason) => reason.kind === 'name')).toEqual([]);
  });
});

describe('a claim that joins two passages', () => {
  it('GIVEN a place named only in the second passage a claim draws on THEN the name stands', () => {
    const result = check(
      'Defence minister Marchenko announced a fresh round of military exercises near the border, and a hospital opened in Lviv.',
    );
    expect(result.reasons.filter((reason) => reason.kind === 'name')).toEqual([]);
  });
});
