import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { z } from 'zod';
import type { Database } from './tables.ts';
import { type Clock, startOfUtcDay } from './time.ts';
import { parseArgument, parseInput, toNumber } from './validate.ts';

const UsageInputSchema = z.object({
  /** null for summaries outside a server (DMs, the CLI). */
  guildId: z.string().min(1).nullable(),
  userId: z.string().min(1),
  tokensIn: z.number().int().min(0),
  tokensOut: z.number().int().min(0),
  costUsd: z.number().min(0),
  /** A cache hit: counted as a summary and a hit, but its tokens and cost were not spent. */
  cached: z.boolean(),
  at: z.date().optional(),
  /** The answer's job: a job run again after a crash writes no second row. */
  jobId: z.string().min(1).optional(),
});
export type UsageInput = z.input<typeof UsageInputSchema>;

export interface UsageTotals {
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  summaries: number;
  cacheHits: number;
}

export interface UsageReport {
  /** First UTC day covered, YYYY-MM-DD. */
  from: string;
  /** Days with usage, oldest first. */
  byDay: Array<UsageTotals & { day: string }>;
  /** Users with usage, most tokens first. */
  byUser: Array<UsageTotals & { userId: string }>;
  total: UsageTotals;
}

/** Everything the bot spent, for its operator: by server (null = DMs and user installs). */
export interface OperatorUsageReport {
  from: string;
  byGuild: Array<UsageTotals & { guildId: string | null }>;
  byUser: Array<UsageTotals & { userId: string }>;
  total: UsageTotals;
}

export interface UsageStore {
  recordUsage(usage: UsageInput): Promise<void>;
  /** Tokens (in + out, cache hits excluded) the server spent since midnight UTC. */
  tokensUsedToday(guildId: string): Promise<number>;
  /** Tokens spent since midnight UTC everywhere (servers and DMs), or by one user only. */
  tokensSpentToday(filter?: { userId?: string }): Promise<number>;
  /** When the user last got a summary in this server (null guild: outside servers). */
  lastUsageAt(guildId: string | null, userId: string): Promise<Date | null>;
  /** The last `days` UTC days, today included. */
  usageReport(guildId: string, options: { days: number }): Promise<UsageReport>;
  /** The whole ledger over the last `days` UTC days: every server, DMs and user installs. */
  operatorReport(options: { days: number }): Promise<OperatorUsageReport>;
}

// pg returns sums and counts as strings (bigint, numeric); coerce both dialects to numbers.
const TotalsRowSchema = z.object({
  tokens_in: z.unknown().transform(toNumberish),
  tokens_out: z.unknown().transform(toNumberish),
  cost_usd: z.unknown().transform(toNumberish),
  summaries: z.unknown().transform(toNumberish),
  cache_hits: z.unknown().transform(toNumberish),
});

function toNumberish(value: unknown): number {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint'
    ? toNumber(value)
    : 0;
}

function toTotals(row: unknown): UsageTotals {
  const t = TotalsRowSchema.parse(row);
  return {
    tokensIn: t.tokens_in,
    tokensOut: t.tokens_out,
    costUsd: t.cost_usd,
    summaries: t.summaries,
    cacheHits: t.cache_hits,
  };
}

/** Rows of the ledger since a day, for one server or all of them. */
type UsageWindow = SelectQueryBuilder<Database, 'usage', object>;

/** Most tokens first, then most summaries, then by key so the order is stable. */
function mostTokensFirst<T extends UsageTotals>(rows: T[], key: (row: T) => string): T[] {
  return rows.sort(
    (a, b) =>
      b.tokensIn + b.tokensOut - (a.tokensIn + a.tokensOut) ||
      b.summaries - a.summaries ||
      key(a).localeCompare(key(b)),
  );
}

/**
 * Tokens (in + out, cache hits excluded) spent from `since` on, in one server, by one user, or
 * everywhere. `db` may be a transaction, so a reservation reads what it is about to extend.
 */
export async function tokensSpentSince(
  db: Kysely<Database>,
  since: Date,
  scope: { guildId?: string; userId?: string } = {},
): Promise<number> {
  let query = db
    .selectFrom('usage')
    .select(sql<string | number | null>`sum(tokens_in + tokens_out)`.as('tokens'))
    .where('cached', '=', 0)
    .where('at', '>=', since.toISOString());
  if (scope.guildId !== undefined) query = query.where('guild_id', '=', scope.guildId);
  if (scope.userId !== undefined) query = query.where('user_id', '=', scope.userId);
  return toNumber((await query.executeTakeFirst())?.tokens);
}

