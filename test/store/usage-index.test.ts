import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type Connection, connect } from '../../src/store/connect.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { migrationProvider } from '../../src/store/migrations.ts';
import { dropSchema, fakeClock, PG_URL, SKIP_PG, START, uniqueSchemaName } from './databases.ts';

/** The last migration before the index: what a bot deployed before it has. */
const PREVIOUS = '0002_channel_bot_posts';

interface Place {
  name: string;
  options: () => Promise<{ databaseUrl?: string; sqlitePath?: string; schema?: string }>;
  cleanup: () => Promise<void>;
}

function sqlitePlace(): Place {
  let dir = '';
  return {
    name: 'SQLite',
    options: async () => {
      dir = await mkdtemp(join(tmpdir(), 'precis-migrate-'));
      return { sqlitePath: join(dir, 'precis.sqlite') };
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

function postgresPlace(): Place {
  const schema = uniqueSchemaName();
  return {
    name: 'PostgreSQL',
    options: async () => ({ databaseUrl: PG_URL, schema }),
    cleanup: () => dropSchema(schema),
  };
}

/** A database as the previous release left it, with one ledger row from that time. */
async function previousSchema(connection: Connection): Promise<void> {
  const migrator = new Migrator({
    db: connection.db,
    provider: migrationProvider(connection.dialect),
    ...(connection.schema ? { migrationTableSchema: connection.schema } : {}),
  });
  const { error } = await migrator.migrateTo(PREVIOUS);
  if (error) throw error;
  await connection.db
    .insertInto('usage')
    .values({
      guild_id: '100',
      user_id: '7',
      tokens_in: 1000,
      tokens_out: 200,
      cost_usd: 0.0015,
      cached: 0,
      at: START,
    })
    .execute();
}

/** The index names on the usage table, and the columns of usage_user_at in order. */
async function usageIndexes(connection: Connection) {
  if (connection.dialect === 'sqlite') {
    const { rows: list } = await sql<{ name: string }>`pragma index_list('usage')`.execute(
      connection.db,
    );
    const { rows: columns } = await sql<{
      name: string;
    }>`pragma index_info('usage_user_at')`.execute(connection.db);
    return { names: list.map((row) => row.name), columns: columns.map((row) => row.name) };
  }
  const { rows } = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = ${connection.schema} and tablename = 'usage'`.execute(connection.db);
  const definition = rows.find((row) => row.name === 'usage_user_at')?.definition ?? '';
  return {
    names: rows.map((row) => row.name),
    columns: (/\((.*)\)/.exec(definition)?.[1] ?? '').split(',').map((c) => c.trim()),
  };
}

const places = SKIP_PG ? [sqlitePlace] : [sqlitePlace, postgresPlace];

describe.each(places.map((make) => ({ make, name: make().name })))(
  'the usage index on $name',
  ({ make }) => {
    const opened: { close(): Promise<unknown> }[] = [];
    let place: Place | null = null;
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((handle) => handle.close()));
      await place?.cleanup();
    });

    it('GIVEN a database from the previous release THEN opening it adds the index and keeps the ledger', async () => {
      place = make();
      const options = await place.options();
      const old = await connect(options);
      opened.push({ close: () => old.db.destroy() });
      await previousSchema(old);
      expect((await usageIndexes(old)).names).not.toContain('usage_user_at');

      const clock = fakeClock(START);
      const store: Store = await openStore({ ...options, clock: clock.now });
      opened.push(store);
      const after = await usageIndexes(old);
      expect(after.names).toEqual(
        expect.arrayContaining(['usage_user_at', 'usage_guild_user_at', 'usage_guild_at']),
      );
      expect(after.columns).toEqual(['user_id', 'at']);
      // The row written before the migration still counts against the user's daily limit.
      expect(await store.tokensSpentToday({ userId: '7' })).toBe(1200);
      expect(await store.tokensSpentToday({ userId: '8' })).toBe(0);
    });
  },
);

describe('the per-user limit query on SQLite', () => {
  let connection: Connection | null = null;
  afterEach(async () => {
    await connection?.db.destroy();
  });

  it("GIVEN the limit check's query THEN SQLite answers it from usage_user_at, not by reading the ledger", async () => {
    connection = await connect({ sqlitePath: ':memory:' });
    const migrator = new Migrator({ db: connection.db, provider: migrationProvider('sqlite') });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    // The query tokensSpentToday({ userId }) runs.
    const { rows } = await sql<{ detail: string }>`explain query plan
      select sum(tokens_in + tokens_out) from usage
      where cached = 0 and at >= ${START} and user_id = ${'7'}`.execute(connection.db);
    expect(rows.map((row) => row.detail).join('\n')).toMatch(/USING INDEX usage_user_at/);
  });
});
