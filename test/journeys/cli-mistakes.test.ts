import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/cli/read-input.ts';
import { cliInProcess as cli } from '../../testkit/run-cli.ts';
import { runScript } from '../../testkit/run-script.ts';

const EXAMPLE = 'examples/biden-putin-talks.txt';

describe('the mistakes a person makes with npm run summarize', () => {
  it('GIVEN a mistyped flag THEN it names the flag meant and exits 2', async () => {
    const run = await cli([EXAMPLE, '--lenght', 'short']);
    expect(run.code).toBe(2);
    expect(run.firstLine).toBe('Unknown option --lenght; did you mean --length?');
    expect(run.stderr).toContain('Usage: npm run summarize');
  });

  it('GIVEN a flag like no other THEN it points at the list of options', async () => {
    const run = await cli([EXAMPLE, '--colour']);
    expect(run.code).toBe(2);
    expect(run.firstLine).toBe('Unknown option --colour; the options are listed below.');
  });

  it('GIVEN a flag without its value THEN it shows one', async () => {
    const run = await cli([EXAMPLE, '--length']);
    expect(run.code).toBe(2);
    expect(run.firstLine).toBe('--length needs a value, e.g. --length short.');
  });

  it('GIVEN a link without its scheme THEN it is read as https://', async () => {
    expect(await readInput('example.com/article', { readStdin: async () => '' })).toEqual({
      kind: 'url',
      url: 'https://example.com/article',
    });
  });

  it('GIVEN a missing file named like a link THEN the message says how to write a link', async () => {
    const run = await cli(['example.com/report.pdf']);
    expect(run.code).toBe(2);
    expect(run.firstLine).toBe(
      'example.com/report.pdf: no such file; if it is a link, write it with https:// in front.',
    );
  });

  it('GIVEN a missing file THEN it says so and exits 2', async () => {
    const run = await cli(['notes.md']);
    expect(run.code).toBe(2);
    expect(run.firstLine).toBe('notes.md: no such file.');
  });

  it('GIVEN empty standard input THEN it says what to pass instead and exits 1', async () => {
    const run = await cli(['-'], {}, '  \n');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'precis: There is no text to summarize. Pass a file holding the article, or pipe its text in with -.\n',
    );
  });

  it('GIVEN a provider nothing answers at THEN the message names its URL and --offline', async () => {
    const port = await closedPort();
    const run = await cli([EXAMPLE], {
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: `http://user:secret@127.0.0.1:${port}/v1`,
      LLM_TIMEOUT_MS: '2000',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `precis: Could not reach the model provider. Check that http://127.0.0.1:${port}/v1 (OPENAI_BASE_URL) is up, or run with --offline.\n`,
    );
  }, 60_000);

  it('GIVEN a link to a private address THEN two sentences say why and what Precis reads', async () => {
    const run = await cli(['http://127.0.0.1/admin']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'precis: The link points at 127.0.0.1, a private or reserved address (loopback). Precis only reads public web pages.\n',
    );
  });

  it('GIVEN a page that answers 404 THEN the next step is the CLI’s (a file or -), not Discord’s paste', async () => {
    const site = await pageServer(404);
    const run = await cli([`http://127.0.0.1:${site.port}/gone`], {
      FETCH_ALLOW_HOSTS: '127.0.0.1',
      FETCH_ALLOW_PORTS: `${site.port}`,
    });
    await site.close();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /\(status 404\)\. Save the article's text to a file and pass that file, or pipe it in with -\.\n$/,
    );
  });

  it('GIVEN --prompt with the offline engine THEN it refuses instead of ignoring the pin', async () => {
    const run = await cli([EXAMPLE, '--prompt', 'summarize@9']);
    expect(run.code).toBe(2);
    expect(run.firstLine).toBe(
      "--prompt summarize@9 pins the model's prompt, and the offline engine uses none; drop --prompt, or set OPENAI_API_KEY to summarize with the model.",
    );
  });

  it('GIVEN --language fr and no key THEN it says the offline engine cannot translate, and the Result does not claim French', async () => {
    const run = await cli([EXAMPLE, '--language', 'fr', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      "precis: the offline engine cannot translate, so the summary is in the source's language; set OPENAI_API_KEY to have it in fr.\n",
    );
    expect(JSON.parse(run.stdout).meta).toMatchObject({ engine: 'offline', language: null });
  });

  it('GIVEN a .pdf that is really a saved web page THEN one line says so, with no pdf.js warnings', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'precis-cli-'));
    const file = join(folder, 'report.pdf');
    writeFileSync(
      file,
      `<!doctype html><html><body>${'<p>A web page, <b>not</b> a PDF.</p>'.repeat(200)}</body></html>`,
    );
    const run = await runScript('src/cli.ts', { args: [file], env: { PATH: process.env.PATH } });
    rmSync(folder, { recursive: true, force: true });
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "precis: Could not read this file: it is named or sent as a PDF but is not one. Save the article's text to a file and pass that file, or pipe it in with -.\n",
    );
    expect(run.code).toBe(1);
  }, 60_000);

  it('GIVEN Markdown on standard input THEN its heading is the title and its ** are gone', async () => {
    const markdown =
      '# Cycle lanes open on Main Street\n\nThe city opened **new** lanes on Monday. The mayor said "they will cut traffic by a third" in a statement.\n';
    const run = await cli(['-', '--json', '--offline'], {}, markdown);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.source.title).toBe('Cycle lanes open on Main Street');
    expect(result.source.text).not.toContain('**');
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A loopback web server answering every request with `status`. */
async function pageServer(status: number) {
  const { createServer: createHttpServer } = await import('node:http');
  const server = createHttpServer((_request, response) => response.writeHead(status).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
