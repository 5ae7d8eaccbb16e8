import { aliasesOf } from './aliases.ts';
import { rankSentences } from './evidence.ts';
import { findNumbers, type NumberFact } from './numbers.ts';
import {
  type GroundingIndex,
  type IndexedSentence,
  negationPhrase,
  numberTerm,
} from './source-index.ts';
import type { CheckOptions, ClaimCheck, Reason } from './types.ts';
import { isNegation, isStopWord, splitWords, startsClause, type Word } from './words.ts';

/** A claim longer than this many words is checked on its first ones only. */
const MAX_CLAIM_WORDS = 200;
/** Evidence: up to this many sentences scoring at least this share of the best. */
const MAX_EVIDENCE = 3;
const EVIDENCE_SHARE = 0.4;
/** A sentence sharing this many of the claim's terms is about the same thing. */
const RELATED_TERMS = 2;
/** A passage holding at least this share of what the best one holds of the claim. */
const PASSAGE_SHARE = 0.5;
/** A claim is placed when its best passage holds this many of its words, and this share. */
const PLACED_TERMS = 2;
const PLACED_SHARE = 0.4;
/** How many sentences in a row may refer back to a name before it. */
const MAX_REFERRING = 4;
/** The best-matching passages, and how many sentences either side of each, that count too. */
const ANCHORS = 3;
const NEIGHBOURS = 2;
/**
 * Weak: a lexical score below this (the mean of the shares of content words and of word pairs
 * found in the source). Chosen on the dev sets' val rows; XSum's abstractive summaries sit low.
 */
export const WEAK_BELOW = 0.4;

const MONTHS = new Map<string, string>([
  ...'january february march april may june july august september october november december'
    .split(' ')
    .flatMap(
      (month): Array<[string, string]> => [
        [month, month],
        [month.slice(0, 3), month],
      ],
    ),
  ['sept', 'september'],
]);
const WEEKDAYS = new Map<string, string>(
  'monday tuesday wednesday thursday friday saturday sunday'.split(' ').flatMap(
    (day): Array<[string, string]> => [
      [day, day],
      [day.slice(0, 3), day],
    ],
  ),
);
// A summary in English of a French, German or Spanish source names its months and days in
// the source's words.
const TRANSLATED_DATES = new Map<string, readonly string[]>(
  `january janvier januar enero
february février februar febrero
march mars märz marzo
april avril abril
may mai mayo
june juin juni junio
july juillet juli julio
august août agosto
september septembre septiembre
october octobre oktober octubre
november novembre noviembre
december décembre dezember diciembre
monday lundi montag lunes
tuesday mardi dienstag martes
wednesday mercredi mittwoch miércoles
thursday jeudi donnerstag jueves
friday vendredi freitag viernes
saturday samedi samstag sábado
sunday dimanche sonntag domingo`
    .split('\n')
    .map((line): [string, string[]] => {
      const [english = '', ...others] = line.split(' ');
      return [english, others];
    }),
);
// "May" is a month only with a capital; "mar", "sun", "wed" and friends too.
const NEEDS_CAPITAL = new Set(['may', 'mar', 'sun', 'sat', 'wed', 'mon', 'jan', 'dec', 'aug']);

/** Words that say "not" without a negation, which a claim may paraphrase with one. */
const NEGATIVE_WORDS = new Set(
  `unable fail fails failed refuse refuses refused decline declines declined deny denies denied
  reject rejects rejected lack lacks lacked impossible unwilling unlikely ineffective hardly
  barely rarely`.split(/\s+/),
);

