import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressReporter } from '../../src/discord/jobs/progress.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('progress edits', () => {
  it('GIVEN a job under two seconds THEN its reply is never edited with a stage', async () => {
    const edits: string[] = [];
    const progress = progressReporter(async (text) => {
      edits.push(text);
    });
    progress.report({ stage: 'reading' });
    await vi.advanceTimersByTimeAsync(1_900);
    await progress.settle();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(edits).toEqual([]);
  });

  it('GIVEN stages in quick succession THEN the reply changes at most once a second, to the latest', async () => {
    const edits: string[] = [];
    const progress = progressReporter(async (text) => {
      edits.push(text);
    });
    progress.report({ stage: 'reading' });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(edits).toEqual(['⏳ Reading the page…']);
    progress.report({ stage: 'summarizing', part: 1, parts: 3 });
    progress.report({ stage: 'summarizing', part: 2, parts: 3 });
    await vi.advanceTimersByTimeAsync(999);
    expect(edits).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(edits).toEqual(['⏳ Reading the page…', '⏳ Summarizing part 2 of 3…']);
    await progress.settle();
  });

  it('GIVEN an edit that is due THEN report resolves once it has landed, so a blocking step waits for it', async () => {
    const landed: string[] = [];
    let land = () => {};
    const progress = progressReporter(
      (text) =>
        new Promise<void>((resolve) => {
          land = () => {
            landed.push(text);
            resolve();
          };
        }),
      { afterMs: 0, everyMs: 0 },
    );
    let shown = false;
    const reported = progress.report({ stage: 'checking' }).then(() => {
      shown = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(shown).toBe(false);
    land();
    await reported;
    expect(landed).toEqual(['⏳ Checking the quotes…']);
    await progress.settle();
  });

  it('GIVEN an edit not yet due THEN report resolves at once and the edit comes later', async () => {
    const edits: string[] = [];
    const progress = progressReporter(async (text) => {
      edits.push(text);
    });
    await progress.report({ stage: 'checking' });
    expect(edits).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(edits).toEqual(['⏳ Checking the quotes…']);
    await progress.settle();
  });

  it('GIVEN an edit that does not land THEN report gives up waiting after a second', async () => {
    const progress = progressReporter(() => new Promise<void>(() => {}), {
      afterMs: 0,
      everyMs: 0,
    });
    let shown = false;
    const reported = progress.report({ stage: 'checking' }).then(() => {
      shown = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(shown).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await reported;
    expect(shown).toBe(true);
  });
});
