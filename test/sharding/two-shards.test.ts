import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, nextId } from '../../testkit/fake-discord/payloads.ts';
import {
  type FakeDiscord,
  type RecordedRequest,
  startFakeDiscord,
} from '../../testkit/fake-discord.ts';
import { ARTICLE_TEXT } from '../../testkit/scripted-pipeline.ts';
import { createTestSchema, type ShardedProcess, startSharded } from './sharded-process.ts';

/**
 * `npm run start:sharded` for real: discord.js's ShardingManager forks two shard processes
 * (src/main.ts each) that log into the fake Discord and share one PostgreSQL schema.
 */

const EDIT = 'PATCH /webhooks/:app/:token/messages/:message';
const HTTP_PORT = 20_000 + Math.floor(Math.random() * 20_000);

let fake: FakeDiscord;
let sharded: ShardedProcess;
let exitCode: number | null = null;
let database: Awaited<ReturnType<typeof createTestSchema>>;
const guilds: { guildId: string; channelId: string }[] = [];

beforeAll(async () => {
  fake = await startFakeDiscord();
  guilds.push(fake.addGuild([0, 2]), fake.addGuild([1, 2]));
  database = await createTestSchema();
  sharded = startSharded({
    DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAw.GfakeT.loopback-discord-token-for-tests',
    DISCORD_API_URL: fake.apiUrl,
    DATABASE_URL: database.url,
    SHARD_COUNT: '2',
    SHARD_LIST: '',
    SHARD_SPAWN_DELAY_MS: '0',
    HTTP_PORT: String(HTTP_PORT),
    OPENAI_API_KEY: '',
    LOG_LEVEL: 'info',
  });
  await sharded.waitForLine((line) => line.msg === 'all shards spawned', 90_000);
}, 120_000);

afterAll(async () => {
  exitCode = (await sharded?.stop()) ?? null;
  await fake?.close();
  await database?.drop();
}, 60_000);

async function summarizeIn(guildId: string, text: string): Promise<RecordedRequest> {
  // A new user each time: the per-user cooldown must not be what answers.
  const user = makeUser(nextId(), `reader-${nextId()}`);
  const interaction = fake.slash('summarize', { text }, { guildId, user });
  return fake.waitFor(
    (r) => r.route === EDIT && r.params.token === interaction.token && r.status < 300,
    10_000,
  );
}

const footerOf = (r: RecordedRequest) =>
  ((r.body as { embeds?: { footer?: { text: string } }[] }).embeds ?? []).at(-1)?.footer?.text ??
  '';

describe('two shards in their own processes', () => {
  it('GIVEN SHARD_COUNT=2 THEN each shard identifies as its own shard of two', () => {
    expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('GIVEN a guild on each shard THEN both shards answer /summarize', async () => {
    const text = `${ARTICLE_TEXT.slice(0, 3000)}\n\nFirst of two.`;
    const [first, second] = await Promise.all(
      guilds.map((guild, n) => summarizeIn(guild.guildId, `${text} Guild ${n}.`)),
    );
    expect(footerOf(first as RecordedRequest)).toContain('offline engine');
    expect(footerOf(second as RecordedRequest)).toContain('offline engine');
    // Both shards take jobs from the one queue: a job is logged by whichever ran it.
    await sharded.waitForLine(
      () => sharded.lines.filter((line) => line.msg === 'job finished').length >= 2,
      10_000,
    );
  });

  it('GIVEN a text summarized on shard 0 THEN shard 1 answers the same text from the shared cache', async () => {
    const text = `${ARTICLE_TEXT.slice(0, 3000)}\n\nShared between shards.`;
    const [onZero, onOne] = guilds;
    const first = await summarizeIn(onZero?.guildId ?? '', text);
    const second = await summarizeIn(onOne?.guildId ?? '', text);
    expect(footerOf(first)).not.toContain('cached');
    expect(footerOf(second)).toContain('cached');
  });

  it('GIVEN HTTP_PORT THEN each shard serves /healthz on HTTP_PORT + its id', async () => {
    const statuses = await Promise.all(
      [0, 1].map(
        async (shard) => (await fetch(`http://127.0.0.1:${HTTP_PORT + shard}/healthz`)).status,
      ),
    );
    expect(statuses).toEqual([200, 200]);
  });

  // Four jobs ran above, two accepted by each shard; each is counted by the shard that ran it.
  it('GIVEN jobs on both shards THEN the shards count them once between them in /metrics', async () => {
    const counts = await Promise.all(
      [0, 1].map(async (shard) => {
        const text = await (await fetch(`http://127.0.0.1:${HTTP_PORT + shard}/metrics`)).text();
        return /precis_interactions_total\{[^}]*outcome="ok"[^}]*\} (\d+)/.exec(text)?.[1];
      }),
    );
    expect(counts.reduce((sum, count) => sum + Number(count ?? 0), 0)).toBe(4);
  });
});

describe('stopping the sharded process', () => {
  it('GIVEN SIGTERM THEN every shard stops and the manager exits cleanly', async () => {
    exitCode = await sharded.stop();
    expect(exitCode).toBe(0);
    expect(
      sharded.lines
        .filter((line) => line.msg === 'stopping')
        .map((l) => l.shard)
        .sort(),
    ).toEqual([0, 1]);
  });
});
