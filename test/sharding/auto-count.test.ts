import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../../testkit/fake-discord.ts';
import { createTestSchema, type ShardedProcess, startSharded } from './sharded-process.ts';

/** SHARD_COUNT=auto: the count Discord recommends (GET /gateway/bot), asked of DISCORD_API_URL. */

let fake: FakeDiscord;
let sharded: ShardedProcess;
let database: Awaited<ReturnType<typeof createTestSchema>>;

beforeAll(async () => {
  fake = await startFakeDiscord();
  fake.recommendedShards = 2;
  database = await createTestSchema();
  sharded = startSharded({
    DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAw.GfakeT.loopback-discord-token-for-tests',
    DISCORD_API_URL: fake.apiUrl,
    DATABASE_URL: database.url,
    SHARD_COUNT: 'auto',
    SHARD_LIST: '',
    SHARD_SPAWN_DELAY_MS: '0',
    HTTP_PORT: '',
    OPENAI_API_KEY: '',
    LOG_LEVEL: 'info',
  });
  await sharded.waitForLine((line) => line.msg === 'all shards spawned', 90_000);
}, 120_000);

afterAll(async () => {
  await sharded?.stop();
  await fake?.close();
  await database?.drop();
}, 60_000);

describe('SHARD_COUNT=auto', () => {
  it('GIVEN Discord recommending two shards THEN two shard processes identify as 0 and 1 of 2', () => {
    expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });
});
