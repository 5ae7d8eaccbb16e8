import pg from 'pg';

/**
 * What every worker on one database knows of the model provider: a pause (its retry-after,
 * once for all) and an open circuit (one worker saw it failing, so none calls it for a while).
 */
export interface SharedProviderState {
  /** Resolves once no pause is in force (at once, usually). */
  wait(signal?: AbortSignal): Promise<void>;
  /** Pauses every worker for `ms` from now (a longer pause already set stays). */
  pauseFor(ms: number): Promise<void>;
  /** True while some worker's circuit breaker has the provider marked as down. */
  circuitOpen(): Promise<boolean>;
  openCircuitFor(ms: number): Promise<void>;
  closeCircuit(): Promise<void>;
  close(): Promise<void>;
}

const PAUSE = 1;
const CIRCUIT = 2;

/** How long a worker trusts the pause it last read before asking the database again. */
const READ_EVERY_MS = 100;

/**
 * The pause as one row in PostgreSQL. Reads are cached for a tenth of a second, so a burst of
 * calls costs one query; a 429 seen by any worker is seen by the others within that time.
 */
export async function createPgProviderState(options: {
  databaseUrl: string;
  schema: string;
}): Promise<SharedProviderState> {
  const url = new URL(options.databaseUrl);
  url.searchParams.delete('schema');
  const table = `${options.schema}.precis_model_pause`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  pool.on('error', () => undefined);
  await pool.query(`create schema if not exists ${options.schema}`);
  await pool.query(
    `create table if not exists ${table} (id integer primary key, until timestamptz not null)`,
  );
  let known = { pause: 0, circuit: 0, readAt: 0 };
  const refresh = async (): Promise<typeof known> => {
    if (Date.now() - known.readAt < READ_EVERY_MS) return known;
    const { rows } = await pool.query<{ id: number; until: Date }>(
      `select id, until from ${table}`,
    );
    const until = (id: number) => rows.find((row) => row.id === id)?.until.getTime() ?? 0;
    known = { pause: until(PAUSE), circuit: until(CIRCUIT), readAt: Date.now() };
    return known;
  };
  const read = async () => (await refresh()).pause;
  const write = async (id: number, until: Date, keepLonger: boolean) => {
    await pool.query(
      `insert into ${table} (id, until) values ($1, $2)
       on conflict (id) do update set until = ${keepLonger ? `greatest(${table}.until, excluded.until)` : 'excluded.until'}`,
      [id, until],
    );
    known.readAt = 0;
  };
  return {
    async wait(signal) {
      for (let until = await read(); until > Date.now(); until = await read()) {
        signal?.throwIfAborted();
        await new Promise((resolve) => setTimeout(resolve, Math.min(until - Date.now(), 1000)));
      }
    },
    async pauseFor(ms) {
      await write(PAUSE, new Date(Date.now() + ms), true);
    },
    async circuitOpen() {
      return (await refresh()).circuit > Date.now();
    },
    async openCircuitFor(ms) {
      await write(CIRCUIT, new Date(Date.now() + ms), true);
    },
    async closeCircuit() {
      await write(CIRCUIT, new Date(0), false);
    },
    close: () => pool.end(),
  };
}
