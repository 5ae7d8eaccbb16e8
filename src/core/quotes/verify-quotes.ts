import type { Quote } from '../schemas.ts';
import { locateQuote } from './find-quote.ts';
import { indexSource } from './source-index.ts';
import { textFragmentLink } from './text-fragment.ts';

export interface CandidateQuote {
  id: string;
  text: string;
  speaker: string | null;
}

export interface RejectedQuote {
  id: string;
  text: string;
  reason: string;
}

export interface VerifiedQuotes {
  quotes: Quote[];
  rejected: RejectedQuote[];
}

/**
 * Keeps the model's quotes that are in the source, in the model's order, each shown as the
 * source's own characters with their offsets. The rest are reported with a reason, so the
 * caller can count them and re-ask the model.
 */
export function verifyQuotes(
  sourceText: string,
  candidates: ReadonlyArray<CandidateQuote>,
  options: { url: string | null },
): VerifiedQuotes {
  const source = indexSource(sourceText);
  const quotes: Quote[] = [];
  const rejected: RejectedQuote[] = [];
  const seenIds = new Set<string>();

  for (const candidate of candidates) {
    const reject = (reason: string) =>
      rejected.push({ id: candidate.id, text: candidate.text, reason });
    // Bullets point at quotes by id, so a second quote with the same id would be ambiguous.
    if (seenIds.has(candidate.id)) {
      reject('duplicate id');
      continue;
    }
    const located = locateQuote(source, candidate.text);
    if (!('span' in located)) {
      reject(located.reason);
      continue;
    }
    const { start, end } = located.span;
    if (quotes.some((kept) => start < kept.end && kept.start < end)) {
      reject('duplicate');
      continue;
    }
    seenIds.add(candidate.id);
    const text = sourceText.slice(start, end);
    const speaker = candidate.speaker?.trim() || null;
    const link = options.url === null ? null : textFragmentLink(options.url, text);
    quotes.push({ id: candidate.id, text, speaker, start, end, link });
  }
  return { quotes, rejected };
}
