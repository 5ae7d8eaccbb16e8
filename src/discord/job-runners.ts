import type { JobWorker } from '../queue/types.ts';
import { autoJobRunner } from './auto/run-auto-job.ts';
import type { BotContext } from './context.ts';
import { interactionJobRunner } from './jobs/run-interaction-job.ts';
import { listedRunner, startJobWorker } from './jobs/worker.ts';

/**
 * Every kind of queued job a worker runs, in the order their payloads are tried: an auto-summary
 * says so (`kind: 'auto'`), so it is tried first. A new kind is one runner and a line here.
 */
export const JOB_RUNNERS = [listedRunner(autoJobRunner), listedRunner(interactionJobRunner)];

/** A worker for every summary job the bot writes to the queue. */
export function startSummaryWorker(
  bot: BotContext,
  options: { apiUrl?: string | undefined; token?: string | undefined; concurrency?: number },
): Promise<JobWorker> {
  return startJobWorker(bot, JOB_RUNNERS, options);
}
