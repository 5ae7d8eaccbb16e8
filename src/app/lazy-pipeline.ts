import type { Pipeline } from '../core/pipeline.ts';

/**
 * A Pipeline whose code loads on the first job instead of at start: fetch (undici), the
 * offline engine, quote matching and the summarizer are a good part of an idle bot's memory,
 * and a bot that has not been asked for anything yet needs none of them. The first job waits
 * for the import once, after its interaction is already acknowledged. A failed load is not
 * kept, so the next job tries again.
 */
export function lazyPipeline(load: () => Promise<Pipeline>): Pipeline {
  let loading: Promise<Pipeline> | null = null;
  const pipeline = () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
  return {
    summarize: async (input, options, context) =>
      (await pipeline()).summarize(input, options, context),
    resummarize: async (sha256, options, context) =>
      (await pipeline()).resummarize(sha256, options, context),
  };
}
