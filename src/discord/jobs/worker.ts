import type { REST } from '@discordjs/rest';
import type { z } from 'zod';
import type { JobWorker, QueuedJob } from '../../queue/types.ts';
import type { BotContext } from '../context.ts';
import { createWorkerRest } from '../render/webhook-reply.ts';

/** Jobs mostly wait on downloads and the model, whose own limit is what protects the provider. */
export const DEFAULT_WORKER_CONCURRENCY = 16;

/**
 * One kind of queued job and how a worker runs it: `payload` reads what the queue holds back as
 * what was written, and the worker runs the first runner whose payload schema accepts it. A new
 * kind of job is one runner and a line in the list the worker is given; the worker imports none.
 */
export interface JobRunner<P = unknown> {
  /** As logs name it. */
  id: string;
  payload: z.ZodType<P>;
  run(queued: QueuedJob, payload: P, bot: BotContext, rest: REST): Promise<void>;
}

/**
 * Takes summary jobs from the queue and runs the working half of the lifecycle. It needs no
 * gateway connection: interactions are answered through their webhooks, auto-summaries are
 * posted with the bot's token (which a worker needs only for those).
 */
export function startJobWorker(
  bot: BotContext,
  runners: readonly JobRunner[],
  options: { apiUrl?: string | undefined; token?: string | undefined; concurrency?: number },
): Promise<JobWorker> {
  const rest = createWorkerRest(options.apiUrl, options.token);
  return bot.queue.work((job) => runJob(job, runners, bot, rest), {
    concurrency: options.concurrency ?? DEFAULT_WORKER_CONCURRENCY,
  });
}

async function runJob(
  queued: QueuedJob,
  runners: readonly JobRunner[],
  bot: BotContext,
  rest: REST,
): Promise<void> {
  const issues: Record<string, unknown> = {};
  for (const runner of runners) {
    const parsed = runner.payload.safeParse(queued.payload);
    if (parsed.success) return runner.run(queued, parsed.data, bot, rest);
    issues[runner.id] = parsed.error.issues;
  }
  bot.logger.error({ jobId: queued.id, issues }, 'unreadable queued job');
}

/** A runner in a list: it is only ever given payloads its own schema accepted. */
export function listedRunner<P>(runner: JobRunner<P>): JobRunner {
  return runner as unknown as JobRunner;
}
