import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRESS_MARK } from '../../src/discord/summary/progress.ts';
import {
  type FakeDiscord,
  type RecordedRequest,
  startFakeDiscord,
} from '../../testkit/fake-discord.ts';
import { type FakeOpenAi, fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import { chaosArticle, GOOD_CHAOS_ANSWER } from '../chaos/mix.ts';
import { createTestSchema } from '../sharding/sharded-process.ts';
import { SKIP_PG } from '../store/databases.ts';
import { type NodeProcess, startScript } from './node-process.ts';

/**
 * The real bot (src/main.ts, one process doing both the gateway and the work) against the
 * loopback Discord and a model that is still thinking when the process is SIGKILLed. The
 * restarted bot finishes the job from the queue and edits the user's reply exactly once.
 */

const EDIT = 'PATCH /webhooks/:app/:token/messages/:message';
const CALLBACK = 'POST /interactions/:id/:token/callback';

interface Database {
  name: string;
  env(): Promise<Record<string, string>>;
  cleanup(): Promise<void>;
}

const sqlite = (): Database => {
  let dir = '';
  return {
    name: 'SQLite',
    async env() {
      dir = await mkdtemp(join(tmpdir(), 'precis-crash-'));
      return { SQLITE_PATH: join(dir, 'precis.sqlite') };
    },
    cleanup: async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
};

const postgres = (): Database => {
  let schema: Awaited<ReturnType<typeof createTestSchema>> | null = null;
  return {
    name: 'PostgreSQL',
    async env() {
      schema = await createTestSchema();
      return { DATABASE_URL: schema.url };
    },
    cleanup: async () => {
      await schema?.drop();
    },
  };
};

/** "⏳ Summarizing…" while a slow job works is not the answer. */
function isProgress(r: RecordedRequest): boolean {
  const content = (r.body as { content?: unknown } | null)?.content;
  return typeof content === 'string' && content.startsWith(PROGRESS_MARK);
}

for (const database of SKIP_PG ? [sqlite()] : [sqlite(), postgres()]) {
  describe(`a bot killed mid-job on ${database.name}`, () => {
    let discord: FakeDiscord;
    let model: FakeOpenAi;
    let env: Record<string, string>;
    const processes: NodeProcess[] = [];

    const launch = async (): Promise<NodeProcess> => {
      const bot = startScript('src/main.ts', env);
      processes.push(bot);
      await bot.waitForLine((line) => line.msg === 'discord bot ready', 60_000);
      return bot;
    };

    beforeAll(async () => {
      discord = await startFakeDiscord();
      model = await startFakeOpenAi();
      env = {
        ...(await database.env()),
        DISCORD_TOKEN: 'test-token',
        DISCORD_API_URL: discord.apiUrl,
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: model.url,
        LLM_TIMEOUT_MS: '60000',
        // pg-boss takes a dead worker's job back once it expires: the deadline plus 5 s.
        JOB_DEADLINE_MS: '5000',
        QUEUE_LEASE_SECONDS: '1',
        LOG_LEVEL: 'info',
        HTTP_PORT: '',
      };
    }, 60_000);

    afterAll(async () => {
      await Promise.all(processes.map((bot) => bot.stop()));
      await model?.close();
      await discord?.close();
      await database.cleanup();
    }, 60_000);

    it('GIVEN SIGKILL while the model answers THEN the restarted bot edits the reply exactly once', async () => {
      const first = await launch();
      // The first model call never answers; after the restart, every call does.
      model.push(fakeSteps.hang());
      model.setDefault(fakeSteps.json(GOOD_CHAOS_ANSWER));
      const interaction = discord.slash('summarize', { text: chaosArticle(1) });
      await interaction.callback();
      await model.waitForRequests(1);
      await first.kill();

      const second = await launch();
      // On PostgreSQL the killed job comes back once its lease expires (the deadline plus 5 s).
      const answer = (r: RecordedRequest) =>
        r.params.token === interaction.token && r.route === EDIT && !isProgress(r);
      const edit = await discord.waitFor(answer, 45_000);
      await second.waitForLine((line) => line.msg === 'job finished', 10_000);

      const ofThis = interaction.requests();
      expect(ofThis.filter((r) => r.route === CALLBACK)).toHaveLength(1);
      expect(ofThis.filter(answer)).toHaveLength(1);
      expect(ofThis.filter((r) => r.route === 'POST /webhooks/:app/:token')).toHaveLength(0);
      const embeds = (edit.body as { embeds?: { description?: string }[] }).embeds ?? [];
      expect(embeds[0]?.description).toContain(GOOD_CHAOS_ANSWER.tldr.slice(0, 40));
    }, 90_000);
  });
}
