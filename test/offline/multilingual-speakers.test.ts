import { describe, expect, it } from 'vitest';
import { findAllQuotes } from '../../src/core/offline/index.ts';
import { MULTILINGUAL_ARTICLES } from './multilingual-articles.ts';

for (const article of MULTILINGUAL_ARTICLES) {
  describe(`GIVEN the ${article.lang} article "${article.name}" WHEN its quotes are attributed`, () => {
    const found = findAllQuotes(article.text);
    for (const [opening, speaker] of article.quotes) {
      it(`THEN “${opening}…” is ${speaker}’s`, () => {
        const quote = found.find((q) => q.text.startsWith(opening));
        expect(quote?.speaker).toBe(speaker);
      });
    }
  });
}
