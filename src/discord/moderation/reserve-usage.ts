import { UserError } from '../../shared/errors.ts';
import type { GuildSettings, Reservation, Store } from '../../store/index.ts';
import type { OperatorLimits } from '../context.ts';

/**
 * Tokens held for a job from its start until it settles with the real count: about one
 * summary of an ordinary article. Jobs sent at once each see the others' holds, so together
 * they overshoot a budget by at most one job.
 */
export const JOB_TOKEN_ESTIMATE = 4_000;

/** Who asks, where (server null: a DM or a user install), and the ledger row of the job. */
export interface JobSpend {
  server: { guildId: string; settings: GuildSettings } | null;
  userId: string;
  jobId: string;
  /** Buttons on an answer already given skip the cooldown. */
  cooldown: boolean;
}

/**
 * Checks the cooldown, the server's budget, the user's and the bot's daily tokens, and holds
 * the job's estimate, in one step (see reserveUsage); refuses with the words a user reads.
 * Outside a server the cooldown is the one servers get by default.
 */
export async function reserveJobUsage(
  store: Store,
  limits: OperatorLimits,
  spend: JobSpend,
): Promise<void> {
  const settings = spend.server?.settings ?? null;
  const cooldownSeconds = spend.cooldown
    ? (settings ?? store.defaultGuildSettings()).cooldownSeconds
    : 0;
  const reservation = await store.reserveUsage({
    guildId: spend.server?.guildId ?? null,
    userId: spend.userId,
    jobId: spend.jobId,
    estimateTokens: JOB_TOKEN_ESTIMATE,
    limits: {
      cooldownSeconds,
      guildDailyTokens: settings?.dailyTokenBudget ?? null,
      userDailyTokens: limits.userDailyTokens,
      botDailyTokens: limits.dailyTokenCap,
    },
  });
  if (!reservation.granted) throw refusal(reservation, settings?.limitMessage ?? null);
}

function refusal(
  reservation: Exclude<Reservation, { granted: true }>,
  serverWords: string | null,
): UserError {
  switch (reservation.limit) {
    case 'cooldown': {
      const seconds = Math.ceil(reservation.waitMs / 1000);
      return new UserError(
        'cooldown',
        serverWords ?? `Please wait ${seconds} s before asking for another summary.`,
        { retryAfterSeconds: seconds },
      );
    }
    case 'guild':
      return new UserError(
        'budget_exhausted',
        serverWords ??
          'This server has used its summaries for today. The budget resets at midnight UTC.',
        { used: reservation.used, budget: reservation.max },
      );
    case 'user':
      return new UserError(
        'budget_exhausted',
        'You have used your summaries for today. Your allowance resets at midnight UTC.',
        { scope: 'user', used: reservation.used, limit: reservation.max },
      );
    case 'bot':
      return new UserError(
        'budget_exhausted',
        'Precis has used all its summaries for today. It resets at midnight UTC.',
        { scope: 'operator', used: reservation.used, limit: reservation.max },
      );
  }
}

/** A job that failed gives its hold back; a failure to do so only keeps the estimate counted. */
export async function releaseJobUsage(store: Store, jobId: string): Promise<void> {
  await store.releaseUsage(jobId);
}
