import type { SummaryOutput } from '../../shared/schemas.ts';
import { overlap, type RankedSentence, rankSentences } from './rank-sentences.ts';
import type { Sentence } from './sentences.ts';

/**
 * Summaries shaped by what the page is. A thread is a discussion: who argued what, each point
 * in its poster's own words and quoted under the poster's name (the poster is the speaker;
 * forum posts are not in quotation marks, so the article attributor finds nothing there). A
 * list is its items; a product is what it is and its specifications.
 */

/** One post of a thread: its poster, and where its body sits in the text. */
export interface Post {
  author: string;
  start: number;
  end: number;
}

export interface KindOptions {
  bullets: number;
  quotes: number;
  title: string | null;
  quotesOnly?: boolean;
}

// A point is a sentence a reader can take in: not a greeting, not a whole unpunctuated post.
const MIN_POINT_CHARS = 25;
const MAX_POINT_CHARS = 400;
const MAX_OVERLAP = 0.5;

/**
 * Each poster's name stands on a line of its own before the post (that is how extraction
 * renders a thread): found in order, each search starting after the previous one.
 */
export function locatePosts(text: string, posters: readonly string[]): Post[] {
  const heads: Array<{ author: string; at: number; body: number }> = [];
  let from = 0;
  for (const author of posters) {
    const at = findLine(text, author, from);
    if (at < 0) continue;
    heads.push({ author, at, body: at + author.length });
    from = at + author.length;
  }
  return heads.map((head, i) => ({
    author: head.author,
    start: head.body,
    end: heads[i + 1]?.at ?? text.length,
  }));
}

function findLine(text: string, line: string, from: number): number {
  if (line === '') return -1;
  for (let at = text.indexOf(line, from); at >= 0; at = text.indexOf(line, at + 1)) {
    const end = at + line.length;
    if ((at === 0 || text[at - 1] === '\n') && (end === text.length || text[end] === '\n'))
      return at;
  }
  return -1;
}

/**
 * A thread as a discussion: the tldr is what the opening post asks or says; each bullet is
 * one post's central sentence, from as many different posters as there are bullets, and is
 * backed by a quote of that sentence spoken by its poster. Null when the text does not hold
 * two posts with something to say.
 */
export function summarizeThread(
  sentences: readonly Sentence[],
  posts: readonly Post[],
  options: KindOptions,
): SummaryOutput | null {
  const owner = (s: Sentence) => posts.findIndex((p) => s.start >= p.start && s.end <= p.end);
  const inPosts = sentences.filter((s) => owner(s) >= 0 && isPoint(s));
  if (inPosts.length === 0) return null;
  const ranked = rankSentences(inPosts, options.title);
  // The best sentence of each post; a post of greetings alone has none.
  const best = new Map<number, RankedSentence>();
  for (const entry of ranked) {
    const post = owner(entry.sentence);
    const seen = best.get(post);
    if (!seen || entry.score > seen.score) best.set(post, entry);
  }
  if (best.size < 2) return null;
  const opening = best.get(0) ?? ranked[0]!;
  const replies = [...best.entries()]
    .filter(([, entry]) => entry !== opening)
    .sort(([, a], [, b]) => b.score - a.score);
  // One bullet per poster first: a discussion is who said what, not one voice five times.
  const chosen: Array<[number, RankedSentence]> = [];
  const voices = new Set<string>();
  const count = options.quotesOnly ? 0 : options.bullets;
  for (const pass of [true, false]) {
    for (const [post, entry] of replies) {
      if (chosen.length >= count) break;
      const author = posts[post]!.author;
      if (chosen.some(([, c]) => c === entry)) continue;
      if (pass && voices.has(author)) continue;
      if (
        [opening, ...chosen.map(([, c]) => c)].some(
          (o) => overlap(o.terms, entry.terms) > MAX_OVERLAP,
        )
      )
        continue;
      chosen.push([post, entry]);
      voices.add(author);
    }
  }
  chosen.sort(([a], [b]) => a - b);
  const quoted = (options.quotesOnly ? replies : chosen).slice(0, options.quotes);
  const quotes = quoted.map(([post, entry], i) => ({
    id: `q${i + 1}`,
    text: entry.sentence.text,
    speaker: posts[post]!.author,
  }));
  return {
    tldr: opening.sentence.text,
    bullets: chosen.map(([post, entry]) => ({
      text: entry.sentence.text,
      quoteIds: quotes
        .filter((q) => q.text === entry.sentence.text && q.speaker === posts[post]!.author)
        .map((q) => q.id),
    })),
    quotes,
  };
}

/**
 * A list as a list: its items in page order, each bullet one item (a heading or a list line
 * with words to say), the tldr the sentence that introduces them. Null when the page holds
 * too few items to be read as a list.
 */
export function summarizeList(
  text: string,
  sentences: readonly Sentence[],
  options: KindOptions,
): SummaryOutput | null {
  const items = itemLines(text);
  if (items.length < 3 || options.quotesOnly) return null;
  const intro = sentences.find(
    (s) => s.text.length >= MIN_POINT_CHARS && /[.!?]$/.test(s.text) && !items.includes(s.text),
  );
  const bullets = spread(items, options.bullets).map((item) => ({ text: item, quoteIds: [] }));
  return { tldr: intro?.text ?? items[0]!, bullets, quotes: [] };
}

/** Short lines that stand alone (titles of cards, list entries), not paragraphs of prose. */
function itemLines(text: string): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const words = line.split(/\s+/).length;
    if (words < 2 || words > 16 || line.length > 140 || seen.has(line)) continue;
    // A sentence of prose ends with a period and is not an item's title.
    if (/[.:]$/.test(line) && words > 8) continue;
    seen.add(line);
    items.push(line);
  }
  return items;
}

/** `count` items spread over the whole list, in order: the first items alone say little. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)]!);
}

function isPoint(sentence: Sentence): boolean {
  const length = sentence.text.length;
  return length >= MIN_POINT_CHARS && length <= MAX_POINT_CHARS;
}

/**
 * A product as a product: the tldr says what it is (the most central sentence of its
 * description), the bullets its specifications ("Weight: 1.2 kg") and then what the
 * description says most. Null when the page states no specifications.
 */
export function summarizeProduct(
  text: string,
  ranked: readonly RankedSentence[],
  options: KindOptions,
): SummaryOutput | null {
  const specs = specLines(text);
  if (specs.length < 2 || ranked.length === 0 || options.quotesOnly) return null;
  let tldr = ranked[0]!;
  for (const entry of ranked) if (entry.centrality > tldr.centrality) tldr = entry;
  const described = [...ranked]
    .filter((entry) => entry !== tldr && isPoint(entry.sentence))
    .sort((a, b) => b.score - a.score)
    .slice(0, Math.max(1, Math.floor(options.bullets / 3)))
    .map((entry) => entry.sentence.text);
  const bullets = [...spread(specs, options.bullets - described.length), ...described].map(
    (text) => ({ text, quoteIds: [] }),
  );
  return { tldr: tldr.sentence.text, bullets, quotes: [] };
}

/** "Label: value" lines, and the name and value of a two-column row rendered as one line. */
function specLines(text: string): string[] {
  const specs: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.length <= 120 && /^[\p{L}][^:.!?]{1,40}:\s*\S/u.test(line)) specs.push(line);
  }
  return [...new Set(specs)];
}
