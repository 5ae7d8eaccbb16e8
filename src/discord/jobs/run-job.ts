import type { REST } from '@discordjs/rest';
import { startDeadline } from '../../core/deadline.ts';
import type { JobContext, JobStage } from '../../core/pipeline.ts';
import type { QueuedJob } from '../../queue/types.ts';
import { isUserError, UserError } from '../../shared/errors.ts';
import { resolveJobOptions } from '../../shared/options.ts';
import { type Result, ResultSchema, type SummarizeInput } from '../../shared/schemas.ts';
import type { BotContext } from '../context.ts';
import { type ServerRules, serverRules } from '../moderation/job-rules.ts';
import { recordResultUsage } from '../moderation/limits.ts';
import { releaseJobUsage, reserveJobUsage } from '../moderation/reserve-usage.ts';
import { guildSettings } from '../moderation/settings-cache.ts';
import { downloadAttachment } from './download-attachment.ts';
import { recordFinishedJob } from './job-log.ts';
import type {
  AutoSummaryJob,
  InteractionSummaryJob,
  JobOrigin,
  QueuedAutoSummary,
  QueuedInput,
  QueuedSummary,
  SummaryOptions,
} from './job-types.ts';
import { PROGRESS_AFTER_MS, PROGRESS_EVERY_MS, progressReporter } from './progress.ts';
import { deliverThroughWebhook, editThroughWebhook, failThroughWebhook } from './webhook-reply.ts';

/**
 * The one lifecycle of every summary job: server settings → defaults and domain lists →
 * acknowledgement → the durable queue → (a worker) cooldown, budget and the operator's limits →
 * pipeline under the job's deadline and fairness key → the answer kept with the job →
 * delivery → usage ledger → log and metrics; any failure goes to the job's own `fail`.
 *
 * Every job is split where it is written to the queue: the process that saw the interaction or
 * the message runs up to it (acceptSummaryJob, acceptAutoJob); a worker, here or on another
 * machine, runs the rest (runJob) and answers through Discord's REST API alone.
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

/** One answer a worker produces and delivers; a job has one (interactions) or one per link. */
export interface JobRun {
  /** The queued job this answer belongs to. */
  jobId: string;
  /** Which answer of the job (the link's place in an auto-summary; 0 for an interaction). */
  part: number;
  /** 1 on the first run: only a later run can find an answer kept by an earlier one. */
  attempt: number;
  origin: JobOrigin;
  options: SummaryOptions;
  cooldown: boolean;
  input: QueuedInput;
  /** How long the pipeline may take: the configured deadline, or less. */
  deadlineMs: number;
  onStage?(stage: JobStage): void | Promise<void>;
  /** Runs before the answer goes out, whether it was just made or kept from an earlier run. */
  beforeDelivery?(): Promise<void>;
  deliver(result: Result): Promise<void>;
  fail(error: unknown): Promise<void>;
}

/**
 * The working half, in a worker: limits, input, pipeline, then the answer is kept with the job
 * before it is delivered, so a run after a crash delivers the same answer instead of asking the
 * model (and the limits) again; the ledger has one row per answer however often it is run.
 */
export async function runJob(run: JobRun, bot: BotContext): Promise<Result | null> {
  const { origin } = run;
  const startedAt = performance.now();
  let result: Result | undefined;
  try {
    result = await keptResult(run, bot);
    if (!result) {
      const rules = await rulesFor(origin, bot);
      const input = run.input;
      const read = input.kind === 'resummarize' ? input : () => readQueuedInput(input, origin, bot);
      result = await summarize(rules, run, read, bot);
      await keepResult(run, result, bot);
    }
    const summary = result;
    await run.beforeDelivery?.();
    // The tokens are spent whether or not the delivery works: the ledger records them either way.
    await run.deliver(summary).finally(() => recordUsage(run, bot, summary));
  } catch (error) {
    recordFinishedJob(origin, bot, { startedAt, result, error });
    await run.fail(error);
    return null;
  }
  recordFinishedJob(origin, bot, { startedAt, result });
  return result;
}

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

/** After a delivery, a failed mark only means a rerun delivers the kept answer again. */
export async function markDelivered(
  id: string,
  bot: BotContext,
  where: Record<string, unknown>,
): Promise<void> {
  try {
    await bot.queue.markDelivered(id);
  } catch (error) {
    bot.logger.error({ ...where, err: error }, 'could not mark the job delivered');
  }
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
  run: JobRun,
  source: (() => Promise<SummarizeInput>) | { sha256: string },
  bot: BotContext,
): Promise<Result> {
  const { origin, options } = run;
  const spend = { server: rules.server, userId: origin.userId, jobId: usageKey(run) };
  await reserveJobUsage(bot.store, bot.limits, { ...spend, cooldown: run.cooldown });
  // The job's one deadline: shorter than the configured one when the interaction's token runs
  // out first, since an answer that arrives after it reaches nobody.
  const deadline = startDeadline(run.deadlineMs);
  const context: JobContext = {
    signal: deadline.signal,
    deadline,
    queueKey: fairnessKey(origin),
    ...(run.onStage ? { onStage: run.onStage } : {}),
  };
  // The resolved options go on unchanged, less where the reply goes; the server may pin the prompt.
  const { ephemeral: _where, ...chosen } = options;
  const pipelineOptions = { ...chosen, ...(rules.prompt ? { prompt: rules.prompt } : {}) };
  try {
    return typeof source === 'function'
      ? await bot.pipeline.summarize(await source(), pipelineOptions, context)
      : await bot.pipeline.resummarize(source.sha256, pipelineOptions, context);
  } catch (error) {
    await releaseJobUsage(bot.store, spend.jobId).catch((released: unknown) => {
      bot.logger.error({ err: released, ...origin }, 'could not release the usage reservation');
    });
    throw deadline.explain(error);
  }
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

/** The answer an earlier run of this job made, when it crashed before finishing. */
async function keptResult(run: JobRun, bot: BotContext): Promise<Result | undefined> {
  if (run.attempt === 1) return undefined;
  const kept = await bot.queue.keptResult(run.jobId, run.part);
  if (kept === null) return undefined;
  const parsed = ResultSchema.safeParse(kept);
  if (parsed.success) return parsed.data;
  bot.logger.warn({ jobId: run.jobId, part: run.part }, 'kept answer unreadable: asking again');
  return undefined;
}

/** A failed write costs only a second model call if the job has to run again. */
async function keepResult(run: JobRun, result: Result, bot: BotContext): Promise<void> {
  try {
    await bot.queue.keepResult(run.jobId, run.part, result);
  } catch (error) {
    bot.logger.warn({ err: error, jobId: run.jobId }, 'could not keep the answer with its job');
  }
}

/** The ledger row's key: one row per answer, so a job run again is not billed again. */
function usageKey(run: JobRun): string {
  return run.part === 0 ? run.jobId : `${run.jobId}#${run.part}`;
}

/** One ledger row per answer; a failure is logged, the user already has the answer. */
async function recordUsage(run: JobRun, bot: BotContext, result: Result): Promise<void> {
  const { origin } = run;
  try {
    await recordResultUsage(
      bot.store,
      bot.prices,
      { guildId: rulesGuild(origin), userId: origin.userId, jobId: usageKey(run) },
      result,
    );
  } catch (error) {
    bot.logger.error({ err: error, ...origin }, 'could not record usage');
  }
}
