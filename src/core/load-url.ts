import { createHash } from 'node:crypto';
import type { ArticleDocument } from '../shared/schemas.ts';
import { type ExtractionRunner, extractDocument } from './extract/index.ts';
import type { FetchedPage } from './fetch/index.ts';

/** Where extracted documents are kept between requests: by URL (with a TTL) and by content. */
export interface DocumentCache {
  get(key: string): Promise<ArticleDocument | null>;
  put(key: string, document: ArticleDocument, ttlSeconds: number): Promise<void>;
}

export interface LoadUrlDeps {
  guardedFetch: (url: string, options?: { signal?: AbortSignal }) => Promise<FetchedPage>;
  cache?: DocumentCache;
  /** How long a page is kept when it does not say (Cache-Control max-age wins when shorter). */
  ttlSeconds?: number;
  /** Worker threads for HTML, PDF and Markdown; inline without one. */
  pool?: ExtractionRunner;
}

/**
 * A link becomes a Document: guarded fetch, then extraction. The URL cache saves the fetch;
 * the content-hash cache saves the extraction when two URLs serve the same bytes. A page that
 * says no-store is never kept.
 */
export function createUrlLoader(deps: LoadUrlDeps) {
  const cache = deps.cache ?? createMemoryDocumentCache();
  const defaultTtl = deps.ttlSeconds ?? 3600;
  return async function loadUrl(url: string, signal?: AbortSignal): Promise<ArticleDocument> {
    const byUrl = `url:${url}`;
    const cached = await cache.get(byUrl);
    if (cached) return cached;

    const page = await deps.guardedFetch(url, { signal });
    const byContent = `sha256:${createHash('sha256').update(page.bytes).digest('hex')}`;
    const sameBytes = await cache.get(byContent);
    // Another link served these bytes: reuse its extraction, but the document is this link's,
    // or every link in the reply would point at the other host.
    const document = sameBytes
      ? { ...sameBytes, url: page.url }
      : await extractDocument(
          {
            bytes: page.bytes,
            contentType: page.contentType,
            charset: page.charset,
            url: page.url,
          },
          { pool: deps.pool, signal },
        );
    if (!page.noStore) {
      const ttl = Math.min(defaultTtl, page.maxAgeSeconds ?? defaultTtl);
      if (ttl > 0) {
        await cache.put(byUrl, document, ttl);
        await cache.put(byContent, document, ttl);
      }
    }
    return document;
  };
}

export function createMemoryDocumentCache(
  now: () => number = Date.now,
  maxEntries = 200,
): DocumentCache {
  const entries = new Map<string, { document: ArticleDocument; expires: number }>();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expires <= now()) {
        entries.delete(key);
        return null;
      }
      return entry.document;
    },
    async put(key, document, ttlSeconds) {
      entries.delete(key);
      entries.set(key, { document, expires: now() + ttlSeconds * 1000 });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
  };
}
