import {
  isPossessiveApostrophe,
  isQuoteMark,
  type MarkDirection,
  markDirection,
  QUOTE_MARKS,
} from './quote-marks.ts';
import { type Token, tokenize } from './tokenize.ts';

/**
 * A source text prepared once for many quotes: its words, where each word occurs (so a quote
 * is only tried where its first word is), and where quotation marks sit between words.
 */
export interface SourceIndex {
  text: string;
  tokens: Token[];
  norms: string[];
  positions: Map<string, number[]>;
  /** Between word j-1 and word j a quotation closes (`table,” he`). */
  closesBefore: Uint8Array;
  /** Between word j-1 and word j a quotation opens (`added, “the`). */
  opensBefore: Uint8Array;
  /** Between word j-1 and word j there is any quotation mark. */
  marksBefore: Uint8Array;
}

const MARK_CODES = new Set([...QUOTE_MARKS].map((char) => char.charCodeAt(0)));

// Most gaps between words are one space; checking codes avoids a slice per word.
function hasMarkBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (MARK_CODES.has(text.charCodeAt(i))) return true;
  return false;
}

const CLOSES: ReadonlySet<MarkDirection> = new Set(['close', 'either']);
const OPENS: ReadonlySet<MarkDirection> = new Set(['open', 'either']);

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
    const from = tokens[j - 1]!.end;
    const to = tokens[j]!.start;
    if (!hasMarkBetween(text, from, to)) continue;
    for (let i = from; i < to; i++) {
      if (!isQuoteMark(text[i]!) || isPossessiveApostrophe(text, i)) continue;
      const direction = markDirection(text, i);
      marksBefore[j] = 1;
      if (CLOSES.has(direction)) closesBefore[j] = 1;
      if (OPENS.has(direction)) opensBefore[j] = 1;
    }
  }
  return { text, tokens, norms, positions, closesBefore, opensBefore, marksBefore };
}
