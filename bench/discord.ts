import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BOT_EXEC_ARGV } from '../src/runtime-flags.ts';
import { startFakeDiscord } from '../testkit/fake-discord.ts';
import { ARTICLE_TEXT } from '../testkit/scripted-pipeline.ts';

export interface DiscordBench {
  interactions: number;
  modelMs: number;
  ackP50Ms: number;
  ackP99Ms: number;
  /** Completed summaries per second, first dispatch to last edit. */
  throughputPerS: number;
  /** The bot process's resident memory once logged in, and its peak during the run. */
  idleRssMb: number;
  peakRssMb: number;
}

/**
 * 50 concurrent /summarize through the loopback Discord, against the bot as `npm start` builds
 * it (real discord.js client, offline engine) behind a model that takes 1 s. The bot runs in
 * its own process, so latency and RSS are its own, not the fake's. The acknowledgement must
 * not wait for the model: Discord drops an interaction not acknowledged within 3 s.
 */
export async function benchDiscord(interactions = 50, modelMs = 1000): Promise<DiscordBench> {
  const fake = await startFakeDiscord();
  // The bot's SQLite database goes in a folder of its own, gone after the run.
  const workDir = mkdtempSync(join(tmpdir(), 'precis-bench-'));
  const child = fork(new URL('./discord-bot.ts', import.meta.url), {
    execArgv: BOT_EXEC_ARGV,
    cwd: workDir,
    env: {
      ...process.env,
      DISCORD_TOKEN: 'bench-token',
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
    const { idleRssMb } = (await next()) as { idleRssMb: number };
    // One warm-up so module loading and JIT are not counted as latency.
    await fake.slash('summarize', { text: ARTICLE_TEXT.slice(0, 5000) }).edit();
    const started = performance.now();
    const runs = Array.from({ length: interactions }, (_, n) => {
      const dispatchedAt = performance.now();
      // Distinct texts so no answer comes from the cache.
      const handle = fake.slash('summarize', { text: `Item ${n}. ${ARTICLE_TEXT.slice(0, 5000)}` });
      return Promise.all([handle.callback(), handle.edit(30_000)]).then(([ack, edit]) => ({
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
    child.send('report');
    const { peakRssMb } = (await next()) as { peakRssMb: number };
    return {
      interactions,
      modelMs,
      ackP50Ms: at(0.5),
      ackP99Ms: at(0.99),
      throughputPerS: interactions / elapsedS,
      idleRssMb,
      peakRssMb,
    };
  } finally {
    if (child.exitCode === null) child.kill();
    await fake.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchDiscord();
  process.stdout.write(
    [
      `Discord: ${r.interactions} concurrent /summarize, model answering in ${r.modelMs} ms`,
      `  ack latency p50 / p99   ${r.ackP50Ms.toFixed(1)} / ${r.ackP99Ms.toFixed(1)} ms   (target p99 ≤ 250 ms)`,
      `  throughput              ${r.throughputPerS.toFixed(1)} summaries/s`,
      `  bot RSS idle / peak     ${r.idleRssMb.toFixed(0)} / ${r.peakRssMb.toFixed(0)} MB   (target ≤ 150 MB)`,
      '',
    ].join('\n'),
  );
}
