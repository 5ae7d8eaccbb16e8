/**
 * How much work checking one answer's quotes may cost. A model answer is untrusted input: 30
 * quotes of 500 repeated words against a page of the same word repeated would otherwise walk
 * billions of word pairs (about 28 s on one thread). These caps keep the worst case to tens of
 * milliseconds per quote while leaving every real quote well inside them.
 */
export const QUOTE_LIMITS = {
  /** Quotes checked from one answer; later ones are ignored (prompts ask for at most ten). */
  maxQuotes: 20,
  /** Characters of one quote; a longer one is cut at a word boundary before it is checked. */
  maxQuoteChars: 1000,
  /**
   * Word comparisons spent finding one quote. A real quote costs about one per occurrence of
   * its first word (tens of thousands in a 1,000,000-character source); past this the quote
   * is reported as too costly to check, like one that is not there.
   */
  maxStepsPerQuote: 400_000,
  /** Word comparisons for all the quotes of one answer together. */
  maxStepsPerCheck: 2_000_000,
  /** From this many characters of source on, the check runs in a worker thread. */
  offThreadFromChars: 20_000,
} as const;
