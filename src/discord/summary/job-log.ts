import type { Interaction } from 'discord.js';
import { isUserError } from '../../core/errors.ts';
import type { Result } from '../../core/schemas.ts';
import type { BotContext } from '../context.ts';

/** What started the job, as the metrics and logs name it. */
export function jobKind(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return interaction.commandName;
  if (interaction.isMessageContextMenuCommand()) return 'context-menu';
  if (interaction.isModalSubmit()) return 'paste';
  if (interaction.isMessageComponent()) return 'button';
  return 'other';
}

/**
 * One log line and one metrics record per finished job, success or failure: the prompt and
 * model that answered, tokens, latency, whether the cache answered, and the error code
 * ('bug' for anything that is not a UserError).
 */
export function recordFinishedJob(
  source: Interaction | { kind: string; guildId: string | null },
  bot: Pick<BotContext, 'logger' | 'metrics'>,
  outcome: { startedAt: number; result?: Result; error?: unknown },
): void {
  const { result, error } = outcome;
  const latencyMs = Math.round(performance.now() - outcome.startedAt);
  const errorCode =
    error === undefined ? undefined : isUserError(error) ? error.code : ('bug' as const);
  // Auto-summarize has no interaction: it names its own kind.
  const kind = 'kind' in source ? source.kind : jobKind(source);
  const fields = {
    kind,
    guildId: source.guildId,
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
  bot.metrics?.recordJob({
    kind,
    durationMs: latencyMs,
    ...(result ? { tokens: result.meta.tokens, cached: result.meta.cached } : {}),
    ...(errorCode ? { errorCode } : {}),
  });
}
