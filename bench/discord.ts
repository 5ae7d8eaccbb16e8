import { execFileSync, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BOT_EXEC_ARGV } from '../src/runtime-flags.ts';
import type { FakeDiscord } from '../testkit/fake-discord.ts';
import { startFakeDiscord } from '../testkit/fake-discord.ts';
import { ARTICLE_TEXT } from '../testkit/scripted-pipeline.ts';

/** Where the bot runs from: the build `npm start` runs, or the TypeScript sources through tsx. */
export type Layout = 'dist' | 'src';

export interface BotStartup {
  layout: Layout;
  /** Process start to gateway READY (modules loaded, database open, logged in). */
  readyMs: number;
  /** Resident memory half a second after READY, before any interaction. */
  idleRssMb: number;
}

export interface DiscordBench extends BotStartup {
  interactions: number;
  modelMs: number;
  ackP50Ms: number;
  ackP99Ms: number;
  /** Completed summaries per second, first dispatch to last edit. */
  throughputPerS: number;
  /** The bot process's peak resident memory during the run. */
  peakRssMb: number;
  /** Idle RSS of each start; idleRssMb is their median. */
  idleRssSamplesMb: number[];
}

/** Starts of the build whose idle RSS is taken: see benchDiscord. */
const IDLE_STARTS = 3;

/**
 * 50 concurrent /summarize through the loopback Discord, against the bot as `npm start` runs
 * it (the build in dist/, real discord.js client, offline engine) behind a model that takes 1 s.
 * The bot runs in its own process, so start-up, latency and RSS are its own, not the fake's.
 * The acknowledgement must not wait for the model: Discord drops an interaction not
 * acknowledged within 3 s.
 */
export async function benchDiscord(interactions = 50, modelMs = 1000): Promise<DiscordBench> {
  const run = await withBot('dist', modelMs, async (fake, startup, report) => {
    // One warm-up so module loading and JIT are not counted as latency.
    await fake.slash('summarize', { text: ARTICLE_TEXT.slice(0, 5000) }).edit();
    const started = performance.now();
    const runs = Array.from({ length: interactions }, (_, n) => {
      const dispatchedAt = performance.now();
      // Distinct texts so no answer comes from the cache.
      const handle = fake.slash('summarize', { text: `Item ${n}. ${ARTICLE_TEXT.slice(0, 5000)}` });
      // The answer is the edit with the summary, not a "⏳ Summarizing…" progress edit.
      const answer = fake.waitFor(
        (r) =>
          r.params.token === handle.token &&
          r.route === 'PATCH /webhooks/:app/:token/messages/:message' &&
          ((r.body as { embeds?: unknown[] } | null)?.embeds?.length ?? 0) > 0,
        30_000,
      );
      return Promise.all([handle.callback(), answer]).then(([ack, edit]) => ({
        ackMs: ack.at - dispatchedAt,
        doneAt: edit.at,
      }));
    });
    const results = await Promise.all(runs);
    if (fake.validationFailures.length > 0)
      throw new Error('Discord would have rejected a message');
    const acks = results.map((r) => r.ackMs).sort((a, b) => a - b);
    const at = (q: number) =>
      acks[Math.min(acks.length - 1, Math.ceil(q * acks.length) - 1)] ?? Number.NaN;
    const elapsedS = (Math.max(...results.map((r) => r.doneAt)) - started) / 1000;
    const { peakRssMb } = await report();
    return {
      ...startup,
      interactions,
      modelMs,
      ackP50Ms: at(0.5),
      ackP99Ms: at(0.99),
      throughputPerS: interactions / elapsedS,
      peakRssMb,
    };
  });
  // Idle RSS stays flat within one process but differs by several MB between identical starts
  // (how much start-up memory the malloc arenas keep), so one start is one sample: the figure
  // is the median of a few.
  const samples = [run.idleRssMb];
  while (samples.length < IDLE_STARTS) samples.push((await benchStartup('dist')).idleRssMb);
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    ...run,
    idleRssMb: sorted[Math.floor(sorted.length / 2)] ?? run.idleRssMb,
    idleRssSamplesMb: samples,
  };
}

/** Start-up time and idle memory alone, e.g. of the sources through tsx as a baseline. */
export async function benchStartup(layout: Layout): Promise<BotStartup> {
  return withBot(layout, 0, async (_fake, startup, report) => {
    await report();
    return startup;
  });
}

async function withBot<T>(
  layout: Layout,
  modelMs: number,
  run: (
    fake: FakeDiscord,
    startup: BotStartup,
    report: () => Promise<{ peakRssMb: number }>,
  ) => Promise<T>,
): Promise<T> {
  // The build must be current, as `npm start` makes it (prestart).
  if (layout === 'dist') {
    execFileSync(
      process.execPath,
      [fileURLToPath(new URL('../scripts/build-if-stale.mjs', import.meta.url))],
      {
        stdio: 'inherit',
      },
    );
  }
  const fake = await startFakeDiscord();
  // The bot's SQLite database goes in a folder of its own, gone after the run.
  const workDir = mkdtempSync(join(tmpdir(), 'precis-bench-'));
  const child = fork(new URL('./discord-bot.mjs', import.meta.url), {
    // tsx by its full path: the child runs in a temporary folder, out of node_modules' reach.
    execArgv:
      layout === 'dist'
        ? BOT_EXEC_ARGV
        : [...BOT_EXEC_ARGV, '--import', import.meta.resolve('tsx')],
    cwd: workDir,
    env: {
      ...process.env,
      BENCH_LAYOUT: layout,
      DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAw.GfakeT.loopback-discord-token-for-tests',
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: '',
      OPENAI_API_KEY: '',
      LOG_LEVEL: 'silent',
      BENCH_MODEL_MS: String(modelMs),
      BENCH_GUILD_ID: fake.guildId,
    },
  });
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`bench bot exited with code ${code}`)));
    });
  try {
    const { readyMs, idleRssMb } = (await next()) as { readyMs: number; idleRssMb: number };
    const report = async () => {
      child.send('report');
      return (await next()) as { peakRssMb: number };
    };
    return await run(fake, { layout, readyMs, idleRssMb }, report);
  } finally {
    if (child.exitCode === null) child.kill();
    await fake.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchDiscord();
  const source = await benchStartup('src');
  process.stdout.write(
    [
      `Discord: the build in dist/ (npm start); baseline: the sources through tsx, same run`,
      `  start to gateway ready  ${(r.readyMs / 1000).toFixed(2)} s   (tsx ${(source.readyMs / 1000).toFixed(2)} s, ×${(r.readyMs / source.readyMs).toFixed(2)})   (target ≤ 3 s)`,
      `  bot RSS idle            ${r.idleRssMb.toFixed(0)} MB, median of ${r.idleRssSamplesMb.map((mb) => mb.toFixed(0)).join(' / ')}   (tsx ${source.idleRssMb.toFixed(0)} MB, ×${(r.idleRssMb / source.idleRssMb).toFixed(2)})   (target ≤ 110 MB)`,
      `  bot RSS peak            ${r.peakRssMb.toFixed(0)} MB with ${r.interactions} in flight   (target ≤ 150 MB)`,
      `  ack latency p50 / p99   ${r.ackP50Ms.toFixed(1)} / ${r.ackP99Ms.toFixed(1)} ms at ${r.interactions} concurrent, model ${r.modelMs} ms   (target p99 ≤ 50 ms)`,
      `  throughput              ${r.throughputPerS.toFixed(1)} summaries/s`,
      '',
    ].join('\n'),
  );
}
