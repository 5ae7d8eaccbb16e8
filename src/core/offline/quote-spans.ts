/** A quoted passage in the source: `start..end` is the inside, without the quotation marks. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark. */
  close: number;
  start: number;
  end: number;
}

// Opening mark -> the closing marks that may end it. „ closes with “ (German) or ” (Polish).
const CLOSERS: Record<string, string> = {
  '“': '”',
  '„': '“”',
  '«': '»',
  '"': '"',
};

// A quotation never runs across a paragraph break; an unclosed mark is a typo, not a quote.
const MAX_QUOTE_CHARS = 2000;

/**
 * Finds every quoted passage, in source order. Single quotes (‘…’) are not read: they are
 * indistinguishable from apostrophes without a parser.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const closers = CLOSERS[ch];
    if (closers === undefined) {
      i++;
      continue;
    }
    const close = findClose(text, i + 1, closers);
    if (close === -1) {
      i++;
      continue;
    }
    const inner = trimInner(text, i + 1, close);
    if (inner.end > inner.start) spans.push({ open: i, close: close + 1, ...inner });
    i = close + 1;
  }
  return spans;
}

function findClose(text: string, from: number, closers: string): number {
  const limit = Math.min(text.length, from + MAX_QUOTE_CHARS);
  for (let j = from; j < limit; j++) {
    const ch = text[j]!;
    if (closers.includes(ch)) return j;
    if (ch === '\n' && isBlankLineAhead(text, j + 1)) return -1;
  }
  return -1;
}

function isBlankLineAhead(text: string, from: number): boolean {
  for (let k = from; k < text.length; k++) {
    const ch = text[k]!;
    if (ch === '\n') return true;
    if (ch !== ' ' && ch !== '\t' && ch !== '\r') return false;
  }
  return true;
}

// The trailing comma of “…,” he said belongs to the sentence around the quote, not the quote.
function trimInner(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /[\s,;:]/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}
