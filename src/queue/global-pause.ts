import pg from 'pg';

/** A pause every worker on one database honours: a provider's retry-after, once for all. */
export interface GlobalPause {
  /** Resolves once no pause is in force (at once, usually). */
  wait(signal?: AbortSignal): Promise<void>;
  /** Pauses every worker for `ms` from now (a longer pause already set stays). */
  pauseFor(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** How long a worker trusts the pause it last read before asking the database again. */
const READ_EVERY_MS = 100;

/**
 * The pause as one row in PostgreSQL. Reads are cached for a tenth of a second, so a burst of
 * calls costs one query; a 429 seen by any worker is seen by the others within that time.
 */
export async function createPgPause(options: {
  databaseUrl: string;
  schema: string;
}): Promise<GlobalPause> {
  const url = new URL(options.databaseUrl);
  url.searchParams.delete('schema');
  const table = `${options.schema}.precis_model_pause`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  pool.on('error', () => undefined);
  await pool.query(`create schema if not exists ${options.schema}`);
  await pool.query(
    `create table if not exists ${table} (id integer primary key, until timestamptz not null)`,
  );
  let known = { until: 0, readAt: 0 };
  const read = async (): Promise<number> => {
    if (Date.now() - known.readAt < READ_EVERY_MS) return known.until;
    const { rows } = await pool.query<{ until: Date }>(`select until from ${table} where id = 1`);
    known = { until: rows[0]?.until.getTime() ?? 0, readAt: Date.now() };
    return known.until;
  };
  return {
    async wait(signal) {
      for (let until = await read(); until > Date.now(); until = await read()) {
        signal?.throwIfAborted();
        await new Promise((resolve) => setTimeout(resolve, Math.min(until - Date.now(), 1000)));
      }
    },
    async pauseFor(ms) {
      const until = new Date(Date.now() + ms);
      await pool.query(
        `insert into ${table} (id, until) values (1, $1)
         on conflict (id) do update set until = greatest(${table}.until, excluded.until)`,
        [until],
      );
      known = { until: Math.max(known.until, until.getTime()), readAt: Date.now() };
    },
    close: () => pool.end(),
  };
}
