/**
 * A source's text in shared memory, UTF-8. Every task of a job's checks (quotes, claims, the
 * final grounding) carries the same buffer to the worker without copying it: cloning a
 * 1,000,000-character string into a message holds the posting thread for 10-25 ms on the
 * 2-core development machine, once per task.
 */
export interface SharedText {
  /** Tells the worker it has decoded this text before. */
  id: number;
  bytes: SharedArrayBuffer;
  byteLength: number;
}

/** Characters encoded between two pauses: well under a millisecond of work. */
const CHUNK_CHARS = 64 * 1024;

let nextId = 1;

/**
 * The text in shared memory, encoded a chunk at a time with `pause` between chunks. A text
 * with a lone surrogate cannot round-trip through UTF-8 (it would come back as U+FFFD), so it
 * is sent as a string, copied with each task.
 */
export async function shareText(
  text: string,
  pause: () => Promise<void>,
): Promise<SharedText | string> {
  if (!isWellFormed(text)) return text;
  // At most 3 bytes per UTF-16 code unit (a surrogate pair is 4 bytes for 2 units).
  const bytes = new SharedArrayBuffer(text.length * 3);
  const view = new Uint8Array(bytes);
  const encoder = new TextEncoder();
  let written = 0;
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + CHUNK_CHARS);
    // Never split a surrogate pair between two chunks.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    written += encoder.encodeInto(text.slice(at, end), view.subarray(written)).written;
    at = end;
    if (at < text.length) await pause();
  }
  return { id: nextId++, bytes, byteLength: written };
}

export function readSharedText(shared: SharedText): string {
  return Buffer.from(shared.bytes, 0, shared.byteLength).toString('utf8');
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isWellFormed(text: string): boolean {
  // String.prototype.isWellFormed (Node 20) is not in the ES2023 lib types yet.
  const check = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return check ? check.call(text) : !/\p{Surrogate}/u.test(text);
}
