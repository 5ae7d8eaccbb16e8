import type { Logger } from 'pino';
import type { Store } from '../../store/index.ts';

/** Forgets article text older than the TTL, and expired cache entries; returns the counts. */
export async function purgeExpired(
  store: Store,
  textTtlHours: number,
  now: Date = new Date(),
): Promise<{ texts: number; cacheEntries: number }> {
  const olderThan = new Date(now.getTime() - textTtlHours * 3_600_000);
  const texts = await store.purgeExpiredText(olderThan);
  const cacheEntries = await store.purgeExpiredCache();
  return { texts, cacheEntries };
}

/** Runs the purge now and then every `everyMs` (default hourly) until stop(). */
export function startPrivacyPurge(
  store: Store,
  options: { textTtlHours: number; everyMs?: number | undefined; logger: Logger },
): { stop(): void } {
  const run = () => {
    purgeExpired(store, options.textTtlHours).then(
      (counts) => {
        if (counts.texts + counts.cacheEntries > 0) options.logger.info(counts, 'privacy purge');
      },
      (error: unknown) => options.logger.error({ err: error }, 'privacy purge failed'),
    );
  };
  const timer = setInterval(run, options.everyMs ?? 3_600_000);
  // The purge alone must not keep the process alive.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
