import { constants, inflateSync } from 'node:zlib';

/**
 * The bytes a PDF's Flate streams inflate to, counted before pdf.js decodes them: pdf.js has
 * no limit of its own, and one 640 kB stream can hold 300 MB of page content that it then
 * parses for minutes. Returns false as soon as the total passes `maxBytes`. Images are
 * skipped (they are never decoded for text); streams it cannot find or inflate are left to
 * pdf.js, which the worker's time and memory limits still bound.
 */
export function pdfStreamsWithin(bytes: Uint8Array, maxBytes: number): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('latin1');
  let total = 0;
  let from = 0;
  for (;;) {
    const at = text.indexOf('stream', from);
    if (at === -1) return true;
    from = at + 6;
    if (text.startsWith('end', at - 3)) continue;
    const eol = text.charCodeAt(from) === 13 ? (text.charCodeAt(from + 1) === 10 ? 2 : 1) : 1;
    if (text.charCodeAt(from) !== 10 && text.charCodeAt(from) !== 13) continue;
    const dict = text.slice(Math.max(0, at - 2048), at);
    const dictStart = dict.lastIndexOf(' obj');
    const header = dictStart === -1 ? dict : dict.slice(dictStart);
    if (!header.includes('/FlateDecode') || /\/Subtype\s*\/Image/.test(header)) continue;
    const start = from + eol;
    const end = text.indexOf('endstream', start);
    if (end === -1) return true;
    from = end + 9;
    try {
      total += inflateSync(buffer.subarray(start, end), {
        maxOutputLength: maxBytes - total + 1,
        finishFlush: constants.Z_SYNC_FLUSH,
      }).length;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return false;
      continue; // damaged or not really Flate: pdf.js decides
    }
    if (total > maxBytes) return false;
  }
}
