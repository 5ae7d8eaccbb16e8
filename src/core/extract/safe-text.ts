import type { ArticleDocument } from '../../shared/schemas.ts';

/**
 * Characters a reader never sees but a terminal or a renderer obeys: C0 and C1 controls other
 * than tab and newline (ESC starts terminal sequences, BEL, backspace), DEL, bidi embeddings,
 * overrides and isolates (they reorder what is displayed), and zero-width characters and
 * invisible operators. Removed from the extracted text itself, so quotes — which must be the
 * source's own characters — are checked against what a reader sees. Carriage returns go too:
 * the text uses \n only. ZWJ and ZWNJ are kept: emoji sequences and Persian, Arabic and Indic
 * scripts need them to spell words.
 */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching controls is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u206a-\u206f\ufeff\ufff9-\ufffb]/g;

// One UNSAFE test before the replace: most documents have none and keep their string.
const HAS_UNSAFE = new RegExp(UNSAFE.source);

export function safeText(text: string): string {
  return HAS_UNSAFE.test(text) ? text.replace(/\r\n?/g, '\n').replace(UNSAFE, '') : text;
}

/** Single-line fields (title, byline, …): also no newlines or tabs. */
function safeLine(text: string | null): string | null {
  if (text === null) return null;
  const line = safeText(text).replace(/\s+/g, ' ').trim();
  return line || null;
}

export function safeDocument(document: ArticleDocument): ArticleDocument {
  return {
    ...document,
    title: safeLine(document.title),
    byline: safeLine(document.byline),
    siteName: safeLine(document.siteName),
    lang: safeLine(document.lang),
    publishedAt: safeLine(document.publishedAt),
    text: safeText(document.text),
    ...(document.posters
      ? { posters: document.posters.flatMap((name) => safeLine(name) ?? []) }
      : {}),
  };
}
