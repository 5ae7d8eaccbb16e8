import { marksOmission } from './normalize.ts';
import type { SourceIndex } from './source-index.ts';
import { separatorBefore, tokenize } from './tokenize.ts';

/** An ellipsis in the model's quote may stand for at most this many source words. */
export const MAX_OMITTED_WORDS = 40;
/** An attribution between two quoted parts (`,” he added, “`) may be at most this long. */
export const MAX_ATTRIBUTION_WORDS = 8;

/** The model's quote as words, with where it marked an omission. */
export interface QuotePattern {
  norms: string[];
  /** omits[i] = 1 when the model put an ellipsis between word i-1 and word i. */
  omits: Uint8Array;
}

export function patternOf(quoteText: string): QuotePattern {
  const tokens = tokenize(quoteText);
  const omits = new Uint8Array(tokens.length);
  for (let i = 1; i < tokens.length; i++) {
    if (marksOmission(separatorBefore(quoteText, tokens, i))) omits[i] = 1;
  }
  return { norms: tokens.map((token) => token.norm), omits };
}

/** Word comparisons a search may still spend; shared by the quotes of one answer. */
export interface MatchBudget {
  steps: number;
}

/** The search ran out of its budget before it could say whether the quote is there. */
export const TOO_COSTLY = 'too costly';

/**
 * The first place in the source where the quote's words occur in order: contiguous, except
 * where the model wrote an ellipsis (skip up to MAX_OMITTED_WORDS) or where the source breaks
 * the quote for an attribution outside quotation marks (skip up to MAX_ATTRIBUTION_WORDS).
 * Returns the indices of the first and last matched source words.
 *
 * Only the places where the first word occurs are tried, and each attempt walks forward word
 * by word, branching only at an ellipsis or a quotation mark; dead ends are remembered, so the
 * cost stays near linear in the quote's length per candidate start. Every comparison is paid
 * from `budget`; a repetitive source and quote can still need billions, so the search gives up
 * with TOO_COSTLY when the budget is spent.
 */
export function matchWords(
  source: SourceIndex,
  quote: QuotePattern,
  budget: MatchBudget = { steps: Number.POSITIVE_INFINITY },
): { first: number; last: number } | null | typeof TOO_COSTLY {
  const q = quote.norms;
  const s = source.norms;
  const m = q.length;
  const n = s.length;
  const first = q[0];
  if (first === undefined) return null;
  const deadEnds = new Set<number>();

  // Matches q[qi..] starting at s[sj]; returns the index of the last matched source word or -1.
  const walk = (qi: number, sj: number): number => {
    while (qi < m) {
      if (--budget.steps < 0) return -1;
      if (quote.omits[qi] || source.marksBefore[sj]) return branch(qi, sj);
      if (s[sj] !== q[qi]) return -1;
      qi++;
      sj++;
    }
    return sj - 1;
  };

  const branch = (qi: number, sj: number): number => {
    const key = qi * (n + 1) + sj;
    if (deadEnds.has(key)) return -1;
    const want = q[qi];
    if (quote.omits[qi]) {
      for (let j = sj; j < n && j <= sj + MAX_OMITTED_WORDS; j++) {
        if (--budget.steps < 0) return -1;
        if (s[j] !== want) continue;
        const last = walk(qi + 1, j + 1);
        if (last >= 0) return last;
      }
    } else {
      if (s[sj] === want) {
        const last = walk(qi + 1, sj + 1);
        if (last >= 0) return last;
      }
      const resumeAt = attributionEnd(source, sj);
      if (resumeAt >= 0 && s[resumeAt] === want) {
        const last = walk(qi + 1, resumeAt + 1);
        if (last >= 0) return last;
      }
    }
    deadEnds.add(key);
    return -1;
  };

  for (const start of source.positions.get(first) ?? []) {
    if (--budget.steps < 0) return TOO_COSTLY;
    const last = walk(1, start + 1);
    if (last >= 0) return { first: start, last };
    if (budget.steps < 0) return TOO_COSTLY;
  }
  return null;
}

/**
 * When a quotation closes just before word sj and reopens within a few words (`table,” he
 * added, “the more`), the index of the word after the reopening mark; otherwise -1. The
 * skipped words must hold no quotation mark, so only narration is ever skipped.
 */
function attributionEnd(source: SourceIndex, sj: number): number {
  if (!source.closesBefore[sj]) return -1;
  const limit = Math.min(source.norms.length - 1, sj + MAX_ATTRIBUTION_WORDS);
  for (let j = sj + 1; j <= limit; j++) {
    if (source.marksBefore[j]) return source.opensBefore[j] ? j : -1;
  }
  return -1;
}