/** Checks one summary sentence against an indexed source. */
export function checkClaim(
  index: GroundingIndex,
  text: string,
  options: CheckOptions = {},
): ClaimCheck {
  const lexical = options.lexical ?? true;
  const words = splitWords(text, 0, text.length, MAX_CLAIM_WORDS);
  const numbers = findNumbers(words, text);
  const terms = [...new Set(words.map((word) => word.stem).filter(Boolean))];
  for (const fact of numbers) for (const value of fact.values) terms.push(numberTerm(value));
  const ranked = rankSentences(index, terms);
  const best = ranked[0];
  const evidence = best
    ? ranked.filter((r) => r.score >= best.score * EVIDENCE_SHARE).slice(0, MAX_EVIDENCE)
    : [];
  // Across languages the words differ, so ranking says nothing: figures and names are looked
  // up in the whole source.
  const factTerms = new Set(
    words.filter((word, i) => word.stem && isName(index, text, words, i)).map((word) => word.stem),
  );
  const related = lexical
    ? relatedSentences(index, ranked, factTerms)
    : [{ words: index.words, values: index.values }];
  const passages = claimPassages(index, ranked, factTerms, terms);
  const claimWords = new Set(words.map((word) => word.norm));

  const reasons: Reason[] = [];
  const slice = (from: number, to: number) => text.slice(words[from]!.start, words[to]!.end);

  for (const fact of numbers) {
    // Number words are language-specific ("two" / "zwei"): across languages only digits count.
    if (!lexical && !words[fact.from]!.digits) continue;
    if (!numberFound(fact, related)) {
      reasons.push({ kind: fact.kind, text: slice(fact.from, fact.to) });
    }
  }
  const inNumber = new Set(numbers.flatMap((fact) => range(fact.from, fact.to)));
  words.forEach((word, i) => {
    if (inNumber.has(i) || word.digits) return;
    const date = dateWord(word);
    if (date !== null) {
      const names = [date, date.slice(0, 3), ...(TRANSLATED_DATES.get(date) ?? [])];
      // A day or month is looked for near the claim's passages: the article's other dates are
      // other events. A lower-cased claim is a corpus's, checked as loosely as its names.
      const where = lexical && word.capital ? related : [index];
      if (!where.some((sentence) => names.some((name) => sentence.words.has(name)))) {
        reasons.push({ kind: 'date', text: slice(i, i) });
      }
      return;
    }
    if (!isName(index, text, words, i)) return;
    // Other languages capitalise nouns (German) and translate country names: only a run of
    // capitalised words, like a person's full name, is taken for a name there.
    if (!lexical && !inCapitalRun(words, i)) return;
    const aliases = aliasesOf(word.norm);
    const found = (set: ReadonlySet<string>) => aliases.some((a) => set.has(a));
    if (found(index.headingNames)) return;
    // A lower-cased claim cannot say which of its words are names: only ones the source lacks
    // altogether are counted, never one it uses elsewhere.
    if (!word.capital || !lexical) {
      if (!found(index.words)) reasons.push({ kind: 'name', text: slice(i, i) });
      return;
    }
    // A person or a place must be where the claim puts them; a country or a people ("Russian",
    // "US") colours a whole article and is looked for near the claim's passages.
    const placed =
      aliases.length > 1
        ? related.some((sentence) => found(sentence.words))
        : namePlaced(index, passages, found, claimWords);
    if (!placed) {
      reasons.push({ kind: 'name', text: slice(i, i) });
    }
  });

  const negation = lexical
    ? negationProblem(
        index,
        words,
        text,
        evidence.map((r) => r.at),
      )
    : null;
  if (negation) reasons.push(negation);

  const { newPairShare, newWordShare, newWords } = novelty(index, words);
  const hard = reasons.length > 0;
  let score = lexical ? 1 - (newPairShare + newWordShare) / 2 : 1;
  if (lexical && !hard && score < WEAK_BELOW) {
    reasons.push({ kind: 'words', text: newWords.join(' ') });
  }
  if (hard) score /= 2;
  return {
    text,
    status: hard ? 'unsupported' : reasons.length > 0 ? 'weak' : 'supported',
    reasons,
    evidence: evidence.map((r) => {
      const sentence = index.sentences[r.at]!;
      return { start: sentence.start, end: sentence.end };
    }),
    score: Math.max(0, Math.min(1, score)),
  };
}

/**
 * Where a claim's figures and names must be found: its evidence and the sentences next to it,
 * and any sentence sharing several of its other words. A name that the source uses only in an
 * unrelated passage (another person of the same article) does not support it.
 */
