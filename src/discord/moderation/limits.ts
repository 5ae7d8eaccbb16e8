import { estimateCostUsd, type TokenPrices } from '../../shared/cost.ts';
import { UserError } from '../../shared/errors.ts';
import type { Result } from '../../shared/schemas.ts';
import type { GuildSettings, Store } from '../../store/index.ts';

/**
 * Refuses a summary when the user is inside the server's cooldown or the server has spent its
 * daily token budget. The moderator's own wording, when set, replaces the bot's.
 */
export async function enforceLimits(
  store: Store,
  settings: GuildSettings,
  who: { guildId: string; userId: string },
  now: Date = new Date(),
  { cooldown = true }: { cooldown?: boolean } = {},
): Promise<void> {
  if (cooldown && settings.cooldownSeconds > 0) {
    const last = await store.lastUsageAt(who.guildId, who.userId);
    const waitMs = last ? last.getTime() + settings.cooldownSeconds * 1000 - now.getTime() : 0;
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new UserError(
        'cooldown',
        settings.limitMessage ?? `Please wait ${seconds} s before asking for another summary.`,
        { retryAfterSeconds: seconds },
      );
    }
  }
  if (settings.dailyTokenBudget !== null) {
    const used = await store.tokensUsedToday(who.guildId);
    if (used >= settings.dailyTokenBudget) {
      throw new UserError(
        'budget_exhausted',
        settings.limitMessage ??
          'This server has used its summaries for today. The budget resets at midnight UTC.',
        { used, budget: settings.dailyTokenBudget },
      );
    }
  }
}

/** One ledger row per summary; a cache hit counts as a summary that cost nothing. */
export async function recordResultUsage(
  store: Store,
  prices: TokenPrices,
  who: { guildId: string | null; userId: string; jobId?: string },
  result: Result,
): Promise<void> {
  const { tokens, cached } = result.meta;
  await store.recordUsage({
    guildId: who.guildId,
    userId: who.userId,
    ...(who.jobId ? { jobId: who.jobId } : {}),
    tokensIn: cached ? 0 : tokens.input,
    tokensOut: cached ? 0 : tokens.output,
    costUsd: cached ? 0 : estimateCostUsd(tokens, prices),
    cached,
  });
}
