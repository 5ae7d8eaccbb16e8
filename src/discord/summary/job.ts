import type { JobContext } from '../../core/pipeline.ts';
import type { Result } from '../../core/schemas.ts';
import type { BotContext } from '../context.ts';
import { serverRules } from '../moderation/job-rules.ts';
import { recordResultUsage } from '../moderation/limits.ts';
import { enforceOperatorLimits } from '../moderation/operator-limits.ts';
import { guildSettings } from '../moderation/settings-cache.ts';
import { recordFinishedJob } from './job-log.ts';
import type { JobOrigin, SummaryJob } from './job-types.ts';

/**
 * The one lifecycle of every summary job (commands, the paste form, the context menu, the
 * buttons, auto-summaries): server settings → defaults and domain lists → acknowledgement →
 * cooldown, budget and the operator's limits → pipeline under the job's deadline and fairness key → delivery →
 * usage ledger → log and metrics; any failure goes to the job's own `fail`.
 * Resolves with the Result, or null when the job failed (and was told so).
 */
export async function runSummaryJob(job: SummaryJob, bot: BotContext): Promise<Result | null> {
  const { origin, work } = job;
  const startedAt = performance.now();
  let result: Result | undefined;
  try {
    // Cached settings: this runs before the acknowledgement, and Discord allows 3 s for that.
    const guildId = rulesGuild(origin);
    const rules = serverRules(
      guildId ? { guildId, settings: await guildSettings(bot.store, guildId) } : null,
    );
    const options = rules.withDefaults(job.options, job.given);
    if (work.kind === 'input' && work.url) rules.checkDomain(work.url);
    await job.acknowledge(options);
    await rules.checkLimits(bot.store, origin.userId, { cooldown: job.cooldown });
    await enforceOperatorLimits(bot.store, bot.limits, origin.userId);
    const pipelineOptions = {
      length: options.length,
      style: options.style,
      language: options.language,
      quotesOnly: options.quotesOnly,
      ...(rules.prompt ? { prompt: rules.prompt } : {}),
    };
    const context = jobContext(job, bot);
    result =
      work.kind === 'input'
        ? await bot.pipeline.summarize(await work.read(), pipelineOptions, context)
        : await bot.pipeline.resummarize(work.sha256, pipelineOptions, context);
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

/** The server whose rules and ledger the job belongs to: none where it did not install the app. */
function rulesGuild(origin: JobOrigin): string | null {
  return origin.serverInstalled === false ? null : origin.guildId;
}

/** The job's deadline, and whom its model calls are queued under for fairness. */
function jobContext(job: SummaryJob, bot: BotContext): JobContext {
  const { origin } = job;
  return {
    signal: AbortSignal.timeout(bot.jobDeadlineMs),
    // Model calls are shared fairly between servers (and between users in DMs).
    queueKey: origin.guildId ?? origin.userId,
    ...(job.progress ? { onStage: (stage) => job.progress?.(stage) } : {}),
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
