import { splitSentences } from '../offline/sentences.ts';
import { checkClaim, novelty } from './check-claim.ts';
import type { GroundingIndex } from './source-index.ts';
import type { CheckOptions, ClaimCheck, ClaimStatus } from './types.ts';
import { splitWords } from './words.ts';

/** A summary longer than this many sentences is checked on its first ones only. */
export const MAX_SUMMARY_SENTENCES = 200;

export interface SummaryCheck {
  verdict: ClaimStatus;
  score: number;
  sentences: ClaimCheck[];
}

/**
 * A summary that copies the source closely (one of its sentences scores at least COPIED) is
 * held to that standard in every sentence: one that rewords more (scores below CLOSE) is where
 * extractive summarizers splice two passages into a claim neither makes. Chosen on the dev
 * sets' val rows; a summary of one sentence, or one that paraphrases throughout, is untouched.
 */
const COPIED = 0.85;
const CLOSE = 0.92;

const RANK: Record<ClaimStatus, number> = { supported: 0, weak: 1, unsupported: 2 };

/** The claim's sentences: a summary, a TL;DR or a bullet may hold several. */
export function claimSentences(text: string): string[] {
  return splitSentences(text)
    .slice(0, MAX_SUMMARY_SENTENCES)
    .map((sentence) => sentence.text)
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

/** Checks every sentence of a summary; the summary is as good as its worst sentence. */
export function checkSummary(
  index: GroundingIndex,
  summary: string,
  options: CheckOptions = {},
): SummaryCheck {
  const sentences = claimSentences(summary).map((text) => checkClaim(index, text, options));
  if (options.lexical ?? true) holdToStyle(index, sentences);
  return { verdict: worst(sentences.map((s) => s.status)), score: lowest(sentences), sentences };
}

export function worst(statuses: readonly ClaimStatus[]): ClaimStatus {
  let result: ClaimStatus = 'supported';
  for (const status of statuses) if (RANK[status] > RANK[result]) result = status;
  return result;
}

function lowest(sentences: readonly ClaimCheck[]): number {
  return sentences.length === 0 ? 1 : Math.min(...sentences.map((s) => s.score));
}

function holdToStyle(index: GroundingIndex, sentences: ClaimCheck[]): void {
  const scores = sentences.filter((s) => s.status !== 'unsupported').map((s) => s.score);
  if (sentences.length < 2 || Math.max(0, ...scores) < COPIED) return;
  for (const sentence of sentences) {
    if (sentence.status !== 'supported' || sentence.score >= CLOSE) continue;
    sentence.status = 'weak';
    const { newWords } = novelty(index, splitWords(sentence.text));
    sentence.reasons.push({
      kind: 'words',
      text: newWords.length > 0 ? newWords.join(' ') : 'words put together differently',
    });
  }
}
