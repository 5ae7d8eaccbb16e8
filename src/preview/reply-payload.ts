import type {
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
  JSONEncodable,
} from 'discord.js';
import { buildSummaryReply } from '../discord/render/reply.ts';
import type { Result } from '../shared/schemas.ts';
import type { ReplyPayload } from './reply-html.ts';

/** The preview has no user; a snowflake is required by the buttons' custom ids. */
const NOBODY = '0';

/**
 * Exactly what the bot sends for this result (the first, public reply with embeds), as API
 * JSON: the preview draws this data and never lays out a summary itself.
 */
export function summaryReplyPayload(result: Result, language: string | null): ReplyPayload {
  const reply = buildSummaryReply(result, {
    ownerId: NOBODY,
    language,
    quotesOnly: false,
    ephemeral: false,
    canEmbed: true,
  });
  return {
    content: reply.content ?? '',
    embeds: (reply.embeds ?? []).map((embed) => toApi<APIEmbed>(embed)),
    components: (reply.components ?? []).map((row) =>
      toApi<APIActionRowComponent<APIComponentInMessageActionRow>>(row),
    ),
  };
}

function toApi<T>(value: unknown): T {
  const encodable = value as Partial<JSONEncodable<T>>;
  return typeof encodable.toJSON === 'function' ? encodable.toJSON() : (value as T);
}
