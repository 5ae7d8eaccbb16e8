import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_EXEC_ARGV } from '../../src/runtime-flags.ts';
import { type FakeDiscord, startFakeDiscord } from '../../testkit/fake-discord.ts';

// `npm start` as package.json runs it: prestart builds dist/ when the sources changed, then
// plain node runs the compiled bot with no TypeScript loader in the process.
const root = new URL('../..', import.meta.url).pathname;
const scripts = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
let fake: FakeDiscord;
let child: ChildProcess | null = null;
// The bot's SQLite file goes in a folder of its own, not the checkout's data/.
const workDir = mkdtempSync(join(tmpdir(), 'precis-start-'));
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await fake.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('the production build', () => {
  it('GIVEN npm start THEN the sources are built if needed and plain node runs dist/src/main.js to gateway ready with every command', async () => {
    expect(scripts.prestart).toBe('node scripts/build-if-stale.mjs');
    // The flags every other way of starting the bot uses (shards, the benchmark).
    expect(scripts.start).toBe(`node ${BOT_EXEC_ARGV.join(' ')} dist/src/main.js`);
    execFileSync(process.execPath, [join(root, 'scripts/build-if-stale.mjs')], {
      stdio: 'inherit',
    });
    const started = spawn(process.execPath, [...BOT_EXEC_ARGV, join(root, 'dist/src/main.js')], {
      cwd: workDir,
      env: {
        ...process.env,
        DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAw.GfakeT.loopback-discord-token-for-tests',
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_GUILD_ID: '',
        OPENAI_API_KEY: '',
        DATABASE_URL: '',
        HTTP_PORT: '',
        LOG_LEVEL: 'info',
      },
    });
    child = started;
    let stdout = '';
    let stderr = '';
    started.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
      started.stdout?.on('data', (chunk) => {
        stdout += chunk;
        for (const line of stdout.split('\n')) {
          if (line.includes('"discord bot ready"')) resolve(JSON.parse(line));
        }
      });
      started.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const line = await ready;
    expect(line.commands).toEqual(
      expect.arrayContaining([
        'help',
        'quotes',
        'setup',
        'summarize',
        'Summarize message',
        'usage',
      ]),
    );
    // No TypeScript loader was loaded: only the compiled JavaScript ran.
    expect(readFileSync(`/proc/${started.pid}/maps`, 'utf8')).not.toMatch(/tsx|esbuild/);
    started.kill('SIGTERM');
    await once(started, 'exit');
  }, 120_000);
});
