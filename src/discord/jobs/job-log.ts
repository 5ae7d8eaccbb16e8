import { isUserError } from '../../shared/errors.ts';
import type { Result } from '../../shared/schemas.ts';
import type { BotContext } from '../context.ts';
import type { JobOrigin } from './job-types.ts';

/**
 * One log line and one metrics record per finished job, success or failure: the prompt and
 * model that answered, tokens, latency, whether the cache answered, and the error code
 * ('bug' for anything that is not a UserError).
 */
export function recordFinishedJob(
  origin: JobOrigin,
  bot: Pick<BotContext, 'logger' | 'metrics'>,
  outcome: { startedAt: number; result?: Result | undefined; error?: unknown },
): void {
  const { result, error } = outcome;
  const latencyMs = Math.round(performance.now() - outcome.startedAt);
  const errorCode =
    error === undefined ? undefined : isUserError(error) ? error.code : ('bug' as const);
  const fields = {
    kind: origin.kind,
    guildId: origin.guildId,
    prompt: result?.meta.prompt ?? null,
    model: result?.meta.model ?? null,
    engine: result?.meta.engine ?? null,
    tokens: result?.meta.tokens ?? null,
    latencyMs,
    cached: result?.meta.cached ?? false,
    errorCode: errorCode ?? null,
  };
  if (errorCode) bot.logger.warn(fields, 'job failed');
  else bot.logger.info(fields, 'job finished');
  bot.metrics.recordJob({
    kind: origin.kind,
    durationMs: latencyMs,
    ...(result ? { tokens: result.meta.tokens, cached: result.meta.cached } : {}),
    ...(errorCode ? { errorCode } : {}),
  });
}
