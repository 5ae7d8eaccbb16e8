/**
 * Article and model text is data, not formatting: escape markdown, neutralise masked links
 * and headings (an article saying "[paypal.com](https://evil)" must not become a link), and
 * break mentions so they do not even render as pings (allowedMentions stops the ping itself).
 *
 * One linear pass of simple patterns on purpose: discord.js's escapeMarkdown takes ~80 ms on
 * 10,000 characters, which would stall the event loop (and every acknowledgement) under load.
 */
export function escapeUntrusted(text: string): string {
  return breakMentions(
    text
      // Discord drops a backslash before any punctuation, so escaping shows the same characters.
      .replace(/[\\*_~`|[]/g, '\\$&')
      // Block markup only counts at the start of a line: quotes, headings, subtext, lists.
      .replace(
        /^([ \t]*)(>|#{1,3}[ \t]|-#[ \t]|[-+][ \t]|\d+\.[ \t])/gm,
        (_match, indent: string, marker: string) =>
          /^\d/.test(marker) ? `${indent}${marker.replace('.', '\\.')}` : `${indent}\\${marker}`,
      ),
  );
}

/** For places that render mentions but not markdown (embed footers, author names). */
export function breakMentions(text: string): string {
  return text.replace(/@(everyone|here)/g, '@\u200b$1').replace(/<(@[!&]?|#|\/|t:)/g, '<\u200b$1');
}

/**
 * A link Discord will accept as an embed url or masked-link target, or null. Parentheses and
 * spaces are percent-encoded so a text fragment cannot close the masked link early.
 */
export function safeLink(url: string | null | undefined, maxLength = 1000): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const encoded = parsed.href
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/ /g, '%20')
    .replace(/</g, '%3C')
    .replace(/>/g, '%3E');
  return encoded.length <= maxLength ? encoded : null;
}
