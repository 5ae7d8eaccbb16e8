import { escapeMarkdown } from 'discord.js';

/**
 * Article and model text is data, not formatting: escape markdown, neutralise masked links
 * and headings (an article saying "[paypal.com](https://evil)" must not become a link), and
 * break mentions so they do not even render as pings (allowedMentions stops the ping itself).
 */
export function escapeUntrusted(text: string): string {
  return (
    escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true })
      // Every "[" escaped is simpler and stricter than spotting masked links.
      .replace(/\[/g, '\\[')
      .replace(/^(\s*)-# /gm, '$1\\-# ')
      .replace(/@(everyone|here)/g, '@\u200b$1')
      .replace(/<(@[!&]?|#)(\d+)>/g, '<$1\u200b$2>')
  );
}

/** For places that render mentions but not markdown (embed footers, author names). */
export function breakMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/g, '@\u200b$1')
    .replace(/<(@[!&]?|#)(\d+)>/g, '<$1\u200b$2>');
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
