import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPreview } from '../../src/preview/run.ts';
import { CHROMIUM_PATH, launchChromium, openPreview } from '../../src/preview/screenshot.ts';
import { EXAMPLE_PATH, HOSTILE_PATH } from './helpers.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) {
  console.warn(
    `preview browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`,
  );
}

async function preview(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stderr = '';
  const code = await runPreview(argv, {
    stdout: () => {},
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => '',
    env,
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
}

describe.skipIf(!hasChromium)('npm run preview in Debian Chromium', () => {
  let dir: string;
  let browser: Browser;
  const pages: Page[] = [];

  async function open(htmlPath: string): Promise<Page> {
    const page = await openPreview(browser, htmlPath);
    pages.push(page);
    return page;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'precis-preview-'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('GIVEN the example article, offline', () => {
    let page: Page;
    let png: string;
    beforeAll(async () => {
      const out = join(dir, 'example.html');
      png = join(dir, 'example.png');
      await preview([EXAMPLE_PATH, '--offline', '--out', out, '--png', png]);
      page = await open(out);
    });

    it('THEN the embed title is rendered inside the embed', async () => {
      const title = page.locator('discord-embed .discord-embed-title');
      expect((await title.textContent())?.trim()).toBe(
        'Biden-Putin Talks Provide No Breakthrough in Ukraine Tensions',
      );
      expect(await title.isVisible()).toBe(true);
    });

    it('THEN a quote is rendered with its speaker as the field title', async () => {
      const field = page.locator('discord-embed-field').first();
      expect(await field.locator('.discord-field-title').textContent()).toMatch(
        /^\[1\] — [A-Z][a-z]+ [A-Z][a-z]+/,
      );
      expect(await field.textContent()).toMatch(/“.{20,}”/s);
      expect(await field.isVisible()).toBe(true);
    });

    it('THEN the footer shows the reading time and the engine', async () => {
      const footer = page.locator('discord-embed-footer');
      expect(await footer.textContent()).toMatch(/\d+ min read · offline engine/);
      expect(await footer.isVisible()).toBe(true);
    });

    it('THEN the buttons are rendered as buttons, and no language menu for the offline engine', async () => {
      for (const name of ['Shorter', 'Longer', 'Key quotes']) {
        const button = page.getByRole('button', { name, exact: true });
        expect(await button.isVisible()).toBe(true);
      }
      expect(await page.locator('discord-string-select-menu').count()).toBe(0);
    });

    it('THEN the author is the Precis bot', async () => {
      const author = page.locator('discord-author-info').getByText('Precis', { exact: true });
      expect(await author.isVisible()).toBe(true);
      expect(await page.locator('discord-message').getAttribute('bot')).toBe('');
    });

    it('THEN --png wrote a PNG of the whole message at a sensible size', async () => {
      const bytes = await readFile(png);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      // IHDR: width and height, big-endian, right after the signature and chunk header.
      const width = bytes.readUInt32BE(16);
      const height = bytes.readUInt32BE(20);
      expect(width).toBeGreaterThan(500);
      expect(width).toBeLessThanOrEqual(800);
      expect(height).toBeGreaterThan(400);
      expect((await stat(png)).size).toBeLessThan(300_000);
    });
  });

  describe('GIVEN an article that carries <script> and <img onerror> in its title, text and quotes', () => {
    let page: Page;
    beforeAll(async () => {
      const out = join(dir, 'hostile.html');
      await preview([HOSTILE_PATH, '--offline', '--out', out]);
      page = await open(out);
    });

    it('THEN none of it ran', async () => {
      expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
    });

    it('THEN it became no element: the only script is the page own and no image exists', async () => {
      expect(await page.evaluate(() => document.scripts.length)).toBe(1);
      expect(await page.locator('discord-message img:not([alt])').count()).toBe(0);
      expect(
        await page.locator('discord-embed-description img, discord-embed-field img').count(),
      ).toBe(0);
    });

    it('THEN the reader sees it as text', async () => {
      expect(await page.locator('discord-embed .discord-embed-title').textContent()).toContain(
        '<script>',
      );
      expect(await page.locator('discord-embed-field').first().textContent()).toContain(
        "window.pwned = 'quote'",
      );
    });
  });

  describe('GIVEN a link to a local site', () => {
    const site = createServer(async (_request, response) => {
      const text = await readFile(EXAMPLE_PATH, 'utf8');
      const paragraphs = text
        .split('\n\n')
        .slice(3)
        .map((p) => `<p>${p}</p>`)
        .join('\n');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="en"><head><title>Biden-Putin Talks | EurAsian Times</title><meta property="og:site_name" content="EurAsian Times"></head><body><article><h1>Biden-Putin Talks Provide No Breakthrough in Ukraine Tensions</h1>${paragraphs}</article></body></html>`,
      );
    });
    let page: Page;
    let url: string;
    beforeAll(async () => {
      await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
      const { port } = site.address() as AddressInfo;
      url = `http://127.0.0.1:${port}/article`;
      const out = join(dir, 'link.html');
      await preview([url, '--offline', '--out', out], {
        FETCH_ALLOW_HOSTS: '127.0.0.1',
        FETCH_ALLOW_PORTS: `80,443,${port}`,
      });
      page = await open(out);
    });
    afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

    it('THEN the title links to the article', async () => {
      expect(await page.locator('discord-embed .discord-embed-title a').getAttribute('href')).toBe(
        url,
      );
    });

    it('THEN each quote links to its passage', async () => {
      const link = page.locator('discord-embed-field').first().getByRole('link', {
        name: 'Go to passage',
      });
      expect(await link.getAttribute('href')).toMatch(/#:~:text=/);
      expect(await link.isVisible()).toBe(true);
    });
  });
});
