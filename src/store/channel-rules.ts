import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { compareSnowflakes, SnowflakeSchema } from './snowflake.ts';
import type { ChannelRulesTable, Database } from './tables.ts';
import type { Clock } from './time.ts';
import { parseArgument, parseInput } from './validate.ts';

export const TRIGGERS = ['links', 'reaction', 'off'] as const;
export const REPLY_MODES = ['thread', 'inline'] as const;
export const DEFAULT_EMOJI = '📰';

const ChannelRuleSchema = z.object({
  guildId: z.string().min(1),
  channelId: z.string().min(1),
  /** links: every message with a link; reaction: when someone adds `emoji`; off: never. */
  trigger: z.enum(TRIGGERS),
  /** A unicode emoji or a custom emoji's name:id. */
  emoji: z.string().trim().min(1).max(100).default(DEFAULT_EMOJI),
  replyIn: z.enum(REPLY_MODES).default('thread'),
  /** Articles shorter than this are not auto-summarized. */
  minWords: z.number().int().min(0).max(100_000).default(0),
  /** Posts by bots and webhooks (RSS feeds) are summarized too; off by default. */
  botPosts: z.boolean().default(false),
});
export type ChannelRule = z.output<typeof ChannelRuleSchema>;
export type ChannelRuleInput = z.input<typeof ChannelRuleSchema>;

export interface ChannelRuleStore {
  getChannelRule(channelId: string): Promise<ChannelRule | null>;
  /** Creates or replaces the channel's rule. Throws UserError('invalid_input') on a bad value. */
  setChannelRule(rule: ChannelRuleInput): Promise<ChannelRule>;
  /** The server's rules, ordered by channel id. */
  listChannelRules(guildId: string): Promise<ChannelRule[]>;
  /** True when there was a rule to delete. */
  deleteChannelRule(channelId: string): Promise<boolean>;
  /** Records the last message handled in a channel; never moves backwards. */
  markChannelProgress(channelId: string, messageId: string): Promise<void>;
  /** The last message handled in the channel, for catching up after a restart. */
  getChannelProgress(channelId: string): Promise<string | null>;
}

function fromRow(row: ChannelRulesTable): ChannelRule {
  return ChannelRuleSchema.parse({
    guildId: row.guild_id,
    channelId: row.channel_id,
    trigger: row.trigger,
    emoji: row.emoji,
    replyIn: row.reply_in,
    minWords: row.min_words,
    botPosts: row.bot_posts === 1,
  });
}

export function channelRuleStore(db: Kysely<Database>, clock: Clock): ChannelRuleStore {
  async function getChannelRule(channelId: string): Promise<ChannelRule | null> {
    const row = await db
      .selectFrom('channel_rules')
      .selectAll()
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  async function setChannelRule(input: ChannelRuleInput): Promise<ChannelRule> {
    const rule = parseInput(ChannelRuleSchema, input, 'channel rule');
    const columns = {
      guild_id: rule.guildId,
      trigger: rule.trigger,
      emoji: rule.emoji,
      reply_in: rule.replyIn,
      min_words: rule.minWords,
      bot_posts: rule.botPosts ? 1 : 0,
      updated_at: clock().toISOString(),
    };
    await db
      .insertInto('channel_rules')
      .values({ channel_id: rule.channelId, ...columns })
      .onConflict((oc) => oc.column('channel_id').doUpdateSet(columns))
      .execute();
    return rule;
  }

  async function listChannelRules(guildId: string): Promise<ChannelRule[]> {
    const rows = await db
      .selectFrom('channel_rules')
      .selectAll()
      .where('guild_id', '=', guildId)
      .execute();
    return rows
      .map(fromRow)
      .sort((a, b) =>
        /^\d+$/.test(a.channelId) && /^\d+$/.test(b.channelId)
          ? compareSnowflakes(a.channelId, b.channelId)
          : a.channelId.localeCompare(b.channelId),
      );
  }

  async function deleteChannelRule(channelId: string): Promise<boolean> {
    const result = await db
      .deleteFrom('channel_rules')
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async function markChannelProgress(channelId: string, messageId: string): Promise<void> {
    const id = parseArgument(SnowflakeSchema, messageId, 'message id');
    // Ids are text; a longer id is a larger number, and ids of equal length compare as text.
    // Doing this in the upsert keeps two handlers finishing out of order from moving it back.
    const current = sql.ref('channel_progress.message_id');
    const incoming = sql.ref('excluded.message_id');
    await db
      .insertInto('channel_progress')
      .values({ channel_id: channelId, message_id: id, updated_at: clock().toISOString() })
      .onConflict((oc) =>
        oc
          .column('channel_id')
          .doUpdateSet((eb) => ({
            message_id: eb.ref('excluded.message_id'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where(
            sql<boolean>`length(${incoming}) > length(${current})
              or (length(${incoming}) = length(${current}) and ${incoming} > ${current})`,
          ),
      )
      .execute();
  }

  async function getChannelProgress(channelId: string): Promise<string | null> {
    const row = await db
      .selectFrom('channel_progress')
      .select('message_id')
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
    return row?.message_id ?? null;
  }

  return {
    getChannelRule,
    setChannelRule,
    listChannelRules,
    deleteChannelRule,
    markChannelProgress,
    getChannelProgress,
  };
}
