import { isUserError } from '../../shared/errors.ts';
import { resolveJobOptions } from '../../shared/options.ts';
import type { BotContext } from '../context.ts';
import type { ServerRules } from '../moderation/job-rules.ts';
import { recordFinishedJob } from './job-log.ts';
import type {
  AutoSummaryJob,
  InteractionSummaryJob,
  QueuedAutoSummary,
  QueuedSummary,
  SummaryOptions,
} from './job-types.ts';
import { fairnessKey, rulesFor } from './server-rules.ts';

/**
 * The one lifecycle of every summary job: server settings → defaults and domain lists →
 * acknowledgement → the durable queue → (a worker) cooldown, budget and the operator's limits →
 * pipeline under the job's deadline and fairness key → the answer kept with the job →
 * delivery → usage ledger → log and metrics; any failure goes to the job's own `fail`.
 *
 * Every job is split where it is written to the queue: the process that saw the interaction or
 * the message runs up to it (acceptSummaryJob, acceptAutoJob); a worker, here or on another
 * machine, runs the rest (runJob, in run-job.ts) and answers through Discord's REST API alone.
 */

/**
 * The accepting half of an interaction: settings, defaults, domain lists, the acknowledgement,
 * then the job is written to the queue before any slow work starts, so a crash from here on
 * loses nothing.
 */
export async function acceptSummaryJob(job: InteractionSummaryJob, bot: BotContext): Promise<void> {
  const { origin } = job;
  const startedAt = performance.now();
  try {
    const { options } = await beforeAcknowledging(job, job.url, bot);
    const reply = await job.acknowledge(options);
    const queued: QueuedSummary = {
      origin,
      options,
      cooldown: job.cooldown,
      input: await job.describe(),
      reply,
    };
    await bot.queue.enqueue({ id: job.id, key: fairnessKey(origin), payload: queued });
  } catch (error) {
    recordFinishedJob(origin, bot, { startedAt, error });
    await job.fail(error);
  }
}

/**
 * The accepting half of an auto-summary: the server's domain lists drop the links it refuses
 * (quietly: the poster did not ask), the defaults become the options, and the message's job is
 * written to the queue. Nothing is acknowledged: nobody waits on a reply.
 */
export async function acceptAutoJob(job: AutoSummaryJob, bot: BotContext): Promise<void> {
  const { origin } = job;
  const startedAt = performance.now();
  // Nobody chose an option: the server's defaults decide them all.
  const { rules, options } = await beforeAcknowledging(
    { origin, chosen: {}, fallback: {} },
    null,
    bot,
  );
  const links = job.links.filter((link) => {
    try {
      rules.checkDomain(link.url);
      return true;
    } catch (error) {
      if (!isUserError(error)) throw error;
      recordFinishedJob(origin, bot, { startedAt, error });
      job.refused(link.url, error);
      return false;
    }
  });
  if (links.length === 0) return;
  const queued: QueuedAutoSummary = {
    kind: 'auto',
    origin,
    options,
    links,
    post: job.post,
  };
  await bot.queue.enqueue({ id: job.id, key: fairnessKey(origin), payload: queued });
}

/** The server's rules and the options they make of the request; a blocked link is refused. */
async function beforeAcknowledging(
  job: Pick<InteractionSummaryJob, 'origin' | 'chosen' | 'fallback'>,
  url: string | null,
  bot: BotContext,
): Promise<{ rules: ServerRules; options: SummaryOptions }> {
  const rules = await rulesFor(job.origin, bot);
  if (url) rules.checkDomain(url);
  return { rules, options: resolveJobOptions(job.chosen, rules.defaults, job.fallback) };
}
