import type { CandidateQuote, VerifiedQuotes } from './verify-quotes.ts';
import { verifyQuotes } from './verify-quotes.ts';

/** One check, as plain data so it crosses threads. */
export interface QuoteCheckTask {
  sourceText: string;
  candidates: CandidateQuote[];
  url: string | null;
}

/** The quote worker's entry (piscina calls the default export once per task). */
export default function checkQuotesInWorker(task: QuoteCheckTask): VerifiedQuotes {
  return verifyQuotes(task.sourceText, task.candidates, { url: task.url });
}
