import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { lookupKey } from './hash.ts';
import type { Database, SummaryPostsTable } from './tables.ts';
import type { Clock } from './time.ts';
import { parseArgument } from './validate.ts';

const SummaryPostInputSchema = z.object({
  guildId: z.string().min(1),
  /** Where the source was posted. */
  channelId: z.string().min(1),
  /** The message that was summarized; null when the summary came from a command. */
  sourceMessageId: z.string().min(1).nullable(),
  url: z.string().nullable(),
  /** The normalized URL used for dedupe within a server. */
  urlKey: z.string().nullable(),
  /** Where the summary was posted (a thread's id when it went to a thread). */
  replyChannelId: z.string().min(1),
  replyMessageId: z.string().min(1),
  threadId: z.string().nullable(),
  /** The article text, kept for quote links until `purgeExpiredText`. */
  sourceText: z.string().nullable(),
});
export type SummaryPostInput = z.input<typeof SummaryPostInputSchema>;
export type SummaryPost = z.output<typeof SummaryPostInputSchema> & { id: number; createdAt: Date };

export interface SummaryPostStore {
  recordSummaryPost(post: SummaryPostInput): Promise<SummaryPost>;
  /** The first summary of this URL still on record in the server, or null. */
  findSummaryByUrl(guildId: string, urlKey: string): Promise<SummaryPost | null>;
  /** Every summary made of a message (a message can hold several links), oldest first. */
  findSummariesBySourceMessage(sourceMessageId: string): Promise<SummaryPost[]>;
  /** True when there was a record to delete. */
  deleteSummaryPost(id: number): Promise<boolean>;
  /** Forgets the article text of summaries recorded before `olderThan`; returns how many. */
  purgeExpiredText(olderThan: Date): Promise<number>;
}

function fromRow(row: Selectable<SummaryPostsTable>): SummaryPost {
  return {
    id: row.id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    sourceMessageId: row.source_message_id,
    url: row.url,
    urlKey: row.url_key,
    replyChannelId: row.reply_channel_id,
    replyMessageId: row.reply_message_id,
    threadId: row.thread_id,
    sourceText: row.source_text,
    createdAt: new Date(row.created_at),
  };
}

export function summaryPostStore(db: Kysely<Database>, clock: Clock): SummaryPostStore {
  async function recordSummaryPost(input: SummaryPostInput): Promise<SummaryPost> {
    const post = parseArgument(SummaryPostInputSchema, input, 'summary post');
    const row = await db
      .insertInto('summary_posts')
      .values({
        guild_id: post.guildId,
        channel_id: post.channelId,
        source_message_id: post.sourceMessageId,
        url: post.url,
        url_key: post.urlKey,
        url_key_hash: post.urlKey === null ? null : lookupKey(post.urlKey),
        reply_channel_id: post.replyChannelId,
        reply_message_id: post.replyMessageId,
        thread_id: post.threadId,
        source_text: post.sourceText,
        created_at: clock().toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return fromRow(row);
  }

  async function findSummaryByUrl(guildId: string, urlKey: string): Promise<SummaryPost | null> {
    const row = await db
      .selectFrom('summary_posts')
      .selectAll()
      .where('guild_id', '=', guildId)
      .where('url_key_hash', '=', lookupKey(urlKey))
      .where('url_key', '=', urlKey)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  async function findSummariesBySourceMessage(sourceMessageId: string): Promise<SummaryPost[]> {
    const rows = await db
      .selectFrom('summary_posts')
      .selectAll()
      .where('source_message_id', '=', sourceMessageId)
      .orderBy('id')
      .execute();
    return rows.map(fromRow);
  }

  async function deleteSummaryPost(id: number): Promise<boolean> {
    const result = await db.deleteFrom('summary_posts').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async function purgeExpiredText(olderThan: Date): Promise<number> {
    const result = await db
      .updateTable('summary_posts')
      .set({ source_text: null })
      .where('created_at', '<', olderThan.toISOString())
      .where('source_text', 'is not', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  return {
    recordSummaryPost,
    findSummaryByUrl,
    findSummariesBySourceMessage,
    deleteSummaryPost,
    purgeExpiredText,
  };
}
