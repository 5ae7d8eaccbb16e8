import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { type Clock, openStore, type Store } from '../../src/store/index.ts';

/**
 * The store suite runs once per database. PostgreSQL is required (CI and the development
 * machines run it); an unreachable server fails the suite unless PRECIS_SKIP_PG=1.
 */
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const SKIP_PG = process.env.PRECIS_SKIP_PG === '1';

/** A fresh, empty database that can be opened more than once (to test restarts). */
export interface TestLocation {
  open(clock?: Clock): Promise<Store>;
  /** Runs raw SQL outside the store, to plant rows the store itself would never write. */
  exec(statement: string): Promise<void>;
  /** Closes every store opened here and removes the data. */
  cleanup(): Promise<void>;
}

export interface TestDatabase {
  name: string;
  create(): Promise<TestLocation>;
}

const sqlite: TestDatabase = {
  name: 'SQLite',
  async create() {
    const dir = await mkdtemp(join(tmpdir(), 'precis-store-'));
    const opened: Store[] = [];
    return {
      async open(clock) {
        const store = await openStore({ sqlitePath: join(dir, 'precis.sqlite'), clock });
        opened.push(store);
        return store;
      },
      async exec(statement) {
        const database = new SQLite(join(dir, 'precis.sqlite'));
        try {
          database.exec(statement);
        } finally {
          database.close();
        }
      },
      async cleanup() {
        await Promise.all(opened.map((store) => store.close()));
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

export function uniqueSchemaName(): string {
  return `precis_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

const postgres: TestDatabase = {
  name: 'PostgreSQL',
  async create() {
    // Each test gets its own schema so concurrent runs and tests cannot see each other's rows.
    const schema = uniqueSchemaName();
    const opened: Store[] = [];
    return {
      async open(clock) {
        const store = await openStore({ databaseUrl: PG_URL, schema, clock });
        opened.push(store);
        return store;
      },
      async exec(statement) {
        const client = new pg.Client({
          connectionString: PG_URL,
          options: `-c search_path=${schema}`,
        });
        await client.connect();
        try {
          await client.query(statement);
        } finally {
          await client.end();
        }
      },
      async cleanup() {
        await Promise.all(opened.map((store) => store.close()));
        if (opened.length > 0) await dropSchema(schema);
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

/** A fresh store per test, on a clock that starts at START and moves only when told. */
export function useStore(database: TestDatabase): StoreContext {
  const context = {} as StoreContext;
  let location: TestLocation | undefined;
  beforeEach(async () => {
    context.clock = fakeClock(START);
    location = await database.create();
    context.location = location;
    context.store = await location.open(context.clock.now);
  });
  afterEach(async () => {
    await location?.cleanup();
    location = undefined;
  });
  return context;
}
