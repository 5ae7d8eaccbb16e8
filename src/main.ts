import pino from 'pino';
import { createAppPipeline } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createBot } from './discord/bot.ts';
import { StartupError } from './discord/startup-errors.ts';

/** The bot's composition root: config -> pipeline -> client -> login. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL });
  if (!config.OPENAI_API_KEY) {
    logger.warn('OPENAI_API_KEY is not set: summaries come from the offline engine, and say so');
  }
  const pipeline = createAppPipeline(config);
  const bot = await createBot({ config, pipeline, logger });
  await bot.start();

  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    bot.stop().finally(() => process.exit(0));
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
