import pino from 'pino';
import { createAppPipeline } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Pipeline } from '../src/core/pipeline.ts';
import { createBot } from '../src/discord/bot.ts';

/**
 * The bot as `npm start` builds it (offline engine, no key), with every summary delayed by
 * BENCH_MODEL_MS to stand in for a model. Run by bench/discord.ts in its own process so its
 * RSS and event loop are the bot's alone; talks to the parent over IPC.
 */
const config = loadConfig();
const modelMs = Number(process.env.BENCH_MODEL_MS ?? 1000);
const inner = createAppPipeline(config);
const delay = () => new Promise((resolve) => setTimeout(resolve, modelMs));
const pipeline: Pipeline = {
  summarize: async (input, options, context) => {
    await delay();
    return inner.summarize(input, options, context);
  },
  resummarize: async (sha, options, context) => {
    await delay();
    return inner.resummarize(sha, options, context);
  },
};
const bot = await createBot({ config, pipeline, logger: pino({ level: 'silent' }) });
await bot.start();

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

process.on('message', async (message) => {
  if (message !== 'report') return;
  clearInterval(sampler);
  process.send?.({ peakRssMb: peakRss / 1024 / 1024 });
  await bot.stop();
  process.disconnect();
});
process.send?.({ idleRssMb: process.memoryUsage().rss / 1024 / 1024 });
