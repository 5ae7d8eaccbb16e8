import { NameBook } from './names.ts';
import { findQuoteSpans } from './quote-spans.ts';
import type { Sentence } from './sentences.ts';
import { attributeQuotes } from './speakers.ts';
import { countWords } from './words.ts';

export interface QuoteCandidate {
  start: number;
  end: number;
  /** text.slice(start, end): the source's own characters. */
  text: string;
  speaker: string | null;
  /** The attribution next to the quote names the speaker (not a pronoun or a carried speaker). */
  named: boolean;
}

// Fewer words than this is a scare quote or a phrase (“excellent talk”), not a statement.
const MIN_QUOTE_WORDS = 4;

/**
 * Every quotation in the text worth showing, with its speaker, in source order. Each quoted
 * segment is its own quote: “A,” he added, “B.” gives A and B, both attributed to "he".
 * Joining them would need the attribution inside the quote text.
 */
export function findQuotes(
  text: string,
  sentences: readonly Sentence[],
  spans = findQuoteSpans(text),
): QuoteCandidate[] {
  const speakers = attributeQuotes(text, sentences, spans, NameBook.fromText(text));
  const quotes: QuoteCandidate[] = [];
  spans.forEach((span, k) => {
    const quoted = text.slice(span.start, span.end);
    if (countWords(quoted) < MIN_QUOTE_WORDS || isTitle(quoted)) return;
    const attribution = speakers[k] ?? null;
    quotes.push({
      start: span.start,
      end: span.end,
      text: quoted,
      speaker: attribution?.speaker ?? null,
      named: attribution?.named ?? false,
    });
  });
  return quotes;
}

// Words a title leaves in lower case, in the four languages: “Gesetz zur Änderung des
// Passgesetzes”, “Koalition für Einheit und Entwicklung”, “Commandeur de la Légion d'Honneur”.
const TITLE_MINOR = new Set(
  `a an the of and or in on at to for with by from der die das des dem den und im in für zur zum
  von vom mit am an auf aus bei nach über unter zu ein eine einer eines einem de la le les du et
  en pour sur d' el los las del y con por para`.split(/\s+/),
);

// “The Art of the Deal”, “America First Foreign Policy”: every word capitalized, no sentence.
// A title may end in a period (“The Art of the Deal.”); a statement seldom has no verb in lower case.
function isTitle(quoted: string): boolean {
  const text = quoted.replace(/\.$/u, '');
  if (/[.!?…,;]$/u.test(text)) return false;
  const words = text.split(/\s+/);
  return words.every((w) => /^[\p{Lu}\p{N}–—-]/u.test(w) || TITLE_MINOR.has(w));
}

/**
 * The `limit` quotes most worth showing, returned in source order. Complete statements by a
 * named person come first; a second quote from the same person ranks below a first from
 * someone else, so the list shows who was quoted as well as what was said.
 */
export function selectQuotes(quotes: readonly QuoteCandidate[], limit: number): QuoteCandidate[] {
  const scored = quotes.map((quote, order) => ({ quote, order, score: quoteScore(quote) }));
  const chosen: typeof scored = [];
  const perSpeaker = new Map<string, number>();
  const pool = [...scored];
  while (chosen.length < limit && pool.length > 0) {
    let best = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    pool.forEach((entry, i) => {
      const repeats = entry.quote.speaker === null ? 0 : (perSpeaker.get(entry.quote.speaker) ?? 0);
      const value = entry.score - 1.5 * repeats;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    });
    const [entry] = pool.splice(best, 1);
    if (entry === undefined) break;
    chosen.push(entry);
    const speaker = entry.quote.speaker;
    if (speaker !== null) perSpeaker.set(speaker, (perSpeaker.get(speaker) ?? 0) + 1);
  }
  return chosen.sort((a, b) => a.order - b.order).map((entry) => entry.quote);
}

function quoteScore(quote: QuoteCandidate): number {
  const words = countWords(quote.text);
  let score = Math.min(words, 30) / 10;
  if (words > 60) score -= 1;
  if (quote.speaker !== null) score += 3;
  // A speaker named next to the quote is more certain than one carried from a pronoun.
  if (quote.named) score += 1.5;
  if (quote.speaker?.includes(' ')) score += 0.5;
  // A quote that starts with a capital is a whole statement, not a fragment of the reporter's.
  if (/^\p{Lu}/u.test(quote.text)) score += 1.5;
  return score;
}
