import { afterAll, describe, expect, it } from 'vitest';
import { createSourceChecker } from '../../src/core/checks/checker.ts';
import { readSharedText, shareText } from '../../src/core/checks/shared-text.ts';
import { groundingFor } from '../../src/core/grounding/apply.ts';
import { EXAMPLE } from '../../testkit/pipeline-helpers.ts';

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('GIVEN a text shared with the worker', () => {
  it('THEN it reads back the same, surrogate pairs across chunk boundaries included', async () => {
    // 64 KB chunks: put emoji (surrogate pairs) at every offset around the boundaries.
    const text = `${'é'.repeat(65_535)}😀${'a'.repeat(65_534)}😀😀 Straße ${'ж'.repeat(70_000)}`;
    const shared = await shareText(text, pause);
    expect(typeof shared).toBe('object');
    if (typeof shared === 'string') return;
    expect(readSharedText(shared)).toBe(text);
  });

  it('THEN a text with a lone surrogate is sent as itself, not changed to U+FFFD', async () => {
    const text = `before \ud800 after ${'a'.repeat(100_000)}`;
    expect(await shareText(text, pause)).toBe(text);
  });
});

describe('GIVEN a long source checked off the main thread', () => {
  const checker = createSourceChecker({ offThreadFromChars: 1 });
  afterAll(() => checker.close());
  const document = { text: EXAMPLE, url: 'https://news.example/talks', lang: 'en' };
  const summary = {
    tldr: 'Biden and Putin talked for two hours about Ukraine.',
    bullets: [
      { text: 'Biden warned of economic penalties.', quoteIds: [] },
      { text: 'The two leaders agreed to hold a summit on the moon in 2031.', quoteIds: [] },
    ],
  };

  it('THEN grounding reports what the same check on the main thread reports', async () => {
    const here = groundingFor(document, 'en');
    const there = checker.grounder(document, 'en');
    const report = await there.apply(summary);
    expect(report).toEqual(await here.apply(summary));
    expect(report.droppedClaims).toBeGreaterThan(0);
    const lines = await there.reaskLines(summary);
    expect(lines).toEqual(await here.reaskLines(summary));
    expect(lines.join('\n')).toContain('2031');
  });

  it('THEN a job cancelled before its grounding gets its own reason back', async () => {
    const controller = new AbortController();
    controller.abort(new Error('the user went away'));
    const grounder = checker.grounder(document, 'en', controller.signal);
    await expect(grounder.apply(summary)).rejects.toThrow('the user went away');
  });
});
