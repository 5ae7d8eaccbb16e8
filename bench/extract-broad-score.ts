/**
 * WCXB's metric, as the dev set's score.mjs computes it: a page's words are the runs of
 * letters, digits and "_" of its lower-cased text, taken as a bag; P, R and F1 per page, and
 * the figures per page type and overall are plain means over pages. A page whose ground truth
 * has no words scores 1 for no output and 0 for any.
 */

export const PAGE_TYPES = [
  'article',
  'documentation',
  'service',
  'forum',
  'product',
  'listing',
  'collection',
] as const;

export type BroadGold = { articleBody: string; url: string | null; page_type: string };
export type TypeScore = {
  type: string;
  pages: number;
  precision: number;
  recall: number;
  f1: number;
};

const WORD = /[\p{L}\p{N}_]+/gu;

function wordBag(text: string): { counts: Map<string, number>; total: number } {
  const counts = new Map<string, number>();
  let total = 0;
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
    total++;
  }
  return { counts, total };
}

export function scorePage(output: string, gold: string): { p: number; r: number; f1: number } {
  const out = wordBag(output);
  const ref = wordBag(gold);
  if (ref.total === 0) {
    const s = out.total === 0 ? 1 : 0;
    return { p: s, r: s, f1: s };
  }
  if (out.total === 0) return { p: 0, r: 0, f1: 0 };
  let matched = 0;
  for (const [word, n] of out.counts) matched += Math.min(n, ref.counts.get(word) ?? 0);
  const p = matched / out.total;
  const r = matched / ref.total;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** One row per page type present, in PAGE_TYPES order, then "overall". */
export function scoreByType(
  gold: Record<string, BroadGold>,
  predictions: Record<string, string | undefined>,
): TypeScore[] {
  const sums = new Map<string, { pages: number; p: number; r: number; f1: number }>();
  const add = (type: string, s: { p: number; r: number; f1: number }) => {
    const sum = sums.get(type) ?? { pages: 0, p: 0, r: 0, f1: 0 };
    sums.set(type, { pages: sum.pages + 1, p: sum.p + s.p, r: sum.r + s.r, f1: sum.f1 + s.f1 });
  };
  for (const [id, page] of Object.entries(gold)) {
    const score = scorePage(predictions[id] ?? '', page.articleBody ?? '');
    add(page.page_type, score);
    add('overall', score);
  }
  return [...PAGE_TYPES, 'overall'].flatMap((type) => {
    const sum = sums.get(type);
    if (!sum) return [];
    return [
      {
        type,
        pages: sum.pages,
        precision: sum.p / sum.pages,
        recall: sum.r / sum.pages,
        f1: sum.f1 / sum.pages,
      },
    ];
  });
}
