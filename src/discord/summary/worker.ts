import type { JobWorker } from '../../queue/types.ts';
import type { BotContext } from '../context.ts';
import { runQueuedJob } from './job.ts';
import { createWebhookRest } from './webhook-reply.ts';

/** Jobs mostly wait on downloads and the model, whose own limit is what protects the provider. */
export const DEFAULT_WORKER_CONCURRENCY = 16;

/**
 * Takes summary jobs from the queue and runs the working half of the lifecycle. It needs no
 * gateway connection: answers go through each interaction's webhook.
 */
export function startSummaryWorker(
  bot: BotContext,
  options: { apiUrl?: string | undefined; concurrency?: number },
): Promise<JobWorker> {
  const rest = createWebhookRest(options.apiUrl);
  return bot.queue.work((job) => runQueuedJob(job, bot, rest), {
    concurrency: options.concurrency ?? DEFAULT_WORKER_CONCURRENCY,
  });
}
