import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { DATABASES, useStore } from './databases.ts';

const ESTIMATE = 500;
const NO_LIMITS = {
  cooldownSeconds: 0,
  guildDailyTokens: null,
  userDailyTokens: 0,
  botDailyTokens: 0,
};

/** One job as a worker runs it: reserve, then (if admitted) settle with what it really spent. */
async function job(store: Store, n: number, limits: typeof NO_LIMITS, spent = ESTIMATE) {
  const jobId = `job-${n}`;
  const reservation = await store.reserveUsage({
    guildId: null,
    userId: 'u1',
    jobId,
    estimateTokens: ESTIMATE,
    limits,
  });
  if (!reservation.granted) return false;
  await store.recordUsage({
    guildId: null,
    userId: 'u1',
    jobId,
    tokensIn: spent,
    tokensOut: 0,
    costUsd: 0,
    cached: false,
  });
  return true;
}

describe.each(DATABASES)('usage reservations on $name', (database) => {
  const t = useStore(database);

  it('GIVEN 30 jobs from one user at once on two workers THEN they spend past the limit by at most one estimate', async () => {
    const other = await t.location.open(t.clock.now);
    // Less than one job's estimate: exactly one job may start.
    const limits = { ...NO_LIMITS, userDailyTokens: 400 };
    const admitted = await Promise.all(
      Array.from({ length: 30 }, (_, n) => job(n % 2 === 0 ? t.store : other, n, limits)),
    );
    const spent = await t.store.tokensSpentToday({ userId: 'u1' });
    expect(spent).toBeLessThanOrEqual(400 + ESTIMATE);
    expect(admitted.filter(Boolean)).toHaveLength(1);
  });

  it('GIVEN the bot-wide cap THEN jobs of many users at once stop at it', async () => {
    const other = await t.location.open(t.clock.now);
    const limits = { ...NO_LIMITS, botDailyTokens: 1000 };
    await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        (n % 2 === 0 ? t.store : other).reserveUsage({
          guildId: 'g1',
          userId: `user-${n}`,
          jobId: `job-${n}`,
          estimateTokens: ESTIMATE,
          limits,
        }),
      ),
    );
    expect(await t.store.tokensSpentToday()).toBeLessThanOrEqual(1000 + ESTIMATE);
  });

  it('GIVEN a cooldown outside a server THEN a second job at once is refused with the wait', async () => {
    const limits = { ...NO_LIMITS, cooldownSeconds: 30 };
    const [first, second] = await Promise.all([
      t.store.reserveUsage({ guildId: null, userId: 'u1', jobId: 'a', estimateTokens: 1, limits }),
      t.store.reserveUsage({ guildId: null, userId: 'u1', jobId: 'b', estimateTokens: 1, limits }),
    ]);
    expect([first, second].filter((r) => r?.granted)).toHaveLength(1);
    expect([first, second].find((r) => !r?.granted)).toMatchObject({ limit: 'cooldown' });
  });

  it('GIVEN a job that failed THEN its release gives the estimate back', async () => {
    const limits = { ...NO_LIMITS, userDailyTokens: 750 };
    await t.store.reserveUsage({
      guildId: null,
      userId: 'u1',
      jobId: 'a',
      estimateTokens: 800,
      limits,
    });
    await t.store.releaseUsage('a');
    expect(await job(t.store, 2, limits)).toBe(true);
  });

  it('GIVEN a job run again after a crash THEN it keeps its reservation instead of being refused', async () => {
    const limits = { ...NO_LIMITS, userDailyTokens: 750 };
    const again = () =>
      t.store.reserveUsage({
        guildId: null,
        userId: 'u1',
        jobId: 'a',
        estimateTokens: 800,
        limits,
      });
    expect(await again()).toEqual({ granted: true });
    expect(await again()).toEqual({ granted: true });
  });
});
