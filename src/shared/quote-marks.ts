/** Marks that open or close a quotation, in the languages summaries are written in. */
const OPENING = /^["“„«‹‘‚「『]/u;
const CLOSING = /["”“»›’‘'」』]$/u;

/**
 * Wraps a verbatim quote in “ ” unless it already carries its own marks: a quote that begins
 * with the source's quotation mark would otherwise read `““We did not…”`. A closing mark is
 * left out only when the quote opened with its own (else a final apostrophe would count).
 */
export function inQuotationMarks(text: string): string {
  if (!OPENING.test(text)) return `“${text}”`;
  return CLOSING.test(text) ? text : `${text}”`;
}
