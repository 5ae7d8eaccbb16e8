import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { z as zod } from 'zod';
import type { KeptSource } from '../shared/schemas.ts';
import {
  type ArticleDocument,
  ArticleDocumentSchema,
  type Result,
  ResultSchema,
  SourceKindSchema,
} from '../shared/schemas.ts';
import { lookupKey } from './hash.ts';
import type { Database } from './tables.ts';
import { addSeconds, type Clock } from './time.ts';
import { parseArgument, parseStoredJson } from './validate.ts';

const KeptSourceSchema = zod.object({ kind: SourceKindSchema, document: ArticleDocumentSchema });

export interface CacheOptions {
  ttlSeconds: number;
}

export interface CacheStore {
  /** A summary stored under `key` that has not expired, or null. */
  getCachedResult(key: string): Promise<Result | null>;
  putCachedResult(key: string, result: Result, options: CacheOptions): Promise<void>;
  /** An extracted document for `url` that has not expired, or null. */
  getCachedDocument(url: string): Promise<ArticleDocument | null>;
  putCachedDocument(url: string, doc: ArticleDocument, options: CacheOptions): Promise<void>;
  /** Forgets a summary now (its source was deleted); true when there was one. */
  deleteCachedResult(key: string): Promise<boolean>;
  /** Forgets a document now (its source was deleted); true when there was one. */
  deleteCachedDocument(url: string): Promise<boolean>;
  /** A source kept for the bot's buttons (by the sha256 of its text), or null. */
  getKeptSource(sha256: string): Promise<KeptSource | null>;
  putKeptSource(sha256: string, source: KeptSource, options: CacheOptions): Promise<void>;
  /** Deletes expired entries of both caches; returns how many. */
  purgeExpiredCache(): Promise<number>;
}

export function cacheStore(db: Kysely<Database>, clock: Clock): CacheStore {
  async function get<T extends z.ZodType>(
    table: 'summary_cache' | 'document_cache',
    key: string,
    schema: T,
  ): Promise<z.output<T> | null> {
    const row = await db
      .selectFrom(table)
      .select('value')
      .where('key', '=', lookupKey(key))
      .where('expires_at', '>', clock().toISOString())
      .executeTakeFirst();
    // An entry written by an older Result shape is a miss, not a crash: it will be rewritten.
    return row ? parseStoredJson(schema, row.value) : null;
  }

  async function put(
    table: 'summary_cache' | 'document_cache',
    key: string,
    value: unknown,
    { ttlSeconds }: CacheOptions,
  ): Promise<void> {
    if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
      throw new RangeError(`ttlSeconds must be a positive number, got ${ttlSeconds}`);
    }
    const now = clock();
    const columns = {
      value: JSON.stringify(value),
      created_at: now.toISOString(),
      expires_at: addSeconds(now, ttlSeconds).toISOString(),
    };
    await db
      .insertInto(table)
      .values({ key: lookupKey(key), ...columns })
      .onConflict((oc) => oc.column('key').doUpdateSet(columns))
      .execute();
  }

  async function remove(table: 'summary_cache' | 'document_cache', key: string) {
    const result = await db.deleteFrom(table).where('key', '=', lookupKey(key)).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async function purgeExpiredCache(): Promise<number> {
    const now = clock().toISOString();
    let count = 0;
    for (const table of ['summary_cache', 'document_cache'] as const) {
      const result = await db.deleteFrom(table).where('expires_at', '<=', now).executeTakeFirst();
      count += Number(result.numDeletedRows);
    }
    return count;
  }

  return {
    getCachedResult: (key) => get('summary_cache', key, ResultSchema),
    putCachedResult: async (key, result, options) =>
      put('summary_cache', key, parseArgument(ResultSchema, result, 'Result'), options),
    getCachedDocument: (url) => get('document_cache', url, ArticleDocumentSchema),
    putCachedDocument: async (url, doc, options) =>
      put('document_cache', url, parseArgument(ArticleDocumentSchema, doc, 'document'), options),
    // Kept sources share the document table under their own key space.
    getKeptSource: (sha256) => get('document_cache', `source:${sha256}`, KeptSourceSchema),
    putKeptSource: async (sha256, source, options) =>
      put(
        'document_cache',
        `source:${sha256}`,
        parseArgument(KeptSourceSchema, source, 'source'),
        options,
      ),
    deleteCachedResult: (key) => remove('summary_cache', key),
    deleteCachedDocument: (url) => remove('document_cache', url),
    purgeExpiredCache,
  };
}
