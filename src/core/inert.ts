/**
 * A value a server, a site or a model controls (a header, a Location, a refusal, a host name),
 * made safe to embed in a message shown in Discord or a terminal: shortened, stripped of
 * control characters, line breaks and backticks, and wrapped in a code span. Inside a code span
 * Discord renders no masked link, heading or mention, and without backticks the span cannot be
 * closed early; without control characters a terminal cannot be driven by escape sequences.
 */
export function inert(value: string, maxLength = 80): string {
  const flat = Array.from(
    value
      // Control and format characters (C0, C1, DEL, zero-width, bidi overrides), separators.
      .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ')
      .replace(/`/g, "'")
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const short =
    flat.length > maxLength ? `${flat.slice(0, maxLength - 1).join('')}…` : flat.join('');
  return short === '' ? '(empty)' : `\`${short}\``;
}
