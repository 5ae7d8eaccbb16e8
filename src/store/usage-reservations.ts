import { type Kysely, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { DialectName } from './migrations.ts';
import type { Database } from './tables.ts';
import { type Clock, startOfUtcDay } from './time.ts';
import { lastUsageIn, tokensSpentSince } from './usage.ts';
import { parseArgument } from './validate.ts';

/** The limits one job is admitted against; 0 or null turns a limit off. */
const ReservationSchema = z.object({
  /** null outside a server (DMs, user installs). */
  guildId: z.string().min(1).nullable(),
  userId: z.string().min(1),
  /** The ledger row's key; a job run again keeps its first reservation. */
  jobId: z.string().min(1),
  /** Tokens held for the job until it settles with its real count. */
  estimateTokens: z.number().int().min(0),
  limits: z.object({
    cooldownSeconds: z.number().int().min(0),
    guildDailyTokens: z.number().int().min(0).nullable(),
    userDailyTokens: z.number().int().min(0),
    botDailyTokens: z.number().int().min(0),
  }),
});
export type ReservationRequest = z.input<typeof ReservationSchema>;

export type Reservation =
  | { granted: true }
  | { granted: false; limit: 'cooldown'; waitMs: number }
  | { granted: false; limit: 'guild' | 'user' | 'bot'; used: number; max: number };

export interface UsageReservationStore {
  /**
   * Checks the cooldown and the daily budgets and, if none is reached, writes the job's ledger
   * row holding `estimateTokens`, in one step no other job (in this process or another) can
   * interleave with: six jobs sent at once see each other's reservations.
   */
  reserveUsage(request: ReservationRequest): Promise<Reservation>;
  /** A job that failed before it spent anything gives its reservation back. */
  releaseUsage(jobId: string): Promise<void>;
}

// Any fixed number: every reservation takes the same PostgreSQL advisory lock.
const RESERVATION_LOCK = 0x70726563;

export function usageReservationStore(
  db: Kysely<Database>,
  dialect: DialectName,
  clock: Clock,
): UsageReservationStore {
  type Request = z.output<typeof ReservationSchema>;

  /** Why the job may not start now, or null when every limit leaves room. */
  async function refusal(trx: Kysely<Database>, request: Request, now: Date) {
    const { guildId, userId, limits } = request;
    if (limits.cooldownSeconds > 0) {
      const last = await lastUsageIn(trx, guildId, userId);
      const waitMs = last ? last.getTime() + limits.cooldownSeconds * 1000 - now.getTime() : 0;
      if (waitMs > 0) return { granted: false, limit: 'cooldown', waitMs } as const;
    }
    const spent = (scope: { guildId?: string; userId?: string }) =>
      tokensSpentSince(trx, startOfUtcDay(now), scope);
    // The server's own budget first, then the operator's cap, then the user's allowance.
    const budgets: Array<['guild' | 'user' | 'bot', number | null, () => Promise<number>]> = [
      [
        'guild',
        guildId === null ? null : limits.guildDailyTokens,
        () => spent({ guildId: guildId ?? '' }),
      ],
      ['bot', limits.botDailyTokens || null, () => spent({})],
      ['user', limits.userDailyTokens || null, () => spent({ userId })],
    ];
    for (const [limit, max, used] of budgets) {
      if (max === null) continue;
      const tokens = await used();
      if (tokens >= max) return { granted: false, limit, used: tokens, max } as const;
    }
    return null;
  }

  const held = async (trx: Kysely<Database>, jobId: string) =>
    (await trx.selectFrom('usage').select('id').where('job_id', '=', jobId).executeTakeFirst()) !==
    undefined;

  const reservationRow = (request: Request, now: Date) => ({
    guild_id: request.guildId,
    user_id: request.userId,
    tokens_in: request.estimateTokens,
    tokens_out: 0,
    cost_usd: 0,
    cached: 0,
    at: now.toISOString(),
    job_id: request.jobId,
  });

  /**
   * PostgreSQL: the checks and the insert in one transaction under an advisory lock, so
   * reservations from every worker on the database happen one at a time.
   */
  async function reservePostgres(request: Request): Promise<Reservation> {
    return db.transaction().execute(async (trx: Transaction<Database>) => {
      await sql`select pg_advisory_xact_lock(${RESERVATION_LOCK})`.execute(trx);
      const now = clock();
      if (await held(trx, request.jobId)) return { granted: true };
      const refused = await refusal(trx, request, now);
      if (refused) return refused;
      await trx.insertInto('usage').values(reservationRow(request, now)).execute();
      return { granted: true };
    });
  }

  /**
   * SQLite: one INSERT … SELECT … WHERE that holds every check, which SQLite runs under the
   * file's write lock; a transaction held across awaits would make a second process (or a
   * second connection in this one) wait on the busy timeout with its thread blocked. When
   * nothing was inserted, the reads say which limit was reached.
   */
  async function reserveSqlite(request: Request): Promise<Reservation> {
    const { guildId, userId, jobId, limits } = request;
    for (let attempt = 0; attempt < 3; attempt++) {
      const now = clock();
      const row = reservationRow(request, now);
      const day = startOfUtcDay(now).toISOString();
      const cooldownSince = new Date(now.getTime() - limits.cooldownSeconds * 1000).toISOString();
      const spentWhere = (scope: ReturnType<typeof sql>) =>
        sql`(select coalesce(sum(tokens_in + tokens_out), 0) from usage where cached = 0 and at >= ${day} and ${scope})`;
      const inserted = await sql`
        insert into usage (guild_id, user_id, tokens_in, tokens_out, cost_usd, cached, at, job_id)
        select ${row.guild_id}, ${row.user_id}, ${row.tokens_in}, 0, 0, 0, ${row.at}, ${row.job_id}
        where not exists (select 1 from usage where job_id = ${jobId})
          and (${limits.cooldownSeconds} = 0 or not exists (
            select 1 from usage where guild_id is ${guildId} and user_id = ${userId} and at > ${cooldownSince}))
          and (${guildId === null || limits.guildDailyTokens === null ? 1 : 0} = 1
            or ${spentWhere(sql`guild_id = ${guildId}`)} < ${limits.guildDailyTokens ?? 0})
          and (${limits.botDailyTokens} = 0 or ${spentWhere(sql`1 = 1`)} < ${limits.botDailyTokens})
          and (${limits.userDailyTokens} = 0
            or ${spentWhere(sql`user_id = ${userId}`)} < ${limits.userDailyTokens})
      `.execute(db);
      if (Number(inserted.numAffectedRows ?? 0) > 0) return { granted: true };
      if (await held(db, jobId)) return { granted: true };
      const refused = await refusal(db, request, now);
      if (refused) return refused;
      // A reservation released between the insert and the reads: try again.
    }
    return { granted: false, limit: 'cooldown', waitMs: 1000 };
  }

  async function reserveUsage(input: ReservationRequest): Promise<Reservation> {
    const request = parseArgument(ReservationSchema, input, 'usage reservation');
    return dialect === 'postgres' ? reservePostgres(request) : reserveSqlite(request);
  }

  async function releaseUsage(jobId: string): Promise<void> {
    await db.deleteFrom('usage').where('job_id', '=', jobId).execute();
  }

  return { reserveUsage, releaseUsage };
}
