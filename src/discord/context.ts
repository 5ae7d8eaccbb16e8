import type { Logger } from 'pino';
import type { Pipeline } from '../core/pipeline.ts';

/** What every command and component handler gets: the seams a test replaces. */
export interface BotContext {
  pipeline: Pipeline;
  logger: Logger;
  /** Downloads attachments; injected so tests and proxies can replace it. */
  fetch: typeof globalThis.fetch;
  /** Largest attachment /summarize will download. */
  maxAttachmentBytes: number;
  /** Upper bound for one job, after which the pipeline is aborted. */
  jobDeadlineMs: number;
}
