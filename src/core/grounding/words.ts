import { stem } from '../offline/words.ts';

/** One word or number of a text, with where it sits in the original string. */
export interface Word {
  /** Lower-cased, possessive and acronym dots removed: "Germany's" → "germany", "U.S." → "us". */
  norm: string;
  /** Stemmed content form, or '' for a stop word or a number. */
  stem: string;
  start: number;
  end: number;
  /** Starts with a capital letter as written. */
  capital: boolean;
  /** Written with digits. */
  digits: boolean;
}

// Acronyms with dots first ("U.S."), then numbers with their separators ("1,000", "2.5", and
// "1, 000" as tokenised corpora write it), then
// words joined across one apostrophe ("don't", "Germany's").
const WORD = /(?:\p{L}\.){2,}|\d+(?:[.,:]\d+|, \d{3}(?!\d))*|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

// Function words that say nothing about what a claim is about. Negations are kept out of this
// list on purpose: they are hard facts, checked on their own.
const STOP = new Set(
  `a about above after again against all also although am among an and another any are around as
  at away back be became because become been before being below between both but by can could did
  do does doing done down during each either else even ever every few for from further get gets
  got had has have having he her here hers herself him himself his how however i if in into is it
  its itself just like made make many may me might more most much must my myself of off often on
  once only or other others our ours ourselves out over own per perhaps put quite rather really
  said same say says see seem seemed several shall she should since so some still such than that
  the their theirs them themselves then there these they this those though through thus to too
  toward towards under until up upon us very was we well were what whatever when where whether
  which while who whom whose why will with within would yet you your yours according told added
  mr mrs ms dr s t st nd rd th also its it's will would year years time new`.split(/\s+/),
);

export function isStopWord(norm: string): boolean {
  return STOP.has(norm);
}

/** The words of a text with offsets; `limit` bounds the work on a hostile input. */
export function splitWords(text: string, from = 0, to = text.length, limit = Infinity): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = from;
  for (;;) {
    const match = WORD.exec(text);
    if (match === null || match.index >= to || words.length >= limit) break;
    const raw = match[0];
    const token = tokenOf(raw);
    words.push({
      norm: token.norm,
      stem: token.stem,
      start: match.index,
      end: match.index + raw.length,
      capital: token.capital,
      digits: token.digits,
    });
  }
  return words;
}

type Token = Pick<Word, 'norm' | 'stem' | 'capital' | 'digits'>;

// Words repeat within a text and across texts: each written form is read once.
const TOKENS = new Map<string, Token>();
const MAX_TOKENS = 100_000;

function tokenOf(raw: string): Token {
  const known = TOKENS.get(raw);
  if (known !== undefined) return known;
  const first = raw.charCodeAt(0);
  const digits = first >= 48 && first <= 57;
  let norm = raw.toLowerCase();
  if (!digits) {
    norm = norm.replace(/['’]s$/, '').replaceAll('’', "'");
    if (norm.includes('.')) norm = norm.replaceAll('.', '');
  }
  const content = !digits && norm.length > 1 && !STOP.has(norm) && !NEGATIONS.has(norm);
  const token: Token = {
    norm,
    stem: content ? stem(norm.replaceAll("'", '')) : '',
    capital: !digits && raw[0] !== raw[0]!.toLowerCase(),
    digits,
  };
  if (TOKENS.size >= MAX_TOKENS) TOKENS.clear();
  TOKENS.set(raw, token);
  return token;
}

/** Words that turn a statement into its opposite. "n't" forms are matched by their ending. */
export const NEGATIONS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'cannot',
  'without',
  'nowhere',
]);

export function isNegation(norm: string): boolean {
  return NEGATIONS.has(norm) || norm.endsWith("n't");
}

const CLAUSE_START = /[.:;!?"“”‘([•*—–]|\s-\s/;

/** Whether word i opens a sentence or clause, where any word may take a capital. */
export function startsClause(text: string, words: readonly Word[], i: number): boolean {
  if (i === 0) return true;
  const from = words[i - 1]!.end;
  const to = words[i]!.start;
  // Mostly a single space: nothing to look at.
  if (to - from === 1 && text.charCodeAt(from) === 32) return false;
  return CLAUSE_START.test(text.slice(from, to));
}
