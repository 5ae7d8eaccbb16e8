import { type Client, Events } from 'discord.js';
import type { Logger } from 'pino';
import type { Pipeline } from '../core/pipeline.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { JobQueue, JobWorker } from '../queue/types.ts';
import type { TokenPrices } from '../shared/cost.ts';
import type { Store } from '../store/index.ts';
import { startAutoSummarize } from './auto/listeners.ts';
import type { Command } from './command.ts';
import type { BotContext } from './context.ts';
import { interactionHandlers } from './interaction-handlers.ts';
import { startSummaryWorker } from './job-runners.ts';
import { DEFAULT_WORKER_CONCURRENCY } from './jobs/worker.ts';
import { DEFAULT_MAX_ATTACHMENT_BYTES } from './render/limits.ts';
import { createDiscordClient } from './runtime/client.ts';
import { loadCommands } from './runtime/load-commands.ts';
import { createInteractionRouter } from './runtime/router.ts';
import { describeCloseCode, describeLoginError, StartupError } from './runtime/startup-errors.ts';

/** What the bot reads of the configuration; the composition root (src/app/) hands it over. */
export interface BotSettings {
  DISCORD_TOKEN?: string | undefined;
  DISCORD_API_URL?: string | undefined;
  JOB_DEADLINE_MS: number;
  USER_DAILY_TOKENS?: number;
  DAILY_TOKEN_CAP?: number;
}

export interface BotOptions {
  config: BotSettings;
  pipeline: Pipeline;
  logger: Logger;
  /** Finished jobs are counted here, for GET /metrics. */
  metrics: Metrics;
  /** Settings, usage and summary records. */
  store: Store;
  /** For the usage ledger's cost estimate. */
  prices: TokenPrices;
  /** Stored article text is forgotten after this many hours. */
  textTtlHours: number;
  /** For attachment downloads; defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Defaults to every module in commands/. */
  commands?: Map<string, Command>;
  maxAttachmentBytes?: number;
  /** Ask for the message intents and summarize links in the channels moderators choose. */
  autoSummarize?: boolean;
  /** Where accepted jobs wait: the one beside the store, which its opener closes. */
  queue: JobQueue;
  /** Also take jobs from the queue (npm start); false for a shard whose workers run apart. */
  worker?: boolean;
  /** Jobs this process runs at once (model calls have their own, lower limit). */
  workerConcurrency?: number;
  /** How long a job runs before its reply shows its stage; default 2 s. */
  progressAfterMs?: number;
  /** How often at most a stage edit may follow the last; default 1 s. */
  progressEveryMs?: number;
}

export interface Bot {
  client: Client;
  commands: Map<string, Command>;
  /** Logs in and resolves once the gateway says READY; rejects with an operator-facing error. */
  start(): Promise<void>;
  /** Takes no new interactions, lets answers in progress finish (up to graceMs), logs out. */
  stop(options?: { graceMs?: number }): Promise<void>;
  /** Resolves once no answer or auto-summary is in progress (tests await it). */
  idle(): Promise<void>;
}

export async function createBot(options: BotOptions): Promise<Bot> {
  const { config, logger } = options;
  const commands = options.commands ?? (await loadCommands());
  const { queue } = options;
  const context: BotContext = {
    pipeline: options.pipeline,
    logger,
    fetch: options.fetch ?? globalThis.fetch,
    maxAttachmentBytes: options.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES,
    jobDeadlineMs: config.JOB_DEADLINE_MS,
    metrics: options.metrics,
    store: options.store,
    prices: options.prices,
    textTtlHours: options.textTtlHours,
    ...(options.progressAfterMs === undefined ? {} : { progressAfterMs: options.progressAfterMs }),
    ...(options.progressEveryMs === undefined ? {} : { progressEveryMs: options.progressEveryMs }),
    // Without them in the configuration (tests), no operator limit applies.
    limits: {
      userDailyTokens: config.USER_DAILY_TOKENS ?? 0,
      dailyTokenCap: config.DAILY_TOKEN_CAP ?? 0,
    },
    queue,
  };
  const client = createDiscordClient(config.DISCORD_API_URL, {
    autoSummarize: options.autoSummarize ?? false,
  });
  const route = createInteractionRouter(interactionHandlers(commands), context);
  // Answers in progress, so stop() can let them finish instead of leaving users "thinking…".
  const inFlight = new Set<Promise<void>>();
  client.on(Events.InteractionCreate, (interaction) => {
    // route never rejects: every failure is answered and logged inside it.
    const job = route(interaction).finally(() => inFlight.delete(job));
    inFlight.add(job);
  });
  // Auto-summarize, catch-up, deletions and the privacy purge; tracked like answers.
  const auto = startAutoSummarize(client, context, {
    enabled: options.autoSummarize ?? false,
    textTtlHours: options.textTtlHours,
    track: (job) => {
      const tracked = job.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    },
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));

  let worker: JobWorker | null = null;

  async function start(): Promise<void> {
    const token = config.DISCORD_TOKEN;
    if (!token) {
      throw new StartupError(
        'DISCORD_TOKEN is not set. Create a bot at https://discord.com/developers/applications, copy its token into .env as DISCORD_TOKEN=…, and start again.',
      );
    }
    const ready = new Promise<void>((resolve, reject) => {
      client.once(Events.ClientReady, () => resolve());
      client.on(Events.ShardDisconnect, (event) => {
        const error = describeCloseCode(event.code);
        if (error) reject(error);
      });
    });
    // If login itself fails, that error is the one reported; this one must not go unhandled.
    ready.catch(() => undefined);
    try {
      await client.login(token);
    } catch (error) {
      throw describeLoginError(error);
    }
    await ready;
    if (options.worker ?? true) {
      worker = await startSummaryWorker(context, {
        apiUrl: config.DISCORD_API_URL,
        token,
        concurrency: options.workerConcurrency ?? DEFAULT_WORKER_CONCURRENCY,
      });
    }
    logger.info({ user: client.user?.tag, commands: [...commands.keys()] }, 'discord bot ready');
  }

  async function stop({ graceMs = 15_000 }: { graceMs?: number } = {}): Promise<void> {
    client.removeAllListeners(Events.InteractionCreate);
    auto.stop();
    if (inFlight.size > 0) {
      logger.info({ pending: inFlight.size }, 'stopping: waiting for answers in progress');
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.allSettled([...inFlight]), grace]);
      clearTimeout(timer);
    }
    // Jobs still waiting stay in the queue for the next worker; the running ones get the grace.
    await worker?.stop({ graceMs });
    await client.destroy();
  }

  async function idle(): Promise<void> {
    // A job can start another (a message handled during catch-up): wait until none is left.
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    await queue.idle();
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  }

  return { client, commands, start, stop, idle };
}
