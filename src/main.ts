import { openBotServices } from './app/bot-services.ts';
import { createProgramLogger } from './app/logger.ts';
import { serveHealth, stopOnSignal } from './app/serve.ts';
import { loadConfig } from './config.ts';
import { createBot } from './discord/bot.ts';
import { OperatorError } from './shared/errors.ts';

/** `npm start`: config -> the services of the one composition root -> client -> login. */
async function main(): Promise<void> {
  const config = loadConfig();
  // discord.js reads SHARD_COUNT from the environment as its own shard count. Ours (from .env)
  // is start:sharded's total, and "auto" there would stop a single process before it starts.
  if (!process.env.SHARDING_MANAGER) delete process.env.SHARD_COUNT;
  // Under start:sharded, discord.js tells each child process its shard in SHARDS.
  const shard = process.env.SHARDS ? Number(process.env.SHARDS) : null;
  const { logger, closeLogs } = createProgramLogger({
    level: config.LOG_LEVEL,
    base: shard === null ? {} : { shard },
  });
  if (!config.OPENAI_API_KEY) {
    logger.warn('OPENAI_API_KEY is not set: summaries come from the offline engine, and say so');
  }
  const services = await openBotServices(config, { shard });
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
  const health = await serveHealth(config, services, {
    portOffset: shard ?? 0,
    checks: () => ({ discord: bot.client.isReady() }),
  });
  if (health) logger.info({ port: health.port }, 'health and metrics listening');
  stopOnSignal(logger, { work: () => bot.stop(), health, services, closeLogs });
}

main().catch((error: unknown) => {
  // Operator mistakes get one clear sentence; anything else is a bug and keeps its stack.
  if (error instanceof OperatorError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
