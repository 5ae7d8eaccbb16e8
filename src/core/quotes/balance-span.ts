import { isDoubleQuoteMark, markDirection } from './quote-marks.ts';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** How far past the last word a closing mark may sit (`effect.”`, `table,”`, `?!”`). */
const MAX_TRAILING = 3;

/**
 * A span runs from the first matched word to the last. When that leaves a quotation mark
 * without its partner inside the span, and the partner sits right against the span (only
 * punctuation between), take it in: `was “candid and businesslike,”` rather than a dangling
 * `was “candid and businesslike`. A partner further away is left out: the span never grows
 * by a word the model did not quote.
 */
export function balanceSpan(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  const { unclosed, unopened } = unmatchedMarks(text, start, end);
  let balancedStart = start;
  let balancedEnd = end;
  if (unclosed > 0) {
    for (let i = end; i < text.length && i < end + MAX_TRAILING; i++) {
      const char = text[i]!;
      if (/\s/.test(char) || WORD_CHAR.test(char)) break;
      if (isDoubleQuoteMark(char)) {
        balancedEnd = i + 1;
        break;
      }
    }
  }
  if (unopened > 0) {
    for (let i = start - 1; i >= 0 && i >= start - MAX_TRAILING; i--) {
      const char = text[i]!;
      if (/\s/.test(char) || WORD_CHAR.test(char)) break;
      if (isDoubleQuoteMark(char)) {
        balancedStart = i;
        break;
      }
    }
  }
  return { start: balancedStart, end: balancedEnd };
}

/**
 * Counts double quotation marks inside the span that lack a partner there. A mark that could
 * face either way closes an open quotation if there is one, else opens one.
 */
function unmatchedMarks(
  text: string,
  start: number,
  end: number,
): { unclosed: number; unopened: number } {
  let depth = 0;
  let unopened = 0;
  for (let i = start; i < end; i++) {
    if (!isDoubleQuoteMark(text[i]!)) continue;
    const direction = markDirection(text, i);
    const closes = direction === 'close' || (direction !== 'open' && depth > 0);
    if (!closes) depth++;
    else if (depth > 0) depth--;
    else unopened++;
  }
  return { unclosed: depth, unopened };
}
