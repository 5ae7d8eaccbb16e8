import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/eval/detect-language.ts';
import { countWords, lengthLimits } from '../../src/eval/length-limits.ts';

describe('detectLanguage', () => {
  it.each([
    ['en', 'The union had demanded a rise of twelve per cent but settled for less than that.'],
    ['fr', 'Le nombre de trajets à vélo a doublé selon le bilan publié par la Métropole.'],
    ['de', 'Die Beschäftigten erhalten mehr Lohn, und der Vertrag läuft 30 Monate für alle.'],
    ['es', 'Los embalses de la cuenca se encuentran al 22 % de su capacidad, según los datos.'],
  ])('GIVEN a %s sentence THEN it detects %s', (language, text) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it('GIVEN only numbers and names THEN it does not guess', () => {
    expect(detectLanguage('Nordbahn 2026 GSV 6,5').language).toBe('unknown');
  });
});

describe('lengthLimits', () => {
  it('GIVEN the short preset THEN it reads 25, 3 and 20 from its text', () => {
    expect(lengthLimits('short')).toEqual({ tldrWords: 25, bullets: 3, bulletWords: 20 });
  });

  it('GIVEN the long preset THEN it reads 50, 8 and 30 from its text', () => {
    expect(lengthLimits('long')).toEqual({ tldrWords: 50, bullets: 8, bulletWords: 30 });
  });
});

describe('countWords', () => {
  it('GIVEN a dash between spaces THEN the dash is not a word', () => {
    expect(countWords('Ashford won — at last, in 2025')).toBe(6);
  });
});
