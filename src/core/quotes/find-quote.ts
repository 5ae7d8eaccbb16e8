import { balanceSpan } from './balance-span.ts';
import { type MatchBudget, matchWords, patternOf, TOO_COSTLY } from './match-words.ts';
import { indexSource, type SourceIndex } from './source-index.ts';

/** Fewer words than this could match almost anywhere, so it proves nothing. */
export const MIN_QUOTE_WORDS = 3;

export type Span = { start: number; end: number };
export type Located =
  | { span: Span }
  | { reason: 'too short' | 'not found in the source' | 'too costly to check' };

/** Finds a quote in an already indexed source within a budget; says why when it cannot. */
export function locateQuote(source: SourceIndex, quoteText: string, budget?: MatchBudget): Located {
  const pattern = patternOf(quoteText);
  if (pattern.norms.length < MIN_QUOTE_WORDS) return { reason: 'too short' };
  const words = matchWords(source, pattern, budget);
  if (words === TOO_COSTLY) return { reason: 'too costly to check' };
  if (!words) return { reason: 'not found in the source' };
  const start = source.tokens[words.first]!.start;
  const end = source.tokens[words.last]!.end;
  return { span: balanceSpan(source.text, start, end) };
}

// Callers often ask for several quotes of one source in a row; indexing it once is the
// difference between linear and quadratic work for a long article.
let lastIndex: SourceIndex | null = null;

/**
 * Where the model's quote sits in the source, in UTF-16 offsets of the source string, or null
 * if it is shorter than MIN_QUOTE_WORDS or not there. The span starts at the first matched word
 * and ends at the last (plus a quotation mark right against it that would otherwise dangle).
 * The first occurrence wins.
 */
export function findQuote(sourceText: string, quoteText: string): Span | null {
  if (lastIndex?.text !== sourceText) lastIndex = indexSource(sourceText);
  const located = locateQuote(lastIndex, quoteText);
  return 'span' in located ? located.span : null;
}
