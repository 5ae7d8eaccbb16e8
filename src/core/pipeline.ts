import type { Result, SummarizeInput, SummarizeOptions } from './schemas.ts';

export interface JobContext {
  /** Aborts the whole job (the overall deadline, or the user went away). */
  signal?: AbortSignal;
}

/** The one entry the bot and the CLI call. */
export interface Pipeline {
  summarize(
    input: SummarizeInput,
    options?: SummarizeOptions,
    context?: JobContext,
  ): Promise<Result>;
  /**
   * Summarizes a source seen before (by `Result.source.sha256`) with other options, without
   * fetching again — the bot's Shorter / Longer / Translate / Key quotes buttons.
   * Throws UserError 'source_expired' when the source is no longer kept.
   */
  resummarize(sha256: string, options?: SummarizeOptions, context?: JobContext): Promise<Result>;
}
