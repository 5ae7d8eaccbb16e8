import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import type { JobHandler, JobQueue, JobWorker, NewJob, QueuedJob } from './types.ts';
import { workerIdentity } from './types.ts';

export interface SqliteQueueOptions {
  /** The store's SQLite file (the queue lives beside its tables), or ':memory:'. */
  path: string;
  /** A job whose worker stops renewing its lease for this long is taken again. */
  leaseMs?: number;
  /** How often a worker looks for jobs written by another process. */
  pollMs?: number;
  /** Runs after which a job is given up (its worker kept dying). */
  maxAttempts?: number;
}

interface Row {
  id: string;
  key: string;
  payload: string;
  attempts: number;
  accepted_at: number;
  started_at: number;
}

const SCHEMA = `
create table if not exists job_queue (
  id text primary key,
  key text not null,
  payload text not null,
  priority integer not null,
  state text not null,
  attempts integer not null default 0,
  accepted_at integer not null,
  started_at integer,
  lease_until integer,
  owner text,
  delivered integer not null default 0
);
create index if not exists job_queue_ready on job_queue (state, priority desc, accepted_at);
create table if not exists job_results (
  job_id text not null,
  part integer not null,
  result text not null,
  primary key (job_id, part)
);
`;

/**
 * The one-machine queue, in the store's own SQLite file. A job is claimed by one UPDATE in a
 * write transaction (SQLite serializes writers, so two processes never claim the same row),
 * held under a lease the worker renews, and deleted when finished. After a crash, a restarted
 * worker takes back at once the jobs of a dead process on this machine, and any other's when
 * its lease runs out. Fairness: a job's priority is minus the jobs its key already has waiting
 * or running, as the in-process model queue does.
 */
export function openSqliteQueue(options: SqliteQueueOptions): JobQueue {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new SQLite(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 250;
  const maxAttempts = options.maxAttempts ?? 3;
  const me = workerIdentity(hostname(), process.pid);

  const insert = db.prepare(`
    insert into job_queue (id, key, payload, priority, state, accepted_at)
    select @id, @key, @payload,
      -(select count(*) from job_queue where key = @key and state in ('queued', 'active')),
      'queued', @now
    where true
    on conflict (id) do nothing`);
  const claim = db.prepare(`
    update job_queue
    set state = 'active', attempts = attempts + 1, started_at = @now,
        lease_until = @now + @leaseMs, owner = @me
    where id = (
      select id from job_queue
      where state = 'queued' or (state = 'active' and lease_until < @now)
      order by priority desc, accepted_at, id limit 1)
    returning id, key, payload, attempts, accepted_at, started_at`);
  const renew = db.prepare(
    `update job_queue set lease_until = @until where owner = @me and state = 'active'`,
  );
  const deleteJob = db.prepare(`delete from job_queue where id = ?`);
  const deleteResults = db.prepare(`delete from job_results where job_id = ?`);
  // A finished job leaves nothing behind: not its row, not the answers kept for a rerun.
  const finish = db.transaction((id: string) => {
    deleteJob.run(id);
    deleteResults.run(id);
  });
  const keep = db.prepare(
    `insert into job_results (job_id, part, result) values (?, ?, ?)
     on conflict (job_id, part) do update set result = excluded.result`,
  );
  const kept = db.prepare(`select result from job_results where job_id = ? and part = ?`);
  const deliver = db.prepare(`update job_queue set delivered = 1 where id = ? and delivered = 0`);
  const delivered = db.prepare(`select delivered from job_queue where id = ?`);
  const ready = db.prepare(
    `select count(*) as n from job_queue where state = 'queued' or (state = 'active' and lease_until < ?)`,
  );
  const held = db.prepare(`select id, owner from job_queue where state = 'active'`);
  const release = db.prepare(`update job_queue set state = 'queued', owner = null where id = ?`);

  const running = new Set<Promise<void>>();
  let wake: (() => void) | null = null;
  const changed = new Set<() => void>();
  const notify = () => {
    for (const listener of [...changed]) listener();
  };

  /** Jobs held by a process of this machine that no longer exists go back to the queue now. */
  function reclaimOrphans(): void {
    const host = `${hostname()}:`;
    for (const row of held.all() as { id: string; owner: string | null }[]) {
      if (!row.owner?.startsWith(host) || row.owner === me) continue;
      const pid = Number(row.owner.slice(host.length));
      if (!isAlive(pid)) release.run(row.id);
    }
  }

  return {
    engine: 'sqlite',
    async enqueue(job: NewJob) {
      insert.run({
        id: job.id,
        key: job.key,
        payload: JSON.stringify(job.payload),
        now: Date.now(),
      });
      wake?.();
    },
    async work(handler: JobHandler, { concurrency }): Promise<JobWorker> {
      let stopped = false;
      reclaimOrphans();
      const take = (): QueuedJob | null => {
        const row = claim.get({ now: Date.now(), leaseMs, me }) as Row | undefined;
        if (!row) return null;
        return {
          id: row.id,
          key: row.key,
          payload: JSON.parse(row.payload),
          acceptedAt: new Date(row.accepted_at),
          startedAt: new Date(row.started_at),
          attempt: row.attempts,
        };
      };
      const pump = () => {
        while (!stopped && running.size < concurrency) {
          const job = take();
          if (!job) return;
          if (job.attempt > maxAttempts) {
            // Its workers kept dying on it: give it up rather than loop forever.
            finish(job.id);
            continue;
          }
          const done: Promise<void> = handler(job)
            .catch(() => undefined)
            .finally(() => {
              if (db.open) finish(job.id);
              running.delete(done);
              notify();
              pump();
            });
          running.add(done);
          notify();
        }
      };
      wake = pump;
      const poll = setInterval(pump, pollMs);
      const lease = setInterval(
        () => renew.run({ until: Date.now() + leaseMs, me }),
        Math.max(100, Math.floor(leaseMs / 3)),
      );
      pump();
      return {
        async stop({ graceMs = 15_000 } = {}) {
          stopped = true;
          wake = null;
          clearInterval(poll);
          let timer: NodeJS.Timeout | undefined;
          const grace = new Promise<void>((resolve) => {
            timer = setTimeout(resolve, graceMs);
          });
          await Promise.race([Promise.allSettled([...running]), grace]);
          clearTimeout(timer);
          clearInterval(lease);
        },
      };
    },
    async markDelivered(id) {
      return deliver.run(id).changes === 1;
    },
    async wasDelivered(id) {
      const row = delivered.get(id) as { delivered: number } | undefined;
      return row?.delivered === 1;
    },
    async keepResult(id, part, result) {
      keep.run(id, part, JSON.stringify(result));
    },
    async keptResult(id, part) {
      const row = kept.get(id, part) as { result: string } | undefined;
      return row ? (JSON.parse(row.result) as unknown) : null;
    },
    async idle() {
      for (;;) {
        if (running.size > 0) {
          await Promise.allSettled([...running]);
          continue;
        }
        const { n } = ready.get(Date.now()) as { n: number };
        if (n === 0 || !wake) return;
        await new Promise<void>((resolve) => {
          const listener = () => {
            changed.delete(listener);
            resolve();
          };
          changed.add(listener);
          wake?.();
        });
      }
    },
    async close() {
      db.close();
    },
  };
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
