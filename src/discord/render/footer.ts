import type { Result } from '../../shared/schemas.ts';
import { truncate } from './limits.ts';

const WORDS_PER_MINUTE = 230;
/** Notes the reader sees at most, and characters of each (the footer holds 300 in all). */
const MAX_NOTES = 2;
const MAX_NOTE_CHARS = 120;

/**
 * Minutes to read the source at an ordinary adult pace; never 0. Words are counted by a scan,
 * not a split: splitting a 1,000,000-character source held the event loop for 150 ms.
 */
function readingMinutes(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Space, tab, line breaks and the other ASCII separators; enough for a reading time.
    const space = code <= 32 || code === 0xa0;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/**
 * What the reader must know about the source itself, such as "Only the first 200 of 20000
 * pages were read.": on one line each, short, and ahead of the other parts so a cut footer
 * keeps them.
 */
function sourceNotes(result: Result): string[] {
  return (result.source.notes ?? [])
    .map((note) => truncate(note.replace(/\s+/g, ' ').trim(), MAX_NOTE_CHARS))
    .filter(Boolean)
    .slice(0, MAX_NOTES);
}

/**
 * Site · reading time · source notes · cache · engine: what a reader can use. The prompt, model and tokens
 * are the operator's business and stay in the logs, /usage and the CLI's --json.
 */
export function footerParts(result: Result, extras: string[] = []): string[] {
  const { source, meta } = result;
  const site = source.siteName ?? hostOf(source.url);
  const parts = [
    site,
    `${readingMinutes(source.text)} min read`,
    ...sourceNotes(result),
    meta.cached ? 'cached' : null,
    meta.engine === 'offline' ? 'offline engine' : null,
    // Never silent: a reader learns that sentences the source does not back were left out.
    meta.droppedClaims
      ? `${meta.droppedClaims} unsupported claim${meta.droppedClaims === 1 ? '' : 's'} dropped`
      : null,
    ...extras,
  ];
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0);
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
