import { splitSentences } from '../offline/sentences.ts';
import { findNumbers } from './numbers.ts';
import { isNegation, splitWords, startsClause, type Word } from './words.ts';

/** One source sentence, with what the checker compares against it. */
/** The search term of a number value. */
export function numberTerm(value: number): string {
  return `#${value}`;
}

export interface IndexedSentence {
  start: number;
  end: number;
  /** Distinct content stems. */
  stems: ReadonlySet<string>;
  /** Lower-cased words (for names) and number values written in this sentence. */
  words: ReadonlySet<string>;
  values: ReadonlySet<number>;
  /** Offsets of negation words, to see whether one sits inside the matched passage. */
  negations: readonly number[];
  /** Each content word's offset, in order, to find the span a claim matches. */
  stemAt: ReadonlyArray<readonly [string, number]>;
  /** Words written with a capital inside the sentence: the names it mentions. */
  names: ReadonlySet<string>;
  /** Refers back to someone named before ("he", "she", "they" …). */
  pronoun: boolean;
}

/**
 * A source prepared once for every claim checked against it: its sentences, an inverted index
 * of content stems (for ranking evidence), and every word, word pair and number it holds.
 */
export interface GroundingIndex {
  text: string;
  sentences: IndexedSentence[];
  postings: Map<string, number[]>;
  /** All lower-cased words; names are looked up here. */
  words: Set<string>;
  /**
   * Capitalised words of its title and headings: what the passages under them are about, so
   * found wherever a claim is placed ("Delgado" in an interview titled with her name).
   */
  headingNames: Set<string>;
  /** Words seen only with a capital (proper names in a cased source). */
  capitalOnly: Set<string>;
  /** Each negation as a phrase: from the content word before it to the word after it. */
  negatedPhrases: Set<string>;
  /** Stemmed content-word pairs, adjacent after stop words are removed. */
  pairs: Set<string>;
  values: Set<number>;
  averageLength: number;
  /** False when the source has (almost) no capitals, so capitals cannot mark its names. */
  cased: boolean;
}

/** Sentences beyond this are not indexed: a claim's evidence is searched in the first ones. */
export const MAX_INDEXED_SENTENCES = 20_000;

/** Text is cut into sentences this many characters at a time, at a paragraph break. */
const CHUNK_CHARS = 16_000;

/**
 * Builds the index in slices of about `sliceMs`, awaiting `pause` between them, so a source of
 * a million characters never holds the thread for long.
 */
export async function indexForGroundingAsync(
  text: string,
  pause: () => Promise<void>,
  sliceMs = 8,
): Promise<GroundingIndex> {
  const builder = createBuilder(text);
  while (builder.step(sliceMs)) await pause();
  return builder.index;
}

export function indexForGrounding(text: string): GroundingIndex {
  const builder = createBuilder(text);
  while (builder.step(Infinity));
  return builder.index;
}

/** The end of the chunk that starts at `from`: a paragraph break, else a line, else a space. */
function chunkEnd(text: string, from: number): number {
  if (text.length - from <= CHUNK_CHARS) return text.length;
  const limit = from + CHUNK_CHARS;
  for (const mark of ['\n\n', '\n', '. ', ' ']) {
    const at = text.lastIndexOf(mark, limit);
    if (at > from + CHUNK_CHARS / 4) return at + mark.length;
  }
  return limit;
}

