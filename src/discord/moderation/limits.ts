import { estimateCostUsd, type TokenPrices } from '../../shared/cost.ts';
import type { Result } from '../../shared/schemas.ts';
import type { Store } from '../../store/index.ts';
import { JOB_TOKEN_ESTIMATE } from './reserve-usage.ts';

/** More tokens than any one job can spend: a count past it is a provider's error. */
const MAX_JOB_TOKENS = 10_000_000;

/** A provider's count as the ledger keeps it; NaN, negative or absurd counts are not believed. */
function plausible(count: number): boolean {
  return Number.isSafeInteger(count) && count >= 0 && count <= MAX_JOB_TOKENS;
}

/**
 * One ledger row per summary, settling the job's reservation; a cache hit counts as a summary
 * that cost nothing.
 */
export async function recordResultUsage(
  store: Store,
  prices: TokenPrices,
  who: { guildId: string | null; userId: string; jobId?: string },
  result: Result,
): Promise<void> {
  const { cached } = result.meta;
  // A count the provider got wrong (1e15, -5, NaN) would exhaust the day's cap or lose the
  // row; the job is billed its estimate instead.
  const tokens =
    plausible(result.meta.tokens.input) && plausible(result.meta.tokens.output)
      ? result.meta.tokens
      : { input: JOB_TOKEN_ESTIMATE, output: 0 };
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
