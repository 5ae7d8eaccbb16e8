import type { GuildSettings, Store } from '../../store/index.ts';

/**
 * Server settings, kept in memory for a minute: a summary command reads them before it is
 * acknowledged (whether the answer is private depends on them), and Discord allows 3 s for
 * that. /setup on this shard forgets them at once; another shard sees a change within a minute.
 */
const TTL_MS = 60_000;
const caches = new WeakMap<Store, Map<string, { settings: GuildSettings; expires: number }>>();

function cacheOf(store: Store) {
  let cache = caches.get(store);
  if (!cache) {
    cache = new Map();
    caches.set(store, cache);
  }
  return cache;
}

export async function guildSettings(
  store: Store,
  guildId: string,
  now: number = Date.now(),
): Promise<GuildSettings> {
  const cache = cacheOf(store);
  const hit = cache.get(guildId);
  if (hit && hit.expires > now) return hit.settings;
  const settings = await store.getGuildSettings(guildId);
  if (cache.size >= 10_000) cache.clear();
  cache.set(guildId, { settings, expires: now + TTL_MS });
  return settings;
}

export function forgetGuildSettings(store: Store, guildId: string): void {
  cacheOf(store).delete(guildId);
}
