import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../../testkit/fake-discord.ts';
import { ARTICLE_TEXT } from '../../testkit/scripted-pipeline.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** How long a graceful stop of an idle program may take, its last log lines included. */
const STOP_BOUND_MS = 15_000;

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/**
 * A program whose standard output is a pipe with a reader that stopped reading (a log shipper
 * that hung, `| less` left open): the pipe's buffer is full, so no write to it can complete.
 */
async function startWithStalledLogReader(script: string, env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'precis-log-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const fifo = join(dir, 'stdout');
  execFileSync('mkfifo', [fifo]);
  // The reader opens first (without waiting for a writer), then the program's write end.
  const readFd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const reader = new Socket({ fd: readFd, readable: true, writable: false });
  // A reader that never reads: it keeps the pipe open once the one above is gone.
  const stalled = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const writeFd = openSync(fifo, constants.O_WRONLY);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, SQLITE_PATH: join(dir, 'precis.sqlite'), LOG_LEVEL: 'info', ...env },
    detached: true,
    stdio: ['ignore', writeFd, 'pipe'],
  });
  closeSync(writeFd);
  const exited = once(child, 'exit');
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      process.kill(-child.pid, 'SIGKILL');
    }
    reader.destroy();
    closeSync(stalled);
  });

  // Read until the program is up, then stop reading and fill what the pipe holds.
  await new Promise<void>((resolve) => {
    let seen = '';
    reader.on('data', (chunk) => {
      seen += String(chunk);
      if (!seen.includes('discord bot ready')) return;
      reader.destroy();
      resolve();
    });
  });
  const filler = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
  try {
    for (;;) writeSync(filler, Buffer.alloc(4096, 0x20));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
  } finally {
    closeSync(filler);
  }
  return { child, exited };
}

describe('GIVEN a bot whose log reader stopped reading', () => {
  it('THEN it still answers, and SIGTERM ends it within its stop bound, dropping the log lines it cannot write', async () => {
    const discord: FakeDiscord = await startFakeDiscord();
    cleanups.push(() => void discord.close());
    const { child, exited } = await startWithStalledLogReader('src/main.ts', {
      DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAw.GfakeT.loopback-discord-token-for-tests',
      DISCORD_API_URL: discord.apiUrl,
      HTTP_PORT: '',
    });
    // A job while nothing can be written: its log lines wait behind the stuck one.
    const reply = await discord.slash('summarize', { text: ARTICLE_TEXT.slice(0, 3000) }).edit();
    expect(reply.status).toBeLessThan(300);

    const started = performance.now();
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<'still running'>((resolve) => {
      timer = setTimeout(() => resolve('still running'), STOP_BOUND_MS);
    });
    const outcome = await Promise.race([exited.then(([code]) => code as number | null), bound]);
    clearTimeout(timer);
    expect(outcome).toBe(0);
    expect(performance.now() - started).toBeLessThan(STOP_BOUND_MS);
  }, 90_000);
});
