import type { ColumnDefinitionBuilder, Kysely, Migration, MigrationProvider } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/**
 * Migrations live in code (not files read at runtime) so a bundled or tsx-run bot always
 * carries the schema it was built with. A released migration is never edited: add a new one.
 */
export function migrationProvider(dialect: DialectName): MigrationProvider {
  // The one place the dialects differ: how an auto-incrementing key is spelled.
  const idColumn = (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres'
      ? col.primaryKey().generatedByDefaultAsIdentity()
      : col.primaryKey().autoIncrement();

  const migrations: Record<string, Migration> = {
    '0001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('guild_settings')
          .addColumn('guild_id', 'text', (col) => col.primaryKey())
          .addColumn('length', 'text', (col) => col.notNull())
          .addColumn('language', 'text')
          .addColumn('style', 'text', (col) => col.notNull())
          .addColumn('prompt_pin', 'text')
          .addColumn('private_replies', 'integer', (col) => col.notNull())
          .addColumn('cooldown_seconds', 'integer', (col) => col.notNull())
          .addColumn('daily_token_budget', 'integer')
          .addColumn('limit_message', 'text')
          .addColumn('domain_allow', 'text', (col) => col.notNull())
          .addColumn('domain_deny', 'text', (col) => col.notNull())
          .addColumn('updated_at', 'text', (col) => col.notNull())
          .execute();

        await db.schema
          .createTable('channel_rules')
          .addColumn('channel_id', 'text', (col) => col.primaryKey())
          .addColumn('guild_id', 'text', (col) => col.notNull())
          .addColumn('trigger', 'text', (col) => col.notNull())
          .addColumn('emoji', 'text', (col) => col.notNull())
          .addColumn('reply_in', 'text', (col) => col.notNull())
          .addColumn('min_words', 'integer', (col) => col.notNull())
          .addColumn('updated_at', 'text', (col) => col.notNull())
          .execute();
        await db.schema
          .createIndex('channel_rules_guild')
          .on('channel_rules')
          .column('guild_id')
          .execute();

        await db.schema
          .createTable('channel_progress')
          .addColumn('channel_id', 'text', (col) => col.primaryKey())
          .addColumn('message_id', 'text', (col) => col.notNull())
          .addColumn('updated_at', 'text', (col) => col.notNull())
          .execute();

        for (const table of ['summary_cache', 'document_cache']) {
          await db.schema
            .createTable(table)
            .addColumn('key', 'text', (col) => col.primaryKey())
            .addColumn('value', 'text', (col) => col.notNull())
            .addColumn('created_at', 'text', (col) => col.notNull())
            .addColumn('expires_at', 'text', (col) => col.notNull())
            .execute();
          await db.schema.createIndex(`${table}_expires`).on(table).column('expires_at').execute();
        }

        await db.schema
          .createTable('usage')
          .addColumn('id', 'integer', idColumn)
          .addColumn('guild_id', 'text')
          .addColumn('user_id', 'text', (col) => col.notNull())
          .addColumn('tokens_in', 'integer', (col) => col.notNull())
          .addColumn('tokens_out', 'integer', (col) => col.notNull())
          .addColumn('cost_usd', 'double precision', (col) => col.notNull())
          .addColumn('cached', 'integer', (col) => col.notNull())
          .addColumn('at', 'text', (col) => col.notNull())
          .execute();
        await db.schema
          .createIndex('usage_guild_user_at')
          .on('usage')
          .columns(['guild_id', 'user_id', 'at'])
          .execute();
        await db.schema
          .createIndex('usage_guild_at')
          .on('usage')
          .columns(['guild_id', 'at'])
          .execute();

        await db.schema
          .createTable('summary_posts')
          .addColumn('id', 'integer', idColumn)
          .addColumn('guild_id', 'text', (col) => col.notNull())
          .addColumn('channel_id', 'text', (col) => col.notNull())
          .addColumn('source_message_id', 'text')
          .addColumn('url', 'text')
          .addColumn('url_key', 'text')
          .addColumn('url_key_hash', 'text')
          .addColumn('reply_channel_id', 'text', (col) => col.notNull())
          .addColumn('reply_message_id', 'text', (col) => col.notNull())
          .addColumn('thread_id', 'text')
          .addColumn('source_text', 'text')
          .addColumn('created_at', 'text', (col) => col.notNull())
          .execute();
        await db.schema
          .createIndex('summary_posts_guild_url')
          .on('summary_posts')
          .columns(['guild_id', 'url_key_hash'])
          .execute();
        await db.schema
          .createIndex('summary_posts_source_message')
          .on('summary_posts')
          .column('source_message_id')
          .execute();
        await db.schema
          .createIndex('summary_posts_created')
          .on('summary_posts')
          .column('created_at')
          .execute();
      },
    },
    // Feed channels: a rule may let posts by bots and webhooks (RSS feeds) be summarized.
    '0002_channel_bot_posts': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable('channel_rules')
          .addColumn('bot_posts', 'integer', (col) => col.notNull().defaultTo(0))
          .execute();
      },
    },
    // A queued job run again after a crash (delivered, not yet marked) bills its answer once.
    '0003_usage_one_row_per_job': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('usage').addColumn('job_id', 'text').execute();
        // Unique only where set: rows written before, and by callers without a job, are null.
        await db.schema.createIndex('usage_job_id').unique().on('usage').column('job_id').execute();
      },
    },
    // The operator's per-user daily limit and the usage CLI look a user up across every server
    // (and DMs), which the (guild_id, user_id, at) index cannot serve: without this, each job's
    // limit check reads the whole ledger.
    '0004_usage_user_at': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createIndex('usage_user_at')
          .on('usage')
          .columns(['user_id', 'at'])
          .execute();
      },
    },
  };

  return { getMigrations: async () => migrations };
}
