import type { Logger } from 'pino';
import type { TokenPrices } from '../core/cost.ts';
import type { Pipeline } from '../core/pipeline.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { Store } from '../store/index.ts';

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
  /** Counts finished jobs for /metrics; absent when nobody scrapes them. */
  metrics?: Metrics;
  /** Issue 5: server settings, usage ledger and summary records; absent = no moderation. */
  store?: Store;
  /** Issue 5: hours stored article text is kept (what /help promises). */
  textTtlHours?: number;
  /** Issue 5: prices for the usage ledger's cost estimate. */
  prices?: TokenPrices;
}
