import { UserError } from '../errors.ts';
import type { ArticleDocument } from '../schemas.ts';
import { charsetFromContentType, decodeBytes } from './decode.ts';
import { extractMarkdown, extractPlainText } from './text.ts';

export type ExtractInput = {
  bytes: Uint8Array;
  /** The Content-Type header or the attachment's type; parameters allowed. */
  contentType: string | null;
  charset?: string | null;
  url: string | null;
  fileName?: string | null;
};

type Kind = 'html' | 'pdf' | 'text' | 'markdown';

/** Bytes of a page or file -> ArticleDocument, or a UserError saying why it is not an article. */
export async function extractDocument(input: ExtractInput): Promise<ArticleDocument> {
  const kind = detectKind(input);
  const charset = input.charset ?? charsetFromContentType(input.contentType);
  switch (kind) {
    // The HTML and PDF parsers cost tens of MB; load them on first use, not at startup.
    case 'pdf': {
      const { extractPdf } = await import('./pdf.ts');
      return extractPdf(input.bytes, input.url);
    }
    case 'html': {
      const { extractHtml } = await import('./html.ts');
      return extractHtml(decodeBytes(input.bytes, { charset, sniffMeta: true }), input.url);
    }
    case 'markdown':
      return nonEmpty(extractMarkdown(decodeBytes(input.bytes, { charset }), input.url));
    case 'text':
      return nonEmpty(extractPlainText(decodeBytes(input.bytes, { charset }), input.url));
  }
}

export function detectKind(
  input: Pick<ExtractInput, 'bytes' | 'contentType' | 'url' | 'fileName'>,
): Kind {
  const type = (input.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const ext = extension(input.fileName) ?? (input.fileName ? null : extension(pathOf(input.url)));

  // Servers label PDFs as HTML or octet-stream often enough; the magic bytes do not lie.
  if (
    type === 'application/pdf' ||
    type === 'application/x-pdf' ||
    startsWith(input.bytes, '%PDF-')
  ) {
    return 'pdf';
  }
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/markdown' || type === 'text/x-markdown') return 'markdown';
  // Chat apps and some servers call every text file text/plain; the name says more.
  if (type === 'text/plain') {
    if (ext === 'md' || ext === 'markdown') return 'markdown';
    if (input.fileName && (ext === 'html' || ext === 'htm')) return 'html';
    return 'text';
  }

  // No type, or a generic one: trust the file name, then the first bytes.
  if (type === '' || type === 'application/octet-stream' || type === 'binary/octet-stream') {
    if (ext === 'pdf') return 'pdf';
    if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
    if (ext === 'md' || ext === 'markdown') return 'markdown';
    if (ext === 'txt' || ext === 'text') return 'text';
    if (looksLikeHtml(input.bytes)) return 'html';
  }
  throw unsupported(type, input);
}

function unsupported(type: string, input: Pick<ExtractInput, 'url' | 'fileName'>): UserError {
  const media = /^(image|video|audio)\//.exec(type)?.[1];
  // A link to a video or an image is "not an article"; an attached file of the wrong kind is unsupported.
  if (input.url && !input.fileName && (media || type === '' || type.includes('octet-stream'))) {
    const what = media ? `an ${media === 'image' ? 'image' : `${media} file`}` : 'a binary file';
    return new UserError('not_article', `this link is not an article: it points to ${what}`, {
      contentType: type || null,
    });
  }
  return new UserError(
    'unsupported_file',
    'this file type is not supported; send HTML, PDF, text or Markdown',
    {
      contentType: type || null,
      fileName: input.fileName ?? null,
    },
  );
}

function nonEmpty(document: ArticleDocument): ArticleDocument {
  if (!document.text.trim()) {
    throw new UserError('could_not_read', 'could not read this file: it is empty', {
      reason: 'empty',
    });
  }
  return document;
}

function extension(name: string | null | undefined): string | null {
  const match = /\.([a-z0-9]{1,8})$/i.exec(name ?? '');
  return match?.[1]?.toLowerCase() ?? null;
}

function pathOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<head');
}
