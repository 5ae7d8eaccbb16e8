import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordResultUsage } from '../../src/discord/moderation/limits.ts';
import { JOB_TOKEN_ESTIMATE } from '../../src/discord/moderation/reserve-usage.ts';
import { ZERO_PRICES } from '../../src/shared/cost.ts';
import type { Result } from '../../src/shared/schemas.ts';
import { openStore, type Store } from '../../src/store/index.ts';

let store: Store;
beforeEach(async () => {
  store = await openStore({ sqlitePath: ':memory:' });
});
afterEach(() => store.close());

const resultWith = (input: number, output: number) =>
  ({ meta: { tokens: { input, output }, cached: false } }) as unknown as Result;

describe('token counts from the provider', () => {
  it.each([
    ['1e15', 1e15, 10],
    ['-5', -5, 10],
    ['NaN', Number.NaN, 10],
    ['Infinity', 10, Number.POSITIVE_INFINITY],
  ])('GIVEN a count of %s THEN the job is billed its estimate', async (_name, input, output) => {
    await recordResultUsage(
      store,
      ZERO_PRICES,
      { guildId: 'g', userId: 'u', jobId: 'j' },
      resultWith(input, output),
    );
    expect(await store.tokensSpentToday()).toBe(JOB_TOKEN_ESTIMATE);
  });

  it('GIVEN a plausible count THEN it is billed as given', async () => {
    await recordResultUsage(
      store,
      ZERO_PRICES,
      { guildId: 'g', userId: 'u', jobId: 'j' },
      resultWith(300, 200),
    );
    expect(await store.tokensSpentToday()).toBe(500);
  });
});
