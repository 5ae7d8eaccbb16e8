import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type NodeProcess, startScript } from '../queue/node-process.ts';

/** `npm run start:sharded` as a real process tree, with its JSON log lines collected. */
export type ShardedProcess = NodeProcess;

export function startSharded(env: Record<string, string>): ShardedProcess {
  return startScript('src/sharded.ts', env);
}

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A PostgreSQL schema of its own for one test run, and its DATABASE_URL. */
export async function createTestSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `precis_shard_${randomBytes(6).toString('hex')}`;
  // Created up front: shards migrating a fresh database at once would race to create it.
  await sql(`create schema ${schema}`);
  return {
    url: `${PG_URL}?schema=${schema}`,
    // The job queue keeps its own schema beside the store's.
    drop: () => sql(`drop schema if exists ${schema}, ${schema}_queue cascade`),
  };
}

async function sql(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
