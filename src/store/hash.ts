import { createHash } from 'node:crypto';

/**
 * Keys are looked up by their SHA-256: a URL can be longer than the ~2.7 kB a PostgreSQL
 * btree index entry allows, and a fixed-width key indexes the same on both databases.
 */
export function lookupKey(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
