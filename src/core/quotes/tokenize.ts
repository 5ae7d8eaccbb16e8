import { APOSTROPHES, foldWord, INVISIBLES } from './normalize.ts';

/** One word of a text: its comparable form and where it sits in the original string. */
export interface Token {
  norm: string;
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;
const APOSTROPHE_CODES = new Set([...APOSTROPHES].map((char) => char.charCodeAt(0)));
const INVISIBLE_CODES = new Set([...INVISIBLES].map((char) => char.charCodeAt(0)));

/** The length in UTF-16 units of the word character at i (letter, digit, mark), or 0. */
function wordCharAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return ASCII_WORD[code]!;
  const isHighSurrogate = code >= 0xd800 && code <= 0xdbff;
  const char = isHighSurrogate ? String.fromCodePoint(text.codePointAt(i)!) : text[i]!;
  return WORD_CHAR.test(char) ? char.length : 0;
}

/**
 * Splits a text into words with their offsets. A word is letters, digits and combining marks,
 * joined across one apostrophe (don't) or invisible characters (a soft hyphen), and split at
 * dashes, so "Biden-Putin" and "Biden – Putin" agree. A hand-written scanner: a Unicode regex
 * over a long article costs several times more.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Prose repeats its words; fold each spelling once.
  const folded = new Map<string, string>();
  const length = text.length;
  let i = 0;
  while (i < length) {
    let step = wordCharAt(text, i);
    if (step === 0) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (step > 0) {
        i += step;
        step = i < length ? wordCharAt(text, i) : 0;
      }
      let next = i;
      if (APOSTROPHE_CODES.has(text.charCodeAt(next))) next++;
      else while (INVISIBLE_CODES.has(text.charCodeAt(next))) next++;
      if (next === i || next >= length) break;
      step = wordCharAt(text, next);
      if (step === 0) break;
      i = next;
    }
    const raw = text.slice(start, i);
    let norm = folded.get(raw);
    if (norm === undefined) {
      norm = foldWord(raw);
      folded.set(raw, norm);
    }
    tokens.push({ norm, start, end: i });
  }
  return tokens;
}

/** The text between token i-1 and token i (for i = 0, everything before the first word). */
export function separatorBefore(text: string, tokens: readonly Token[], i: number): string {
  const from = i === 0 ? 0 : tokens[i - 1]!.end;
  const to = i < tokens.length ? tokens[i]!.start : text.length;
  return text.slice(from, to);
}
