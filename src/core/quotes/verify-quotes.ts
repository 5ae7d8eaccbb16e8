import type { Quote } from '../../shared/schemas.ts';
import { attributeSource } from '../offline/index.ts';
import { locateQuote } from './find-quote.ts';
import { QUOTE_LIMITS } from './limits.ts';
import { indexSource } from './source-index.ts';
import { statedSpeaker } from './stated-speaker.ts';
import { textFragmentLink } from './text-fragment.ts';
import { chooseSpeaker, type SourceAttribution } from './verify-speaker.ts';

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
  /** Kept quotes whose given speaker the source does not name: shown without one. */
  unverifiedSpeakers: number;
}

/**
 * Keeps the model's quotes that are in the source, in the model's order, each shown as the
 * source's own characters with their offsets. The rest are reported with a reason, so the
 * caller can count them and re-ask the model. A kept quote's speaker is checked too (see
 * chooseSpeaker): one the source does not name is dropped and counted.
 *
 * The work is bounded (see QUOTE_LIMITS): only the first quotes are checked, a long quote is
 * cut to its first words, and a quote whose search spends its budget is rejected as too costly.
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
  let unverifiedSpeakers = 0;
  let attributions: SourceAttribution[] | null = null;
  let stepsLeft = QUOTE_LIMITS.maxStepsPerCheck;

  for (const candidate of candidates.slice(0, QUOTE_LIMITS.maxQuotes)) {
    const reject = (reason: string) =>
      rejected.push({ id: candidate.id, text: candidate.text, reason });
    // Bullets point at quotes by id, so a second quote with the same id would be ambiguous.
    if (seenIds.has(candidate.id)) {
      reject('duplicate id');
      continue;
    }
    const budget = { steps: Math.min(QUOTE_LIMITS.maxStepsPerQuote, stepsLeft) };
    const located = locateQuote(source, cutQuote(candidate.text), budget);
    stepsLeft -= Math.min(QUOTE_LIMITS.maxStepsPerQuote, stepsLeft) - Math.max(0, budget.steps);
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
    attributions ??= sourceAttributions(sourceText);
    // A speaker stated right beside the quote is as good as one the attributor read as named.
    const stated = statedSpeaker(sourceText, start, end);
    const checked = chooseSpeaker(
      sourceText,
      candidate.speaker,
      stated === null
        ? overlapping(attributions, start, end)
        : { start, end, speaker: stated, named: true },
    );
    if (checked.unverified) unverifiedSpeakers++;
    const link = options.url === null ? null : textFragmentLink(options.url, text);
    quotes.push({ id: candidate.id, text, speaker: checked.speaker, start, end, link });
  }
  return { quotes, rejected, unverifiedSpeakers };
}

/**
 * A quote past the length limit keeps its first words (cut at a space), so one over-long quote
 * costs that quote its tail rather than failing the summary.
 */
function cutQuote(text: string): string {
  if (text.length <= QUOTE_LIMITS.maxQuoteChars) return text;
  const head = text.slice(0, QUOTE_LIMITS.maxQuoteChars);
  const space = head.search(/\s\S*$/);
  return space > 0 ? head.slice(0, space) : head;
}

// A job verifies the same source up to three times (answer, re-ask, final); attribute it once.
let lastAttributed: { text: string; attributions: SourceAttribution[] } | null = null;

function sourceAttributions(sourceText: string): SourceAttribution[] {
  if (lastAttributed?.text !== sourceText) {
    lastAttributed = { text: sourceText, attributions: attributeSource(sourceText) };
  }
  return lastAttributed.attributions;
}

/** The offline quote sharing the most characters with start..end, if any. */
function overlapping(
  attributions: readonly SourceAttribution[],
  start: number,
  end: number,
): SourceAttribution | undefined {
  let best: SourceAttribution | undefined;
  let bestShared = 0;
  for (const attribution of attributions) {
    const shared = Math.min(end, attribution.end) - Math.max(start, attribution.start);
    if (shared > bestShared) {
      best = attribution;
      bestShared = shared;
    }
  }
  return best;
}
