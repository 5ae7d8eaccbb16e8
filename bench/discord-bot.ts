import pino from 'pino';
import { openBotServices } from '../src/app/bot-services.ts';
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
const services = await openBotServices(config);
// 50 requests from one user would meet the server's cooldown: this server has turned it off.
if (process.env.BENCH_GUILD_ID) {
  await services.store.updateGuildSettings(process.env.BENCH_GUILD_ID, { cooldownSeconds: 0 });
}
const inner = services.pipeline;
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
const bot = await createBot({ config, logger: pino({ level: 'silent' }), ...services, pipeline });
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
