import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { LENGTH_PRESETS } from '../../src/core/summarize/presets.ts';
import { fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import { EXAMPLE, GOOD_ANSWER, pipelineAgainst } from '../../testkit/pipeline-helpers.ts';

const fake = await startFakeOpenAi();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('an answer with more quotes than asked for', () => {
  it('GIVEN 500 verifiable quotes THEN only as many as the length asks for are shown', async () => {
    const quotes = Array.from({ length: 500 }, (_, i) => ({
      ...(GOOD_ANSWER.quotes[i % GOOD_ANSWER.quotes.length] as (typeof GOOD_ANSWER.quotes)[0]),
      id: `q${i + 1}`,
    }));
    fake.push(fakeSteps.json({ ...GOOD_ANSWER, quotes }));
    const result = await pipelineAgainst(fake).summarize(
      { kind: 'text', text: EXAMPLE },
      { length: 'short' },
    );
    expect(result.quotes).toHaveLength(LENGTH_PRESETS.short.quotes);
    expect(result.quotes.map((quote) => quote.id)).toEqual(['q1', 'q2', 'q3']);
  });
});
