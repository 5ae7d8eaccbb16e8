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
    usableLabel(options.charset, 'transport') ??
    (options.sniffMeta ? usableLabel(sniffMetaCharset(bytes), 'meta') : null);
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

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/**
 * A label TextDecoder knows, or null. WHATWG rules: from the HTTP header, "utf-16" means
 * UTF-16LE (TextDecoder maps it so); in a meta tag a UTF-16 label means UTF-8, since the tag
 * was just read as ASCII.
 */
function usableLabel(label: string | null | undefined, from: 'transport' | 'meta'): string | null {
  if (!label) return null;
  const clean = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!clean) return null;
  try {
    const encoding = new TextDecoder(clean).encoding;
    if (from === 'transport') return encoding;
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return null;
  }
}

/** `<meta charset=x>` or `<meta http-equiv="Content-Type" content="…; charset=x">`. */
function sniffMetaCharset(bytes: Uint8Array): string | null {
  // latin1 maps every byte to one char, so ASCII markup survives whatever the real encoding is.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  return null;
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*["']?([^;"'\s]+)/i.exec(contentType);
  return match?.[1] ?? null;
}

/**
 * Text that is really binary: a NUL (no text format uses it), or more than one character in
 * twenty that is a control other than whitespace and ESC, or a decoding failure. Random
 * bytes score about one in eight; a text with terminal colours or a few stray BEL characters
 * passes and is cleaned later.
 */
export function looksBinary(text: string): boolean {
  if (text.includes('\0')) return true;
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: counting controls is the point
  const odd = sample.match(/[\u0001-\u0008\u000e-\u001a\u001c-\u001f\u007f-\u009f\ufffd]/g);
  return (odd?.length ?? 0) * 20 > sample.length;
}
