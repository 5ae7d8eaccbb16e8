import { UserError } from '../shared/errors.ts';
import type { ArticleDocument, SourceKind, SummarizeInput } from '../shared/schemas.ts';
import { safeText } from './extract/safe-text.ts';

export interface SourceLoaders {
  /** Fetches and extracts a link (guarded fetch -> extraction). */
  loadUrl?: (url: string, signal?: AbortSignal) => Promise<ArticleDocument>;
  /** Extracts an uploaded file (HTML, PDF, text, Markdown). */
  extractFile?: (
    file: { name: string; bytes: Uint8Array; contentType: string | null },
    signal?: AbortSignal,
  ) => Promise<ArticleDocument>;
}

/** Below this, there is nothing worth summarizing. */
const MIN_WORDS = 20;

/** Turns any input into the text the summary and the quotes will point into. */
export async function loadSource(
  input: SummarizeInput,
  loaders: SourceLoaders,
  signal?: AbortSignal,
): Promise<{ kind: SourceKind; document: ArticleDocument }> {
  const document = await loadDocument(input, loaders, signal);
  const text = normalizeText(document.text);
  const words = countWordsUpTo(text, MIN_WORDS);
  if (words === 0) throw new UserError('empty_input', 'There is no text to summarize.');
  if (words < MIN_WORDS) {
    throw new UserError(
      'empty_input',
      `The text is too short to summarize (${words} words; at least ${MIN_WORDS} are needed).`,
    );
  }
  return {
    kind: input.kind,
    document: { ...document, text, url: withoutCredentials(document.url) },
  };
}

/**
 * The link without `user:pass@`: it is shown in the title and every quote's link, and kept
 * with the cached source, so credentials in what the user pasted must not travel with it.
 */
export function withoutCredentials(url: string | null): string | null {
  if (url === null || !url.includes('@')) return url;
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/**
 * Words in the text, counted up to `limit`: splitting a 1,000,000-character text into words
 * only to learn it has twenty held the event loop for a quarter of a second.
 */
function countWordsUpTo(text: string, limit: number): number {
  const word = /\S+/g;
  let count = 0;
  while (count < limit && word.exec(text) !== null) count++;
  return count;
}

async function loadDocument(
  input: SummarizeInput,
  loaders: SourceLoaders,
  signal?: AbortSignal,
): Promise<ArticleDocument> {
  switch (input.kind) {
    case 'url':
      if (!loaders.loadUrl)
        throw new UserError(
          'invalid_input',
          'Links cannot be read in this setup; paste the text instead.',
        );
      return loaders.loadUrl(input.url, signal);
    case 'file':
      if (!loaders.extractFile)
        throw new UserError(
          'unsupported_file',
          'Files cannot be read in this setup; paste the text instead.',
        );
      return loaders.extractFile(
        { name: input.name, bytes: input.bytes, contentType: input.contentType ?? null },
        signal,
      );
    case 'text':
      return textDocument(input.text, input.title ?? null, null);
    case 'message':
      return textDocument(input.text, null, input.url ?? null);
  }
}

function textDocument(text: string, title: string | null, url: string | null): ArticleDocument {
  return { url, title, byline: null, siteName: null, lang: null, publishedAt: null, text };
}

/**
 * Unix newlines, no trailing spaces, at most one blank line between paragraphs, and no
 * control or invisible formatting characters (pasted text too, not only extracted text).
 */
export function normalizeText(text: string): string {
  return safeText(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
