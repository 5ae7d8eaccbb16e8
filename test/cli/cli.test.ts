import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleDocumentSchema, ResultSchema } from '../../src/shared/schemas.ts';
import { EXAMPLE } from '../../testkit/pipeline-helpers.ts';
import { cliInProcess as cli } from '../../testkit/run-cli.ts';

const EXAMPLE_PATH = 'examples/biden-putin-talks.txt';

// A local site serving the example article as an HTML page.
const articleHtml = `<!doctype html><html lang="en"><head><title>Biden-Putin Talks Provide No Breakthrough | EurAsian Times</title>
<meta property="og:site_name" content="EurAsian Times"></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Biden-Putin Talks Provide No Breakthrough in Ukraine Tensions</h1>
${EXAMPLE.split('\n\n')
  .slice(3)
  .map((p) => `<p>${p}</p>`)
  .join('\n')}</article><footer>© EurAsian Times</footer></body></html>`;
const site = createServer((request, response) => {
  if (request.url === '/article') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(articleHtml);
  } else {
    response.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
const port = (site.address() as AddressInfo).port;
const siteEnv = { FETCH_ALLOW_HOSTS: '127.0.0.1', FETCH_ALLOW_PORTS: `80,443,${port}` };
afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

describe('npm run summarize', () => {
  it('GIVEN the example article and no key THEN --json prints a Result with at least 3 verified quotes with speakers', async () => {
    const { code, stdout, stderr } = await cli([EXAMPLE_PATH, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = ResultSchema.parse(JSON.parse(stdout));
    expect(result.quotes.filter((q) => q.speaker).length).toBeGreaterThanOrEqual(3);
    for (const quote of result.quotes)
      expect(result.source.text.slice(quote.start, quote.end)).toBe(quote.text);
  });

  it('GIVEN the example article THEN the human output shows the tldr and the quotes with speakers', async () => {
    const { code, stdout } = await cli([EXAMPLE_PATH, '--length', 'short']);
    expect(code).toBe(0);
    expect(stdout).toContain('TL;DR: ');
    expect(stdout).toMatch(
      /“Fellow authoritarians in Beijing and Tehran will be watching how the free world responds” — Mitch McConnell/,
    );
    expect(stdout).toContain('offline engine');
  });

  it('GIVEN text on standard input THEN it is summarized', async () => {
    const { code, stdout } = await cli(['-', '--json'], {}, EXAMPLE);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).source.kind).toBe('text');
  });

  it('GIVEN a link to a local site THEN it fetches, extracts and returns quotes linked to their passage', async () => {
    const { code, stdout, stderr } = await cli(
      [`http://127.0.0.1:${port}/article`, '--json'],
      siteEnv,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = ResultSchema.parse(JSON.parse(stdout));
    expect(result.source).toMatchObject({ kind: 'url', siteName: 'EurAsian Times' });
    expect(result.source.text).not.toContain('© EurAsian Times');
    expect(result.quotes.length).toBeGreaterThanOrEqual(3);
    expect(result.quotes[0]?.link).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${port}/article#:~:text=`),
    );
  });

  it('GIVEN --extract-only --json and a link THEN it prints the Document with its metadata', async () => {
    const { code, stdout } = await cli(
      [`http://127.0.0.1:${port}/article`, '--extract-only', '--json'],
      siteEnv,
    );
    expect(code).toBe(0);
    const document = ArticleDocumentSchema.parse(JSON.parse(stdout));
    expect(document.title).toBe('Biden-Putin Talks Provide No Breakthrough in Ukraine Tensions');
    expect(document.lang).toBe('en');
    expect(document.text).toContain('\n\n');
  });

  it('GIVEN a link to a private address THEN it refuses on stderr with exit 1 and prints nothing on stdout', async () => {
    const { code, stdout, stderr } = await cli([
      'http://169.254.169.254/latest/meta-data',
      '--json',
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^precis: .*private|^precis: .*not public|^precis: .*refus/i);
  });

  it('GIVEN a file: link THEN it refuses it', async () => {
    const { code, stderr } = await cli(['file:///etc/passwd']);
    expect(code).toBe(1);
    expect(stderr).toContain('http');
  });

  it('GIVEN a missing file THEN it says so with exit 2', async () => {
    const { code, stderr } = await cli(['no-such-article.txt']);
    expect(code).toBe(2);
    expect(stderr).toContain('no-such-article.txt: no such file');
  });

  it('GIVEN an unknown flag THEN it prints the usage with exit 2', async () => {
    const { code, stderr } = await cli([EXAMPLE_PATH, '--colour']);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: npm run summarize');
  });

  it('GIVEN a bad --length THEN it names the allowed values', async () => {
    const { code, stderr } = await cli([EXAMPLE_PATH, '--length', 'huge']);
    expect(code).toBe(2);
    expect(stderr).toContain('--length must be one of short, medium, long');
  });

  it('GIVEN a bad environment THEN it lists every bad variable with exit 2', async () => {
    const { code, stderr } = await cli([EXAMPLE_PATH], {
      LLM_STRUCTURED_OUTPUT: 'xml',
      LLM_TIMEOUT_MS: 'soon',
    });
    expect(code).toBe(2);
    expect(stderr).toContain('LLM_STRUCTURED_OUTPUT="xml": expected json_schema or json_object');
    expect(stderr).toContain('LLM_TIMEOUT_MS="soon"');
  });

  it('GIVEN a pin to a prompt that does not exist THEN it fails with a clear message', async () => {
    const { code, stderr } = await cli([EXAMPLE_PATH, '--prompt', 'summarize@99'], {
      OPENAI_API_KEY: 'sk-test',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('There is no prompt summarize@99');
  });
});

describe('the README command in a real process', () => {
  it('GIVEN a fresh shell THEN `npm run summarize -- examples/… --json` prints only JSON on stdout', async () => {
    const env = { ...process.env, OPENAI_API_KEY: '' };
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'summarize', '--', EXAMPLE_PATH, '--json'],
      { env },
    );
    expect(ResultSchema.parse(JSON.parse(stdout)).meta.engine).toBe('offline');
  });
});
