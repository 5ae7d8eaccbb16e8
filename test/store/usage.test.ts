import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/shared/errors.ts';
import type { UsageInput } from '../../src/store/index.ts';
import { DATABASES, START, useStore } from './databases.ts';

const usage = (overrides: Partial<UsageInput> = {}): UsageInput => ({
  guildId: '100',
  userId: '7',
  tokensIn: 1000,
  tokensOut: 200,
  costUsd: 0.0015,
  cached: false,
  ...overrides,
});

describe.each(DATABASES)('usage ledger on $name', (database) => {
  const t = useStore(database);

  it('GIVEN one job recorded twice (run again after a crash) THEN it is one row', async () => {
    await t.store.recordUsage(usage({ jobId: 'job-1' }));
    await t.store.recordUsage(usage({ jobId: 'job-1' }));
    expect(await t.store.tokensUsedToday('100')).toBe(1200);
  });

  it('GIVEN rows without a job THEN each is counted', async () => {
    await t.store.recordUsage(usage());
    await t.store.recordUsage(usage());
    await t.store.recordUsage(usage({ jobId: 'job-1' }));
    expect(await t.store.tokensUsedToday('100')).toBe(3600);
  });

  it('counts no tokens today for a server that used none', async () => {
    expect(await t.store.tokensUsedToday('100')).toBe(0);
  });

  it('counts input and output tokens used today', async () => {
    await t.store.recordUsage(usage());
    await t.store.recordUsage(usage({ userId: '8', tokensIn: 10, tokensOut: 5 }));
    expect(await t.store.tokensUsedToday('100')).toBe(1215);
  });

  it('does not count tokens used before midnight UTC', async () => {
    await t.store.recordUsage(usage({ at: new Date('2026-03-09T23:59:59.999Z') }));
    expect(await t.store.tokensUsedToday('100')).toBe(0);
  });

  it('starts counting again after midnight UTC', async () => {
    await t.store.recordUsage(usage());
    t.clock.set('2026-03-11T00:00:00.000Z');
    expect(await t.store.tokensUsedToday('100')).toBe(0);
  });

  it('does not count cache hits against the budget', async () => {
    await t.store.recordUsage(usage({ cached: true }));
    expect(await t.store.tokensUsedToday('100')).toBe(0);
  });

  it('does not count another server tokens', async () => {
    await t.store.recordUsage(usage({ guildId: '200' }));
    expect(await t.store.tokensUsedToday('100')).toBe(0);
  });

  it('has no last usage for a user who never asked', async () => {
    expect(await t.store.lastUsageAt('100', '7')).toBeNull();
  });

  it('stamps a record with the injected clock when no time is given', async () => {
    await t.store.recordUsage(usage());
    expect(await t.store.lastUsageAt('100', '7')).toEqual(new Date(START));
  });

  it('gives the latest of a user usages as the last one', async () => {
    await t.store.recordUsage(usage({ at: new Date('2026-03-10T11:00:00.000Z') }));
    await t.store.recordUsage(usage({ at: new Date('2026-03-10T11:30:00.000Z') }));
    await t.store.recordUsage(usage({ at: new Date('2026-03-10T10:00:00.000Z') }));
    expect(await t.store.lastUsageAt('100', '7')).toEqual(new Date('2026-03-10T11:30:00.000Z'));
  });

  it('keeps each user last usage apart', async () => {
    await t.store.recordUsage(usage({ userId: '8' }));
    expect(await t.store.lastUsageAt('100', '7')).toBeNull();
  });

  it('tracks usage outside any server under a null server', async () => {
    await t.store.recordUsage(usage({ guildId: null }));
    expect(await t.store.lastUsageAt(null, '7')).toEqual(new Date(START));
  });

  it('does not mix usage outside servers into a server', async () => {
    await t.store.recordUsage(usage({ guildId: null }));
    expect(await t.store.lastUsageAt('100', '7')).toBeNull();
  });

  it('rejects negative token counts as a bug', async () => {
    await expect(t.store.recordUsage(usage({ tokensIn: -1 }))).rejects.toBeInstanceOf(TypeError);
  });
});

describe.each(DATABASES)('usage report on $name', (database) => {
  const t = useStore(database);

  async function recordWeek() {
    await t.store.recordUsage(usage({ at: new Date('2026-03-08T09:00:00.000Z') }));
    await t.store.recordUsage(
      usage({
        userId: '8',
        tokensIn: 50,
        tokensOut: 10,
        costUsd: 0.0001,
        at: new Date('2026-03-10T08:00:00.000Z'),
      }),
    );
    await t.store.recordUsage(
      usage({
        tokensIn: 500,
        tokensOut: 100,
        costUsd: 0.0005,
        at: new Date('2026-03-10T09:00:00.000Z'),
      }),
    );
    await t.store.recordUsage(usage({ cached: true, at: new Date('2026-03-10T10:00:00.000Z') }));
  }

  it('is empty for a server that used nothing', async () => {
    const report = await t.store.usageReport('100', { days: 7 });
    expect(report).toEqual({
      from: '2026-03-04',
      byDay: [],
      byUser: [],
      total: { tokensIn: 0, tokensOut: 0, costUsd: 0, summaries: 0, cacheHits: 0 },
    });
  });

  it('sums tokens, cost, summaries and cache hits by UTC day, oldest first', async () => {
    await recordWeek();
    const report = await t.store.usageReport('100', { days: 7 });
    expect(report.byDay).toEqual([
      {
        day: '2026-03-08',
        tokensIn: 1000,
        tokensOut: 200,
        costUsd: 0.0015,
        summaries: 1,
        cacheHits: 0,
      },
      {
        day: '2026-03-10',
        tokensIn: 550,
        tokensOut: 110,
        costUsd: expect.closeTo(0.0006, 10),
        summaries: 3,
        cacheHits: 1,
      },
    ]);
  });

  it('sums the same by user, the biggest spender first', async () => {
    await recordWeek();
    const report = await t.store.usageReport('100', { days: 7 });
    expect(report.byUser).toEqual([
      {
        userId: '7',
        tokensIn: 1500,
        tokensOut: 300,
        costUsd: expect.closeTo(0.002, 10),
        summaries: 3,
        cacheHits: 1,
      },
      { userId: '8', tokensIn: 50, tokensOut: 10, costUsd: 0.0001, summaries: 1, cacheHits: 0 },
    ]);
  });

  it('totals the whole window', async () => {
    await recordWeek();
    const report = await t.store.usageReport('100', { days: 7 });
    expect(report.total).toEqual({
      tokensIn: 1550,
      tokensOut: 310,
      costUsd: expect.closeTo(0.0021, 10),
      summaries: 4,
      cacheHits: 1,
    });
  });

  it('covers only the last N days, today included', async () => {
    await recordWeek();
    const report = await t.store.usageReport('100', { days: 2 });
    expect([report.from, report.byDay.map((d) => d.day)]).toEqual(['2026-03-09', ['2026-03-10']]);
  });

  it('leaves out other servers', async () => {
    await t.store.recordUsage(usage({ guildId: '200' }));
    expect((await t.store.usageReport('100', { days: 7 })).total.summaries).toBe(0);
  });

  it.each([0, -1, 1.5, 367])('rejects %d days as invalid input', async (days) => {
    await expect(t.store.usageReport('100', { days })).rejects.toBeInstanceOf(UserError);
  });
});
