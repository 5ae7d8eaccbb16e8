import type { REST } from '@discordjs/rest';
import type { JobContext, JobStage } from '../../core/pipeline.ts';
import type { QueuedJob } from '../../queue/types.ts';
import { UserError } from '../../shared/errors.ts';
import type { Result, SummarizeInput } from '../../shared/schemas.ts';
import type { BotContext } from '../context.ts';
import { type ServerRules, serverRules } from '../moderation/job-rules.ts';
import { recordResultUsage } from '../moderation/limits.ts';
import { enforceOperatorLimits } from '../moderation/operator-limits.ts';
import { guildSettings } from '../moderation/settings-cache.ts';
import { downloadAttachment } from './download-attachment.ts';
import { recordFinishedJob } from './job-log.ts';
import {
  type InteractionSummaryJob,
  type JobOrigin,
  type QueuedInput,
  type QueuedSummary,
  QueuedSummarySchema,
  type SummaryJob,
  type SummaryOptions,
} from './job-types.ts';
import { PROGRESS_AFTER_MS, PROGRESS_EVERY_MS, progressReporter } from './progress.ts';
import { deliverThroughWebhook, editThroughWebhook, failThroughWebhook } from './webhook-reply.ts';

/**
 * The one lifecycle of every summary job: server settings → defaults and domain lists →
 * acknowledgement → cooldown, budget and the operator's limits → pipeline under the job's
 * deadline and fairness key → delivery → usage ledger → log and metrics; any failure goes to
 * the job's own `fail`.
 *
 * Interaction jobs are split at the acknowledgement: the process that received the interaction
 * runs up to it and writes the job to the durable queue (acceptSummaryJob); a worker, here or on
 * another machine, runs the rest and answers through the interaction's webhook (runQueuedJob).
 * Auto-summaries run both halves in the process that saw the message (runSummaryJob).
 */
export async function runSummaryJob(job: SummaryJob, bot: BotContext): Promise<Result | null> {
  const { origin, work } = job;
  const startedAt = performance.now();
  let result: Result | undefined;
  try {
    const { rules, options } = await beforeAcknowledging(
      job,
      work.kind === 'input' ? work.url : null,
      bot,
    );
    await job.acknowledge(options);
    result = await summarize(
      rules,
      origin,
      options,
      job.cooldown,
      work.kind === 'input' ? work.read : { sha256: work.sha256 },
      bot,
    );
    const summary = result;
    // The tokens are spent whether or not the delivery works: the ledger records them either way.
    await job.deliver(summary, options).finally(() => recordUsage(origin, bot, summary));
  } catch (error) {
    recordFinishedJob(origin, bot, { startedAt, result, error });
    await job.fail(error);
    return null;
  }
  recordFinishedJob(origin, bot, { startedAt, result });
  return result;
}

/**
 * The accepting half: settings, defaults, domain lists, the acknowledgement, then the job is
 * written to the queue before any slow work starts, so a crash from here on loses nothing.
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

/** Discord accepts edits through an interaction's webhook for 15 minutes. */
const INTERACTION_TOKEN_MS = 15 * 60_000;

/**
 * The working half, in a worker: limits, input, pipeline, delivery through the webhook (once,
 * even when the job is run again after a crash), ledger, log and metrics.
 */
export async function runQueuedJob(
  queued: QueuedJob,
  context: BotContext,
  rest: REST,
): Promise<void> {
  // Every line about the job names its interaction, as the router's lines do.
  const bot = { ...context, logger: context.logger.child({ interactionId: queued.id }) };
  const parsed = QueuedSummarySchema.safeParse(queued.payload);
  if (!parsed.success) {
    bot.logger.error({ issues: parsed.error.issues }, 'unreadable queued job');
    return;
  }
  const { origin, options, reply, input } = parsed.data;
  // The fields replyWithError logs, so a failure reads the same whichever process answers.
  const where = {
    command: origin.kind,
    attempt: queued.attempt,
    guildId: origin.guildId,
    channelId: origin.channelId,
    userId: origin.userId,
  };
  if (Date.now() - queued.acceptedAt.getTime() > INTERACTION_TOKEN_MS) {
    bot.logger.warn(where, 'queued job can no longer be answered: its interaction expired');
    return;
  }
  if (await bot.queue.wasDelivered(queued.id)) {
    bot.logger.info(where, 'queued job was already answered');
    return;
  }
  const startedAt = performance.now();
  bot.logger.info(
    { ...where, waitedMs: queued.startedAt.getTime() - queued.acceptedAt.getTime() },
    'job started',
  );
  let result: Result | undefined;
  // A slow job's "thinking…" shows its stage; a deferred button update keeps its message.
  const progress =
    reply.acknowledged === 'update'
      ? null
      : progressReporter((text) => editThroughWebhook(rest, reply, text), {
          afterMs: bot.progressAfterMs ?? PROGRESS_AFTER_MS,
          everyMs: bot.progressEveryMs ?? PROGRESS_EVERY_MS,
        });
  try {
    const rules = await rulesFor(origin, bot);
    const read = input.kind === 'resummarize' ? input : () => readQueuedInput(input, origin, bot);
    result = await summarize(rules, origin, options, parsed.data.cooldown, read, bot, (stage) =>
      progress?.report(stage),
    );
    const summary = result;
    // The answer always lands after the last progress edit.
    await progress?.settle();
    await deliverThroughWebhook(rest, reply, summary, options).finally(() =>
      recordUsage(origin, bot, summary),
    );
    await bot.queue.markDelivered(queued.id);
  } catch (error) {
    recordFinishedJob(origin, bot, { startedAt, result, error });
    await progress?.settle();
    await failThroughWebhook(rest, reply, error, bot.logger, where);
    return;
  }
  recordFinishedJob(origin, bot, { startedAt, result });
}

