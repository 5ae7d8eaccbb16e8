import { inQuotationMarks } from '../../shared/quote-marks.ts';
import type { Result } from '../../shared/schemas.ts';
import { footerParts } from './footer.ts';
import { LIMITS, truncate } from './limits.ts';
import { escapeUntrusted, safeLink } from './markdown.ts';

/**
 * The summary as one plain message, for channels where the bot lacks Embed Links. Links are
 * wrapped in <> so Discord does not try to unfurl them (which it would not be allowed to).
 */
export function renderSummaryText(result: Result, options: { quotesOnly?: boolean } = {}): string {
  const title = escapeUntrusted(result.source.title?.trim() || 'Summary');
  const link = safeLink(result.source.url);
  const head = `**${truncate(title, 200)}**${link ? ` <${link}>` : ''}`;
  // Subtext renders markdown, and the site name and source notes come from the source.
  const footer = `-# ${escapeUntrusted(footerParts(result).join(' · '))}`;
  const lines: string[] = [];
  if (result.summary.tldr.trim()) lines.push(escapeUntrusted(result.summary.tldr.trim()));
  if (!options.quotesOnly) {
    for (const bullet of result.summary.bullets)
      lines.push(`• ${escapeUntrusted(bullet.text.trim())}`);
  }
  result.quotes.forEach((quote, index) => {
    const speaker = quote.speaker ? ` — ${escapeUntrusted(quote.speaker)}` : '';
    lines.push(`> [${index + 1}] ${inQuotationMarks(escapeUntrusted(quote.text))}${speaker}`);
  });
  const budget = LIMITS.content - head.length - footer.length - 4;
  const body = truncate(lines.join('\n'), Math.max(0, budget));
  return truncate([head, body, footer].join('\n'), LIMITS.content);
}
