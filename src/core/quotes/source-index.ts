import { QUOTE_MARKS } from './normalize.ts';
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
    const separator = separatorBefore(text, tokens, j);
    if (!HAS_MARK.test(separator)) continue;
    marksBefore[j] = 1;
    // Which side a mark leans on tells opening from closing, whatever the language's glyphs
    // (German „…“ and French «…» disagree on which curly mark closes).
    const firstSpace = separator.search(/\s/);
    let lastSpace = separator.length - 1;
    while (lastSpace >= 0 && !/\s/.test(separator[lastSpace]!)) lastSpace--;
    if (firstSpace === -1) {
      closesBefore[j] = 1;
      opensBefore[j] = 1;
      continue;
    }
    if (HAS_MARK.test(separator.slice(0, firstSpace))) closesBefore[j] = 1;
    if (HAS_MARK.test(separator.slice(lastSpace + 1))) opensBefore[j] = 1;
  }
  return { text, tokens, norms, positions, closesBefore, opensBefore, marksBefore };
}
