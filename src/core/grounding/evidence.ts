import type { GroundingIndex } from './source-index.ts';

export interface RankedSentence {
  /** Index into GroundingIndex.sentences. */
  at: number;
  score: number;
  /** The claim's distinct terms it holds. */
  terms: string[];
}

// BM25 with the usual constants; a sentence holds a term or not (sentences rarely repeat one).
const K1 = 1.2;
const B = 0.75;
/**
 * A term in more sentences than this says little about which one is meant, and walking its
 * list costs time on a huge source: it is skipped.
 */
const MAX_POSTINGS = 4000;

/** Source sentences ranked by how well they match the claim's terms, best first. */
export function rankSentences(index: GroundingIndex, terms: readonly string[]): RankedSentence[] {
  const total = index.sentences.length;
  const scores = new Map<number, RankedSentence>();
  for (const term of terms) {
    const list = index.postings.get(term);
    if (!list || list.length > MAX_POSTINGS) continue;
    const idf = Math.log(1 + (total - list.length + 0.5) / (list.length + 0.5));
    for (const at of list) {
      const sentence = index.sentences[at]!;
      const norm = 1 - B + (B * sentence.stemAt.length) / index.averageLength;
      const gain = (idf * (K1 + 1)) / (1 + K1 * norm);
      const entry = scores.get(at);
      if (entry) {
        entry.score += gain;
        entry.terms.push(term);
      } else scores.set(at, { at, score: gain, terms: [term] });
    }
  }
  return [...scores.values()].sort((a, b) => b.score - a.score || a.at - b.at);
}