/** The server's rules and the options they make of the request; a blocked link is refused. */
async function beforeAcknowledging(
  job: Pick<SummaryJob, 'origin' | 'options' | 'given'>,
  url: string | null,
  bot: BotContext,
): Promise<{ rules: ServerRules; options: SummaryOptions }> {
  const rules = await rulesFor(job.origin, bot);
  if (url) rules.checkDomain(url);
  return { rules, options: rules.withDefaults(job.options, job.given) };
}

async function rulesFor(origin: JobOrigin, bot: BotContext): Promise<ServerRules> {
  // Cached settings: this runs before the acknowledgement, and Discord allows 3 s for that.
  const guildId = rulesGuild(origin);
  return serverRules(
    guildId ? { guildId, settings: await guildSettings(bot.store, guildId) } : null,
  );
}

/** The server whose rules and ledger the job belongs to: none where it did not install the app. */
function rulesGuild(origin: JobOrigin): string | null {
  return origin.serverInstalled === false ? null : origin.guildId;
}

/** Limits, then the pipeline: a new input read now, or a source already kept (the buttons). */
async function summarize(
  rules: ServerRules,
  origin: JobOrigin,
  options: SummaryOptions,
  cooldown: boolean,
  source: (() => Promise<SummarizeInput>) | { sha256: string },
  bot: BotContext,
  onStage?: (stage: JobStage) => void | Promise<void>,
): Promise<Result> {
  await rules.checkLimits(bot.store, origin.userId, { cooldown });
  await enforceOperatorLimits(bot.store, bot.limits, origin.userId);
  const pipelineOptions = {
    length: options.length,
    style: options.style,
    language: options.language,
    quotesOnly: options.quotesOnly,
    ...(rules.prompt ? { prompt: rules.prompt } : {}),
  };
  const context = jobContext(origin, bot, onStage);
  return typeof source === 'function'
    ? bot.pipeline.summarize(await source(), pipelineOptions, context)
    : bot.pipeline.resummarize(source.sha256, pipelineOptions, context);
}

/** A queued input as the pipeline reads it; downloads happen here, in the worker. */
async function readQueuedInput(
  input: Exclude<QueuedInput, { kind: 'resummarize' }>,
  origin: JobOrigin,
  bot: BotContext,
): Promise<SummarizeInput> {
  switch (input.kind) {
    case 'url':
      return { kind: 'url', url: input.url };
    case 'attachment':
      return downloadAttachment(input, bot);
    case 'message':
      return { kind: 'message', text: input.text, url: input.url };
    case 'text':
      if (!input.text.trim()) {
        throw new UserError(
          'empty_input',
          origin.kind === 'paste' ? 'The pasted text is empty.' : 'The text is empty.',
        );
      }
      return { kind: 'text', text: input.text, title: input.title };
  }
}

/** Model calls and queued jobs are shared fairly between servers (and between users in DMs). */
function fairnessKey(origin: JobOrigin): string {
  return origin.guildId ?? origin.userId;
}

/** The job's deadline, and whom its model calls are queued under for fairness. */
function jobContext(
  origin: JobOrigin,
  bot: BotContext,
  onStage?: (stage: JobStage) => void | Promise<void>,
): JobContext {
  return {
    signal: AbortSignal.timeout(bot.jobDeadlineMs),
    queueKey: fairnessKey(origin),
    ...(onStage ? { onStage } : {}),
  };
}

/** One ledger row per job; a failure is logged, the user already has the answer. */
async function recordUsage(origin: JobOrigin, bot: BotContext, result: Result): Promise<void> {
  try {
    await recordResultUsage(
      bot.store,
      bot.prices,
      { guildId: rulesGuild(origin), userId: origin.userId },
      result,
    );
  } catch (error) {
    bot.logger.error({ err: error, ...origin }, 'could not record usage');
  }
}
