import { STOP_WORDS } from './stop-words.ts';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** The stemmed content words of a sentence, lower-cased, stop words removed. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0].replace(/['’]s?$|['’].*$/u, '');
    if (word.length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    words.push(stem(word));
  }
  return words;
}

/** Counts words the way a reader would: runs of letters or digits. */
export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count++;
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
