import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import { runScript } from '../../testkit/run-script.ts';

// The real CLI as a process: the exit code and the moment it exits are what is tested.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARTICLE = 'examples/biden-putin-talks.txt';
const HUNG_DNS = fileURLToPath(new URL('./preload/hung-dns.mjs', import.meta.url));

function runCli(args: string[], env: Record<string, string>, preload: string[] = []) {
  return runScript('src/cli.ts', {
    args,
    preload,
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    // A CLI that never exits fails its test by timeout; this only cleans up after it.
    started: (child) => onCleanup.push(() => child.kill('SIGKILL')),
  });
}
const onCleanup: Array<() => void> = [];

const fake = await startFakeOpenAi();
const model = (extra: Record<string, string> = {}) => ({
  OPENAI_API_KEY: 'sk-test',
  OPENAI_BASE_URL: fake.url,
  LLM_TIMEOUT_MS: '5000',
  ...extra,
});

// A site whose every answer is not HTTP at all.
const notHttp = createTcpServer((socket) => {
  socket.on('error', () => {});
  socket.once('data', () => socket.end('<html><body>an HTTP/0.9 answer</body></html>'));
});
await new Promise<void>((resolve) => notHttp.listen(0, '127.0.0.1', resolve));
const notHttpPort = (notHttp.address() as AddressInfo).port;
const unusedServer = createServer();

afterAll(async () => {
  for (const cleanup of onCleanup) cleanup();
  await fake.close();
  await new Promise<void>((resolve) => notHttp.close(() => resolve()));
  unusedServer.close();
});
beforeEach(() => fake.reset());

describe('the CLI against an endpoint that does not answer like OpenAI', () => {
  it.each([
    ['an event stream', fakeSteps.eventStream(), 'did not answer like an OpenAI-compatible API'],
    ['an HTML gateway page', fakeSteps.htmlPage(), 'did not answer like an OpenAI-compatible API'],
    [
      'HTML labelled as JSON',
      fakeSteps.htmlPage(200, 'application/json'),
      'HTML page labelled as JSON',
    ],
    ['a body cut off every time', fakeSteps.cutOff(true), 'Could not reach the model provider'],
    ['a 2 MB answer', fakeSteps.content('x'.repeat(2 * 1024 * 1024)), 'larger than 1024 KB'],
  ])('GIVEN %s THEN it exits 1 with one clear line', async (_name, step, message) => {
    fake.setDefault(step);
    const run = await runCli([ARTICLE], model());
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('a bug');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
  });

  it('GIVEN a 429 asking for 9999 s THEN it exits 1 saying how long to wait', async () => {
    fake.setDefault(fakeSteps.rateLimit({ retryAfter: 9999 }));
    const run = await runCli([ARTICLE], model());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Try again in about 2 h 47 min.');
  });

  it('GIVEN a refusal with terminal escapes and a masked link THEN stderr shows it inert', async () => {
    fake.setDefault(fakeSteps.refusal('\u001b[2J\u001b[31m[Verify](https://attacker.test)\nnow'));
    const run = await runCli([ARTICLE], model());
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).toContain('`[2J [31m[Verify](https://attacker.test) now`');
  });

  it('GIVEN an endpoint without JSON-schema output THEN it falls back, warns once and exits 0', async () => {
    const noSchema = await startFakeOpenAi({ jsonSchema: false });
    try {
      noSchema.setDefault(
        fakeSteps.json({
          tldr: 'Biden and Putin talked without a breakthrough.',
          bullets: [{ text: 'No breakthrough.', quoteIds: [] }],
          quotes: [],
        }),
      );
      const run = await runCli([ARTICLE, '--json'], { ...model(), OPENAI_BASE_URL: noSchema.url });
      expect(run.code).toBe(0);
      expect(run.stderr.match(/refused JSON-schema output/g)).toHaveLength(1);
      expect(JSON.parse(run.stdout).summary.tldr).toContain('without a breakthrough');
    } finally {
      await noSchema.close();
    }
  });
});

describe('the CLI against hostile sites and settings', () => {
  it('GIVEN FETCH_ALLOW_HOSTS="*." THEN it stops at startup with exit 2', async () => {
    const run = await runCli([ARTICLE], { FETCH_ALLOW_HOSTS: '*.' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('FETCH_ALLOW_HOSTS="*.": "*." is not a host name');
  });

  it('GIVEN a site that answers without HTTP THEN it exits 1 saying so', async () => {
    const run = await runCli([`http://127.0.0.1:${notHttpPort}/`], {
      FETCH_ALLOW_HOSTS: '127.0.0.1',
      FETCH_ALLOW_PORTS: `80,443,${notHttpPort}`,
    });
    expect(run.stderr).toContain('The site sent a response that is not valid HTTP');
    expect(run.code).toBe(1);
  });

  it('GIVEN a DNS lookup that never returns THEN it prints the deadline and exits 1 at once', async () => {
    const run = await runCli(['http://hung.example/'], { JOB_DEADLINE_MS: '1500' }, [HUNG_DNS]);
    expect(run.stderr).toContain('took longer than 2 s');
    expect(run.code).toBe(1);
  }, 20_000);
});
