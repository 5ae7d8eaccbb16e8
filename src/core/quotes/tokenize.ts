import { APOSTROPHES, foldWord, INVISIBLES } from './normalize.ts';

/** One word of a text: its comparable form and where it sits in the original string. */
export interface Token {
  norm: string;
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
}

const LETTERS = '\\p{L}\\p{N}\\p{M}';
// A word is letters/digits/marks, joined across an apostrophe (don't) or an invisible
// character (soft hyphen) but split at dashes, so "Biden-Putin" and "Biden – Putin" agree.
const WORD = new RegExp(
  `[${LETTERS}]+(?:(?:[${APOSTROPHES}]|[${INVISIBLES}]+)[${LETTERS}]+)*`,
  'gu',
);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    tokens.push({ norm: foldWord(match[0]), start, end });
  }
  return tokens;
}

/** The text between token i-1 and token i (for i = 0, everything before the first word). */
export function separatorBefore(text: string, tokens: readonly Token[], i: number): string {
  const from = i === 0 ? 0 : tokens[i - 1]!.end;
  const to = i < tokens.length ? tokens[i]!.start : text.length;
  return text.slice(from, to);
}
