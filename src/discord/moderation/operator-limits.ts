import { UserError } from '../../shared/errors.ts';
import type { Store } from '../../store/index.ts';
import type { OperatorLimits } from '../context.ts';

/**
 * The operator's limits, which no server setting lifts and which DMs and user installs meet
 * too: a user's daily tokens across everywhere, and the whole bot's daily cap. They read the
 * ledger, so they run after the acknowledgement, like the server's own limits.
 */
export async function enforceOperatorLimits(
  store: Store,
  limits: OperatorLimits,
  userId: string,
): Promise<void> {
  if (limits.dailyTokenCap > 0) {
    const used = await store.tokensSpentToday();
    if (used >= limits.dailyTokenCap) {
      throw new UserError(
        'budget_exhausted',
        'Precis has used all its summaries for today. It resets at midnight UTC.',
        { scope: 'operator', used, limit: limits.dailyTokenCap },
      );
    }
  }
  if (limits.userDailyTokens > 0) {
    const used = await store.tokensSpentToday({ userId });
    if (used >= limits.userDailyTokens) {
      throw new UserError(
        'budget_exhausted',
        'You have used your summaries for today. Your allowance resets at midnight UTC.',
        { scope: 'user', used, limit: limits.userDailyTokens },
      );
    }
  }
}
