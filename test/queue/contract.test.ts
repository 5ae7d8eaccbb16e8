import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openQueue } from '../../src/queue/open-queue.ts';
import type { JobQueue, QueuedJob } from '../../src/queue/types.ts';
import { createTestSchema } from '../sharding/sharded-process.ts';
import { SKIP_PG } from '../store/databases.ts';

/**
 * The queue port's contract, run on both engines as the program opens them (openQueue): the
 * same tests prove that swapping SQLite for pg-boss changes nothing a job can see.
 */
interface Engine {
  name: string;
  /** Where a queue is opened: a fresh SQLite file, or a fresh PostgreSQL schema. */
  create(): Promise<{ databaseUrl: string | null; sqlitePath: string; drop(): Promise<void> }>;
}

const ENGINES: Engine[] = [
  {
    name: 'SQLite',
    async create() {
      const dir = await mkdtemp(join(tmpdir(), 'precis-queue-contract-'));
      return {
        databaseUrl: null,
        sqlitePath: join(dir, 'precis.sqlite'),
        drop: () => rm(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'pg-boss',
    async create() {
      const schema = await createTestSchema();
      return { databaseUrl: schema.url, sqlitePath: ':memory:', drop: schema.drop };
    },
  },
];

describe.each(ENGINES.filter((engine) => !SKIP_PG || engine.name === 'SQLite'))(
  'the job queue on $name',
  (engine) => {
    let queue: JobQueue;
    let drop: () => Promise<void>;

    beforeEach(async () => {
      const where = await engine.create();
      drop = where.drop;
      queue = await openQueue({ ...where, leaseSeconds: 60, jobDeadlineMs: 30_000 });
    });

    afterEach(async () => {
      await queue.close();
      await drop();
    });

    /** Runs every waiting job and returns them in the order they were taken. */
    async function drain(): Promise<QueuedJob[]> {
      const taken: QueuedJob[] = [];
      const worker = await queue.work(async (job) => void taken.push(job), { concurrency: 1 });
      await queue.idle();
      await worker.stop();
      return taken;
    }

    describe('queueing', () => {
      it('GIVEN the same job id written twice THEN it runs once, with the first payload', async () => {
        await queue.enqueue({ id: 'i-1', key: 'g', payload: { n: 1 } });
        await queue.enqueue({ id: 'i-1', key: 'g', payload: { n: 2 } });
        const taken = await drain();
        expect(taken.map((job) => [job.id, job.payload])).toEqual([['i-1', { n: 1 }]]);
      });

      it('GIVEN a job THEN the worker gets its key, its JSON payload and its first attempt', async () => {
        const payload = { text: 'é “quoted”', list: [1, null, true], nested: { a: 'b' } };
        await queue.enqueue({ id: 'i-2', key: 'guild-9', payload });
        const [job] = await drain();
        expect(job).toMatchObject({ id: 'i-2', key: 'guild-9', payload, attempt: 1 });
        expect(job?.startedAt.getTime()).toBeGreaterThanOrEqual(job?.acceptedAt.getTime() ?? 0);
      });

      it('GIVEN several jobs THEN each runs once', async () => {
        for (const id of ['a', 'b', 'c']) await queue.enqueue({ id, key: id, payload: id });
        const taken = await drain();
        expect(taken.map((job) => job.id).sort()).toEqual(['a', 'b', 'c']);
      });
    });

    describe('the delivery ledger', () => {
      it('GIVEN a job delivered once THEN it reads as delivered and a second mark says so', async () => {
        await queue.enqueue({ id: 'd-1', key: 'g', payload: null });
        expect(await queue.wasDelivered('d-1')).toBe(false);
        expect(await queue.markDelivered('d-1')).toBe(true);
        expect(await queue.wasDelivered('d-1')).toBe(true);
        expect(await queue.markDelivered('d-1')).toBe(false);
      });

      it('GIVEN answers kept by part THEN each part reads back its own, and an unknown one is null', async () => {
        await queue.enqueue({ id: 'k-1', key: 'g', payload: null });
        await queue.keepResult('k-1', 0, { tldr: 'first' });
        await queue.keepResult('k-1', 1, { tldr: 'second' });
        expect(await queue.keptResult('k-1', 0)).toEqual({ tldr: 'first' });
        expect(await queue.keptResult('k-1', 1)).toEqual({ tldr: 'second' });
        expect(await queue.keptResult('k-1', 2)).toBeNull();
        expect(await queue.keptResult('unknown', 0)).toBeNull();
      });
    });
  },
);
