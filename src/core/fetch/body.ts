import { Duplex, Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { UserError } from '../../shared/errors.ts';
import { inert } from '../inert.ts';

/**
 * Reads a response body, decoding gzip/deflate/br ourselves and counting DECODED bytes, so a
 * 50 KB gzip bomb stops at the cap instead of inflating to gigabytes (undici's
 * maxResponseSize counts wire bytes). zlib streams honour backpressure, so stopping early
 * also stops the inflating.
 */
export async function readBody(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
  signal: AbortSignal,
  url: string,
): Promise<Uint8Array> {
  const decoders = createDecoders(contentEncoding, url);
  const chunks: Buffer[] = [];
  let total = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total > maxBytes) return callback(tooLarge(url, maxBytes));
      chunks.push(chunk);
      callback();
    },
  });
  await pipeline([body, ...decoders, sink], { signal });
  // A fresh array, not Buffer.concat: small Buffers share a pooled ArrayBuffer with other data.
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

export function tooLarge(url: string, maxBytes: number): UserError {
  return new UserError('too_large', `the page is larger than ${formatSize(maxBytes)}`, {
    url,
    maxBytes,
  });
}

function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

// Truncated compressed bodies are common in the wild; browsers keep what decoded so far.
const LENIENT = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };

function createDecoders(contentEncoding: string | undefined, url: string): Duplex[] {
  const codings = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
    .filter((coding) => coding !== '' && coding !== 'identity');
  // Codings are listed in the order they were applied, so undo them from the last.
  return codings.reverse().map((coding) => {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return zlib.createGunzip(LENIENT);
      case 'deflate':
        return Duplex.from(inflateEitherWay);
      case 'br':
        return zlib.createBrotliDecompress({
          flush: zlib.constants.BROTLI_OPERATION_FLUSH,
          finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
        });
      default:
        throw new UserError(
          'fetch_failed',
          `the site sent the page compressed as ${inert(coding, 40)}, which Precis cannot decode`,
          { url, contentEncoding },
        );
    }
  });
}

/**
 * "deflate" should mean zlib-wrapped, but many servers send raw deflate, and browsers accept
 * both: like them, look at the first two bytes (a zlib header is CM=8 and a multiple of 31)
 * and inflate accordingly. Iterating the inflater keeps zlib's backpressure, so the cap on
 * decoded bytes still stops a bomb early.
 */
async function* inflateEitherWay(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  while (head.length < 2) {
    const next = await iterator.next();
    if (next.done) break;
    head = Buffer.concat([head, next.value]);
  }
  if (head.length === 0) return;
  const zlibWrapped =
    head.length >= 2 && ((head[0] as number) & 0x0f) === 8 && head.readUInt16BE(0) % 31 === 0;
  const inflater = zlibWrapped ? zlib.createInflate(LENIENT) : zlib.createInflateRaw(LENIENT);
  async function* replay() {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const input = Readable.from(replay());
  input.on('error', (error) => inflater.destroy(error));
  input.pipe(inflater);
  try {
    yield* inflater as AsyncIterable<Buffer>;
  } finally {
    input.destroy();
    inflater.destroy();
  }
}

/**
 * Drops a body we will not read. undici's BodyReadable emits an AbortError when destroyed
 * before it was consumed, which would be an uncaught 'error' without a listener.
 */
export function discardBody(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}
