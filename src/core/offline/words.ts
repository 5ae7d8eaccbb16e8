import { STOP_WORDS } from './stop-words.ts';

// "Russia’s" and "don’t" split at the apostrophe; "s", "don" and "t" are stop words.
const WORD = /[\p{L}\p{N}]+/gu;

/** The stemmed content words of a sentence, lower-cased, stop words removed. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (word.length < 2 || STOP_WORDS.has(word) || isNumber(word)) continue;
    let stemmed = STEMS.get(word);
    if (stemmed === undefined) {
      if (STEMS.size >= MAX_CACHED_STEMS) STEMS.clear();
      stemmed = stem(word);
      STEMS.set(word, stemmed);
    }
    words.push(stemmed);
  }
  return words;
}

function isNumber(word: string): boolean {
  const first = word.charCodeAt(0);
  return first >= 48 && first <= 57 && /^\d+$/.test(word);
}

// Stemming is the hot spot of ranking; a bot sees the same words again and again. Bounded so a
// long-running process does not grow without limit.
const STEMS = new Map<string, string>();
const MAX_CACHED_STEMS = 50_000;

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/** Counts the whitespace-separated tokens that hold a letter or digit ("—" is not a word). */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (HAS_WORD_CHAR.test(token)) count++;
  return count;
}

/**
 * A light suffix stripper, enough for "sanctions"/"sanctioned" and "talks"/"talking" to meet.
 * Not Porter: the aim is overlap between sentences of one article, not a dictionary form.
 */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  let stemmed = word;
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      stemmed = word.slice(0, word.length - suffix.length) + replacement;
      break;
    }
  }
  // "escalate", "escalated" and "escalation" all end up as "escalat".
  return stemmed.endsWith('e') ? stemmed.slice(0, -1) : stemmed;
}

const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['ational', 'ate'],
  ['ization', 'ize'],
  ['fulness', 'ful'],
  ['iveness', 'ive'],
  ['ations', 'ate'],
  ['ation', 'ate'],
  ['ments', ''],
  ['ment', ''],
  ['ingly', ''],
  ['edly', ''],
  ['ies', 'y'],
  ['ied', 'y'],
  ['ing', ''],
  ['ers', ''],
  ['er', ''],
  ['ed', ''],
  ['ly', ''],
  ['s', ''],
];
