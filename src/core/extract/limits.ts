import { stat } from 'node:fs/promises';
import { UserError } from '../../shared/errors.ts';

/**
 * How much one extraction may read and spend. Files are capped before they are read, as the
 * fetcher caps pages at 5 MB; PDFs are capped again after decoding, since a few hundred
 * kilobytes can inflate to gigabytes.
 */
export const EXTRACT_LIMITS = {
  /** Files from the CLI or Discord attachments (the bot's attachment cap is the same 8 MB). */
  maxFileBytes: 8 * 1024 * 1024,
  /** Wall-clock time one HTML or PDF extraction may take in its worker before it is ended. */
  timeLimitMs: 15_000,
  /** V8 heap of one extraction worker; a parse that needs more is ended. */
  workerHeapMb: 320,
  /**
   * Pages waiting for a worker beyond those being read. A flood of links past this is turned
   * away at once ("busy") instead of queueing without bound, each waiting page holding its
   * bytes in memory and its job's deadline running.
   */
  maxQueue: 64,
  pdfMaxPages: 200,
  /** Decoded bytes of all compressed PDF streams together. */
  pdfMaxDecodedBytes: 64 * 1024 * 1024,
  /** Characters of text kept from any one document (about 150,000 words). */
  maxTextChars: 1_000_000,
};

/** `name` null: standard input. */
function fileTooLarge(name: string | null, size: number, max = EXTRACT_LIMITS.maxFileBytes) {
  const what = name === null ? 'standard input' : `the file "${name}"`;
  return new UserError('too_large', `${what} is larger than ${formatMb(max)}`, {
    fileName: name,
    size,
    maxBytes: max,
  });
}

/** Throws before a byte is read when the file is over the cap (or not a regular file). */
export async function assertFileReadable(path: string, name: string): Promise<void> {
  const info = await stat(path);
  if (!info.isFile()) {
    throw new UserError('unsupported_file', `"${name}" is not a regular file`, { fileName: name });
  }
  if (info.size > EXTRACT_LIMITS.maxFileBytes) throw fileTooLarge(name, info.size);
}

export type TooComplexReason = 'time_limit' | 'memory' | 'nesting' | 'pdf_streams';

export function tooComplex(reason: TooComplexReason, what: 'page' | 'PDF' = 'page') {
  return new UserError('too_complex', `this ${what} is too complex to read`, { reason });
}

function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** A stream read to the end unless it passes the file cap (standard input has no size to stat). */
export async function readCapped(
  stream: AsyncIterable<Uint8Array | string>,
  name: string | null,
  max = EXTRACT_LIMITS.maxFileBytes,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += bytes.length;
    if (size > max) throw fileTooLarge(name, size, max);
    chunks.push(bytes);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
