import { dropBoilerplate } from './drop-boilerplate.ts';

/**
 * A PDF page's lines as a reader sees them: hard line breaks reflowed into paragraphs (so a
 * quote reads, matches and links as one run of words), and the furniture a printed web page
 * carries (cookie buttons, ad labels, promotions) dropped by the same rules as HTML.
 */

// A line this much shorter than the page's measure ends its paragraph.
const SHORT_LINE = 0.75;
// Below this measure the lines are a table, a list of names or a poem: they stay lines.
const MIN_MEASURE = 30;
// Fewer lines than this give no measure to judge by: a heading and one line stay apart.
const MIN_LINES = 3;
const LIST_ITEM = /^(?:[•·▪◦*\-–—]\s|\d{1,3}[.)]\s)/;

/** One page's lines (blank ones included) -> its paragraphs. */
export function reflowLines(lines: readonly string[]): string[] {
  const trimmed = lines.map((line) => line.replace(/\s+/g, ' ').trim());
  const lengths = trimmed.filter(Boolean).map((line) => line.length);
  const measure = percentile(lengths, 0.9);
  if (measure < MIN_MEASURE || lengths.length < MIN_LINES) return trimmed.filter(Boolean);
  const paragraphs: string[] = [];
  let current = '';
  const close = () => {
    if (current) paragraphs.push(current);
    current = '';
  };
  for (const line of trimmed) {
    if (!line) {
      close();
      continue;
    }
    if (LIST_ITEM.test(line)) close();
    current = current ? joinLine(current, line) : line;
    if (line.length < SHORT_LINE * measure) close();
  }
  close();
  return paragraphs;
}

/** "exam-" + "ple" -> "example"; a hyphen before a capital or a digit is kept. */
function joinLine(before: string, line: string): string {
  if (/\p{Ll}-$/u.test(before) && /^\p{Ll}/u.test(line)) return before.slice(0, -1) + line;
  return `${before} ${line}`;
}

function percentile(values: number[], at: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(at * sorted.length))] ?? 0;
}

// Consent buttons as a print shows them: "Accept all", "Manage", "Reject all" on one line.
const CONSENT_BUTTONS =
  /^(?:(?:accept|reject|allow|deny|decline|manage|agree|i agree|got it|ok|okay)(?: all)?(?: cookies| preferences| settings| options| choices)?[\s|·•]*)+$/i;
const PROMOTION = /\b(?:advertisement|sponsored)\b|\b(?:get|save)\s+\d{1,3}\s?% off\b/i;
const SHORT = 160;

/** Paragraphs minus a printed page's furniture, judged like HTML's blocks. */
export function dropPrintedFurniture(
  paragraphs: readonly string[],
  context: { byline: string | null },
): string[] {
  const blocks = paragraphs
    .filter(
      (text) => !(text.length <= SHORT && (CONSENT_BUTTONS.test(text) || PROMOTION.test(text))),
    )
    .map((text) => ({ text, item: LIST_ITEM.test(text), heading: false }));
  // No title: a PDF's heading is its own text, not a copy a web page template added.
  return dropBoilerplate(blocks, { title: null, byline: context.byline }).map(
    (block) => block.text,
  );
}

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const DATE_PATTERNS = [
  /\b(\d{4})-(\d{2})-(\d{2})\b/,
  new RegExp(`\\b(\\d{1,2})\\s+(${MONTHS})[a-z]*\\.?\\s+(\\d{4})\\b`, 'i'),
  new RegExp(`\\b(${MONTHS})[a-z]*\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i'),
];
const DATE_LINES = 12;

/**
 * The date the document prints near its top ("Published 5 March 2024"), or null. Not the
 * file's CreationDate: that is when it was printed or exported, not when it was written.
 */
export function printedDate(paragraphs: readonly string[]): string | null {
  for (const paragraph of paragraphs.slice(0, DATE_LINES)) {
    if (paragraph.length > SHORT) continue;
    const iso = dateIn(paragraph);
    if (iso) return iso;
  }
  return null;
}

function dateIn(text: string): string | null {
  const [isoDate, dayFirst, monthFirst] = DATE_PATTERNS;
  let m = isoDate?.exec(text);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = dayFirst?.exec(text);
  if (m) return isoOf(Number(m[3]), monthOf(m[2]), Number(m[1]));
  m = monthFirst?.exec(text);
  if (m) return isoOf(Number(m[3]), monthOf(m[1]), Number(m[2]));
  return null;
}

function monthOf(name: string | undefined): number {
  return MONTHS.split('|').indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1;
}

function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day ? date.toISOString() : null;
}
