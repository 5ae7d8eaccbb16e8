import { openBotServices } from './app/bot-services.ts';
import { createProgramLogger } from './app/logger.ts';
import { serveHealth, stopOnSignal } from './app/serve.ts';
import { loadConfig } from './config.ts';
import type { BotContext } from './discord/context.ts';
import { startSummaryWorker } from './discord/job-runners.ts';
import { DEFAULT_MAX_ATTACHMENT_BYTES } from './discord/render/limits.ts';
import { OperatorError } from './shared/errors.ts';

/**
 * `npm run worker`: takes summary jobs from the queue and answers them through each
 * interaction's webhook. No gateway connection and no bot token, so model work scales on
 * machines of its own while the shards stay light.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const { logger, closeLogs } = createProgramLogger({
    level: config.LOG_LEVEL,
    base: { role: 'worker', pid: process.pid },
  });
  const services = await openBotServices(config);
  const context: BotContext = {
    ...services,
    logger,
    fetch: globalThis.fetch,
    maxAttachmentBytes: DEFAULT_MAX_ATTACHMENT_BYTES,
    jobDeadlineMs: config.JOB_DEADLINE_MS,
    limits: { userDailyTokens: config.USER_DAILY_TOKENS, dailyTokenCap: config.DAILY_TOKEN_CAP },
  };
  const worker = await startSummaryWorker(context, {
    apiUrl: config.DISCORD_API_URL,
    // Auto-summaries are posted with the bot's token; interactions need only their own.
    token: config.DISCORD_TOKEN,
    concurrency: config.WORKER_CONCURRENCY,
  });
  logger.info({ engine: services.queue.engine }, 'worker taking jobs');
  const health = await serveHealth(config, services);
  stopOnSignal(logger, { work: () => worker.stop(), health, services, closeLogs });
}

main().catch((error: unknown) => {
  // Operator mistakes get one clear sentence; anything else is a bug and keeps its stack.
  if (error instanceof OperatorError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
