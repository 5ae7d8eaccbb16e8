import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type Clock, openStore, type Store } from '../../src/store/index.ts';

/**
 * The store suite runs once per database. PostgreSQL is required (CI and the development
 * machines run it); an unreachable server fails the suite unless PRECIS_SKIP_PG=1.
 */
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const SKIP_PG = process.env.PRECIS_SKIP_PG === '1';

/** A database that can be opened more than once (to test restarts) and emptied between tests. */
export interface TestLocation {
  open(clock?: Clock): Promise<Store>;
  /** Runs raw SQL outside the store, to plant rows the store itself would never write. */
  exec(statement: string): Promise<void>;
  /** Closes every store opened here and deletes every row, so the next test starts empty. */
  reset(): Promise<void>;
  /** Closes every store opened here and removes the database. */
  cleanup(): Promise<void>;
}

export interface TestDatabase {
  name: string;
  create(): Promise<TestLocation>;
}

async function closeAll(opened: Store[]): Promise<void> {
  await Promise.all(opened.splice(0).map((store) => store.close()));
}

const sqlite: TestDatabase = {
  name: 'SQLite',
  async create() {
    const dir = await mkdtemp(join(tmpdir(), 'precis-store-'));
    const file = join(dir, 'precis.sqlite');
    const opened: Store[] = [];
    return {
      async open(clock) {
        const store = await openStore({ sqlitePath: file, clock });
        opened.push(store);
        return store;
      },
      async exec(statement) {
        const database = new SQLite(file);
        try {
          database.exec(statement);
        } finally {
          database.close();
        }
      },
      async reset() {
        await closeAll(opened);
        // A new file is as cheap as emptying one, and also re-tests migrating from nothing.
        await Promise.all(
          ['', '-wal', '-shm'].map((suffix) => rm(`${file}${suffix}`, { force: true })),
        );
      },
      async cleanup() {
        await closeAll(opened);
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

export function uniqueSchemaName(): string {
  return `precis_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

async function withClient<T>(
  schema: string | null,
  run: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: PG_URL,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await withClient(null, (client) => client.query(`drop schema if exists "${schema}" cascade`));
}

const postgres: TestDatabase = {
  name: 'PostgreSQL',
  async create() {
    // One schema per suite so concurrent runs cannot see each other; migrating a schema
    // costs a few hundred milliseconds, so tests share it and empty it between them.
    const schema = uniqueSchemaName();
    const opened: Store[] = [];
    let created = false;
    return {
      async open(clock) {
        const store = await openStore({ databaseUrl: PG_URL, schema, clock });
        created = true;
        opened.push(store);
        return store;
      },
      async exec(statement) {
        await withClient(schema, (client) => client.query(statement));
      },
      async reset() {
        await closeAll(opened);
        if (!created) return;
        await withClient(schema, async (client) => {
          const { rows } = await client.query<{ name: string }>(
            `select table_name as name from information_schema.tables
             where table_schema = $1 and table_name not like 'kysely_%'`,
            [schema],
          );
          const tables = rows.map((row) => `"${row.name}"`);
          for (const table of tables) await client.query(`delete from ${table}`);
        });
      },
      async cleanup() {
        await closeAll(opened);
        if (created) await dropSchema(schema);
      },
    };
  },
};

export const DATABASES: TestDatabase[] = SKIP_PG ? [sqlite] : [sqlite, postgres];

export interface FakeClock {
  now: Clock;
  set(iso: string): void;
  advance(seconds: number): void;
}

export function fakeClock(startIso: string): FakeClock {
  let current = new Date(startIso);
  return {
    now: () => new Date(current),
    set(iso) {
      current = new Date(iso);
    },
    advance(seconds) {
      current = new Date(current.getTime() + seconds * 1000);
    },
  };
}

export const START = '2026-03-10T12:00:00.000Z';

export interface StoreContext {
  store: Store;
  location: TestLocation;
  clock: FakeClock;
}

/**
 * An empty store for each test, on a clock that starts at START and moves only when told.
 * Call inside a describe: the database is created once for it and emptied between tests.
 */
export function useStore(database: TestDatabase): StoreContext {
  const context = {} as StoreContext;
  let location: TestLocation | undefined;
  beforeAll(async () => {
    location = await database.create();
    context.location = location;
  });
  beforeEach(async () => {
    context.clock = fakeClock(START);
    context.store = await context.location.open(context.clock.now);
  });
  afterEach(async () => {
    await location?.reset();
  });
  afterAll(async () => {
    await location?.cleanup();
  });
  return context;
}
