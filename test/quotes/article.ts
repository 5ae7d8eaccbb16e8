import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findQuote } from '../../src/core/quotes/index.ts';

/** The real example article; its quotes use curly marks (’ “ ”) and one ellipsis (…). */
export const article = readFileSync(
  fileURLToPath(new URL('../../testkit/fixtures/biden-putin-talks.txt', import.meta.url)),
  'utf8',
);

/** What the verifier would show for a quote: the source's characters, or null. */
export function shown(source: string, quote: string): string | null {
  const span = findQuote(source, quote);
  return span ? source.slice(span.start, span.end) : null;
}
