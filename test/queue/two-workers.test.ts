import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, nextId } from '../../testkit/fake-discord/payloads.ts';
import {
  type FakeDiscord,
  type InteractionHandle,
  type RecordedRequest,
  startFakeDiscord,
} from '../../testkit/fake-discord.ts';
import { type FakeOpenAi, fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import { chaosArticle, GOOD_CHAOS_ANSWER } from '../chaos/mix.ts';
import {
  createTestSchema,
  type ShardedProcess,
  startSharded,
} from '../sharding/sharded-process.ts';
import { SKIP_PG } from '../store/databases.ts';
import { type NodeProcess, startScript } from './node-process.ts';

/**
 * Two shards that only accept (RUN_WORKER=false) and two `npm run worker` processes, on one
 * PostgreSQL and the loopback Discord. Model calls are limited to LLM_CONCURRENCY=2 for all of
 * them together.
 */

const EDIT = 'PATCH /webhooks/:app/:token/messages/:message';
const GLOBAL_LIMIT = 2;

let discord: FakeDiscord;
let model: FakeOpenAi;
let database: Awaited<ReturnType<typeof createTestSchema>>;
let shards: ShardedProcess;
let env: Record<string, string>;
const workers: NodeProcess[] = [];
const guilds: { guildId: string; channelId: string }[] = [];
let articles = 0;

async function startWorker(): Promise<NodeProcess> {
  const worker = startScript('src/worker.ts', env);
  workers.push(worker);
  await worker.waitForLine((line) => line.msg === 'worker taking jobs', 60_000);
  return worker;
}

const running = () => workers.filter((worker) => worker.alive);

/** /summarize of a new article by a new user (no cooldown can answer instead of the model). */
function summarizeIn(guildId: string): InteractionHandle {
  const user = makeUser(nextId(), `reader-${nextId()}`);
  articles += 1;
  return discord.slash('summarize', { text: chaosArticle(articles) }, { guildId, user });
}

const editOf = (interaction: InteractionHandle, timeoutMs = 30_000) =>
  discord.waitFor(
    (r) => r.route === EDIT && r.params.token === interaction.token && r.status < 300,
    timeoutMs,
  );

beforeAll(async () => {
  discord = await startFakeDiscord();
  model = await startFakeOpenAi();
  guilds.push(discord.addGuild([0, 2]), discord.addGuild([1, 2]));
  database = await createTestSchema();
  env = {
    DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAw.GfakeT.loopback-discord-token-for-tests',
    DISCORD_API_URL: discord.apiUrl,
    DATABASE_URL: database.url,
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: model.url,
    LLM_TIMEOUT_MS: '60000',
    LLM_CONCURRENCY: String(GLOBAL_LIMIT),
    // Few jobs held per worker, so the queue's order (not what a worker holds) is what is tested.
    WORKER_CONCURRENCY: '4',
    // A dead worker's job is taken again once it expires: the deadline plus 5 s.
    JOB_DEADLINE_MS: '5000',
    QUEUE_LEASE_SECONDS: '1',
    LOG_LEVEL: 'info',
    HTTP_PORT: '',
  };
  // The shards migrate the store first; the workers open the same database after them.
  shards = startSharded({
    ...env,
    RUN_WORKER: 'false',
    SHARD_COUNT: '2',
    SHARD_LIST: '',
    SHARD_SPAWN_DELAY_MS: '0',
  });
  await shards.waitForLine((line) => line.msg === 'all shards spawned', 90_000);
  await Promise.all([startWorker(), startWorker()]);
}, 150_000);

afterAll(async () => {
  await Promise.all([...workers.map((worker) => worker.stop()), shards?.stop()]);
  await model?.close();
  await discord?.close();
  await database?.drop();
}, 60_000);

describe.skipIf(SKIP_PG)('two shards and two workers on one PostgreSQL', () => {
  it('GIVEN a worker killed mid-job THEN the other worker finishes it and the reply is edited once', async () => {
    model.reset();
    model.push(fakeSteps.hang());
    model.setDefault(fakeSteps.json(GOOD_CHAOS_ANSWER));
    const interaction = summarizeIn(guilds[0]?.guildId ?? '');
    await model.waitForRequests(1);
    const holder = running().find((worker) =>
      worker.lines.some(
        (line) => line.msg === 'job started' && line.interactionId === interaction.id,
      ),
    );
    if (!holder) throw new Error('no worker logged the job as started');
    await holder.kill();

    await editOf(interaction);
    const other = running().find((worker) => worker !== holder);
    await other?.waitForLine(
      (line) => line.msg === 'job finished' && line.interactionId === interaction.id,
      10_000,
    );
    expect(interaction.requests().filter((r) => r.route === EDIT)).toHaveLength(1);
    expect(
      interaction.requests().filter((r) => r.route === 'POST /webhooks/:app/:token'),
    ).toHaveLength(0);
    // Two workers again for the tests below.
    await startWorker();
  }, 90_000);

  it('GIVEN jobs on both shards THEN the model never sees more than LLM_CONCURRENCY calls at once', async () => {
    model.reset();
    model.setDefault(fakeSteps.delay(150, fakeSteps.json(GOOD_CHAOS_ANSWER)));
    const asked = Array.from({ length: 12 }, (_, n) => summarizeIn(guilds[n % 2]?.guildId ?? ''));
    await Promise.all(asked.map((interaction) => editOf(interaction)));
    // Each worker alone would allow two: together they would reach four without the shared slots.
    expect(model.maxInFlight).toBe(GLOBAL_LIMIT);
  }, 90_000);

  it('GIVEN a 429 with retry-after seen by one worker THEN no worker calls the model until the wait is over', async () => {
    model.reset();
    model.push(fakeSteps.rateLimit({ retryAfterMs: 1500 }));
    model.setDefault(fakeSteps.json(GOOD_CHAOS_ANSWER));
    const asked = Array.from({ length: 6 }, (_, n) => summarizeIn(guilds[n % 2]?.guildId ?? ''));
    await Promise.all(asked.map((interaction) => editOf(interaction)));
    const limited = model.receivedAt[0] ?? 0;
    // A call already on its way, or one that trusted a pause read 100 ms earlier, may still
    // arrive just after the 429; none may arrive after that until the wait is over.
    const during = model.receivedAt.filter((at) => at > limited + 250 && at < limited + 1400);
    expect(during).toEqual([]);
    expect(model.requests.length).toBeGreaterThanOrEqual(7);
  }, 60_000);

  it('GIVEN a server sending 40 jobs THEN a quiet server’s one job is answered at its fair turn', async () => {
    model.reset();
    model.setDefault(fakeSteps.delay(100, fakeSteps.json(GOOD_CHAOS_ANSWER)));
    const [busy, quiet] = guilds;
    const flood = Array.from({ length: 40 }, () => summarizeIn(busy?.guildId ?? ''));
    // The quiet server asks once the flood is queued.
    await Promise.all(flood.map((interaction) => interaction.callback()));
    const single = summarizeIn(quiet?.guildId ?? '');
    const quietEdit = await editOf(single, 60_000);
    const floodEdits = await Promise.all(flood.map((interaction) => editOf(interaction, 60_000)));
    const before = floodEdits.filter((edit: RecordedRequest) => edit.at < quietEdit.at).length;
    // First come, first served would answer it after all 40.
    expect(before).toBeLessThanOrEqual(10);
  }, 120_000);
  it('GIVEN one worker’s breaker opened by a failing provider THEN a worker that saw no failure does not call it either', async () => {
    // One new worker takes jobs while the provider fails, so only its breaker can open (the
    // others' breakers count the successes of the tests above in their window).
    await Promise.all(running().map((worker) => worker.stop()));
    const opener = await startWorker();
    model.reset();
    model.setDefault(fakeSteps.serverError(500));
    // At least ten calls, half of them failed, are what opens a breaker; a few more to be past it.
    const failing = Array.from({ length: 14 }, (_, n) => summarizeIn(guilds[n % 2]?.guildId ?? ''));
    await Promise.all(failing.map((interaction) => interaction.followUp()));

    const fresh = await startWorker();
    await opener.stop();
    const seen = model.requests.length;
    const refused = summarizeIn(guilds[0]?.guildId ?? '');
    const answer = await refused.followUp();
    expect((answer.body as { content?: string }).content).toMatch(/model provider is failing/);
    expect(model.requests.length).toBe(seen);
    expect(
      fresh.lines.some((line) => line.msg === 'job failed' && line.errorCode === 'llm_unavailable'),
    ).toBe(true);
  }, 90_000);
});
