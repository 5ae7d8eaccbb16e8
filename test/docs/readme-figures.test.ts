import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ResultSchema } from '../../src/shared/schemas.ts';

/** The README's figures are copied from bench/RESULTS.md; this keeps the copy honest. */
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(
  /\s+/g,
  ' ',
);
const RESULTS = readFileSync(new URL('../../bench/RESULTS.md', import.meta.url), 'utf8');

describe('the figures in the README', () => {
  it('GIVEN the idle RSS THEN it is the range the last idle-RSS run measured', () => {
    const [, low, high] = /idles at (\d+)–(\d+) MB of RSS/.exec(README) ?? [];
    expect(low && high).toBeTruthy();
    expect(RESULTS).toContain(`idle samples after the change are ${low}-${high} MB`);
  });

  it('GIVEN the extraction scores THEN they are the rows of the latest extraction table', () => {
    const [, pages, precis, readability] =
      /scored on (\d+) real web pages.*?Precis scores F1 ([\d.]+) against plain Readability's ([\d.]+)/.exec(
        README,
      ) ?? [];
    expect(RESULTS).toContain(`(${pages} pages of trafilatura's evaluation set`);
    expect(RESULTS).toMatch(new RegExp(`^\\| Precis \\| ${precis} \\|`, 'm'));
    expect(RESULTS).toMatch(
      new RegExp(`^\\| plain Readability 0\\.6 \\+ linkedom \\| ${readability} \\|`, 'm'),
    );
  });

  it('GIVEN the extraction figure THEN the README names the command that reproduces it', () => {
    expect(README).toContain('`npx tsx bench/extract.ts <folder of the set>`');
  });

  it("GIVEN the Result's meta THEN the README lists every field the schema has", () => {
    // From `meta:` to the end of the Result's code block (the fields hold nested braces).
    const block = /meta: +\{(.*?)```/.exec(README)?.[1] ?? '';
    for (const field of Object.keys(ResultSchema.shape.meta.shape)) expect(block).toContain(field);
  });
});
