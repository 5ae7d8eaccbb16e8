import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
// npm run usage reads the same database the bot writes: ./data/precis.sqlite in its folder.
const workDir = mkdtempSync(join(tmpdir(), 'precis-usage-'));

beforeAll(async () => {
  mkdirSync(join(workDir, 'data'));
  const store = await openStore({ sqlitePath: join(workDir, 'data/precis.sqlite') });
  const row = { tokensOut: 0, costUsd: 0.01, cached: false };
  await store.recordUsage({ guildId: '111111111111111111', userId: '7', tokensIn: 300, ...row });
  await store.recordUsage({ guildId: null, userId: '8', tokensIn: 500, ...row });
  await store.close();
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function usage(args: string[], env: Record<string, string> = {}) {
  return run(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), join(root, 'src/usage.ts'), ...args],
    {
      cwd: workDir,
      env: {
        ...process.env,
        DATABASE_URL: '',
        SQLITE_PATH: '',
        USER_DAILY_TOKENS: '',
        DAILY_TOKEN_CAP: '',
        ...env,
      },
    },
  );
}

describe('npm run usage', () => {
  it('GIVEN usage in a server and in a DM THEN the operator sees both, DMs and user installs by name', async () => {
    const { stdout } = await usage(['--days', '1']);
    expect(stdout).toMatch(/^ {2}all +800 tokens/m);
    expect(stdout).toMatch(/^ {2}DMs and user installs +500 tokens/m);
    expect(stdout).toMatch(/^ {2}111111111111111111 +300 tokens/m);
    expect(stdout).toMatch(/Today: 800 tokens of a daily cap of 2000000; 100000 per user\./);
  });

  it('GIVEN --json THEN the same figures come as JSON, by server with null for DMs', async () => {
    const { stdout } = await usage(['--json']);
    const report = JSON.parse(stdout) as {
      byGuild: { guildId: string | null; tokensIn: number }[];
    };
    expect(report.byGuild.map((g) => [g.guildId, g.tokensIn])).toEqual([
      [null, 500],
      ['111111111111111111', 300],
    ]);
  });

  it('GIVEN SQLITE_PATH THEN the report reads that database, the one the bot writes', async () => {
    const elsewhere = join(workDir, 'elsewhere.sqlite');
    const store = await openStore({ sqlitePath: elsewhere });
    await store.recordUsage({
      guildId: '222222222222222222',
      userId: '9',
      tokensIn: 42,
      tokensOut: 0,
      costUsd: 0,
      cached: false,
    });
    await store.close();
    const { stdout } = await usage(['--days', '1'], { SQLITE_PATH: elsewhere });
    expect(stdout).toMatch(/^ {2}all +42 tokens/m);
    expect(stdout).toMatch(/^ {2}222222222222222222 +42 tokens/m);
  });

  it('GIVEN a bad --days THEN it exits 1 saying what it expects', async () => {
    const error = await usage(['--days', 'many']).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr.trim()).toBe(
      '--days many: expected a whole number of days from 1 to 366',
    );
  });
});
