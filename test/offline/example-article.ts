import { readFileSync } from 'node:fs';

/** The real news article the offline engine is tuned against (never edited). */
export const EXAMPLE_ARTICLE = readFileSync(
  new URL('../../testkit/fixtures/biden-putin-talks.txt', import.meta.url),
  'utf8',
);
