import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

/** Debian's package; Playwright must never download a browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the networking flags Chromium keeps calling Google's hosts, which a closed network
// refuses. Playwright adds --headless and a fresh temporary --user-data-dir itself.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Opens a preview page and resolves once its web components have rendered. */
export async function openPreview(browser: Browser, htmlPath: string) {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await page.goto(pathToFileURL(htmlPath).href);
  // The page's own script sets this after every component is defined and has rendered.
  await page.waitForFunction(() => document.documentElement.dataset.rendered === 'true', null, {
    timeout: 15_000,
  });
  return page;
}

/** A PNG of just the message, as tall as it is. */
export async function screenshotPreview(htmlPath: string, pngPath: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await openPreview(browser, htmlPath);
    await page.locator('discord-messages').screenshot({ path: pngPath, animations: 'disabled' });
  } finally {
    await browser.close();
  }
}
