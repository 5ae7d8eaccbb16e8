import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { OperatorError } from '../shared/errors.ts';
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
      throw new OperatorError(
        'DATABASE_URL must start with postgres:// or postgresql://; leave it empty to use SQLite.',
      );
    }
    return connectPostgres(url, options.schema);
  }
  return connectSqlite(options.sqlitePath ?? DEFAULT_SQLITE_PATH);
}

function connectSqlite(path: string): Connection {
  if (path !== ':memory:') assertOrdinaryFile(path);
  let database: SQLite.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    database = new SQLite(path);
    // WAL lets readers run while the bot writes; the busy timeout rides out a second process.
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 5000');
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    throw new OperatorError(
      `Cannot open the SQLite database ${path} (${reason}); set SQLITE_PATH to a file in a writable folder, e.g. ./data/precis.sqlite.`,
      { cause: error },
    );
  }
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }),
    dialect: 'sqlite',
    schema: null,
  };
}

/**
 * SQLite blocks on a file that never ends or never answers: a FIFO, a terminal, a file under
 * /proc. Only a regular file (or one not made yet) on an ordinary file system is opened.
 */
function assertOrdinaryFile(path: string): void {
  const absolute = resolve(path);
  const refuse = (why: string) =>
    new OperatorError(
      `SQLITE_PATH=${path} ${why}; set it to a file in a writable folder, e.g. ./data/precis.sqlite.`,
    );
  if (/^\/(proc|sys|dev)(\/|$)/.test(absolute)) throw refuse('is under a system folder');
  const stats = statSync(absolute, { throwIfNoEntry: false });
  if (stats && !stats.isFile()) throw refuse('is not a regular file');
}

async function connectPostgres(rawUrl: string, schemaOption?: string): Promise<Connection> {
  if (!URL.canParse(rawUrl)) {
    // URL's own error would print the whole value, password included.
    throw new OperatorError(
      'DATABASE_URL is not a valid URL; write it as postgres://user:password@host:5432/database.',
    );
  }
  const url = new URL(rawUrl);
  const schema =
    schemaOption ?? url.searchParams.get('schema') ?? searchPathOf(url.searchParams.get('options'));
  // `schema` is ours, not libpq's: do not hand it to pg.
  url.searchParams.delete('schema');
  if (schema !== null && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new OperatorError(
      `The PostgreSQL schema name ${JSON.stringify(schema)} is not valid; use letters, digits and _ only.`,
    );
  }

  // pg is loaded only for PostgreSQL: a SQLite deployment never pays its memory.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url.toString(),
    // pg waits for ever by default: a host that drops packets would hang start-up silently.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // Every pooled connection must see the same schema, so set it at connect time.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    else await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new OperatorError(
      `Cannot connect to PostgreSQL at ${url.host} (${reasonOf(error)}); check DATABASE_URL and that the database is running.`,
      { cause: error },
    );
  }
  return { db, dialect: 'postgres', schema };
}

const CONNECT_TIMEOUT_MS = 10_000;

/** A short reason from pg's or the socket's error, with no credentials and no period. */
function reasonOf(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  if (code && /^[A-Z]/.test(code)) return code;
  return (message ?? String(error)).replace(/[.\s]+$/, '');
}

/** The schema named by libpq's `options=-c search_path=<schema>`, so it can be created too. */
function searchPathOf(options: string | null): string | null {
  return options?.match(/search_path=([A-Za-z_][A-Za-z0-9_]*)/)?.[1] ?? null;
}
