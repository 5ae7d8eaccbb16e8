import type { Logger } from 'pino';
import type { Pipeline } from '../core/pipeline.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { JobQueue } from '../queue/types.ts';
import type { TokenPrices } from '../shared/cost.ts';
import type { Store } from '../store/index.ts';

/** What every command, component handler and job gets: the seams a test replaces. */
export interface BotContext {
  pipeline: Pipeline;
  logger: Logger;
  /** Downloads attachments; injected so tests and proxies can replace it. */
  fetch: typeof globalThis.fetch;
  /** Largest attachment /summarize will download. */
  maxAttachmentBytes: number;
  /** Upper bound for one job, after which the pipeline is aborted. */
  jobDeadlineMs: number;
  /** Counts finished jobs for /metrics. */
  metrics: Metrics;
  /** Server settings, usage ledger and summary records (an in-memory SQLite one in tests). */
  store: Store;
  /** Hours stored article text is kept (what /help promises). */
  textTtlHours: number;
  /** For the usage ledger's cost estimate. */
  prices: TokenPrices;
  /** The operator's daily token limits, applied to every job wherever it comes from. */
  limits: OperatorLimits;
  /** Where accepted interaction jobs wait for a worker. */
  queue: JobQueue;
  /** How long a job runs before its deferred reply shows its stage (default 2 s). */
  progressAfterMs?: number;
  /** How often at most a stage edit may follow the last one (default 1 s). */
  progressEveryMs?: number;
}

export interface OperatorLimits {
  /** Tokens one user may spend a day across servers and DMs; 0 = no limit. */
  userDailyTokens: number;
  /** Tokens the whole bot may spend a day; 0 = no cap. */
  dailyTokenCap: number;
}
