import { EXTRACT_LIMITS } from '../../core/extract/limits.ts';

/** Discord's hard limits; a message over any of them is rejected with error 50035. */
export const LIMITS = {
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fieldsPerEmbed: 25,
  footerText: 2048,
  /** Across every embed of one message: titles, descriptions, fields, footers, authors. */
  embedsTotal: 6000,
  embedsPerMessage: 10,
  content: 2000,
  customId: 100,
  modalTextInput: 4000,
  /** Longest string option (/summarize text:); longer text goes through the modal or a file. */
  stringOption: 6000,
} as const;

/** The largest attachment Precis downloads: the same cap as a file given to the CLI. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = EXTRACT_LIMITS.maxFileBytes;

/**
 * Like truncate, but prose is cut after the last whole word when one ends near the limit, so
 * a reader never sees half a word before the ellipsis.
 */
export function truncateProse(text: string, max: number): string {
  const cut = truncate(text, max);
  if (cut === text) return cut;
  const space = cut.lastIndexOf(' ');
  return space >= max - 40 ? `${cut.slice(0, space + 1)}…` : cut;
}

/** Cuts `text` to at most `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = text.slice(0, max - 1);
  // Never leave half a surrogate pair, which Discord counts and renders as garbage.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  // A trailing backslash would escape the ellipsis and can split an escape sequence.
  cut = cut.replace(/\\+$/, '');
  return `${cut}…`;
}
