import type { QuoteSpan } from './quote-spans.ts';

export interface Sentence {
  /** Position among all sentences of the text. */
  index: number;
  /** Position of its paragraph; lines of a headline block count as paragraphs too. */
  paragraph: number;
  start: number;
  end: number;
  /** source.slice(start, end), already trimmed. */
  text: string;
}

// Lower-cased words that end with a period without ending the sentence. Not Inc., Co. or Corp.:
// they end sentences more often than they precede a capital ("Acme Corp. reported …").
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'ft',
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'capt',
  'cpt',
  'sgt',
  'maj',
  'adm',
  'cmdr',
  'rev',
  'hon',
  'pres',
  'supt',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  'no',
  'nos',
  'vs',
  'v',
  'etc',
  'al',
  'approx',
  'est',
  'fig',
  'dept',
  'univ',
  'ave',
  'blvd',
  'rd',
  'vol',
  'ed',
  'eds',
  'pp',
  'cf',
  'ca',
  'op',
]);

// After an acronym such as U.S. these words almost always open a new sentence.
const SENTENCE_OPENERS = new Set([
  'The',
  'A',
  'An',
  'It',
  'He',
  'She',
  'They',
  'We',
  'I',
  'This',
  'That',
  'But',
  'And',
  'In',
  'On',
  'At',
  'His',
  'Her',
  'Their',
  'Its',
  'There',
  'However',
  'Meanwhile',
]);

const TERMINAL = '.!?…';
const CLOSING = '”"’\'»«›‹)]';
const TERMINAL_OR_CLOSING = TERMINAL + CLOSING;
const OPENING = '“"‘\'«»‹›(„[';
// A line shorter than this ends its block even without a period: headlines, bylines, lists.
const SHORT_LINE = 60;

/**
 * Splits text into sentences with their offsets. Never splits inside a quotation (`quotes`),
 * after an abbreviation or an initial, inside a decimal, or before a lower-case word.
 */
export function splitSentences(text: string, quotes: readonly QuoteSpan[] = []): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  for (const block of splitBlocks(text)) {
    let from = block.start;
    let q = 0;
    for (let i = block.start; i < block.end; i++) {
      if (!TERMINAL.includes(text[i]!)) continue;
      let j = i + 1;
      while (j < block.end && TERMINAL_OR_CLOSING.includes(text[j]!)) j++;
      if (j < block.end && !/\s/.test(text[j]!)) continue;
      while (q < quotes.length && quotes[q]!.close <= i) q++;
      const quote = quotes[q];
      if (quote !== undefined && quote.open < i && j < quote.close) continue;
      if (!startsNewSentence(text, i, j, block.end)) continue;
      push(text.slice(from, j), from);
      from = j;
      i = j - 1;
    }
    push(text.slice(from, block.end), from);
    paragraph++;
  }
  return sentences;

  function push(raw: string, offset: number): void {
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    const start = offset + lead;
    sentences.push({
      index: sentences.length,
      paragraph,
      start,
      end: start + trimmed.length,
      text: trimmed,
    });
  }
}

function startsNewSentence(text: string, punct: number, after: number, blockEnd: number): boolean {
  let k = after;
  while (k < blockEnd && /\s/.test(text[k]!)) k++;
  if (k >= blockEnd) return true;
  const next = text[k]!;
  if (!(/[\p{Lu}\p{N}]/u.test(next) || OPENING.includes(next))) return false;
  if (text[punct] !== '.' || after !== punct + 1) return true;
  const word = wordBefore(text, punct);
  if (word === '') return true;
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  // An initial (John F. Kennedy) or an acronym with periods (U.S., e.g.).
  if (/^\p{L}$/u.test(word) || word.includes('.')) {
    return SENTENCE_OPENERS.has(/^\p{L}+/u.exec(text.slice(k, k + 20))?.[0] ?? '');
  }
  return true;
}

function wordBefore(text: string, punct: number): string {
  let s = punct;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  return text.slice(s, punct);
}

interface Block {
  start: number;
  end: number;
}

/**
 * Paragraphs are separated by blank lines. Inside one, a line break ends a block when the line
 * before is short or ends a sentence; otherwise it is a soft wrap and the sentence goes on.
 */
function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    const line = text.slice(lineStart, i).trim();
    const blank = line === '';
    const ends = blank || line.length < SHORT_LINE || /[.!?…]["”’'»)\]]*$/.test(line);
    if (i === text.length || ends) {
      if (text.slice(start, i).trim() !== '') blocks.push({ start, end: i });
      start = i + 1;
    }
    lineStart = i + 1;
  }
  return blocks;
}
