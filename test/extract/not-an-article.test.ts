import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/core/extract/html.ts';
import { UserError } from '../../src/shared/errors.ts';
import { extractFixture } from './fixtures.ts';

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof UserError)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error;
}

function syncFailure(run: () => unknown): Promise<UserError> {
  return failure(Promise.resolve().then(run));
}

const prose = (words: number) =>
  Array.from({ length: words }, (_, i) => ['river', 'council', 'bridge', 'morning'][i % 4]).join(
    ' ',
  );

describe('GIVEN pages that are not the article', () => {
  it('THEN a paywall teaser is refused as could_not_read', async () => {
    expect((await failure(extractFixture('paywall'))).code).toBe('could_not_read');
  });

  it('THEN a paywall teaser is refused because it is only a teaser', async () => {
    expect((await failure(extractFixture('paywall'))).message).toBe(
      'could not read this page: only a teaser is visible; the rest is behind a paywall',
    );
  });

  it('THEN a cookie wall is refused because it shows a cookie-consent wall', async () => {
    expect((await failure(extractFixture('cookie-wall'))).message).toBe(
      'could not read this page: it shows a cookie-consent wall',
    );
  });

  it('THEN a login page is refused because it asks you to log in', async () => {
    expect((await failure(extractFixture('login'))).message).toBe(
      'could not read this page: it asks you to log in',
    );
  });

  it('THEN the reason is also a machine-readable detail', async () => {
    expect((await failure(extractFixture('login'))).details).toEqual({ reason: 'login_wall' });
  });

  it('THEN a near-empty page is refused because there is almost no text', async () => {
    const html = `<html><body><article><h1>Gallery</h1><p>${prose(12)}</p></article></body></html>`;
    expect((await syncFailure(() => extractHtml(html, null))).message).toBe(
      'could not read this page: there is almost no text on it',
    );
  });

  it('THEN a teaser ending in "Subscribe to continue reading" is refused without any paywall markup', async () => {
    const html = `<html><body><article><h1>Budget</h1><p>${prose(120)}.</p><p>Subscribe to continue reading.</p></article></body></html>`;
    expect((await syncFailure(() => extractHtml(html, null))).message).toContain(
      'behind a paywall',
    );
  });

  it('THEN a JSON-LD isAccessibleForFree=false page with a short body is refused as a paywall', async () => {
    const ld = JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'X',
      isAccessibleForFree: false,
    });
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><article><p>${prose(150)}.</p></article></body></html>`;
    expect((await syncFailure(() => extractHtml(html, null))).message).toContain(
      'behind a paywall',
    );
  });

  it('THEN a short post of forty words is read, not refused as near-empty', () => {
    const html = `<html><body><article><h1>Gallery</h1><p>${prose(40)}.</p></article></body></html>`;
    expect(extractHtml(html, null).text).toContain(prose(40));
  });

  it('THEN a full article behind a dismissible cookie banner is read', () => {
    const html = `<html><body><div class="cookie-banner">We use cookies. Accept all</div><article><p>${prose(400)}.</p></article></body></html>`;
    expect(extractHtml(html, null).text).not.toContain('cookies');
  });

  it('THEN a full article with a sign-in box in the header is read', () => {
    // Short enough that a password field in the article itself would make it a login wall.
    const html = `<html><body><header><form><input type="password"><button>Sign in</button></form></header><article><p>${prose(100)}.</p></article></body></html>`;
    expect(extractHtml(html, null).text).toContain(prose(100));
  });
});
