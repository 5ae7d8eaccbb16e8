import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBotServices } from '../../src/app/bot-services.ts';
import { loadConfig } from '../../src/config.ts';
import { createTestSchema } from '../sharding/sharded-process.ts';
import { PG_URL, SKIP_PG } from '../store/databases.ts';

/**
 * What `npm start` and `npm run worker` open on PostgreSQL (store, queue, the model slots and
 * provider pause every worker shares) is closed by their stop path: no connection is left.
 */
/** Asks again until `read` gives `expected` or `withinMs` passes; returns the last answer. */
async function settled(
  read: () => Promise<number>,
  expected: number,
  withinMs: number,
): Promise<number> {
  const until = Date.now() + withinMs;
  for (;;) {
    const value = await read();
    if (value === expected || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(SKIP_PG)('services on PostgreSQL at shutdown', () => {
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  // Every connection the services open carries this name, so this test counts only its own.
  const appName = `precis_shutdown_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  const connections = async () => {
    const { rows } = await admin.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where application_name = $1',
      [appName],
    );
    return rows[0]?.n ?? 0;
  };

  beforeAll(async () => {
    schema = await createTestSchema();
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await schema?.drop();
  });

  it('GIVEN the services opened on PostgreSQL WHEN closed THEN none of their connections stays open', async () => {
    const services = await openBotServices(
      loadConfig({ DATABASE_URL: `${schema.url}&application_name=${appName}` }),
    );
    expect(services.queue.engine).toBe('pg-boss');
    expect(await connections()).toBeGreaterThan(0);
    await services.close();
    // A backend leaves pg_stat_activity a moment after its client hangs up; an idle client of
    // a pool nobody ended stays for the pool's idle timeout (10 s), longer than this waits.
    expect(await settled(connections, 0, 5_000)).toBe(0);
  });
});
