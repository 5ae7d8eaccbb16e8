/**
 * Grounding: every summary sentence checked against the source, deterministically, without a
 * model. Each sentence gets its evidence (the source sentences that support it best) and a
 * status: `unsupported` when it states a hard fact (a number, date, quantity, proper name or
 * negation) that the source does not hold near the passage it rests on — a person or place
 * must be in the passages that hold the claim's other words, not elsewhere in the article;
 * `weak` when almost none of its wording is in the source, or, in a summary that otherwise
 * copies the source, when it rewords much more than its neighbours; `supported` otherwise.
 *
 * Forgiven, as a reader would: "five" = "5", "1,000" = "one thousand", "£80m" = "80 million",
 * "U.S." = "US", "Germany's" = "Germany", a surname alone, a demonym for its country, a month
 * or weekday in short form, stemming of ordinary words.
 */

/**
 * Raised when the rules change what they let through: a Result cached under older rules is
 * summarized and checked again, not shown with the older verdicts.
 */
export const GROUNDING_VERSION = 2;

export { checkClaim } from './check-claim.ts';
export { checkSummary, claimSentences, type SummaryCheck, worst } from './check-summary.ts';
export {
  type GroundingIndex,
  indexForGrounding,
  indexForGroundingAsync,
} from './source-index.ts';
export type {
  CheckOptions,
  ClaimCheck,
  ClaimStatus,
  EvidenceSpan,
  Reason,
  ReasonKind,
} from './types.ts';
