/**
 * Quotation marks and which way they face. The glyphs alone cannot say: German „…“ closes
 * with the mark English opens with, and a straight " faces both ways. What a mark leans on
 * can: `table,” he` closes, `added, “the` opens. Only a free-standing mark (French « … »)
 * falls back to its glyph.
 */

/** The straight single quote is left out: it is far more often an apostrophe. */
export const QUOTE_MARKS = '"“”„‟«»〝〞〟＂‘’‚‛‹›';
/** Double marks only, for balancing a shown span (’ is too often an apostrophe). */
export const DOUBLE_QUOTE_MARKS = '"“”„‟«»〝〞〟＂';
const SINGLE_QUOTE_MARKS = '‘’‚‛‹›';
const OPENING_GLYPHS = '“„‟«〝‘‚‛‹';
const CLOSING_GLYPHS = '”»〞〟’›';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/;

export type MarkDirection = 'open' | 'close' | 'either' | 'unknown';

export function isQuoteMark(char: string): boolean {
  return char.length === 1 && QUOTE_MARKS.includes(char);
}

export function isDoubleQuoteMark(char: string): boolean {
  return char.length === 1 && DOUBLE_QUOTE_MARKS.includes(char);
}

/** Whether the mark at i leans on a word on that side, across punctuation but not space. */
function touchesWord(text: string, i: number, step: 1 | -1): boolean {
  for (let k = i + step; k >= 0 && k < text.length; k += step) {
    const char = text[k]!;
    if (SPACE.test(char)) return false;
    if (WORD_CHAR.test(char)) return true;
  }
  return false;
}

/** Which way the quotation mark at text[i] faces. */
export function markDirection(text: string, i: number): MarkDirection {
  const left = touchesWord(text, i, -1);
  const right = touchesWord(text, i, 1);
  if (left && right) return 'either';
  if (left) return 'close';
  if (right) return 'open';
  const char = text[i]!;
  if (CLOSING_GLYPHS.includes(char)) return 'close';
  if (OPENING_GLYPHS.includes(char)) return 'open';
  return 'unknown';
}

/**
 * A single curly mark right after a letter is a plural possessive (`the presidents’ video`)
 * far more often than a closing quote, so it is not read as a quotation mark at all.
 */
export function isPossessiveApostrophe(text: string, i: number): boolean {
  const char = text[i]!;
  return SINGLE_QUOTE_MARKS.includes(char) && i > 0 && WORD_CHAR.test(text[i - 1]!);
}
