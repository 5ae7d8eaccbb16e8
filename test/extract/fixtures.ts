import { readFileSync } from 'node:fs';
import { extractDocument } from '../../src/core/extract/index.ts';
import type { ArticleDocument } from '../../src/shared/schemas.ts';
import { latin1PageBytes } from './fixtures/latin1-page.ts';

const DIR = new URL('./fixtures/', import.meta.url);

/** The HTML fixtures that are articles, each with a hand-marked `.expected.txt` body. */
export const ARTICLE_FIXTURES = [
  'news',
  'blog',
  'amp',
  'jsonld-only',
  'latin1',
  'injection',
  'newsletter',
] as const;
/** The HTML fixtures that are not articles. */
export const WALL_FIXTURES = ['paywall', 'cookie-wall', 'login'] as const;

export function fixtureBytes(name: string): Uint8Array {
  if (name === 'latin1') return latin1PageBytes();
  return readFileSync(new URL(`${name}.html`, DIR));
}

/** The true article paragraphs of a fixture, in order. */
export function expectedParagraphs(name: string): string[] {
  return readFileSync(new URL(`${name}.expected.txt`, DIR), 'utf8')
    .trim()
    .split(/\n\n/);
}

export function extractFixture(name: string, url: string | null = null): Promise<ArticleDocument> {
  return extractDocument({ bytes: fixtureBytes(name), contentType: 'text/html', url });
}
