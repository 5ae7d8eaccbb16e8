import { Writable } from 'node:stream';
import pino from 'pino';
import type { Pipeline } from '../../src/core/pipeline.ts';
import { type Bot, createBot } from '../../src/discord/bot.ts';
import { openSqliteQueue } from '../../src/queue/sqlite-queue.ts';
import type { JobQueue } from '../../src/queue/types.ts';
import type { Store } from '../../src/store/index.ts';
import { type FakeDiscord, startFakeDiscord } from '../../testkit/fake-discord.ts';
import { createOfflinePipeline, ScriptedPipeline } from '../../testkit/scripted-pipeline.ts';
import { createBotServices } from '../../testkit/services.ts';

export interface Running {
  fake: FakeDiscord;
  bot: Bot;
  pipeline: ScriptedPipeline;
  /** The bot's database, kept across restarts. */
  store: Store;
  /** Every log line the bot wrote, parsed. */
  logs: Record<string, unknown>[];
  /** Stops the bot and starts a new one (nothing kept in memory) with the same pipeline. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** A fake Discord, the real discord.js client logged into it, and the offline pipeline. */
export async function startBot(
  options: {
    maxAttachmentBytes?: number;
    pipeline?: Pipeline;
    progressAfterMs?: number;
    /** Where jobs wait; by default an in-memory one each bot owns. The caller closes it. */
    queue?: JobQueue;
    progressEveryMs?: number;
  } = {},
): Promise<Running> {
  const fake = await startFakeDiscord();
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  const pipeline = new ScriptedPipeline(options.pipeline ?? createOfflinePipeline());
  // The database outlives a restart, as a real one does.
  const services = await createBotServices();
  const launch = async () => {
    const bot = await createBot({
      config: {
        DISCORD_TOKEN: 'test-token',
        DISCORD_API_URL: fake.apiUrl,
        JOB_DEADLINE_MS: 60_000,
      },
      pipeline,
      logger,
      ...services,
      ...(options.maxAttachmentBytes ? { maxAttachmentBytes: options.maxAttachmentBytes } : {}),
      // Each launch gets a queue of its own unless the test shares one across the restart.
      queue: options.queue ?? openSqliteQueue({ path: ':memory:' }),
      // Progress edits have their own test (progress.test.ts); elsewhere the first edit of a
      // reply is its answer, however slow the machine.
      progressAfterMs: options.progressAfterMs ?? 60_000,
      ...(options.progressEveryMs === undefined
        ? {}
        : { progressEveryMs: options.progressEveryMs }),
    });
    await bot.start();
    return bot;
  };
  const running: Running = {
    fake,
    bot: await launch(),
    pipeline,
    store: services.store,
    logs,
    async restart() {
      await running.bot.stop();
      running.bot = await launch();
    },
    async close() {
      await running.bot.stop();
      await services.store.close();
      await fake.close();
    },
  };
  return running;
}
