/** A quoted passage in the source: `start..end` is the inside, without the quotation marks. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark. */
  close: number;
  start: number;
  end: number;
}

// Opening mark -> the closing marks that may end it. „ closes with “ (German) or ” (Polish);
// » and › open a quote only against a word (German »Wir«), since French closes with them.
const CLOSERS: Record<string, string> = {
  '“': '”',
  '„': '“”',
  '«': '»',
  '"': '"',
  '»': '«',
  '‹': '›',
  '›': '‹',
};
const AGAINST_WORD = new Set(['»', '›']);
// ‘ opening a word after a space or a bracket: the British opening quotation mark.
const SINGLE_OPENER = /(?:^|[\s([—–-])‘(?=[\p{L}\p{N}])/gu;
const DOUBLE_MARK = /[“"]/g;

// A quotation never runs across a paragraph break; an unclosed mark is a typo, not a quote.
const MAX_QUOTE_CHARS = 2000;

/**
 * Finds every quoted passage, in source order. Single quotes (‘…’) are read only in text that
 * quotes speech with them (British style: more ‘-opened passages than double marks), and then a
 * ’ that is an apostrophe (don’t, the workers’ union) does not close one.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const singles = text.match(SINGLE_OPENER)?.length ?? 0;
  const british = singles >= 2 && (text.match(DOUBLE_MARK)?.length ?? 0) < singles;
  let i = 0;
  while (i < text.length) {
    const close = closingMark(text, i, british);
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

/** Where the quote opened at `i` closes, or -1 when no quote opens there. */
function closingMark(text: string, i: number, british: boolean): number {
  const ch = text[i]!;
  const beforeWord = /[\p{L}\p{N}]/u.test(text[i + 1] ?? '');
  if (ch === '‘' && british && beforeWord) return findSingleClose(text, i + 1);
  const closers = CLOSERS[ch];
  if (closers === undefined || (AGAINST_WORD.has(ch) && !beforeWord)) return -1;
  return findClose(text, i + 1, closers);
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

function findSingleClose(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_QUOTE_CHARS);
  for (let j = from; j < limit; j++) {
    const ch = text[j]!;
    if (ch === '\n' && isBlankLineAhead(text, j + 1)) return -1;
    if (ch !== '’') continue;
    const next = text[j + 1] ?? '';
    // don’t, it’s: a letter after the mark makes it an apostrophe.
    if (/[\p{L}\p{N}]/u.test(next)) continue;
    // the workers’ union: a plural possessive runs on in lower case.
    const after = text.slice(j + 1, j + 20);
    if (
      text[j - 1] === 's' &&
      /^\s+\p{Ll}/u.test(after) &&
      !/^\s+(?:he|she|they|it|said|says|added|told|according)\b/u.test(after)
    ) {
      continue;
    }
    return j;
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
