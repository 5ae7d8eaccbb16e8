import { getDocumentProxy, getMeta } from 'unpdf';
import { UserError } from '../../shared/errors.ts';
import type { ArticleDocument } from '../../shared/schemas.ts';
import { EXTRACT_LIMITS, tooComplex } from './limits.ts';
import { pdfStreamsWithin } from './pdf-streams.ts';
import { dropPrintedFurniture, printedDate, reflowLines } from './pdf-text.ts';

// pdf.js's level for errors only: its warnings ("getHexString…", dozens for a file that is not
// really a PDF) would otherwise go straight to the terminal and the bot's stdout.
const PDFJS_ERRORS_ONLY = 0;

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
  // Readers accept the header anywhere in the first kilobyte; a saved web page has none.
  if (!Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) {
    throw new UserError(
      'could_not_read',
      'could not read this file: it is named or sent as a PDF but is not one',
      { reason: 'not_pdf' },
    );
  }
  if (!pdfStreamsWithin(bytes, limits.pdfMaxDecodedBytes)) throw tooComplex('pdf_streams', 'PDF');
  let pages: string[][];
  let pageCount = 0;
  let info: Record<string, unknown> = {};
  try {
    // pdf.js transfers (detaches) the buffer it is given; the caller's bytes stay usable.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: PDFJS_ERRORS_ONLY });
    try {
      pageCount = pdf.numPages;
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
  const byline = metaString(info.Author);
  const lines = pages.map((page) => reflowLines(page));
  const title = usefulTitle(metaString(info.Title)) ?? firstLine(lines.flat());
  const text = lines
    .map((paragraphs) => dropPrintedFurniture(paragraphs, { byline }).join('\n\n'))
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
    title,
    byline,
    siteName: null,
    lang: metaString(info.Language),
    publishedAt: printedDate(lines.flat()),
    text,
    ...(pages.length < pageCount
      ? { notes: [`Only the first ${pages.length} of ${pageCount} pages were read.`] }
      : {}),
  };
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/** Each page's lines, up to the page and text caps. */
async function readPages(pdf: PdfDocument, limits: typeof EXTRACT_LIMITS): Promise<string[][]> {
  const pages: string[][] = [];
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
    pages.push(text.replace(/\r\n?/g, '\n').split('\n'));
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

function firstLine(paragraphs: string[]): string | null {
  const line = paragraphs[0]?.trim();
  return line && line.length <= 120 ? line : null;
}
