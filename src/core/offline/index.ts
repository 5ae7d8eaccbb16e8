import { UserError } from '../../shared/errors.ts';
import type { ArticleDocument, Length, Style, SummaryOutput } from '../../shared/schemas.ts';
import { isArticleSentence } from './article-sentences.ts';
import { summarizeByKind } from './by-kind.ts';
import { findQuotes, selectQuotes } from './key-quotes.ts';
import { findQuoteSpans } from './quote-spans.ts';
import { overlap, type RankedSentence, rankSentences } from './rank-sentences.ts';
import { type Sentence, splitSentences } from './sentences.ts';

/** Bumped whenever the same text would give a different summary; part of cache keys. */
export const OFFLINE_ENGINE_VERSION = 5;

export interface OfflineOptions {
  length: Length;
  /** Prose gets the same sentences as bullets; the renderer joins them. */
  style: Style;
  /** Only key quotes are wanted: the summary is just the tldr. */
  quotesOnly?: boolean;
  title?: string | null;
  /** What the page is (see ArticleDocument.pageType): a thread, a list, a product is summarized as one. */
  pageType?: ArticleDocument['pageType'];
  /** A thread's posters, in order, each named on a line of its own before the post. */
  posters?: readonly string[];
}

const BULLETS: Record<Length, number> = { short: 3, medium: 5, long: 8 };
const QUOTES: Record<Length, number> = { short: 3, medium: 5, long: 8 };
// A bullet this close to one already chosen repeats it.
const MAX_OVERLAP = 0.5;
// The tldr is the lead unless the lead is much less central than the best sentence.
const LEAD_CENTRALITY = 0.6;
// A "sentence" can be a whole unpunctuated page; renderers have hard limits.
const MAX_TLDR_CHARS = 400;
const MAX_BULLET_CHARS = 600;

export { findQuotes } from './key-quotes.ts';
export { splitSentences } from './sentences.ts';

/**
 * How the offline attributor reads every quotation of a source, with offsets: the evidence a
 * model's speaker is weighed against.
 */
export function attributeSource(
  text: string,
): Array<{ start: number; end: number; speaker: string | null; named: boolean }> {
  const spans = findQuoteSpans(text);
  return findQuotes(text, splitSentences(text, spans), spans).map(
    ({ start, end, speaker, named }) => ({ start, end, speaker, named }),
  );
}

/**
 * Every quote the engine finds in `text` with its speaker, not only the key ones: what the
 * speaker benchmark scores, since key-quote selection alone would hide attribution misses.
 */
export function findAllQuotes(text: string): Array<{ text: string; speaker: string | null }> {
  const spans = findQuoteSpans(text);
  return findQuotes(text, splitSentences(text, spans), spans).map(({ text: quoted, speaker }) => ({
    text: quoted,
    speaker,
  }));
}

/**
 * The extractive engine used when no LLM is configured: deterministic, local, and shaped like
 * the model's answer, so the pipeline verifies its quotes the same way. Every bullet and the
 * tldr are source sentences; every quote is a source substring.
 */
export function summarizeOffline(text: string, options: OfflineOptions): SummaryOutput {
  if (text.trim() === '') throw new UserError('empty_input', 'There is no text to summarize.');
  const title = options.title?.trim() || null;
  const spans = findQuoteSpans(text);
  const sentences = splitSentences(text, spans);
  const byKind = summarizeByKind(text, sentences, {
    ...options,
    bullets: BULLETS[options.length],
    quotes: QUOTES[options.length],
    title,
  });
  if (byKind) return clipped(byKind);
  const article = sentences.filter((s) => isArticleSentence(s, title));
  // A note or a headline alone has no "article" sentences; summarize what there is.
  const candidates = article.length > 0 ? article : sentences;
  const ranked = rankSentences(candidates, title);

  const tldr = pickTldr(ranked);
  const bullets = options.quotesOnly ? [] : pickBullets(ranked, tldr, BULLETS[options.length]);

  const quotes = selectQuotes(findQuotes(text, sentences, spans), QUOTES[options.length]).map(
    (quote, i) => ({ ...quote, id: `q${i + 1}` }),
  );
  return {
    tldr: clip(tldr.sentence.text, MAX_TLDR_CHARS),
    bullets: bullets.map((sentence) => ({
      text: clip(sentence.text, MAX_BULLET_CHARS),
      quoteIds: quotes
        .filter((q) => q.start >= sentence.start && q.end <= sentence.end)
        .map((q) => q.id),
    })),
    quotes: quotes.map(({ id, text: quoted, speaker }) => ({ id, text: quoted, speaker })),
  };
}

function clipped(output: SummaryOutput): SummaryOutput {
  return {
    ...output,
    tldr: clip(output.tldr, MAX_TLDR_CHARS),
    bullets: output.bullets.map((bullet) => ({
      ...bullet,
      text: clip(bullet.text, MAX_BULLET_CHARS),
    })),
  };
}

function pickTldr(ranked: readonly RankedSentence[]): RankedSentence {
  const first = ranked[0]!;
  let best = first;
  for (const entry of ranked) if (entry.score > best.score) best = entry;
  let mostCentral = 0;
  for (const entry of ranked) mostCentral = Math.max(mostCentral, entry.centrality);
  return first.centrality >= LEAD_CENTRALITY * mostCentral ? first : best;
}

function pickBullets(
  ranked: readonly RankedSentence[],
  tldr: RankedSentence,
  count: number,
): Sentence[] {
  const chosen: RankedSentence[] = [];
  const byScore = [...ranked].sort(
    (a, b) => b.score - a.score || a.sentence.index - b.sentence.index,
  );
  for (const entry of byScore) {
    if (chosen.length >= count) break;
    if (entry === tldr) continue;
    const repeats = [tldr, ...chosen].some(
      (other) => overlap(other.terms, entry.terms) > MAX_OVERLAP,
    );
    if (!repeats) chosen.push(entry);
  }
  return chosen.map((entry) => entry.sentence).sort((a, b) => a.index - b.index);
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
