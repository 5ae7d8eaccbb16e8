import { DOUBLE_QUOTE_MARKS, QUOTE_MARKS } from './normalize.ts';
import { separatorBefore, type Token, tokenize } from './tokenize.ts';

/**
 * A source text prepared once for many quotes: its words, where each word occurs (so a quote
 * is only tried where its first word is), and where quotation marks sit between words.
 */
export interface SourceIndex {
  text: string;
  tokens: Token[];
  norms: string[];
  positions: Map<string, number[]>;
  /** The text before word j holds a quotation mark attached to the previous word (`table,” he`). */
  closesBefore: Uint8Array;
  /** The text before word j holds a quotation mark attached to word j (`added, “the`). */
  opensBefore: Uint8Array;
  /** The text before word j holds any quotation mark. */
  marksBefore: Uint8Array;
}

const HAS_MARK = new RegExp(`[${QUOTE_MARKS}]`);
const HAS_DOUBLE_MARK = new RegExp(`[${DOUBLE_QUOTE_MARKS}]`);

/**
 * Whether the punctuation right after a word closes a quotation. A single curly mark straight
 * after the word is more likely a plural possessive (`the presidents’ video`) than a close,
 * so it only counts after other punctuation (`wait,’ he said`).
 */
function closesQuotation(punctuation: string): boolean {
  if (HAS_DOUBLE_MARK.test(punctuation)) return true;
  return HAS_MARK.test(punctuation.slice(1));
}

const MARK_CODES = new Set([...QUOTE_MARKS].map((char) => char.charCodeAt(0)));

// Most gaps between words are one space; checking codes avoids a slice per word.
function hasMarkBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (MARK_CODES.has(text.charCodeAt(i))) return true;
  return false;
}

export function indexSource(text: string): SourceIndex {
  const tokens = tokenize(text);
  const norms = tokens.map((token) => token.norm);
  const positions = new Map<string, number[]>();
  norms.forEach((norm, i) => {
    const list = positions.get(norm);
    if (list) list.push(i);
    else positions.set(norm, [i]);
  });

  const closesBefore = new Uint8Array(tokens.length + 1);
  const opensBefore = new Uint8Array(tokens.length + 1);
  const marksBefore = new Uint8Array(tokens.length + 1);
  for (let j = 1; j < tokens.length; j++) {
    if (!hasMarkBetween(text, tokens[j - 1]!.end, tokens[j]!.start)) continue;
    const separator = separatorBefore(text, tokens, j);
    marksBefore[j] = 1;
    // Which side of the whitespace a mark leans on tells opening from closing, whatever the
    // language's glyphs (German „…“ and French «…» disagree on which curly mark closes).
    const firstSpace = separator.search(/\s/);
    let lastSpace = separator.length - 1;
    while (lastSpace >= 0 && !/\s/.test(separator[lastSpace]!)) lastSpace--;
    const closing = firstSpace === -1 ? separator : separator.slice(0, firstSpace);
    const opening = separator.slice(lastSpace + 1);
    if (closesQuotation(closing)) closesBefore[j] = 1;
    if (HAS_MARK.test(opening)) opensBefore[j] = 1;
  }
  return { text, tokens, norms, positions, closesBefore, opensBefore, marksBefore };
}
