import { getDocumentProxy, getMeta } from 'unpdf';
import { UserError } from '../../shared/errors.ts';
import type { ArticleDocument } from '../../shared/schemas.ts';
import { EXTRACT_LIMITS, tooComplex } from './limits.ts';
import { pdfStreamsWithin } from './pdf-streams.ts';

/**
 * PDF -> text, one page after another separated by a blank line. Pages are read one at a
 * time up to a page cap and a text cap (a 20,000-page file stops at the cap); the text of a
 * longer file is its beginning.
 */
export async function extractPdf(
  bytes: Uint8Array,
  url: string | null,
  limits = EXTRACT_LIMITS,
): Promise<ArticleDocument> {
  if (!pdfStreamsWithin(bytes, limits.pdfMaxDecodedBytes)) throw tooComplex('pdf_streams', 'PDF');
  let pages: string[];
  let info: Record<string, unknown> = {};
  try {
    // pdf.js transfers (detaches) the buffer it is given; the caller's bytes stay usable.
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    try {
      pages = await readPages(pdf, limits);
      info = await getMeta(pdf)
        .then((meta) => meta.info ?? {})
        .catch(() => ({}));
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    throw new UserError(
      'could_not_read',
      'could not read this file: the PDF is damaged or password-protected',
      { reason: 'bad_pdf' },
      { cause: error },
    );
  }
  const text = pages
    .map((page) =>
      page
        .replace(/\r\n?/g, '\n')
        .replace(/[ \t]+\n/g, '\n')
        .trim(),
    )
    .filter(Boolean)
    .join('\n\n');
  if (text.replace(/\s+/g, '').length < 20) {
    throw new UserError(
      'could_not_read',
      'could not read this file: the PDF has no text layer (it may be a scan)',
      { reason: 'no_text_layer' },
    );
  }
  return {
    url,
    title: usefulTitle(metaString(info.Title)) ?? firstLine(text),
    byline: metaString(info.Author),
    siteName: null,
    lang: metaString(info.Language),
    publishedAt: pdfDate(info.CreationDate),
    text,
  };
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

async function readPages(pdf: PdfDocument, limits: typeof EXTRACT_LIMITS): Promise<string[]> {
  const pages: string[] = [];
  let chars = 0;
  const last = Math.min(pdf.numPages, limits.pdfMaxPages);
  for (let number = 1; number <= last && chars < limits.maxTextChars; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    page.cleanup();
    let text = '';
    for (const item of content.items) {
      if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    }
    if (chars + text.length > limits.maxTextChars)
      text = text.slice(0, limits.maxTextChars - chars);
    chars += text.length;
    pages.push(text);
  }
  return pages;
}

function metaString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** Word processors fill Title with the file name ("Microsoft Word - draft3.docx"). */
function usefulTitle(title: string | null): string | null {
  if (!title) return null;
  if (
    /^(?:microsoft (?:word|powerpoint) - |untitled\b|document\d*$)|\.(?:docx?|pdf|odt|pages|rtf|pptx?)$/i.test(
      title,
    )
  ) {
    return null;
  }
  return title;
}

function firstLine(text: string): string | null {
  const line = text.split('\n')[0]?.trim();
  return line && line.length <= 120 ? line : null;
}

/** PDF dates look like D:20240305120000+01'00'. */
function pdfDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'string') return null;
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value);
  if (!m) return null;
  const zone =
    !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const iso = `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
