/**
 * The dev set's scoring rule, the same as its score.mjs and trafilatura's own benchmark
 * (tests/eval_common.py): after collapsing whitespace, each "with" snippet found in the output
 * is a true positive (else a false negative), each "without" snippet found is a false positive
 * (else a true negative). A page with no output misses all its "with" snippets.
 */

export type GoldPage = { url: string; file: string; with: string[]; without: string[] };
export type Predictions = Record<string, string | null>;

export type Score = {
  pages: number;
  empty: number;
  precision: number;
  recall: number;
  accuracy: number;
  f1: number;
};

export type PageLoss = {
  id: string;
  url: string;
  lost: number;
  missed: number;
  leaked: number;
  empty: boolean;
};

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

export function scorePredictions(
  gold: Record<string, GoldPage>,
  predictions: Predictions,
): Score & { losses: PageLoss[] } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let empty = 0;
  const losses: PageLoss[] = [];
  for (const [id, item] of Object.entries(gold)) {
    const raw = predictions[id];
    const text = typeof raw === 'string' ? norm(raw) : null;
    if (!text) empty++;
    const hits = text ? item.with.filter((w) => text.includes(norm(w))).length : 0;
    const leaks = text ? item.without.filter((w) => text.includes(norm(w))).length : 0;
    tp += hits;
    fn += item.with.length - hits;
    fp += leaks;
    tn += item.without.length - leaks;
    const missed = item.with.length - hits;
    losses.push({ id, url: item.url, lost: missed + leaks, missed, leaked: leaks, empty: !text });
  }
  return {
    pages: losses.length,
    empty,
    precision: tp + fp ? tp / (tp + fp) : 0,
    recall: tp + fn ? tp / (tp + fn) : 0,
    accuracy: tp + fp + fn + tn ? (tp + tn) / (tp + fp + fn + tn) : 0,
    f1: 2 * tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : 0,
    losses,
  };
}
