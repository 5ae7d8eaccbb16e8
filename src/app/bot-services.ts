import { type Config, extractionPoolOptions } from '../config.ts';
import { createExtractionPool, type ExtractionPool } from '../core/extract/pool.ts';
import type { Pipeline } from '../core/pipeline.ts';
import { createMetrics, type Metrics } from '../ops/metrics.ts';
import { openQueue, queueSchema } from '../queue/open-queue.ts';
import type { JobQueue } from '../queue/types.ts';
import type { TokenPrices } from '../shared/cost.ts';
import type { Store } from '../store/index.ts';
import { lazyPipeline } from './lazy-pipeline.ts';
import { openAppStore, storeTarget } from './open-store.ts';
import { createStoreCaches } from './store-caches.ts';

export interface BotServices {
  store: Store;
  pipeline: Pipeline;
  metrics: Metrics;
  prices: TokenPrices;
  textTtlHours: number;
  /** HTML and PDF are extracted in worker threads: a hostile page never holds the gateway. */
  extractionPool: ExtractionPool;
  /** Accepted jobs, in the same database as the store. */
  queue: JobQueue;
  /**
   * Closes what this opened, the connections of the limits shared on PostgreSQL included; the
   * caller first stops whatever uses them (the bot, the worker).
   */
  close(): Promise<void>;
}

/**
 * The composition root: config -> store -> queue -> pipeline and the rest. The bot (`npm
 * start`, each shard) and the worker build what they run on here, so they cannot disagree
 * about the database; `npm run usage` opens the same store through `openAppStore`.
 */
export async function openBotServices(
  config: Config,
  options: { shard?: number | null } = {},
): Promise<BotServices> {
  const store = await openAppStore(config);
  const queue = await openQueue({
    ...storeTarget(config),
    leaseSeconds: config.QUEUE_LEASE_SECONDS,
    jobDeadlineMs: config.JOB_DEADLINE_MS,
  });
  const caches = createStoreCaches(store, { textTtlSeconds: config.ARTICLE_TEXT_TTL_HOURS * 3600 });
  const prices = {
    inputPerMillion: config.LLM_PRICE_INPUT_PER_MTOK,
    outputPerMillion: config.LLM_PRICE_OUTPUT_PER_MTOK,
  };
  const shard = options.shard ?? null;
  const extractionPool = createExtractionPool(extractionPoolOptions(config));
  // With PostgreSQL, LLM_CONCURRENCY holds across every worker, not per process.
  const shared = config.DATABASE_URL && queue.engine === 'pg-boss' ? config.DATABASE_URL : null;
  const modelSlots = shared
    ? (await import('../queue/global-slots.ts')).createPgSlots({
        databaseUrl: shared,
        size: config.LLM_CONCURRENCY,
        local: config.LLM_CONCURRENCY,
      })
    : null;
  const providerState = shared
    ? await (await import('../queue/provider-state.ts')).createPgProviderState({
        databaseUrl: shared,
        schema: queueSchema(shared),
      })
    : null;
  return {
    store,
    extractionPool,
    pipeline: lazyPipeline(async () =>
      (await import('./pipeline.ts')).createAppPipeline(config, {
        cache: caches.pipeline,
        documentCache: caches.documents,
        extractionPool,
        modelSlots,
        providerState,
      }),
    ),
    metrics: createMetrics(shard === null ? {} : { shard: String(shard) }, { prices }),
    prices,
    textTtlHours: config.ARTICLE_TEXT_TTL_HOURS,
    queue,
    async close() {
      await queue.close();
      await modelSlots?.close();
      await providerState?.close();
      await store.close();
      await extractionPool.close();
    },
  };
}
