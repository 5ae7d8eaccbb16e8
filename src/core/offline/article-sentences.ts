import type { Sentence } from './sentences.ts';
import { countWords } from './words.ts';

// Lines a page carries around an article: credits, calls to action, navigation.
const BOILERPLATE =
  /^(?:source|sources|photo|photos|image|images|credit|credits|read more|related|advertisement|share|follow|subscribe|sign up|by|updated|published|posted|copyright|©|all rights reserved|click|tap|watch|listen)\b/i;
const BREADCRUMB = /^home\b(?:\s*[›»>/|]\s*|\s+)\p{Lu}/iu;
const MIN_WORDS = 6;

/**
 * True for a sentence a reader would call part of the article: long enough, ending like a
 * sentence, and not a headline, credit line or breadcrumb.
 */
export function isArticleSentence(sentence: Sentence, title: string | null): boolean {
  const text = sentence.text;
  if (!/[.!?…]["”’'»)\]]*$/u.test(text)) return false;
  if (countWords(text) < MIN_WORDS) return false;
  if (BOILERPLATE.test(text) || BREADCRUMB.test(text)) return false;
  if (title !== null && normalize(text) === normalize(title)) return false;
  return true;
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
