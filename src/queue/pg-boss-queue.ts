import { createHash } from 'node:crypto';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { JobHandler, JobQueue, JobWorker, NewJob } from './types.ts';

export interface PgBossQueueOptions {
  /** The bot's DATABASE_URL; the queue lives in the same database, in its own schema. */
  databaseUrl: string;
  /** The schema pg-boss creates and owns (default pgboss). */
  schema?: string;
  /** A job whose worker died is taken again this long after it started. */
  expireInSeconds: number;
  /** How often a waiting worker asks for a job, in seconds (at least 0.5). */
  pollingIntervalSeconds?: number;
}

const QUEUE = 'summary';

/** The request's own id travels in the job: the UUID pg-boss needs cannot be turned back. */
interface Envelope {
  id: string;
  key: string;
  payload: unknown;
}

/**
 * The queue for several machines: pg-boss on the bot's own PostgreSQL. A job is taken with
 * SELECT … FOR UPDATE SKIP LOCKED, so each is run by one worker; a worker that dies leaves
 * its job active until it expires, when pg-boss's supervisor (one per cluster at a time) puts
 * it back for another worker. Fairness: the same priority rule as the SQLite queue, counted
 * in pg-boss's own job table.
 */
export async function openPgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  const schema = options.schema ?? 'pgboss';
  const url = new URL(options.databaseUrl);
  // `schema` is the store's own parameter, not libpq's.
  url.searchParams.delete('schema');
  const expireInSeconds = Math.max(1, Math.ceil(options.expireInSeconds));
  const boss = new PgBoss({
    connectionString: url.toString(),
    schema,
    // Expired jobs are found by this sweep: a quarter of the expiry keeps a dead worker's job
    // waiting at most a little longer than the expiry itself.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(expireInSeconds / 4))),
    monitorStateIntervalSeconds: 60,
  });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.createQueue(QUEUE, {
    name: QUEUE,
    retryLimit: 2,
    retryDelay: 0,
    expireInSeconds,
  });
  const db = boss.getDb();
  await db.executeSql(
    `create table if not exists ${schema}.precis_delivered (id text primary key, at timestamptz not null default now())`,
    [],
  );
  // Answers kept for a rerun go when their job is done; a day covers a job pg-boss gave up on.
  await db.executeSql(
    `create table if not exists ${schema}.precis_results (job_id text not null, part integer not null, result jsonb not null, at timestamptz not null default now(), primary key (job_id, part))`,
    [],
  );
  await db.executeSql(
    `delete from ${schema}.precis_results where at < now() - interval '1 day'`,
    [],
  );
  // A delivered mark only has to outlive the job's retries (minutes), not grow for ever.
  await db.executeSql(
    `delete from ${schema}.precis_delivered where at < now() - interval '1 day'`,
    [],
  );
  // pg-boss 10 only polls; a NOTIFY on every enqueue wakes idle workers on every machine, so a
  // job waits milliseconds instead of up to a polling interval.
  const channel = `${schema}_jobs`;
  let listener: pg.Client | null = null;
  const writer = new pg.Pool({ connectionString: url.toString(), max: 4 });
  writer.on('error', () => undefined);
  const running = new Set<Promise<void>>();
  const pollingIntervalSeconds = Math.max(0.5, options.pollingIntervalSeconds ?? 0.5);
  let working = false;
  /** Jobs running here that kept an answer, whose answers go when they are done. */
  const keptHere = new Set<string>();
  /** This process's pollers. */
  const ids: string[] = [];

  return {
    engine: 'pg-boss',
    async enqueue(job: NewJob) {
      const envelope: Envelope = { id: job.id, key: job.key, payload: job.payload };
      const client = await writer.connect();
      try {
        // Counting and writing in one transaction under a lock per key: jobs of one server
        // accepted at the same instant must not all see the same count (and tie).
        await client.query('begin');
        await client.query('select pg_advisory_xact_lock($1)', [lockKey(job.key)]);
        const { rows } = await client.query<{ n: number }>(
          `select count(*)::int as n from ${schema}.job
           where name = $1 and state in ('created', 'retry', 'active') and data->>'key' = $2`,
          [QUEUE, job.key],
        );
        const ahead = Number(rows[0]?.n ?? 0);
        // The same request sent twice (a redelivered interaction) is one job.
        await boss.send(QUEUE, envelope, {
          id: uuidFor(job.id),
          priority: -ahead,
          db: { executeSql: (text, values) => client.query(text, values) },
        });
        await client.query('select pg_notify($1, $2)', [channel, '']);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async work(handler: JobHandler, { concurrency }): Promise<JobWorker> {
      working = true;
      if (!listener) {
        listener = new pg.Client({ connectionString: url.toString() });
        listener.on('error', () => undefined);
        listener.on('notification', () => {
          for (const id of ids) boss.notifyWorker(id);
        });
        await listener.connect();
        await listener.query(`listen ${channel}`);
      }
      // One poller per slot: each takes one job, runs it, and asks again at once (pg-boss would
      // otherwise wait a polling interval after every job, even with more waiting).
      for (let slot = 0; slot < concurrency; slot += 1) {
        const self = { id: '' };
        self.id = await boss.work<Envelope>(
          QUEUE,
          { batchSize: 1, includeMetadata: true, pollingIntervalSeconds },
          async ([job]) => {
            if (!job) return;
            const run = handler({
              id: job.data.id,
              key: job.data.key,
              payload: job.data.payload,
              acceptedAt: job.createdOn,
              startedAt: job.startedOn,
              attempt: job.retryCount + 1,
            });
            running.add(run);
            try {
              await run;
              // Only a job that kept an answer (here, or in an earlier run) has one to forget.
              if (keptHere.delete(job.data.id) || job.retryCount > 0) {
                await db
                  .executeSql(`delete from ${schema}.precis_results where job_id = $1`, [
                    job.data.id,
                  ])
                  .catch(() => undefined);
              }
            } finally {
              running.delete(run);
              boss.notifyWorker(self.id);
            }
          },
        );
        ids.push(self.id);
      }
      return {
        async stop({ graceMs = 15_000 } = {}) {
          working = false;
          await Promise.all(ids.splice(0).map((id) => boss.offWork({ id })));
          let timer: NodeJS.Timeout | undefined;
          const grace = new Promise<void>((resolve) => {
            timer = setTimeout(resolve, graceMs);
          });
          await Promise.race([Promise.allSettled([...running]), grace]);
          clearTimeout(timer);
        },
      };
    },
    async markDelivered(id) {
      const { rows } = await db.executeSql(
        `insert into ${schema}.precis_delivered (id) values ($1) on conflict do nothing returning id`,
        [id],
      );
      return rows.length === 1;
    },
    async wasDelivered(id) {
      const { rows } = await db.executeSql(
        `select 1 from ${schema}.precis_delivered where id = $1`,
        [id],
      );
      return rows.length === 1;
    },
    async keepResult(id, part, result) {
      keptHere.add(id);
      await db.executeSql(
        `insert into ${schema}.precis_results (job_id, part, result) values ($1, $2, $3)
         on conflict (job_id, part) do update set result = excluded.result`,
        [id, part, JSON.stringify(result)],
      );
    },
    async keptResult(id, part) {
      const { rows } = await db.executeSql(
        `select result from ${schema}.precis_results where job_id = $1 and part = $2`,
        [id, part],
      );
      return (rows[0] as { result: unknown } | undefined)?.result ?? null;
    },
    async idle() {
      for (;;) {
        if (running.size > 0) {
          await Promise.allSettled([...running]);
          continue;
        }
        const waiting = await boss.getQueueSize(QUEUE, { before: 'completed' });
        if (waiting === 0 || !working) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      await listener?.end().catch(() => undefined);
      await writer.end().catch(() => undefined);
      await boss.stop({ graceful: false, wait: true });
    },
  };
}

/** An advisory lock id per fairness key. */
function lockKey(key: string): number {
  return createHash('sha256').update(`precis-queue:${key}`).digest().readInt32BE(0);
}

/** pg-boss ids are UUIDs; a request's own id (a Discord snowflake) maps to one, always the same. */
function uuidFor(id: string): string {
  const hex = createHash('sha256').update(id).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
