import type { KeptSource, Result } from '../../shared/schemas.ts';

/** Where finished Results and kept sources live. The store implements it; memory is the default. */
export interface PipelineCache {
  getResult(key: string): Promise<Result | null>;
  putResult(key: string, result: Result): Promise<void>;
  getSource(sha256: string): Promise<KeptSource | null>;
  putSource(sha256: string, source: KeptSource): Promise<void>;
}

/** A bounded in-memory cache: the least recently used entry goes first. */
export function createMemoryCache(maxEntries = 200): PipelineCache {
  const results = new Map<string, Result>();
  const sources = new Map<string, KeptSource>();
  const touch = <T>(map: Map<string, T>, key: string): T | null => {
    const value = map.get(key);
    if (value === undefined) return null;
    map.delete(key);
    map.set(key, value);
    return value;
  };
  const put = <T>(map: Map<string, T>, key: string, value: T) => {
    map.delete(key);
    map.set(key, value);
    if (map.size > maxEntries) map.delete(map.keys().next().value as string);
  };
  return {
    getResult: async (key) => structuredClone(touch(results, key)),
    putResult: async (key, result) => put(results, key, structuredClone(result)),
    getSource: async (sha256) => touch(sources, sha256),
    putSource: async (sha256, source) => put(sources, sha256, source),
  };
}
