import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_PAGES } from '../../testkit/extract/hostile-pages.ts';

// The CLI as a user runs it: a real process, its real stdout and stderr, its exit code.
function summarize(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'src/cli.ts', ...args],
      { env: { ...process.env, OPENAI_API_KEY: '', ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function summarizeStdin(input: Buffer): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      'npx',
      ['tsx', 'src/cli.ts', '-'],
      { env: { ...process.env, OPENAI_API_KEY: '' } },
      (error, _stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr });
      },
    );
    // The CLI may stop reading at the cap and exit before all of it is written.
    child.stdin?.on('error', () => {});
    child.stdin?.end(input);
  });
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what must not reach a terminal
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const SENTENCES =
  'The harbour council met on Tuesday and agreed the budget for the ferry terminal. Work starts in May and ends next year, the mayor said. The port will stay open throughout the works.';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'precis-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('GIVEN a text file carrying terminal control sequences', () => {
  const hostile =
    '\u001b[2J\u001b[H\u001b]0;pwned\u0007\u001b]8;;https://evil.test/\u001b\\click\u001b]8;;\u001b\\ back\u0008\u0008\u0008\u0008 \u009b31m';
  let path: string;
  beforeAll(async () => {
    path = join(dir, 'hostile.txt');
    await writeFile(
      path,
      `Ferry ${hostile} terminal\n\n${hostile} ${SENTENCES}\n\n${SENTENCES} ${hostile}`,
    );
  });

  it('THEN the summary printed to the terminal carries no control character', async () => {
    const { code, stdout, stderr } = await summarize([path]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('TL;DR:');
    expect(stdout).not.toMatch(CONTROL);
  });

  it('THEN --extract-only prints the cleaned text, title included', async () => {
    const { code, stdout } = await summarize([path, '--extract-only']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Title: Ferry [2J[H]0;pwned]8;;https://evil.test/\\click]8;;\\ back 31m terminal',
    );
    expect(stdout).not.toMatch(CONTROL);
  });
});

describe('GIVEN an HTML file of 50,000 nested <div>s', () => {
  it('THEN the CLI prints the article from its worker thread and exits', async () => {
    const path = join(dir, 'nested.html');
    await writeFile(path, HOSTILE_PAGES.nested50000());
    const { code, stdout } = await summarize([path, '--extract-only']);
    expect(code).toBe(0);
    expect(stdout).toContain('Title: Harbour budget');
    expect(stdout).toContain('The harbour council met on Tuesday to agree the budget');
  });
});

describe('GIVEN a page served as "text/html; charset=utf-16" without a byte order mark', () => {
  const article = `<!doctype html><html><head><title>Ferry terminal budget</title></head><body><article>${`<p>${SENTENCES}</p>`.repeat(4)}</article></body></html>`;
  const site = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-16' });
    response.end(Buffer.from(article, 'utf16le'));
  });
  let env: NodeJS.ProcessEnv;
  let url: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const { port } = site.address() as AddressInfo;
    env = { FETCH_ALLOW_HOSTS: '127.0.0.1', FETCH_ALLOW_PORTS: `80,443,${port}` };
    url = `http://127.0.0.1:${port}/a`;
  });
  afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

  it('THEN it is read as UTF-16LE: the article, not NUL-laced markup', async () => {
    const { code, stdout } = await summarize([url, '--extract-only'], env);
    expect(code).toBe(0);
    expect(stdout).toContain('Title: Ferry terminal budget');
    expect(stdout).toContain(SENTENCES);
    expect(stdout).not.toContain('<p>');
  });
});

describe('GIVEN a file larger than the file cap', () => {
  it('THEN it is refused before it is read, with exit code 1', async () => {
    const path = join(dir, 'huge.txt');
    await writeFile(path, '');
    await truncate(path, 50 * 1024 * 1024); // 50 MB, sparse: nothing to read if the cap holds
    const { code, stdout, stderr } = await summarize([path]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'precis: The file "huge.txt" is larger than 8 MB. Pass a file holding only the part you want summarized.\n',
    );
  });
});

describe('GIVEN a file name that carries a control sequence', () => {
  it('THEN the error on stderr names it without the sequence', async () => {
    const { code, stderr } = await summarize([join(dir, 'gone\u001b]0;pwned\u0007.txt')]);
    expect(code).toBe(2);
    expect(stderr).toContain('gone]0;pwned.txt: no such file');
    expect(stderr).not.toMatch(CONTROL);
  });
});

describe('GIVEN standard input', () => {
  it('THEN more than 8 MB is refused at the cap, with exit code 1', async () => {
    const { code, stderr } = await summarizeStdin(Buffer.alloc(9 * 1024 * 1024, 'a'));
    expect(code).toBe(1);
    expect(stderr).toBe(
      'precis: Standard input is larger than 8 MB. Pass a file holding only the part you want summarized.\n',
    );
  });

  it('THEN binary data is refused as not text, with exit code 1', async () => {
    const { code, stderr } = await summarizeStdin(randomBytes(4096));
    expect(code).toBe(1);
    expect(stderr).toContain('precis: Standard input is not text: it holds binary data.');
  });
});

describe('GIVEN random bytes named .txt', () => {
  it('THEN they are refused as not a text file, with exit code 1', async () => {
    const path = join(dir, 'noise.txt');
    await writeFile(path, randomBytes(4096));
    const { code, stderr } = await summarize([path]);
    expect(code).toBe(1);
    expect(stderr).toContain('precis: This is not a text file: it holds binary data.');
  });
});
