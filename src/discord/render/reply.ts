import type { InteractionEditReplyOptions } from 'discord.js';
import type { Result } from '../../shared/schemas.ts';
import { buildSummaryComponents } from './components.ts';
import type { SummaryState } from './custom-ids.ts';
import { renderSummaryEmbeds } from './embeds.ts';
import { renderSummaryText } from './plain-text.ts';

export interface ReplyOptions {
  ownerId: string;
  /** The language asked for (kept by the buttons); null = the source's. */
  language: string | null;
  quotesOnly: boolean;
  ephemeral: boolean;
  /** False where the bot lacks Embed Links: the summary is sent as plain text instead. */
  canEmbed: boolean;
  /** False where Discord keeps the answer private whatever the bot asks (no Make public). */
  canShare?: boolean;
}

/** The edit that turns a deferred reply into the summary, with its buttons. */
export function buildSummaryReply(
  result: Result,
  options: ReplyOptions,
): InteractionEditReplyOptions {
  const components = /^[0-9a-f]{64}$/.test(result.source.sha256)
    ? buildSummaryComponents(stateOf(result, options), {
        ephemeral: options.ephemeral,
        canShare: options.canShare ?? true,
        // The offline engine answers in the source's language only.
        canTranslate: result.meta.engine === 'llm',
      })
    : [];
  const base = { components, allowedMentions: { parse: [] } };
  if (!options.canEmbed) {
    return { ...base, content: renderSummaryText(result, options), embeds: [] };
  }
  return {
    ...base,
    content: '',
    embeds: renderSummaryEmbeds(result, { quotesOnly: options.quotesOnly }),
  };
}

function stateOf(result: Result, options: ReplyOptions): SummaryState {
  return {
    sha256: result.source.sha256,
    length: result.meta.length,
    style: result.meta.style,
    quotesOnly: options.quotesOnly,
    language: options.language,
    ownerId: options.ownerId,
  };
}
