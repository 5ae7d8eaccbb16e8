import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteQueue } from '../../src/queue/sqlite-queue.ts';
import type { JobQueue, QueuedJob } from '../../src/queue/types.ts';

let dir: string;
let path: string;
const opened: JobQueue[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'precis-queue-'));
  path = join(dir, 'precis.sqlite');
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((queue) => queue.close()));
  await rm(dir, { recursive: true, force: true });
});

function open(options: { leaseMs?: number } = {}): JobQueue {
  const queue = openSqliteQueue({ path, pollMs: 20, ...options });
  opened.push(queue);
  return queue;
}

/** Runs jobs one at a time and records the order they were taken in. */
async function drain(queue: JobQueue): Promise<QueuedJob[]> {
  const taken: QueuedJob[] = [];
  const worker = await queue.work(async (job) => void taken.push(job), { concurrency: 1 });
  await queue.idle();
  await worker.stop();
  return taken;
}

describe('the SQLite job queue', () => {
  it('GIVEN the same job id written twice THEN it runs once', async () => {
    const queue = open();
    await queue.enqueue({ id: 'i-1', key: 'g', payload: { n: 1 } });
    await queue.enqueue({ id: 'i-1', key: 'g', payload: { n: 2 } });
    const taken = await drain(queue);
    expect(taken.map((job) => job.payload)).toEqual([{ n: 1 }]);
  });

  it('GIVEN a busy server with many jobs queued THEN a quiet server’s job is taken next', async () => {
    const queue = open();
    for (let n = 0; n < 10; n += 1)
      await queue.enqueue({ id: `busy-${n}`, key: 'busy', payload: n });
    await queue.enqueue({ id: 'quiet-0', key: 'quiet', payload: 'q' });
    const order = (await drain(queue)).map((job) => job.id);
    expect(order.indexOf('quiet-0')).toBe(1);
  });

  it('GIVEN a job held by a process that has died THEN a new worker takes it at once, as attempt 2', async () => {
    const first = open({ leaseMs: 60_000 });
    await first.enqueue({ id: 'held', key: 'g', payload: 'p' });
    // The job is claimed in the name of a process of this machine that no longer exists.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const database = new SQLite(path);
    database
      .prepare(
        `update job_queue set state = 'active', attempts = 1, owner = ?, lease_until = ? where id = 'held'`,
      )
      .run(`${hostname()}:${dead}`, Date.now() + 60_000);
    database.close();
    const taken = await drain(open({ leaseMs: 60_000 }));
    expect(taken.map((job) => [job.id, job.attempt])).toEqual([['held', 2]]);
  });

  it('GIVEN a job whose worker stopped renewing its lease THEN another worker takes it', async () => {
    const queue = open({ leaseMs: 50 });
    await queue.enqueue({ id: 'leased', key: 'g', payload: 'p' });
    const database = new SQLite(path);
    // Held by a live process elsewhere (pid 1 on another host): only the lease can free it.
    database
      .prepare(
        `update job_queue set state = 'active', attempts = 1, owner = 'elsewhere:1', lease_until = ? where id = 'leased'`,
      )
      .run(Date.now() + 50);
    database.close();
    // Taken only once the lease has run out, so wait for the handler rather than for idle.
    const other = open({ leaseMs: 50 });
    let worker: Awaited<ReturnType<JobQueue['work']>> | undefined;
    const taken = await new Promise<QueuedJob>((resolve) => {
      other
        .work(async (job) => resolve(job), { concurrency: 1 })
        .then((w) => {
          worker = w;
        });
    });
    await worker?.stop();
    expect([taken.id, taken.attempt]).toEqual(['leased', 2]);
  });

  it('GIVEN an answer marked delivered THEN marking it again says it already was', async () => {
    const queue = open();
    await queue.enqueue({ id: 'd', key: 'g', payload: 'p' });
    expect(await queue.markDelivered('d')).toBe(true);
    expect(await queue.markDelivered('d')).toBe(false);
    expect(await queue.wasDelivered('d')).toBe(true);
  });
});
