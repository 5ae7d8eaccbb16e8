import type { REST } from '@discordjs/rest';
import type { QueuedJob } from '../../queue/types.ts';
import type { BotContext } from '../context.ts';
import {
  deliverThroughWebhook,
  editThroughWebhook,
  failThroughWebhook,
} from '../render/webhook-reply.ts';
import { type QueuedSummary, QueuedSummarySchema } from './job-types.ts';
import { PROGRESS_AFTER_MS, PROGRESS_EVERY_MS, progressReporter } from './progress.ts';
import { markDelivered, runJob } from './run-job.ts';
import type { JobRunner } from './worker.ts';

/** Discord accepts edits through an interaction's webhook for 15 minutes. */
export const INTERACTION_TOKEN_MS = 15 * 60_000;
/** Kept free at the end of a token's life for the delivery itself (a REST call or two, retried). */
export const DELIVERY_MARGIN_MS = 10_000;

/**
 * An interaction's job in a worker: its deadline ends before its token does, its progress and
 * answer edit the deferred reply through the webhook, once even when it is run again.
 */
export async function runQueuedJob(
  queued: QueuedJob,
  job: QueuedSummary,
  context: BotContext,
  rest: REST,
): Promise<void> {
  // Every line about the job names its interaction, as the router's lines do.
  const bot = { ...context, logger: context.logger.child({ interactionId: queued.id }) };
  const { origin, options, reply, input } = job;
  // The fields replyWithError logs, so a failure reads the same whichever process answers.
  const where = {
    command: origin.kind,
    attempt: queued.attempt,
    guildId: origin.guildId,
    channelId: origin.channelId,
    userId: origin.userId,
  };
  const tokenLeftMs =
    queued.acceptedAt.getTime() + INTERACTION_TOKEN_MS - DELIVERY_MARGIN_MS - Date.now();
  if (tokenLeftMs <= 0) {
    bot.logger.warn(where, 'queued job can no longer be answered: its interaction expired');
    return;
  }
  if (await bot.queue.wasDelivered(queued.id)) {
    bot.logger.info(where, 'queued job was already answered');
    return;
  }
  bot.logger.info(
    { ...where, waitedMs: queued.startedAt.getTime() - queued.acceptedAt.getTime() },
    'job started',
  );
  // A slow job's "thinking…" shows its stage; a deferred button update keeps its message.
  const progress =
    reply.acknowledged === 'update'
      ? null
      : progressReporter((text) => editThroughWebhook(rest, reply, text), {
          afterMs: bot.progressAfterMs ?? PROGRESS_AFTER_MS,
          everyMs: bot.progressEveryMs ?? PROGRESS_EVERY_MS,
        });
  const delivered = await runJob(
    {
      jobId: queued.id,
      part: 0,
      attempt: queued.attempt,
      origin,
      options,
      cooldown: job.cooldown,
      input,
      // An answer that arrives after the token died reaches nobody.
      deadlineMs: Math.min(bot.jobDeadlineMs, tokenLeftMs),
      onStage: (stage) => progress?.report(stage),
      // The answer always lands after the last progress edit.
      beforeDelivery: async () => {
        await progress?.settle();
      },
      deliver: (result) => deliverThroughWebhook(rest, reply, result, options),
      fail: async (error) => {
        await progress?.settle();
        await failThroughWebhook(rest, reply, error, bot.logger, where);
      },
    },
    bot,
  );
  if (delivered) await markDelivered(queued.id, bot, where);
}

/** An interaction's summary job, as the queue holds it. */
export const interactionJobRunner: JobRunner<QueuedSummary> = {
  id: 'interaction',
  payload: QueuedSummarySchema,
  run: runQueuedJob,
};
