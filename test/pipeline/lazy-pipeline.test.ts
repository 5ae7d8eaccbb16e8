import { describe, expect, it } from 'vitest';
import { lazyPipeline } from '../../src/app/lazy-pipeline.ts';
import type { Pipeline } from '../../src/core/pipeline.ts';
import { createOfflinePipeline } from '../../testkit/scripted-pipeline.ts';

const TEXT =
  'The council voted on Tuesday to rebuild the old bridge. "We waited long enough," the mayor said. ' +
  'Work starts in the spring and should take two years. The cost is shared with the region.';

describe('a pipeline loaded on the first job', () => {
  it('GIVEN no job yet THEN nothing is loaded', () => {
    let loads = 0;
    lazyPipeline(async () => {
      loads += 1;
      return createOfflinePipeline();
    });
    expect(loads).toBe(0);
  });

  it('GIVEN jobs arriving together THEN the pipeline is loaded once and each gets its own answer', async () => {
    let loads = 0;
    const pipeline = lazyPipeline(async () => {
      loads += 1;
      return createOfflinePipeline();
    });
    const [first, second] = await Promise.all([
      pipeline.summarize({ kind: 'text', text: TEXT }, { length: 'short' }),
      pipeline.summarize({ kind: 'text', text: `${TEXT} The vote was unanimous.` }, {}),
    ]);
    expect(loads).toBe(1);
    expect(first.source.text).toBe(TEXT);
    expect(second.source.text).toContain('unanimous');
    // The source kept by the first job is there for a button press on the same pipeline.
    const again = await pipeline.resummarize(first.source.sha256, { length: 'long' });
    expect(again.source.sha256).toBe(first.source.sha256);
  });

  it('GIVEN the first load fails THEN that job fails and the next one loads again', async () => {
    let loads = 0;
    const pipeline = lazyPipeline(async (): Promise<Pipeline> => {
      loads += 1;
      if (loads === 1) throw new Error('module not found');
      return createOfflinePipeline();
    });
    await expect(pipeline.summarize({ kind: 'text', text: TEXT }, {})).rejects.toThrow(
      'module not found',
    );
    const result = await pipeline.summarize({ kind: 'text', text: TEXT }, {});
    expect(result.source.text).toBe(TEXT);
    expect(loads).toBe(2);
  });
});
