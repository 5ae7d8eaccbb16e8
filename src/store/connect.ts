import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { DialectName } from './migrations.ts';
import type { Database } from './tables.ts';

export const DEFAULT_SQLITE_PATH = './data/precis.sqlite';

export interface ConnectOptions {
  databaseUrl?: string | null;
  sqlitePath?: string;
  /**
   * PostgreSQL only: the schema to use (created if missing). Also read from the URL's
   * `?schema=` or `?options=-c search_path=`.
   */
  schema?: string;
}

export interface Connection {
  db: Kysely<Database>;
  dialect: DialectName;
  /** PostgreSQL schema holding the tables, when one was chosen. */
  schema: string | null;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export async function connect(options: ConnectOptions): Promise<Connection> {
  const url = options.databaseUrl?.trim();
  if (url) {
    if (!isPostgresUrl(url)) {
      throw new Error(
        'DATABASE_URL must start with postgres:// or postgresql://; leave it unset to use SQLite',
      );
    }
    return connectPostgres(url, options.schema);
  }
  return connectSqlite(options.sqlitePath ?? DEFAULT_SQLITE_PATH);
}

function connectSqlite(path: string): Connection {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  // WAL lets readers run while the bot writes; the busy timeout rides out a second process.
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }),
    dialect: 'sqlite',
    schema: null,
  };
}

async function connectPostgres(rawUrl: string, schemaOption?: string): Promise<Connection> {
  const url = new URL(rawUrl);
  const schema =
    schemaOption ?? url.searchParams.get('schema') ?? searchPathOf(url.searchParams.get('options'));
  // `schema` is ours, not libpq's: do not hand it to pg.
  url.searchParams.delete('schema');
  if (schema !== null && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`Invalid PostgreSQL schema name: ${schema}`);
  }

  // pg is loaded only for PostgreSQL: a SQLite deployment never pays its memory.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url.toString(),
    // Every pooled connection must see the same schema, so set it at connect time.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    else await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new Error(`Cannot connect to PostgreSQL at ${url.host}: ${String(error)}`, {
      cause: error,
    });
  }
  return { db, dialect: 'postgres', schema };
}

/** The schema named by libpq's `options=-c search_path=<schema>`, so it can be created too. */
function searchPathOf(options: string | null): string | null {
  return options?.match(/search_path=([A-Za-z_][A-Za-z0-9_]*)/)?.[1] ?? null;
}
