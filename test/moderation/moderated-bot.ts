import { Writable } from 'node:stream';
import { ApplicationFlags } from 'discord-api-types/v10';
import pino from 'pino';
import { createStoreCaches } from '../../src/app/store-caches.ts';
import { extractDocument } from '../../src/core/extract/index.ts';
import { createGuardedFetch } from '../../src/core/fetch/index.ts';
import { createUrlLoader } from '../../src/core/load-url.ts';
import { createPipeline } from '../../src/core/pipeline.ts';
import { type Bot, createBot } from '../../src/discord/bot.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { openSqliteQueue } from '../../src/queue/sqlite-queue.ts';
import type { JobQueue } from '../../src/queue/types.ts';
import type { Store } from '../../src/store/index.ts';
import { type FakeDiscord, startFakeDiscord } from '../../testkit/fake-discord.ts';
import { ScriptedPipeline } from '../../testkit/scripted-pipeline.ts';
import type { TestLocation } from '../store/databases.ts';
import type { Site } from './site.ts';

export interface Moderated {
  fake: FakeDiscord;
  bot: Bot;
  store: Store;
  pipeline: ScriptedPipeline;
  logs: Record<string, unknown>[];
  /** Resolves once the bot has finished with a gateway event about this message, and with
   * the job it queued. */
  handled(messageId: string, event?: 'message' | 'reaction' | 'deletion'): Promise<void>;
  /** Resolves once catch-up after the last start has finished, and the jobs it queued. */
  caughtUp(): Promise<void>;
  /** Stops the bot, closes the database, and starts both again: nothing kept in memory. */
  restart(between?: () => void | Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export interface ModeratedOptions {
  autoSummarize?: boolean;
  messageContent?: boolean;
  /** Wraps each bot's (in-memory) queue, e.g. to make its worker fail at a chosen point. */
  wrapQueue?: (queue: JobQueue) => JobQueue;
  /** The operator's daily limits; none by default. */
  limits?: { USER_DAILY_TOKENS?: number; DAILY_TOKEN_CAP?: number };
}

/**
 * The real discord.js client against the fake Discord, with the real store (SQLite or
 * PostgreSQL), the real pipeline on the offline engine, fetching from a loopback site.
 */
export async function startModeratedBot(
  location: TestLocation,
  site: Site,
  options: ModeratedOptions = {},
): Promise<Moderated> {
  const fake = await startFakeDiscord();
  if (options.messageContent ?? true)
    fake.applicationFlags = ApplicationFlags.GatewayMessageContent;
  const logs: Record<string, unknown>[] = [];
  let waiters: { match: (line: Record<string, unknown>) => boolean; resolve: () => void }[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const text of String(chunk).split('\n').filter(Boolean)) {
        const line = JSON.parse(text) as Record<string, unknown>;
        logs.push(line);
        for (const waiter of waiters.filter((w) => w.match(line))) waiter.resolve();
        waiters = waiters.filter((w) => !w.match(line));
      }
      done();
    },
  });
  let seenBefore = 0;
  /** Resolves on the first log line (from index `from`) that matches. */
  const waitForLog = (match: (line: Record<string, unknown>) => boolean, from = 0) =>
    new Promise<void>((resolve) => {
      if (logs.slice(from).some(match)) resolve();
      else waiters.push({ match, resolve });
    });
  const isHandled = (event: string, messageId: string) => (line: Record<string, unknown>) =>
    line.msg === 'auto-summarize: event handled' &&
    line.event === event &&
    line.messageId === messageId;
  const logger = pino({ level: 'debug' }, sink);
  const guardedFetch = createGuardedFetch({
    allowHosts: ['127.0.0.1'],
    allowPorts: [80, 443, site.port],
  });

  const queues: JobQueue[] = [];
  const launch = async () => {
    const store = await location.open();
    const caches = createStoreCaches(store, { textTtlSeconds: 24 * 3600 });
    const pipeline = new ScriptedPipeline(
      createPipeline({
        llm: null,
        loadUrl: createUrlLoader({ guardedFetch, cache: caches.documents }),
        extractFile: (file) =>
          extractDocument({
            bytes: file.bytes,
            contentType: file.contentType,
            url: null,
            fileName: file.name,
          }),
        cache: caches.pipeline,
      }),
    );
    const own = openSqliteQueue({ path: ':memory:' });
    const queue = options.wrapQueue?.(own) ?? own;
    queues.push(queue);
    const bot = await createBot({
      queue,
      config: {
        DISCORD_TOKEN: 'test-token',
        DISCORD_API_URL: fake.apiUrl,
        JOB_DEADLINE_MS: 60_000,
        ...options.limits,
      },
      pipeline,
      logger,
      store,
      prices: { inputPerMillion: 0.15, outputPerMillion: 0.6 },
      autoSummarize: options.autoSummarize ?? true,
      // Progress edits have their own test; here the first edit of a reply is its answer.
      progressAfterMs: 60_000,
      textTtlHours: 24,
      metrics: createMetrics(),
    });
    await bot.start();
    return { store, pipeline, bot };
  };

  const first = await launch();
  const running: Moderated = {
    fake,
    logs,
    ...first,
    async handled(messageId, event = 'message') {
      await waitForLog(isHandled(event, messageId));
      // The event only queues the message's job; a worker posts its summaries.
      await running.bot.idle();
    },
    async caughtUp() {
      await waitForLog(isHandled('catch-up', ''), seenBefore);
      await running.bot.idle();
    },
    async restart(between) {
      await running.bot.stop();
      // The old store stays open until the test's reset closes it; the new bot gets a new one.
      await between?.();
      seenBefore = logs.length;
      Object.assign(running, await launch());
    },
    async close() {
      await running.bot.stop();
      await Promise.all(queues.map((queue) => queue.close()));
      await fake.close();
    },
  };
  return running;
}