/** When the user last got a summary in this server (null guild: outside servers). */
export async function lastUsageIn(
  db: Kysely<Database>,
  guildId: string | null,
  userId: string,
): Promise<Date | null> {
  const row = await db
    .selectFrom('usage')
    .select('at')
    .where('guild_id', guildId === null ? 'is' : '=', guildId)
    .where('user_id', '=', userId)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.at) : null;
}

export function usageStore(db: Kysely<Database>, clock: Clock): UsageStore {
  async function recordUsage(input: UsageInput): Promise<void> {
    const usage = parseArgument(UsageInputSchema, input, 'usage');
    await db
      .insertInto('usage')
      .values({
        guild_id: usage.guildId,
        user_id: usage.userId,
        tokens_in: usage.tokensIn,
        tokens_out: usage.tokensOut,
        cost_usd: usage.costUsd,
        cached: usage.cached ? 1 : 0,
        at: (usage.at ?? clock()).toISOString(),
        job_id: usage.jobId ?? null,
      })
      // The job's reservation (see usage-reservations.ts) becomes its real count; a job run
      // again after a crash writes the same row again.
      .onConflict((conflict) =>
        conflict.column('job_id').doUpdateSet({
          tokens_in: usage.tokensIn,
          tokens_out: usage.tokensOut,
          cost_usd: usage.costUsd,
          cached: usage.cached ? 1 : 0,
        }),
      )
      .execute();
  }

  const today = () => startOfUtcDay(clock());
  const tokensUsedToday = (guildId: string) => tokensSpentSince(db, today(), { guildId });
  const tokensSpentToday = (filter: { userId?: string } = {}) =>
    tokensSpentSince(db, today(), filter);
  const lastUsageAt = (guildId: string | null, userId: string) => lastUsageIn(db, guildId, userId);

  const totals = [
    sql`sum(case when cached = 0 then tokens_in else 0 end)`.as('tokens_in'),
    sql`sum(case when cached = 0 then tokens_out else 0 end)`.as('tokens_out'),
    sql`sum(case when cached = 0 then cost_usd else 0 end)`.as('cost_usd'),
    sql`count(*)`.as('summaries'),
    sql`sum(cached)`.as('cache_hits'),
  ] as const;

  function windowStart(days: number): Date {
    const span = parseInput(z.number().int().min(1).max(366), days, 'number of days');
    const from = startOfUtcDay(clock());
    from.setUTCDate(from.getUTCDate() - (span - 1));
    return from;
  }

  /** Each user's totals in a window of the ledger, most tokens first. */
  async function totalsByUser(window: UsageWindow) {
    const rows = await window
      .select(['user_id', ...totals])
      .groupBy('user_id')
      .execute();
    return mostTokensFirst(
      rows.map((row) => ({ userId: row.user_id, ...toTotals(row) })),
      (row) => row.userId,
    );
  }

  async function usageReport(guildId: string, { days }: { days: number }): Promise<UsageReport> {
    const from = windowStart(days);
    // Timestamps are ISO strings, so the first ten characters are the UTC day.
    const day = sql<string>`substr(at, 1, 10)`;
    const window = db
      .selectFrom('usage')
      .where('guild_id', '=', guildId)
      .where('at', '>=', from.toISOString());

    const [dayRows, byUser, totalRow] = await Promise.all([
      window
        .select([day.as('day'), ...totals])
        .groupBy(day)
        .orderBy(day)
        .execute(),
      totalsByUser(window),
      window.select(totals).executeTakeFirst(),
    ]);

    return {
      from: from.toISOString().slice(0, 10),
      byDay: dayRows.map((row) => ({ day: row.day, ...toTotals(row) })),
      byUser,
      total: toTotals(totalRow),
    };
  }

  async function operatorReport({ days }: { days: number }): Promise<OperatorUsageReport> {
    const from = windowStart(days);
    const window = db.selectFrom('usage').where('at', '>=', from.toISOString());
    const [guildRows, byUser, totalRow] = await Promise.all([
      window
        .select(['guild_id', ...totals])
        .groupBy('guild_id')
        .execute(),
      totalsByUser(window),
      window.select(totals).executeTakeFirst(),
    ]);
    return {
      from: from.toISOString().slice(0, 10),
      byGuild: mostTokensFirst(
        guildRows.map((row) => ({ guildId: row.guild_id, ...toTotals(row) })),
        (row) => row.guildId ?? '',
      ),
      byUser,
      total: toTotals(totalRow),
    };
  }

  return {
    recordUsage,
    tokensUsedToday,
    tokensSpentToday,
    lastUsageAt,
    usageReport,
    operatorReport,
  };
}
