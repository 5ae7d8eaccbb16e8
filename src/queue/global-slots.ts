import { createHash } from 'node:crypto';
import pg from 'pg';

/** A limit shared by every process on one database: at most `size` holders at once. */
export interface GlobalSlots {
  readonly size: number;
  /** Waits for a free slot; the returned function gives it back. */
  acquire(signal?: AbortSignal): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * Slots as PostgreSQL session advisory locks, `(namespace, 0…size-1)`: a holder that dies
 * loses its connection and with it the lock, so a killed worker never keeps a slot. The
 * namespace comes from the schema, so test runs side by side do not share their slots.
 */
export function createPgSlots(options: {
  databaseUrl: string;
  size: number;
  /** Slots held at most at once by this process (its connection pool). */
  local: number;
}): GlobalSlots {
  const url = new URL(options.databaseUrl);
  const namespace = createHash('sha256')
    .update(url.searchParams.get('schema') ?? 'precis')
    .digest()
    .readInt32BE(0);
  url.searchParams.delete('schema');
  const pool = new pg.Pool({ connectionString: url.toString(), max: options.local + 1 });
  pool.on('error', () => undefined);
  return {
    size: options.size,
    async acquire(signal) {
      const client = await pool.connect();
      try {
        // Short waits: a slot goes to whichever asks first after it frees, so a process that
        // waits long would let the others' calls overtake its own (which are fair-queued).
        for (let wait = 5; ; wait = Math.min(wait * 2, 25)) {
          for (let slot = 0; slot < options.size; slot += 1) {
            const { rows } = await client.query<{ ok: boolean }>(
              'select pg_try_advisory_lock($1, $2) as ok',
              [namespace, slot],
            );
            if (rows[0]?.ok) {
              return async () => {
                try {
                  await client.query('select pg_advisory_unlock($1, $2)', [namespace, slot]);
                } finally {
                  client.release();
                }
              };
            }
          }
          signal?.throwIfAborted();
          // Jitter, so waiting processes do not ask in lockstep.
          await new Promise((resolve) => setTimeout(resolve, wait + Math.random() * wait));
        }
      } catch (error) {
        client.release();
        throw error;
      }
    },
    close: () => pool.end(),
  };
}
