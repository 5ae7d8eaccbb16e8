export { findQuote, MIN_QUOTE_WORDS } from './find-quote.ts';
export { MAX_ATTRIBUTION_WORDS, MAX_OMITTED_WORDS } from './match-words.ts';
export { textFragmentLink } from './text-fragment.ts';
export {
  type CandidateQuote,
  type RejectedQuote,
  type VerifiedQuotes,
  verifyQuotes,
} from './verify-quotes.ts';
