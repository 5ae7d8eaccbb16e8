import pino from 'pino';
import { createAppPipeline } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createExtractionPool } from './core/extract/pool.ts';
import { createBot } from './discord/bot.ts';
import { StartupError } from './discord/startup-errors.ts';
import { startHealthServer } from './ops/health-server.ts';
import { createMetrics } from './ops/metrics.ts';
import { openStore } from './store/index.ts';
import { createStoreCaches } from './store/pipeline-cache.ts';

/** The bot's composition root: config -> store -> pipeline -> client -> login. */
async function main(): Promise<void> {
  const config = loadConfig();
  // Under start:sharded, discord.js tells each child process its shard in SHARDS.
  const shard = process.env.SHARDS ? Number(process.env.SHARDS) : null;
  const logger = pino({ level: config.LOG_LEVEL, base: shard === null ? {} : { shard } });
  if (!config.OPENAI_API_KEY) {
    logger.warn('OPENAI_API_KEY is not set: summaries come from the offline engine, and say so');
  }
  const store = await openStore({ databaseUrl: config.DATABASE_URL ?? null });
  const caches = createStoreCaches(store, { textTtlSeconds: config.ARTICLE_TEXT_TTL_HOURS * 3600 });
  // HTML and PDF are extracted in worker threads: a hostile page never holds the gateway.
  const extractionPool = createExtractionPool();
  const pipeline = createAppPipeline(config, {
    cache: caches.pipeline,
    documentCache: caches.documents,
    extractionPool,
  });
  const metrics = createMetrics(shard === null ? {} : { shard: String(shard) }, {
    prices: {
      inputPerMTok: config.LLM_PRICE_INPUT_PER_MTOK,
      outputPerMTok: config.LLM_PRICE_OUTPUT_PER_MTOK,
    },
  });
  const bot = await createBot({
    config,
    pipeline,
    logger,
    metrics,
    // Issue 5: moderation settings, usage ledger, auto-summarize and the privacy purge.
    store,
    prices: {
      inputPerMillion: config.LLM_PRICE_INPUT_PER_MTOK,
      outputPerMillion: config.LLM_PRICE_OUTPUT_PER_MTOK,
    },
    autoSummarize: config.AUTO_SUMMARIZE,
    textTtlHours: config.ARTICLE_TEXT_TTL_HOURS,
  });
  await bot.start();

  // Each shard process serves its own port: HTTP_PORT + the shard id.
  const health =
    config.HTTP_PORT === undefined
      ? null
      : await startHealthServer({
          port: config.HTTP_PORT + (shard ?? 0),
          host: config.HTTP_HOST,
          metrics,
          health: {
            checks: async () => ({
              discord: bot.client.isReady(),
              database: await store.ping().then(
                () => true,
                () => false,
              ),
            }),
          },
        });
  if (health) logger.info({ port: health.port }, 'health and metrics listening');

  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    bot
      .stop()
      .then(() => health?.close())
      .then(() => store.close())
      .then(() => extractionPool.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Operator mistakes get one clear sentence; anything else is a bug and keeps its stack.
  if (error instanceof ConfigError || error instanceof StartupError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
