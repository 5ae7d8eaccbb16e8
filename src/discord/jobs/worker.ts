import type { REST } from '@discordjs/rest';
import type { JobWorker, QueuedJob } from '../../queue/types.ts';
import { runAutoJob } from '../auto/run-auto-job.ts';
import type { BotContext } from '../context.ts';
import { runQueuedJob } from './job.ts';
import { QueuedAutoSummarySchema, QueuedSummarySchema } from './job-types.ts';
import { createWorkerRest } from './webhook-reply.ts';

/** Jobs mostly wait on downloads and the model, whose own limit is what protects the provider. */
export const DEFAULT_WORKER_CONCURRENCY = 16;

/**
 * Takes summary jobs from the queue and runs the working half of the lifecycle. It needs no
 * gateway connection: interactions are answered through their webhooks, auto-summaries are
 * posted with the bot's token (which a worker needs only for those).
 */
export function startSummaryWorker(
  bot: BotContext,
  options: { apiUrl?: string | undefined; token?: string | undefined; concurrency?: number },
): Promise<JobWorker> {
  const rest = createWorkerRest(options.apiUrl, options.token);
  return bot.queue.work((job) => runJob(job, bot, rest), {
    concurrency: options.concurrency ?? DEFAULT_WORKER_CONCURRENCY,
  });
}

/** What the queue holds is read back as what was written: an auto-summary or an interaction. */
async function runJob(queued: QueuedJob, bot: BotContext, rest: REST): Promise<void> {
  const auto = QueuedAutoSummarySchema.safeParse(queued.payload);
  if (auto.success) return runAutoJob(queued, auto.data, bot, rest);
  const interaction = QueuedSummarySchema.safeParse(queued.payload);
  if (interaction.success) return runQueuedJob(queued, interaction.data, bot, rest);
  bot.logger.error({ jobId: queued.id, issues: interaction.error.issues }, 'unreadable queued job');
}
