import pino from 'pino';
import { openBotServices } from './app/bot-services.ts';
import { loadConfig } from './config.ts';
import { createBot } from './discord/bot.ts';
import { startHealthServer } from './ops/health-server.ts';
import { OperatorError } from './shared/errors.ts';

/** The bot's composition root: config -> store -> pipeline -> client -> login. */
async function main(): Promise<void> {
  const config = loadConfig();
  // discord.js reads SHARD_COUNT from the environment as its own shard count. Ours (from .env)
  // is start:sharded's total, and "auto" there would stop a single process before it starts.
  if (!process.env.SHARDING_MANAGER) delete process.env.SHARD_COUNT;
  // Under start:sharded, discord.js tells each child process its shard in SHARDS.
  const shard = process.env.SHARDS ? Number(process.env.SHARDS) : null;
  const logger = pino({ level: config.LOG_LEVEL, base: shard === null ? {} : { shard } });
  if (!config.OPENAI_API_KEY) {
    logger.warn('OPENAI_API_KEY is not set: summaries come from the offline engine, and say so');
  }
  const services = await openBotServices(config, { shard });
  const { store, metrics } = services;
  const bot = await createBot({
    config,
    logger,
    ...services,
    autoSummarize: config.AUTO_SUMMARIZE,
    worker: config.RUN_WORKER,
    workerConcurrency: config.WORKER_CONCURRENCY,
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
      .then(() => services.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Operator mistakes get one clear sentence; anything else is a bug and keeps its stack.
  if (error instanceof OperatorError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
