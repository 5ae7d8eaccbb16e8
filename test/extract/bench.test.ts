import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { benchExtractDevSet } from '../../bench/extract.ts';
import { scorePredictions } from '../../bench/extract-score.ts';

const ARTICLE = [
  'The ferry company said the new timetable would add four crossings a day from June, after a winter in which delays and cancellations left commuters stranded on both sides of the estuary.',
  'Passenger numbers have recovered to about ninety percent of their level before the pandemic, and the operator expects the busiest summer since it took over the route nine years ago.',
  'Local businesses on the island welcomed the change, saying that the last sailing, currently at half past eight, has made it hard to keep staff who live on the mainland.',
];

// A dev set in the same layout as the real one: evaldata.json and gzipped pages.
const dir = mkdtempSync(join(tmpdir(), 'precis-devset-'));
mkdirSync(join(dir, 'html'));
const article = `<!doctype html><html><head><meta charset="utf-8"><title>Ferry</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Ferry timetable</h1>${ARTICLE.map((p) => `<p>${p}</p>`).join('')}</article>
<footer>Imprint and contact details of the island paper</footer></body></html>`;
writeFileSync(join(dir, 'html', 'a.html.gz'), gzipSync(article));
const wall = `<!doctype html><html><body><main><h1>Sign in to continue reading</h1>
<form><input type="password"><button>Sign in</button></form></main></body></html>`;
writeFileSync(join(dir, 'html', 'b.html.gz'), gzipSync(wall));
writeFileSync(
  join(dir, 'evaldata.json'),
  JSON.stringify({
    a: {
      url: 'https://paper.example/ferry',
      file: 'html/a.html.gz',
      with: ['four crossings a day', 'busiest   summer'],
      without: ['Imprint and contact details'],
    },
    b: { url: 'hard::wall.html', file: 'html/b.html.gz', with: ['members library'], without: [] },
  }),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GIVEN the dev-set scoring rule', () => {
  it('THEN snippets match after whitespace is collapsed, and a page with no output misses all', () => {
    const gold = {
      x: { url: '', file: '', with: ['one  two', 'three'], without: ['four'] },
      y: { url: '', file: '', with: ['five'], without: [] },
    };
    const score = scorePredictions(gold, { x: 'one\ntwo four', y: null });
    expect(score).toMatchObject({ empty: 1, precision: 0.5, recall: 1 / 3, f1: 0.4 });
  });
});

describe('GIVEN a dev set on disk', () => {
  it('THEN Precis and plain Readability are both scored on it, with refusals counted', async () => {
    const result = await benchExtractDevSet(dir);
    if (!result.present) throw new Error('the dev set was not found');
    expect(result.pages).toBe(2);
    expect(result.precis).toMatchObject({ precision: 1, recall: 0.667, refused: 1, empty: 0 });
    expect(result.refusals).toEqual([{ id: 'b', url: 'hard::wall.html', reason: 'login_wall' }]);
    expect(result.predictions.readability.a).toContain('four crossings a day');
  });

  it('THEN time per page is reported as a ratio to plain Readability in the same run', async () => {
    const result = await benchExtractDevSet(dir);
    if (!result.present) throw new Error('the dev set was not found');
    expect(result.medianRatio).toBeCloseTo(result.precis.medianMs / result.readability.medianMs, 1);
    expect(result.precis.p95Ms).toBeGreaterThanOrEqual(result.precis.medianMs);
  });

  it('THEN a missing dev set says so instead of failing', async () => {
    expect(await benchExtractDevSet(join(dir, 'absent'))).toEqual({
      present: false,
      dir: join(dir, 'absent'),
    });
  });
});
