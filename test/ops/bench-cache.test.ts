import { describe, expect, it } from 'vitest';
import { benchCache } from '../../bench/cache.ts';

describe('the cache-hit benchmark', () => {
  it('GIVEN the same article summarized again THEN the repeats cost no model request', async () => {
    const result = await benchCache(3);
    expect(result.firstTokens).toEqual({ input: 1800, output: 250 });
    expect(result.hitModelRequests).toBe(0);
  });
});
