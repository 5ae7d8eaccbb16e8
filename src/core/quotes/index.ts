/**
 * Quote verification: a quote is shown only if its words are in the source, and what is shown
 * is always the source's own characters at `start..end`.
 *
 * Matching is word by word. Forgiven: quote marks, apostrophes and dashes of any style,
 * ellipsis spelling, whitespace, Unicode normalization (NFKC), letter case, and punctuation
 * between words. Two gaps are allowed: an ellipsis in the quote may omit up to
 * MAX_OMITTED_WORDS source words, and an attribution of up to MAX_ATTRIBUTION_WORDS words
 * between a closing and an opening quotation mark (`table,” he added, “the`) may be left out
 * by the model; the span then shows it. Any other inserted, changed or missing word fails.
 *
 * A span runs from the first matched word to the last, so the model's surrounding quote marks
 * and final period are not shown; a quotation mark right against either end is taken in when
 * the span would otherwise hold one without its partner.
 */
export { findQuote, MIN_QUOTE_WORDS, type Span } from './find-quote.ts';
export { MAX_ATTRIBUTION_WORDS, MAX_OMITTED_WORDS } from './match-words.ts';
export { textFragmentLink } from './text-fragment.ts';
export {
  type CandidateQuote,
  type RejectedQuote,
  type VerifiedQuotes,
  verifyQuotes,
} from './verify-quotes.ts';
