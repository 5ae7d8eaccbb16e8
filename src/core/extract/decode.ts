/**
 * Bytes -> string for HTML and text. The order follows the HTML standard's encoding sniffing,
 * simplified: a byte order mark is unambiguous so it wins, then the HTTP charset, then a
 * <meta> charset in the first bytes, then UTF-8 — and windows-1252 when the bytes are not
 * valid UTF-8 (old pages that declare nothing are almost always Latin-1 family).
 */

const SNIFF_BYTES = 2048;

export function decodeBytes(
  bytes: Uint8Array,
  options: { charset?: string | null; sniffMeta?: boolean } = {},
): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);

  const declared =
    usableLabel(options.charset) ??
    (options.sniffMeta ? usableLabel(sniffMetaCharset(bytes)) : null);
  if (declared) return decodeAs(declared, bytes);

  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

function decodeAs(encoding: string, bytes: Uint8Array): string {
  return encoding === 'windows-1252'
    ? decodeWindows1252(bytes)
    : new TextDecoder(encoding).decode(bytes);
}

// Node 20's TextDecoder decodes "windows-1252" (and so "iso-8859-1", its WHATWG alias) as
// plain Latin-1, turning curly quotes and dashes in 0x80–0x9F into control characters.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}