function relatedSentences(
  index: GroundingIndex,
  ranked: ReturnType<typeof rankSentences>,
  factTerms: ReadonlySet<string>,
): FactSet[] {
  const chosen = new Set<number>();
  // Shared names and figures do not make a passage related: a swapped name would find its own.
  const context = (term: string) => !factTerms.has(term) && !term.startsWith('#');
  let anchors = 0;
  // A claim that shares no other word with the source cannot be placed: its names and figures
  // are then looked up wherever they rank best.
  const placeable = ranked.some((r) => r.terms.some(context));
  for (const r of ranked) {
    const shared = placeable ? r.terms.filter(context).length : 1;
    if (shared >= RELATED_TERMS) chosen.add(r.at);
    // The best passages and their neighbours ("He said …" continues the sentence before).
    if (shared >= 1 && anchors < ANCHORS) {
      anchors++;
      for (let k = r.at - NEIGHBOURS; k <= r.at + NEIGHBOURS; k++) {
        if (k >= 0 && k < index.sentences.length) chosen.add(k);
      }
    }
  }
  return [...chosen].map((at) => index.sentences[at]!);
}

type FactSet = Pick<IndexedSentence, 'words' | 'values'>;

/**
 * The passages a claim rests on: the sentences holding about as many of its words, names and
 * figures aside, as the best one. Every sentence when the claim shares none of them.
 */
function claimPassages(
  index: GroundingIndex,
  ranked: ReturnType<typeof rankSentences>,
  factTerms: ReadonlySet<string>,
  terms: readonly string[],
): number[] {
  const shares = ranked.map(
    (r) => r.terms.filter((term) => !factTerms.has(term) && !term.startsWith('#')).length,
  );
  const best = Math.max(0, ...shares);
  const context = terms.filter((term) => !factTerms.has(term) && !term.startsWith('#')).length;
  // A claim whose other words are mostly paraphrased cannot be placed surely: its names are
  // then looked for in every passage sharing any of its words, as for a lower-cased claim.
  if (best < Math.max(PLACED_TERMS, Math.ceil(context * PLACED_SHARE))) {
    return best === 0 ? index.sentences.map((_, at) => at) : ranked.map((r) => r.at);
  }
  const enough = Math.max(1, Math.ceil(best * PASSAGE_SHARE));
  // A claim that joins two passages ("profit fell …, and it will close its Doncaster
  // factory") rests on the second too: a sentence holding words of the claim that the best
  // passage lacks. A claim copied from one passage has no such second part.
  const top = ranked[shares.indexOf(best)]!;
  const covered = new Set(top.terms);
  return ranked
    .filter((r, k) => {
      if (shares[k]! >= enough) return true;
      const own = r.terms.filter((t) => !factTerms.has(t) && !t.startsWith('#'));
      return own.length >= RELATED_TERMS && own.some((t) => !covered.has(t));
    })
    .map((r) => r.at);
}

/**
 * Whether a name is found where the claim puts it: in one of its passages, or a sentence or
 * two before one that refers back to someone ("He said …"). A name the article gives to
 * another person or another event does not support the claim.
 */
function namePlaced(
  index: GroundingIndex,
  passages: readonly number[],
  found: (set: ReadonlySet<string>) => boolean,
  claimWords: ReadonlySet<string>,
): boolean {
  const holds = (at: number) =>
    at >= 0 && at < index.sentences.length && found(index.sentences[at]!.words);
  // A passage that names nobody the claim leaves out takes its people and places from the
  // sentences around it ("He said …", "The council approved …" after "… in Bristol"); in one
  // that does, the claim has put someone else in that person's place.
  const open = (at: number) => {
    for (const name of index.sentences[at]!.names) {
      if (MONTHS.has(name) || WEEKDAYS.has(name)) continue;
      if (!aliasesOf(name).some((alias) => claimWords.has(alias))) return false;
    }
    return true;
  };
  // "Mr. Ban focused on … He went to … He planted … His greatest legacy …": a run of sentences
  // that refer back reaches the name that starts it.
  const reachedBack = (at: number) => {
    if (!open(at)) return false;
    for (let k = at; k > at - MAX_REFERRING && k >= 0; k--) {
      if (!index.sentences[k]!.pronoun) return false;
      if (holds(k - 1)) return true;
    }
    return false;
  };
  return passages.some(
    (at) => holds(at) || (open(at) && (holds(at - 1) || holds(at + 1) || reachedBack(at))),
  );
}

