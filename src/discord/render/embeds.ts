import type { APIEmbed, APIEmbedField } from 'discord.js';
import { inQuotationMarks } from '../../shared/quote-marks.ts';
import type { Bullet, Quote, Result } from '../../shared/schemas.ts';
import { footerParts } from './footer.ts';
import { LIMITS, truncate, truncateProse } from './limits.ts';
import { breakMentions, escapeUntrusted, safeLink } from './markdown.ts';

export interface RenderOptions {
  /** Appended to the footer, e.g. "requested by alice". */
  footerExtras?: string[];
  /** /quotes and the Key quotes button: lead with the quotes, skip the bullets. */
  quotesOnly?: boolean;
}

const ACCENT = 0x5865f2;
// Space kept free for quotes when the summary itself is huge.
const QUOTE_RESERVE = 1800;
// Discord allows 2048, but a long site name should not eat the summary's share of the 6000.
const FOOTER_CAP = Math.min(LIMITS.footerText, 300);

/**
 * The summary as Discord embeds, always inside Discord's limits: text is cut with "…" rather
 * than rejected, and quotes that do not fit are counted in a last line instead of dropped
 * silently.
 */
export function renderSummaryEmbeds(result: Result, options: RenderOptions = {}): APIEmbed[] {
  const quoteNumbers = new Map(result.quotes.map((quote, index) => [quote.id, index + 1]));
  const title = truncate(
    escapeUntrusted(result.source.title?.trim() || 'Summary'),
    LIMITS.embedTitle,
  );
  const footer = truncate(
    breakMentions(footerParts(result, options.footerExtras).join(' · ')),
    FOOTER_CAP,
  );
  const url = safeLink(result.source.url);

  const fixed = title.length + footer.length;
  const descriptionBudget = Math.min(
    LIMITS.embedDescription,
    LIMITS.embedsTotal - fixed - (result.quotes.length > 0 ? QUOTE_RESERVE : 0),
  );
  const description = truncateProse(
    describe(result, quoteNumbers, options.quotesOnly ?? false),
    descriptionBudget,
  );

  // Discord rejects an empty description, so an empty summary leaves the field out.
  const first: APIEmbed = { title, color: ACCENT, footer: { text: footer } };
  if (description) first.description = description;
  if (url) first.url = url;
  const embeds: APIEmbed[] = [first];

  let used = fixed + description.length;
  const fields = result.quotes.map((quote, index) => quoteField(quote, index + 1));
  let shown = 0;
  for (const field of fields) {
    const size = field.name.length + field.value.length;
    // Keep room for the "…and N more" line in case a later quote does not fit.
    if (used + size > LIMITS.embedsTotal - 60) break;
    let current = embeds[embeds.length - 1] as APIEmbed;
    if ((current.fields?.length ?? 0) >= LIMITS.fieldsPerEmbed) {
      if (embeds.length >= LIMITS.embedsPerMessage) break;
      current = { color: ACCENT, fields: [] };
      embeds.push(current);
    }
    current.fields = [...(current.fields ?? []), field];
    used += size;
    shown += 1;
  }
  const hidden = fields.length - shown;
  if (hidden > 0) {
    const note = `…and ${hidden} more quote${hidden === 1 ? '' : 's'} not shown here.`;
    const last = embeds[embeds.length - 1] as APIEmbed;
    // Cut the text, never the note: the reader must learn that quotes are missing.
    const room = LIMITS.embedDescription - note.length - 1;
    last.description = last.description ? `${truncate(last.description, room)}\n${note}` : note;
  }
  // The footer reads best under the last embed.
  if (embeds.length > 1) {
    delete first.footer;
    (embeds[embeds.length - 1] as APIEmbed).footer = { text: footer };
  }
  return embeds;
}

function describe(result: Result, quoteNumbers: Map<string, number>, quotesOnly: boolean): string {
  const tldr = escapeUntrusted(result.summary.tldr.trim());
  if (quotesOnly) {
    const count = result.quotes.length;
    const lead =
      count === 0
        ? 'No quote could be verified in this source.'
        : `${count} key quote${count === 1 ? '' : 's'}, each checked word for word against the source.`;
    return tldr ? `${tldr}\n\n${lead}` : lead;
  }
  const bullets = result.summary.bullets.map((bullet) => {
    const markers = bullet.quoteIds
      .map((id) => quoteNumbers.get(id))
      .filter((n): n is number => n !== undefined)
      .map((n) => evidenceMarker(n, result.quotes[n - 1]))
      .join('');
    const cite = markers || passageMarker(result, bullet);
    const weak = bullet.support === 'weak' ? ' *(weak support)*' : '';
    return `• ${escapeUntrusted(bullet.text.trim())}${cite ? ` ${cite}` : ''}${weak}`;
  });
  const style = result.meta.style;
  const body = style === 'prose' ? bullets.map((b) => b.slice(2)).join(' ') : bullets.join('\n');
  return [tldr ? `**TL;DR** ${tldr}` : '', body].filter((part) => part.length > 0).join('\n\n');
}

/**
 * A bullet without a quote points at the passage it rests on: a link to it for a web page, or
 * its opening words for pasted text and files.
 */
function passageMarker(result: Result, bullet: Bullet): string {
  const evidence = bullet.evidence?.[0];
  if (!evidence) return '';
  const link = safeLink(evidence.link, 300);
  if (link) return `[\\[source\\]](${link})`;
  const passage = result.source.text.slice(evidence.start, evidence.end);
  // A bullet that is the passage itself (the offline engine's) would only cite its own opening.
  if (sameWords(passage, bullet.text)) return '';
  const words = passage.split(/\s+/);
  const opening = words.slice(0, PASSAGE_WORDS).join(' ');
  const more = words.length > PASSAGE_WORDS ? '…' : '';
  return `(source: “${escapeUntrusted(opening)}${more}”)`;
}
const PASSAGE_WORDS = 6;

function sameWords(a: string, b: string): boolean {
  const words = (text: string) => text.trim().split(/\s+/).join(' ');
  return words(a) === words(b);
}

function evidenceMarker(n: number, quote: Quote | undefined): string {
  const link = safeLink(quote?.link, 300);
  return link ? `[\\[${n}\\]](${link})` : `\\[${n}\\]`;
}

function quoteField(quote: Quote, n: number): APIEmbedField {
  const speaker = quote.speaker ? ` — ${escapeUntrusted(quote.speaker)}` : '';
  const name = truncate(`[${n}]${speaker}`, LIMITS.fieldName);
  const link = safeLink(quote.link, 400);
  const suffix = link ? `\n[Go to passage](${link})` : '';
  const text = truncate(escapeUntrusted(quote.text), LIMITS.fieldValue - suffix.length - 2);
  return { name, value: `${inQuotationMarks(text)}${suffix}` };
}
