import type { Generated } from 'kysely';

/**
 * Row shapes shared by SQLite and PostgreSQL. To keep one set of queries for both:
 * booleans are integers 0/1, JSON is text (validated with Zod when read back), timestamps are
 * ISO-8601 UTC strings from `Date#toISOString` (same width, so they sort as text), and
 * Discord snowflakes are text (compare them with `compareSnowflakes`, never as text alone).
 */
export interface Database {
  guild_settings: GuildSettingsTable;
  channel_rules: ChannelRulesTable;
  channel_progress: ChannelProgressTable;
  summary_cache: CacheTable;
  document_cache: CacheTable;
  usage: UsageTable;
  summary_posts: SummaryPostsTable;
}

export interface GuildSettingsTable {
  guild_id: string;
  length: string;
  language: string | null;
  style: string;
  prompt_pin: string | null;
  private_replies: number;
  cooldown_seconds: number;
  daily_token_budget: number | null;
  limit_message: string | null;
  domain_allow: string;
  domain_deny: string;
  updated_at: string;
}

export interface ChannelRulesTable {
  channel_id: string;
  guild_id: string;
  trigger: string;
  emoji: string;
  reply_in: string;
  min_words: number;
  /** 1: posts by bots and webhooks count too (a feed channel). */
  bot_posts: number;
  updated_at: string;
}

export interface ChannelProgressTable {
  channel_id: string;
  message_id: string;
  updated_at: string;
}

/** `key` is the SHA-256 of the caller's key (or URL), see lookupKey. */
export interface CacheTable {
  key: string;
  value: string;
  created_at: string;
  expires_at: string;
}

export interface UsageTable {
  id: Generated<number>;
  guild_id: string | null;
  user_id: string;
  tokens_in: number;
  tokens_out: number;
  cost_usd: number;
  cached: number;
  at: string;
  /** Unique where set: the queued job (and answer) the row bills. */
  job_id: string | null;
}

export interface SummaryPostsTable {
  id: Generated<number>;
  guild_id: string;
  channel_id: string;
  source_message_id: string | null;
  url: string | null;
  url_key: string | null;
  /** SHA-256 of url_key: the indexed column dedupe looks up. */
  url_key_hash: string | null;
  reply_channel_id: string;
  reply_message_id: string;
  thread_id: string | null;
  source_text: string | null;
  created_at: string;
}
