import type { DocumentCache } from '../core/load-url.ts';
import type { PipelineCache } from '../core/summarize/cache.ts';
import type { Store } from '../store/index.ts';

/**
 * The pipeline's caches (Results, kept sources, extracted documents) in the database, so they
 * survive restarts and are shared by every shard. Nothing holding article text is kept longer
 * than `textTtlSeconds`: that is the privacy promise /help makes.
 */
export function createStoreCaches(
  store: Store,
  options: { textTtlSeconds: number },
): { pipeline: PipelineCache; documents: DocumentCache } {
  const ttl = (seconds = options.textTtlSeconds) => ({
    ttlSeconds: Math.min(seconds, options.textTtlSeconds),
  });
  return {
    pipeline: {
      getResult: (key) => store.getCachedResult(key),
      putResult: (key, result) => store.putCachedResult(key, result, ttl()),
      getSource: (sha256) => store.getKeptSource(sha256),
      putSource: (sha256, source) => store.putKeptSource(sha256, source, ttl()),
    },
    documents: {
      get: (key) => store.getCachedDocument(key),
      put: (key, document, ttlSeconds) => store.putCachedDocument(key, document, ttl(ttlSeconds)),
    },
  };
}
