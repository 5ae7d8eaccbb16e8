// The bot as `npm start` builds it (offline engine, no key), with every summary delayed by
// BENCH_MODEL_MS to stand in for a model. Run by bench/discord.ts in its own process so its
// start-up, RSS and event loop are the bot's alone; talks to the parent over IPC.
// Plain JavaScript, so that with BENCH_LAYOUT=dist it loads the build with no TypeScript
// loader at all, as `npm start` does; BENCH_LAYOUT=src loads the sources through tsx.
const layout = process.env.BENCH_LAYOUT === 'src' ? 'src' : 'dist';
const ext = layout === 'src' ? 'ts' : 'js';
// The build mirrors the checkout (dist/src/, dist/commands/), so the sources sit one level deeper.
const dir = layout === 'src' ? 'src' : 'dist/src';
const load = (path) => import(new URL(`../${dir}/${path}.${ext}`, import.meta.url).href);

const [{ default: pino }, { openBotServices }, { loadConfig }, { createBot }] = await Promise.all([
  import('pino'),
  load('app/bot-services'),
  load('config'),
  load('discord/bot'),
]);
const config = loadConfig();
const modelMs = Number(process.env.BENCH_MODEL_MS ?? 1000);
const services = await openBotServices(config);
// 50 requests from one user would meet the server's cooldown: this server has turned it off.
if (process.env.BENCH_GUILD_ID) {
  await services.store.updateGuildSettings(process.env.BENCH_GUILD_ID, { cooldownSeconds: 0 });
}
const inner = services.pipeline;
const delay = () => new Promise((resolve) => setTimeout(resolve, modelMs));
const pipeline = {
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
// Process start to gateway READY, as the operating system counts it.
const readyMs = performance.now();

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
// Idle: logged in, modules loaded, and a moment for start-up garbage to be collected.
setTimeout(() => {
  process.send?.({ readyMs, idleRssMb: process.memoryUsage().rss / 1024 / 1024 });
}, 500);
