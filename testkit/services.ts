import { createMetrics, type Metrics } from '../src/ops/metrics.ts';
import { openSqliteQueue } from '../src/queue/sqlite-queue.ts';
import type { JobQueue } from '../src/queue/types.ts';
import { type TokenPrices, ZERO_PRICES } from '../src/shared/cost.ts';
import { openStore, type Store } from '../src/store/index.ts';

export interface BotServices {
  store: Store;
  metrics: Metrics;
  prices: TokenPrices;
  textTtlHours: number;
  queue: JobQueue;
}

/**
 * The services the bot always has, as a test or benchmark builds them: a real store in an
 * in-memory SQLite database (pass one to share it, e.g. across a restart), real metrics, and a
 * real queue in another in-memory database.
 */
export async function createBotServices(
  overrides: Partial<BotServices> = {},
): Promise<BotServices> {
  return {
    // Its servers start without a cooldown, so a test can ask twice in a row; the moderation
    // tests set their own rules.
    store:
      overrides.store ??
      (await openStore({ sqlitePath: ':memory:', guildDefaults: { cooldownSeconds: 0 } })),
    metrics: overrides.metrics ?? createMetrics(),
    prices: overrides.prices ?? ZERO_PRICES,
    textTtlHours: overrides.textTtlHours ?? 24,
    queue: overrides.queue ?? openSqliteQueue({ path: ':memory:' }),
  };
}
