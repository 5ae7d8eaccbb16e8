import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { BotContext } from '../discord/context.ts';
import { DEFAULT_MAX_ATTACHMENT_BYTES } from '../discord/render/limits.ts';
import type { BotServices } from './bot-services.ts';

/** What a worker's jobs run with: the root's services and the configured limits. */
export function workerContext(config: Config, services: BotServices, logger: Logger): BotContext {
  return {
    ...services,
    logger,
    fetch: globalThis.fetch,
    maxAttachmentBytes: DEFAULT_MAX_ATTACHMENT_BYTES,
    jobDeadlineMs: config.JOB_DEADLINE_MS,
    limits: { userDailyTokens: config.USER_DAILY_TOKENS, dailyTokenCap: config.DAILY_TOKEN_CAP },
  };
}
