import { Migrator, sql } from 'kysely';
import { type CacheStore, cacheStore } from './cache.ts';
import { type ChannelRuleStore, channelRuleStore } from './channel-rules.ts';
import { type Connection, connect } from './connect.ts';
import {
  DEFAULT_GUILD_SETTINGS,
  type GuildSettings,
  type GuildSettingsStore,
  guildSettingsStore,
} from './guild-settings.ts';
import { type DialectName, migrationProvider } from './migrations.ts';
import { type SummaryPostStore, summaryPostStore } from './summary-posts.ts';
import { type Clock, systemClock } from './time.ts';
import { type UsageStore, usageStore } from './usage.ts';
import { type UsageReservationStore, usageReservationStore } from './usage-reservations.ts';

export type { CacheOptions } from './cache.ts';
export {
  type ChannelRule,
  type ChannelRuleInput,
  DEFAULT_EMOJI,
  REPLY_MODES,
  TRIGGERS,
} from './channel-rules.ts';
export { DEFAULT_SQLITE_PATH, isPostgresUrl } from './connect.ts';
export {
  DEFAULT_GUILD_SETTINGS,
  type GuildSettings,
  type GuildSettingsPatch,
} from './guild-settings.ts';
export { compareSnowflakes } from './snowflake.ts';
export type { SummaryPost, SummaryPostInput } from './summary-posts.ts';
export type { Clock } from './time.ts';
export type { OperatorUsageReport, UsageInput, UsageReport, UsageTotals } from './usage.ts';
export type { Reservation, ReservationRequest } from './usage-reservations.ts';

export interface StoreOptions {
  /** A postgres:// or postgresql:// URL; unset or null = SQLite. */
  databaseUrl?: string | null;
  /** SQLite file (directory created if missing) or ':memory:'. Default ./data/precis.sqlite. */
  sqlitePath?: string;
  /** PostgreSQL schema to use and create; also accepted as `?schema=` in the URL. */
  schema?: string;
  clock?: Clock;
  /** What a server that never ran /setup gets (tests start some without a cooldown). */
  guildDefaults?: Partial<GuildSettings>;
}

export interface Store
  extends GuildSettingsStore,
    ChannelRuleStore,
    CacheStore,
    UsageStore,
    UsageReservationStore,
    SummaryPostStore {
  readonly dialect: DialectName;
  /** Resolves when the database answers a trivial query (for /healthz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Connects, brings the schema up to date, and returns the store. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const connection = await connect(options);
  try {
    await migrate(connection);
  } catch (error) {
    await connection.db.destroy();
    throw error;
  }
  const { db, dialect } = connection;
  const clock = options.clock ?? systemClock;
  return {
    dialect,
    ...guildSettingsStore(db, clock, { ...DEFAULT_GUILD_SETTINGS, ...options.guildDefaults }),
    ...channelRuleStore(db, clock),
    ...cacheStore(db, clock),
    ...usageStore(db, clock),
    ...usageReservationStore(db, dialect, clock),
    ...summaryPostStore(db, clock),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

async function migrate({ db, dialect, schema }: Connection): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    // Keep the bookkeeping tables next to ours so a per-run schema is self-contained.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return;
    // Kysely looks for its table across every schema of the database; a schema another session
    // drops meanwhile fails that look-up with 3F000 (invalid_schema_name). Looking again works.
    if ((error as { code?: unknown }).code === '3F000' && attempt < 5) continue;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
}
