import { LRUCache } from 'lru-cache';
import type { GuildSettings, Store } from '../../store/index.ts';

/**
 * Server settings, kept in memory for a minute: a summary command reads them before it is
 * acknowledged (whether the answer is private depends on them), and Discord allows 3 s for
 * that. /setup on this shard forgets them at once; another shard sees a change within a minute.
 */
const TTL_MS = 60_000;
const caches = new WeakMap<Store, LRUCache<string, GuildSettings>>();

function cacheOf(store: Store): LRUCache<string, GuildSettings> {
  let cache = caches.get(store);
  if (!cache) {
    cache = new LRUCache({ max: 10_000, ttl: TTL_MS });
    caches.set(store, cache);
  }
  return cache;
}

export async function guildSettings(store: Store, guildId: string): Promise<GuildSettings> {
  const cache = cacheOf(store);
  const hit = cache.get(guildId);
  if (hit) return hit;
  const settings = await store.getGuildSettings(guildId);
  cache.set(guildId, settings);
  return settings;
}

export function forgetGuildSettings(store: Store, guildId: string): void {
  cacheOf(store).delete(guildId);
}
