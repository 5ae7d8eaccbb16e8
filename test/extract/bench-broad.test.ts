import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { benchExtractBroad } from '../../bench/extract-broad.ts';
import { scorePage } from '../../bench/extract-broad-score.ts';

const STORY = [
  'The ferry company said the new timetable would add four crossings a day from June, after a winter in which delays and cancellations left commuters stranded on both sides of the estuary.',
  'Passenger numbers have recovered to about ninety percent of their level before the pandemic, and the operator expects the busiest summer since it took over the route nine years ago.',
  'Local businesses on the island welcomed the change, saying that the last sailing, currently at half past eight, has made it hard to keep staff who live on the mainland.',
];

// A dev set in the layout of the WCXB one: ground-truth.json and gzipped pages.
const dir = mkdtempSync(join(tmpdir(), 'precis-wcxb-'));
mkdirSync(join(dir, 'html'));
writeFileSync(
  join(dir, 'html', '0001.html.gz'),
  gzipSync(
    `<!doctype html><html><head><title>Ferry</title></head><body><nav><a href="/">Home</a></nav><article><h1>Ferry timetable</h1>${STORY.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
  ),
);
writeFileSync(
  join(dir, 'ground-truth.json'),
  JSON.stringify({
    '0001': {
      articleBody: STORY.join('\n\n'),
      url: 'https://paper.example/ferry',
      page_type: 'article',
    },
  }),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GIVEN the WCXB word F1', () => {
  it('THEN words are matched as a bag, and no output on a page without content scores 1', () => {
    expect(scorePage('one two two', 'two one three')).toMatchObject({ p: 2 / 3, r: 2 / 3 });
    expect(scorePage('', '').f1).toBe(1);
    expect(scorePage('text', '').f1).toBe(0);
  });
});

describe('GIVEN the WCXB bench', () => {
  it('THEN it says so and measures nothing when the dev set is absent', async () => {
    expect(await benchExtractBroad(join(dir, 'missing'))).toMatchObject({ present: false });
  });

  it('THEN it scores Precis and plain Readability per page type, in one run', async () => {
    const result = await benchExtractBroad(dir);
    if (!result.present) throw new Error('the dev set written above is present');
    expect(result.precis.map((row) => row.type)).toEqual(['article', 'overall']);
    expect(result.precis[0]!.f1).toBeGreaterThan(0.9);
    expect(result.readability[0]!.pages).toBe(1);
    expect(result.medianRatio).toBeGreaterThan(0);
  });
});