function inCapitalRun(words: readonly Word[], i: number): boolean {
  return Boolean(words[i]?.capital && (words[i - 1]?.capital || words[i + 1]?.capital));
}

function numberFound(fact: NumberFact, related: readonly FactSet[]): boolean {
  return related.some((sentence) => fact.values.some((value) => sentence.values.has(value)));
}

function dateWord(word: Word): string | null {
  const month = MONTHS.get(word.norm) ?? WEEKDAYS.get(word.norm);
  if (month === undefined) return null;
  if (NEEDS_CAPITAL.has(word.norm) && !word.capital) return null;
  return month;
}

/**
 * A proper name: a capitalised word inside a sentence; at the start of one, only a word the
 * source itself writes only with a capital. In a lower-cased claim, any word the source writes
 * only with a capital.
 */
function isName(index: GroundingIndex, text: string, words: readonly Word[], i: number): boolean {
  const word = words[i]!;
  if (word.norm.length < 2 || isStopWord(word.norm) || isNegation(word.norm)) return false;
  if (!word.capital) return index.cased && index.capitalOnly.has(word.norm);
  if (!startsClause(text, words, i)) return true;
  // At the start of a sentence a capital says nothing: only a word the source writes as a name.
  return index.capitalOnly.has(word.norm);
}

/**
 * A negation the claim adds (no evidence sentence has one), or one it drops (its best evidence
 * negates inside the very words the claim repeats).
 */
function negationProblem(
  index: GroundingIndex,
  words: readonly Word[],
  text: string,
  evidence: readonly number[],
): Reason | null {
  const first = evidence[0];
  if (first === undefined) return null;
  const negation = words.find((word) => isNegation(word.norm));
  if (negation) {
    const top = evidence.slice(0, 2).map((at) => index.sentences[at]!);
    if (top.some((sentence) => sentence.negations.length > 0)) return null;
    // "could not confirm" for "was unable to verify", "will not talk" for "refuses to discuss".
    if (top.some((sentence) => [...NEGATIVE_WORDS].some((w) => sentence.words.has(w)))) return null;
    // The source writes the same negation in the same words ("late or not at all"): the
    // evidence ranked a passage with the claim's other words above it.
    const phrase = negationPhrase(words, words.indexOf(negation));
    if (phrase && index.negatedPhrases.has(phrase)) return null;
    return { kind: 'negation', text: text.slice(negation.start, negation.end) };
  }
  const sentence = index.sentences[first]!;
  if (sentence.negations.length === 0) return null;
  const claimed = new Set(words.map((word) => word.stem).filter(Boolean));
  // The claim repeats the words on both sides of the source's negation ("did not win" →
  // "did win"): it states the opposite of that passage.
  for (const at of sentence.negations) {
    const before = sentence.stemAt.findLast(([, offset]) => offset < at);
    const after = sentence.stemAt.find(([, offset]) => offset > at);
    if (!before || !after || !claimed.has(before[0]) || !claimed.has(after[0])) continue;
    const end = index.text.slice(at).search(/[^\p{L}'’]/u);
    return {
      kind: 'negation',
      text: `leaves out "${index.text.slice(at, end === -1 ? undefined : at + end)}"`,
    };
  }
  return null;
}

/** How much of the claim's wording is new to the source: content words and their pairs. */
export function novelty(index: GroundingIndex, words: readonly Word[]) {
  const stems = words.filter((word) => word.stem);
  if (stems.length === 0) return { newPairShare: 0, newWordShare: 0, newWords: [] };
  const newWords = stems.filter((word) => !index.postings.has(word.stem)).map((w) => w.norm);
  let pairs = 0;
  let newPairs = 0;
  for (let k = 1; k < stems.length; k++) {
    pairs++;
    if (!index.pairs.has(`${stems[k - 1]!.stem} ${stems[k]!.stem}`)) newPairs++;
  }
  return {
    newPairShare: pairs === 0 ? newWords.length / stems.length : newPairs / pairs,
    newWordShare: newWords.length / stems.length,
    newWords,
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}
