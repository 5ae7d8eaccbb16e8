import type { Config } from '../config.ts';
import { DEFAULT_SQLITE_PATH, openStore, type Store } from '../store/index.ts';

/** Where the store lives: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export function storeTarget(config: Config): { databaseUrl: string | null; sqlitePath: string } {
  return {
    databaseUrl: config.DATABASE_URL ?? null,
    sqlitePath: config.SQLITE_PATH ?? DEFAULT_SQLITE_PATH,
  };
}

/** The one way every program opens the store, so the bot, the worker and reports read the same one. */
export function openAppStore(config: Config): Promise<Store> {
  return openStore(storeTarget(config));
}
