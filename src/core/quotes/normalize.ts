/**
 * Character classes and folding shared by the source and the model's quote. Everything here
 * decides what counts as "the same word"; punctuation between words never counts.
 */

/** Marks a model may use for an apostrophe inside a word (don't, they’ve, aren´t). */
export const APOSTROPHES = "'’‘ʼ`´＇′";

/**
 * Characters that may sit inside a word without being seen: a soft hyphen or a joiner left
 * by the extractor must not split "nego\u00ADtiation" in two.
 */
export const INVISIBLES = '\u00AD\u200C\u200D\u2060';

const APOSTROPHE_RUN = new RegExp(`[${APOSTROPHES}]`, 'g');
const INVISIBLE_RUN = new RegExp(`[${INVISIBLES}]`, 'g');
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * The comparable form of one word: apostrophes unified, invisibles dropped, compatibility
 * forms (ligatures, full-width letters, NFD accents) composed by NFKC, case folded.
 * Apostrophes are unified before NFKC because NFKC turns ´ into a space and a combining mark.
 */
export function foldWord(raw: string): string {
  if (!NON_ASCII.test(raw)) return raw.replaceAll('`', "'").toLowerCase();
  return raw
    .replace(APOSTROPHE_RUN, "'")
    .replace(INVISIBLE_RUN, '')
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ß', 'ss');
}

/** Whether the text between two words marks an omission: …, ..., ". . .", [...]. */
export function marksOmission(separator: string): boolean {
  if (separator.includes('…') || separator.includes('⋯')) return true;
  return separator.replace(/\s+/g, '').includes('...');
}
