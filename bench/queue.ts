import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import PQueue from 'p-queue';
import pg from 'pg';
import { openPgBossQueue } from '../src/queue/pg-boss-queue.ts';
import { openSqliteQueue } from '../src/queue/sqlite-queue.ts';
import type { JobQueue } from '../src/queue/types.ts';

/** One engine, one worker count: throughput of a burst, and latency at a steady rate. */
export interface QueueBenchRow {
  engine: string;
  workers: number;
  throughputPerS: number;
  /** Throughput over the in-process baseline (p-queue, nothing written), same process. */
  throughputRatio: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

const JOB_MS = 10;
const CONCURRENCY = 4;
const BURST = 200;
const STEADY = 100;
const STEADY_GAP_MS = 15;
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** What jobs did before the queue: run in the process that accepted them, nothing stored. */
async function baselineThroughput(workers: number): Promise<number> {
  const queue = new PQueue({ concurrency: CONCURRENCY * workers });
  const started = performance.now();
  await Promise.all(Array.from({ length: BURST }, () => queue.add(() => sleep(JOB_MS))));
  return BURST / ((performance.now() - started) / 1000);
}

/**
 * `workers` queue handles on one database (each as a separate worker process would open it)
 * take jobs that each last JOB_MS. The latency is accepted → started, as the queue records it.
 */
async function measure(
  open: () => Promise<JobQueue>,
  workers: number,
): Promise<{ throughputPerS: number; latencyP50Ms: number; latencyP99Ms: number }> {
  const producer = await open();
  const consumers = await Promise.all(Array.from({ length: workers }, open));
  let done = 0;
  let waiting: (() => void) | null = null;
  const waits: number[] = [];
  const stops = await Promise.all(
    consumers.map((queue) =>
      queue.work(
        async (job) => {
          waits.push(job.startedAt.getTime() - job.acceptedAt.getTime());
          await sleep(JOB_MS);
          done += 1;
          if (waiting && done >= target) waiting();
        },
        { concurrency: CONCURRENCY },
      ),
    ),
  );
  let target = 0;
  const until = (count: number) =>
    new Promise<void>((resolve) => {
      target = count;
      waiting = resolve;
      if (done >= count) resolve();
    });

  const burstStarted = performance.now();
  const burstDone = until(BURST);
  await Promise.all(
    Array.from({ length: BURST }, (_, n) =>
      producer.enqueue({ id: `burst-${n}`, key: `guild-${n % 5}`, payload: { n } }),
    ),
  );
  await burstDone;
  const throughputPerS = BURST / ((performance.now() - burstStarted) / 1000);

  waits.length = 0;
  const steadyDone = until(BURST + STEADY);
  for (let n = 0; n < STEADY; n += 1) {
    await producer.enqueue({ id: `steady-${n}`, key: `guild-${n % 5}`, payload: { n } });
    await sleep(STEADY_GAP_MS);
  }
  await steadyDone;
  await Promise.all(stops.map((worker) => worker.stop()));
  await Promise.all([producer, ...consumers].map((queue) => queue.close()));
  return {
    throughputPerS,
    latencyP50Ms: quantile(waits, 0.5),
    latencyP99Ms: quantile(waits, 0.99),
  };
}

export async function benchQueue(): Promise<QueueBenchRow[]> {
  const rows: QueueBenchRow[] = [];
  for (const workers of [1, 2]) {
    const baseline = await baselineThroughput(workers);
    const dir = await mkdtemp(join(tmpdir(), 'precis-queue-bench-'));
    try {
      const path = join(dir, 'queue.sqlite');
      const sqlite = await measure(async () => openSqliteQueue({ path, pollMs: 50 }), workers);
      rows.push({
        engine: 'SQLite',
        workers,
        ...sqlite,
        throughputRatio: sqlite.throughputPerS / baseline,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const schema = `precis_bench_${process.pid}_${workers}`;
    try {
      const boss = await measure(
        () =>
          openPgBossQueue({
            databaseUrl: PG_URL,
            schema,
            expireInSeconds: 60,
            pollingIntervalSeconds: 0.5,
          }),
        workers,
      );
      rows.push({
        engine: 'pg-boss',
        workers,
        ...boss,
        throughputRatio: boss.throughputPerS / baseline,
      });
    } catch (error) {
      process.stderr.write(`pg-boss not measured: ${(error as Error).message}\n`);
    } finally {
      await dropSchema(schema).catch(() => undefined);
    }
  }
  return rows;
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await benchQueue()) {
    process.stdout.write(
      `${row.engine.padEnd(8)} ${row.workers} worker(s): ${row.throughputPerS.toFixed(0)} jobs/s (${row.throughputRatio.toFixed(2)} × in-process), accepted → started p50 ${row.latencyP50Ms.toFixed(1)} ms / p99 ${row.latencyP99Ms.toFixed(1)} ms\n`,
    );
  }
}
