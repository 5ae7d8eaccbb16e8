import { isPostgresUrl } from '../store/index.ts';
import { openSqliteQueue } from './sqlite-queue.ts';
import type { JobQueue } from './types.ts';

export interface OpenQueueOptions {
  /** PostgreSQL URL: pg-boss on that database. Unset: SQLite in `sqlitePath`. */
  databaseUrl?: string | null;
  sqlitePath: string;
  /** How long a job may run before a dead worker's hold on it is given up. */
  leaseSeconds: number;
  /** The job deadline: no job outlives it, so no live worker's job is ever taken from it. */
  jobDeadlineMs: number;
}

/** The queue beside the store: the same SQLite file, or the same PostgreSQL database. */
export async function openQueue(options: OpenQueueOptions): Promise<JobQueue> {
  const url = options.databaseUrl?.trim();
  if (url && isPostgresUrl(url)) {
    // pg-boss is loaded only for PostgreSQL: a SQLite deployment never pays its memory.
    const { openPgBossQueue } = await import('./pg-boss-queue.ts');
    return openPgBossQueue({
      databaseUrl: url,
      schema: queueSchema(url),
      // pg-boss cannot renew a hold, so it must outlast the longest job.
      expireInSeconds: Math.max(options.leaseSeconds, Math.ceil(options.jobDeadlineMs / 1000) + 5),
    });
  }
  return openSqliteQueue({ path: options.sqlitePath, leaseMs: options.leaseSeconds * 1000 });
}

/** The schema the queue owns: `<schema>_queue` beside a chosen store schema, else pgboss. */
export function queueSchema(databaseUrl: string): string {
  const schema = new URL(databaseUrl).searchParams.get('schema');
  return schema ? `${schema}_queue` : 'pgboss';
}
