import { UserError } from '../../shared/errors.ts';
import type { ArticleDocument } from '../../shared/schemas.ts';
import { charsetFromContentType } from './decode.ts';
import { safeDocument } from './safe-text.ts';
import {
  decodeText,
  type ExtractionRunner,
  type ExtractTask,
  type Kind,
  nonEmpty,
} from './task.ts';
import { extractPlainText } from './text.ts';

export type { ExtractionRunner, ExtractTask, Kind } from './task.ts';

export type ExtractInput = {
  bytes: Uint8Array;
  /** The Content-Type header or the attachment's type; parameters allowed. */
  contentType: string | null;
  charset?: string | null;
  url: string | null;
  fileName?: string | null;
};

export interface ExtractOptions {
  /** Without one, everything is extracted inline (tests, benchmarks). */
  pool?: ExtractionRunner | null;
  /** The job's deadline: it ends the extraction too. */
  signal?: AbortSignal;
}

/** Bytes of a page or file -> ArticleDocument, or a UserError saying why it is not an article. */
export async function extractDocument(
  input: ExtractInput,
  options: ExtractOptions = {},
): Promise<ArticleDocument> {
  const task: ExtractTask = {
    kind: detectKind(input),
    bytes: input.bytes,
    charset: input.charset ?? charsetFromContentType(input.contentType),
    url: input.url,
  };
  // Plain text is one linear pass: not worth a thread hop.
  const pool = task.kind === 'text' ? null : options.pool;
  return pool ? pool.run(task, options.signal) : safeDocument(await extractTask(task));
}

/**
 * One document of a known kind, on this thread. The caller passes it through safeDocument
 * (the worker does it there, so the main thread never scans a large text).
 */
async function extractTask(task: ExtractTask): Promise<ArticleDocument> {
  const { bytes, charset, url } = task;
  switch (task.kind) {
    // The HTML and PDF parsers cost tens of MB; load them on first use, not at startup.
    case 'pdf':
    case 'html':
    case 'markdown': {
      const { extractCostly } = await import('./costly-kinds.ts');
      return extractCostly(task);
    }
    case 'text':
      return nonEmpty(extractPlainText(decodeText(bytes, charset), url));
  }
}

function detectKind(input: Pick<ExtractInput, 'bytes' | 'contentType' | 'url' | 'fileName'>): Kind {
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
