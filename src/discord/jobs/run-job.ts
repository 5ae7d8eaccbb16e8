import { startDeadline } from '../../core/deadline.ts';
import type { JobContext, JobStage } from '../../core/pipeline.ts';
import { UserError } from '../../shared/errors.ts';
import { type Result, ResultSchema, type SummarizeInput } from '../../shared/schemas.ts';
import type { BotContext } from '../context.ts';
import type { ServerRules } from '../moderation/job-rules.ts';
import { recordResultUsage } from '../moderation/limits.ts';
import { releaseJobUsage, reserveJobUsage } from '../moderation/reserve-usage.ts';
import { downloadAttachment } from './download-attachment.ts';
import { recordFinishedJob } from './job-log.ts';
import type { JobOrigin, QueuedInput, SummaryOptions } from './job-types.ts';
import { fairnessKey, rulesFor, rulesGuild } from './server-rules.ts';

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

/**
 * A queued input as the pipeline reads it: an attachment is downloaded here, in the worker;
 * every other kind travels in the form its provider reads.
 */
async function readQueuedInput(
  input: Exclude<QueuedInput, { kind: 'resummarize' }>,
  origin: JobOrigin,
  bot: BotContext,
): Promise<SummarizeInput> {
  if (input.kind === 'attachment') return downloadAttachment(input, bot);
  if (input.kind === 'text' && !input.text.trim()) {
    throw new UserError(
      'empty_input',
      origin.kind === 'paste' ? 'The pasted text is empty.' : 'The text is empty.',
    );
  }
  return input;
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
