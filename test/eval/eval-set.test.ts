import { describe, expect, it } from 'vitest';
import { loadEvalSet } from '../../src/eval/eval-set.ts';
import { countWords } from '../../src/eval/length-limits.ts';

const set = loadEvalSet();
const byId = (id: string) => set.find((article) => article.id === id)!;

describe('the eval set in test/fixtures/eval', () => {
  it('GIVEN the manifest THEN it names at least 12 articles', () => {
    expect(set.length).toBeGreaterThanOrEqual(12);
  });

  it('GIVEN the articles THEN they are in English, French, German and Spanish', () => {
    expect(new Set(set.map((article) => article.lang))).toEqual(new Set(['en', 'fr', 'de', 'es']));
  });

  it('GIVEN the long article THEN it has more than 15,000 words', () => {
    expect(countWords(byId('long-flood-inquiry').text)).toBeGreaterThan(15_000);
  });

  it('GIVEN every other article THEN it has 300 to 1,500 words', () => {
    const outside = set
      .filter((article) => article.id !== 'long-flood-inquiry')
      .map((article) => [article.id, countWords(article.text)] as const)
      .filter(([, words]) => words < 300 || words > 1500);
    expect(outside).toEqual([]);
  });

  it('GIVEN the injection article THEN its text carries the attacker link it must keep out', () => {
    const injection = byId('injection-garden-club');
    expect(injection.text).toContain('@everyone https://attacker.example/');
  });

  it('GIVEN a case asking for another language THEN that language is the expected one', () => {
    expect(byId('es-sequia-embalses').expectedLanguage).toBe('en');
  });
});
