import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { OperatorError } from '../../src/shared/errors.ts';
import { connect } from '../../src/store/connect.ts';

/** The message loadConfig refuses `env` with. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

/** The message connect refuses these options with. */
async function connectRefusal(options: Parameters<typeof connect>[0]): Promise<string> {
  const outcome = await connect(options).then(
    async (connection) => {
      await connection.db.destroy();
      return null;
    },
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(OperatorError);
  return (outcome as OperatorError).message;
}

describe('a configuration the process refuses at start-up', () => {
  it('GIVEN OPENAI_BASE_URL=ftp:// THEN it is refused as not http(s), not later as "try again in a minute"', () => {
    expect(refusal({ OPENAI_BASE_URL: 'ftp://models.example/v1' })).toBe(
      'Invalid configuration:\n  OPENAI_BASE_URL="ftp://models.example/v1": expected an http:// or https:// URL such as https://api.openai.com/v1',
    );
  });

  it('GIVEN FETCH_ALLOW_PORTS=99999 THEN it is refused instead of every link reading as port 80', () => {
    expect(refusal({ FETCH_ALLOW_PORTS: '80,99999' })).toBe(
      'Invalid configuration:\n  FETCH_ALLOW_PORTS="80,99999": expected comma-separated port numbers from 1 to 65535, e.g. 80,443,8080',
    );
  });

  it.each(['*.1', '*.254', '*.0.0.1'])(
    'GIVEN FETCH_ALLOW_HOSTS=%s THEN it is refused: it could only match IP addresses',
    (entry) => {
      expect(refusal({ FETCH_ALLOW_HOSTS: `wiki.corp,${entry}` })).toBe(
        `Invalid configuration:\n  FETCH_ALLOW_HOSTS="wiki.corp,${entry}": "${entry}" would match IP addresses, not host names; list the address or a CIDR range such as 10.2.0.0/16 instead`,
      );
    },
  );

  it('GIVEN a name wildcard and a CIDR THEN they are still accepted', () => {
    expect(loadConfig({ FETCH_ALLOW_HOSTS: '*.corp,10.2.0.0/16' }).FETCH_ALLOW_HOSTS).toBe(
      '*.corp,10.2.0.0/16',
    );
  });

  it('GIVEN a DATABASE_URL with a typo THEN the message names it without the password', () => {
    const message = refusal({ DATABASE_URL: 'postgress://admin:hunter2@db.internal/precis' });
    expect(message).toBe(
      'Invalid configuration:\n  DATABASE_URL="postgress://admin:***@db.internal/precis": expected a URL such as postgres://user:password@host:5432/precis, or empty for SQLite',
    );
  });

  it('GIVEN a DATABASE_URL that does not parse THEN the password is not shown either', () => {
    const message = refusal({ DATABASE_URL: 'postgres://admin:hunter2@db.internal:54x/precis' });
    expect(message).not.toContain('hunter2');
    expect(message).toContain('DATABASE_URL="postgres://admin:***@db.internal:54x/precis"');
  });

  it('GIVEN a malformed token THEN the message does not repeat it', () => {
    expect(refusal({ DISCORD_TOKEN: 'abc.secret' })).not.toContain('secret');
  });

  it('GIVEN SHARD_COUNT=auto as in .env.example THEN the configuration accepts it', () => {
    expect(loadConfig({ SHARD_COUNT: 'auto' }).SHARD_COUNT).toBe('auto');
  });
});

describe('a database the process cannot open', () => {
  it('GIVEN SQLITE_PATH under /proc THEN it is refused at once in one sentence', async () => {
    expect(await connectRefusal({ sqlitePath: '/proc/self/fd/0' })).toBe(
      'SQLITE_PATH=/proc/self/fd/0 is under a system folder; set it to a file in a writable folder, e.g. ./data/precis.sqlite.',
    );
  });

  it('GIVEN SQLITE_PATH naming a folder THEN it is refused as not a regular file', async () => {
    expect(await connectRefusal({ sqlitePath: 'test' })).toBe(
      'SQLITE_PATH=test is not a regular file; set it to a file in a writable folder, e.g. ./data/precis.sqlite.',
    );
  });

  it('GIVEN a DATABASE_URL no server answers THEN one sentence names the host and what to check, without the password', async () => {
    const port = await closedPort();
    const message = await connectRefusal({
      databaseUrl: `postgres://admin:hunter2@127.0.0.1:${port}/precis`,
    });
    expect(message).toBe(
      `Cannot connect to PostgreSQL at 127.0.0.1:${port} (ECONNREFUSED); check DATABASE_URL and that the database is running.`,
    );
  });

  it('GIVEN a DATABASE_URL that is not a URL THEN the message does not repeat it', async () => {
    const message = await connectRefusal({ databaseUrl: 'postgres://admin:hunter2@db:54x/precis' });
    expect(message).toBe(
      'DATABASE_URL is not a valid URL; write it as postgres://user:password@host:5432/database.',
    );
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
