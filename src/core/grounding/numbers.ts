import type { Word } from './words.ts';

/** A number a text states, as a reader would compare it: "five", "5" and "5th" are all 5. */
export interface NumberFact {
  /** Every value the words may mean: "£80m" is 80 and 80,000,000. */
  values: number[];
  /** First and last word (indices into the words). */
  from: number;
  to: number;
  kind: 'number' | 'date' | 'quantity';
}

/** A lookup of words to numbers; a Map, so "constructor" is not a number. */
function table(entries: Record<string, number>): ReadonlyMap<string, number> {
  return new Map(Object.entries(entries));
}

const UNITS = table({
  zero: 0,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  twentieth: 20,
  dozen: 12,
});
// "one", "first" and "second" are too often not numbers ("one of", "a second look") to be
// claims of their own; they still count when the source is searched.
const WEAK_UNITS = table({ one: 1, first: 1, second: 2, a: 1, an: 1 });
const SCALES = table({
  hundred: 100,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  bn: 1e9,
  billion: 1e9,
  trillion: 1e12,
  tn: 1e12,
});
const CURRENCY = /[£$€¥₹]\s*$/;
const UNIT_AFTER = new Set([
  'per',
  'percent',
  'pc',
  'km',
  'kg',
  'mph',
  'miles',
  'mile',
  'metres',
  'meters',
  'feet',
  'ft',
  'tonnes',
  'tons',
  'pounds',
  'dollars',
  'euros',
  'yards',
  'points',
  'goals',
  'runs',
  'seats',
  'votes',
]);

/** The numbers, quantities and years of a text's words. */
export function findNumbers(
  words: readonly Word[],
  text: string,
  includeWeak = false,
): NumberFact[] {
  const facts: NumberFact[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i]!;
    const decade = decadeOf(word, text);
    if (decade !== null) {
      facts.push({ values: decade, from: i, to: i, kind: 'date' });
      i++;
      continue;
    }
    const start = parseStart(word);
    if (start === null) {
      i++;
      continue;
    }
    let value = start.value;
    let to = i;
    let scaled = false;
    // Compose number words and scales: "twenty five", "2.5 million", "one thousand".
    while (to + 1 < words.length) {
      const next = words[to + 1]!;
      if (text.slice(words[to]!.end, next.start).trim().replace('-', '') !== '') break;
      const scale = SCALES.get(next.norm);
      if (scale !== undefined && (next.norm.length > 2 || next.start === words[to]!.end)) {
        value *= scale;
        scaled = true;
        to++;
        continue;
      }
      const unit = UNITS.get(next.norm);
      if (!word.digits && unit !== undefined && unit < 10 && value >= 20 && value % 10 === 0) {
        value += unit;
        to++;
        continue;
      }
      break;
    }
    if (start.weak && to === i && !includeWeak) {
      i++;
      continue;
    }
    const values = scaled ? [value, start.value] : [value];
    // German, Spanish and French write thousands with dots: "1.500" may be 1500 as well as 1.5.
    if (!scaled && to === i && /^\d{1,3}(\.\d{3})+$/.test(word.norm)) {
      values.push(Number(word.norm.replaceAll('.', '')));
    }
    const before = text.slice(Math.max(0, word.start - 2), word.start);
    const after = words[to + 1];
    const isYear = word.digits && /^\d{4}$/.test(word.norm) && value >= 1800 && value <= 2100;
    const hasUnit =
      CURRENCY.test(before) ||
      text[words[to]!.end] === '%' ||
      (after !== undefined && UNIT_AFTER.has(after.norm));
    facts.push({
      values,
      from: i,
      to,
      kind: isYear ? 'date' : hasUnit ? 'quantity' : 'number',
    });
    i = to + 1;
  }
  return facts;
}

const DECADE_WORDS = table({
  twenties: 1920,
  thirties: 1930,
  forties: 1940,
  fifties: 1950,
  sixties: 1960,
  seventies: 1970,
  eighties: 1980,
  nineties: 1990,
});

/**
 * A decade, as every year in it: "1970s" is found where the source says "the seventies" or
 * names a year of it. Written out, a decade is taken for the twentieth century's, as news does.
 */
function decadeOf(word: Word, text: string): number[] | null {
  let first: number | undefined;
  if (word.digits) {
    if (/^1[89]\d0$|^20\d0$/.test(word.norm) && text[word.end] === 's') first = Number(word.norm);
  } else first = DECADE_WORDS.get(word.norm);
  if (first === undefined) return null;
  return Array.from({ length: 10 }, (_, k) => first + k);
}

function parseStart(word: Word): { value: number; weak: boolean } | null {
  if (word.digits) {
    const raw = word.norm.replaceAll(', ', ',');
    // "10:30" is a time; compare it as written.
    if (raw.includes(':')) return { value: Number(raw.replaceAll(':', '')), weak: false };
    // "1,000" and "1,000,000" are thousands; "2.5" is a decimal. Ordinals ("12th") are their number.
    const clean = /^\d{1,3}(,\d{3})+$/.test(raw) ? raw.replaceAll(',', '') : raw.replace(',', '.');
    const value = Number(clean);
    if (!Number.isFinite(value)) return null;
    return { value, weak: false };
  }
  const unit = UNITS.get(word.norm);
  if (unit !== undefined) return { value: unit, weak: false };
  const weak = WEAK_UNITS.get(word.norm);
  if (weak !== undefined) return { value: weak, weak: true };
  return null;
}