function createBuilder(text: string) {
  const spans: Array<{ start: number; end: number }> = [];
  let chunkStart = 0;
  const index: GroundingIndex = {
    text,
    sentences: [],
    postings: new Map(),
    words: new Set(),
    capitalOnly: new Set(),
    headingNames: new Set(),
    negatedPhrases: new Set(),
    pairs: new Set(),
    values: new Set(),
    averageLength: 1,
    cased: true,
  };
  const lowerSeen = new Set<string>();
  let totalStems = 0;
  let capitals = 0;
  let letters = 0;
  let openings = 0;
  let capitalOpenings = 0;
  let next = 0;
  return {
    index,
    /** Indexes sentences for about `budgetMs`; false when done. */
    step(budgetMs: number): boolean {
      const started = performance.now();
      for (;;) {
        if (next === spans.length) {
          if (chunkStart >= text.length || spans.length >= MAX_INDEXED_SENTENCES) break;
          const end = chunkEnd(text, chunkStart);
          for (const sentence of splitSentences(text.slice(chunkStart, end))) {
            spans.push({ start: sentence.start + chunkStart, end: sentence.end + chunkStart });
          }
          chunkStart = end;
          continue;
        }
        if (next >= MAX_INDEXED_SENTENCES) break;
        if (performance.now() - started > budgetMs) return true;
        const span = spans[next++]!;
        const words = splitWords(text, span.start, span.end);
        const sentence = indexSentence(text, span.start, span.end, words);
        const at = index.sentences.length;
        index.sentences.push(sentence);
        for (const stem of sentence.stems) {
          const list = index.postings.get(stem);
          if (list) list.push(at);
          else index.postings.set(stem, [at]);
        }
        totalStems += sentence.stemAt.length;
        let previous = '';
        for (const [k, word] of words.entries()) {
          index.words.add(word.norm);
          if (!word.digits) {
            letters++;
            if (k === 0) {
              openings++;
              if (word.capital) capitalOpenings++;
            }
            // Any word takes a capital at the start of a sentence; only one inside says "name".
            if (word.capital) {
              if (!startsClause(text, words, k)) {
                capitals++;
                if (!lowerSeen.has(word.norm)) index.capitalOnly.add(word.norm);
              }
            } else {
              lowerSeen.add(word.norm);
              index.capitalOnly.delete(word.norm);
            }
          }
          if (isNegation(word.norm)) {
            const phrase = negationPhrase(words, k);
            if (phrase) index.negatedPhrases.add(phrase);
          }
          if (word.stem) {
            if (previous) index.pairs.add(`${previous} ${word.stem}`);
            previous = word.stem;
          }
        }
        for (const value of sentence.values) index.values.add(value);
        if (isHeading(text, span, words)) {
          for (const word of words) {
            if (word.capital && word.stem) index.headingNames.add(word.norm);
          }
        }
      }
      index.averageLength = Math.max(1, totalStems / Math.max(1, index.sentences.length));
      // A lower-cased text (some corpora, some pasted text) has a capital only in "I"; a cased
      // one opens its sentences with capitals even when it names nobody (an essay).
      index.cased = letters < 20 || capitals / letters > 0.02 || capitalOpenings > openings * 0.8;
      return false;
    },
  };
}

/**
 * A negation with its setting, "late or not at all" as "late not at": the content word
 * before it, the negation ("n't" read as "not") and the next word. Null when no content word
 * comes before it.
 */
export function negationPhrase(words: readonly Word[], at: number): string | null {
  let from = at - 1;
  while (from >= 0 && !words[from]!.stem) from--;
  if (from < 0) return null;
  const negation = words[at]!.norm.endsWith("n't") ? 'not' : words[at]!.norm;
  return [words[from]!.stem, negation, words[at + 1]?.norm ?? ''].join(' ');
}

/** Headings are short; a heading alone on its line has no full stop to end it. */
const MAX_HEADING_WORDS = 14;

/** A title or heading: a short line of its own, not ended like a sentence. */
function isHeading(text: string, span: { start: number; end: number }, words: Word[]): boolean {
  if (words.length === 0 || words.length > MAX_HEADING_WORDS) return false;
  const after = text.slice(span.end, span.end + 2);
  const ownLine = span.end === text.length || after.startsWith('\n') || after.startsWith('\r');
  const before = span.start === 0 || text[span.start - 1] === '\n';
  return ownLine && before && !/[.!?…,;:]["”’)\]]?\s*$/.test(text.slice(span.start, span.end));
}

const PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'his', 'hers', 'them', 'their']);

function indexSentence(text: string, start: number, end: number, words: Word[]): IndexedSentence {
  const stems = new Set<string>();
  const norms = new Set<string>();
  const values = new Set<number>();
  const negations: number[] = [];
  const stemAt: Array<readonly [string, number]> = [];
  const names = new Set<string>();
  let pronoun = false;
  for (const [k, word] of words.entries()) {
    norms.add(word.norm);
    if (word.capital && !word.digits && k > 0 && !startsClause(text, words, k))
      names.add(word.norm);
    if (PRONOUNS.has(word.norm)) pronoun = true;
    if (word.stem) {
      stems.add(word.stem);
      stemAt.push([word.stem, word.start]);
    }
    if (isNegation(word.norm)) negations.push(word.start);
  }
  for (const fact of findNumbers(words, text, true)) {
    for (const value of fact.values) values.add(value);
  }
  // Numbers are terms too, so a claim's figures pull in the sentence that states them.
  for (const value of values) stems.add(numberTerm(value));
  return { start, end, stems, words: norms, values, negations, stemAt, names, pronoun };
}
