import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationFlags } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROGRESS_MARK } from '../../src/discord/jobs/progress.ts';
import {
  type FakeDiscord,
  type RecordedRequest,
  startFakeDiscord,
} from '../../testkit/fake-discord.ts';
import { type FakeOpenAi, fakeSteps, startFakeOpenAi } from '../../testkit/fake-openai.ts';
import { chaosArticle, GOOD_CHAOS_ANSWER } from '../chaos/mix.ts';
import { MODERATOR } from '../moderation/use-moderated-bot.ts';
import { createTestSchema } from '../sharding/sharded-process.ts';
import { SKIP_PG } from '../store/databases.ts';
import { type NodeProcess, startScript } from './node-process.ts';

/**
 * The real bot (src/main.ts, one process doing both the gateway and the work) against the
 * loopback Discord and a model that is still thinking when the process is SIGKILLed. The
 * restarted bot finishes the job from the queue: it edits the user's reply exactly once, or
 * posts the auto-summary of a link in its channel exactly once.
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

/** One article, as plain text, on a loopback site: the link an auto-summary reads. */
async function startArticleSite(text: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/article.txt`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** "⏳ Summarizing…" while a slow job works is not the answer. */
function isProgress(r: RecordedRequest): boolean {
  const content = (r.body as { content?: unknown } | null)?.content;
  return typeof content === 'string' && content.startsWith(PROGRESS_MARK);
}

for (const database of SKIP_PG ? [sqlite()] : [sqlite(), postgres()]) {
  describe(`a bot killed mid-job on ${database.name}`, () => {
    let discord: FakeDiscord;
    let model: FakeOpenAi;
    let site: Awaited<ReturnType<typeof startArticleSite>>;
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
      // Auto-summaries read messages: the app has the Message Content intent.
      discord.applicationFlags = ApplicationFlags.GatewayMessageContent;
      model = await startFakeOpenAi();
      site = await startArticleSite(chaosArticle(2));
      const port = new URL(site.url).port;
      env = {
        ...(await database.env()),
        DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAw.GfakeT.loopback-discord-token-for-tests',
        DISCORD_API_URL: discord.apiUrl,
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: model.url,
        LLM_TIMEOUT_MS: '60000',
        // pg-boss takes a dead worker's job back once it expires: the deadline plus 5 s.
        JOB_DEADLINE_MS: '5000',
        QUEUE_LEASE_SECONDS: '1',
        LOG_LEVEL: 'info',
        HTTP_PORT: '',
        AUTO_SUMMARIZE: 'true',
        FETCH_ALLOW_HOSTS: '127.0.0.1',
        FETCH_ALLOW_PORTS: port,
      };
    }, 60_000);

    // Each test starts its own bots: one left running would take the next test's events too.
    afterEach(async () => {
      await Promise.all(processes.splice(0).map((bot) => bot.stop()));
      model.reset();
    }, 60_000);

    afterAll(async () => {
      await site?.close();
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

    it('GIVEN SIGKILL while the model answers an auto-summary THEN the restarted bot posts it in the channel exactly once', async () => {
      const first = await launch();
      await discord
        .slash(
          'setup',
          { channel: { channel: discord.channelId }, trigger: 'links' },
          { subcommand: 'channel', memberPermissions: MODERATOR },
        )
        .edit();
      model.push(fakeSteps.hang());
      model.setDefault(fakeSteps.json(GOOD_CHAOS_ANSWER));
      // Not the user of the test before: the server's cooldown would hold the link back.
      const source = discord.postMessage(`worth a read: ${site.url}`, {
        author: discord.otherUser,
      });
      await model.waitForRequests(1);
      await first.kill();

      const second = await launch();
      // A thread started on a message has the message's id.
      const inThread = (r: RecordedRequest) =>
        r.route === 'POST /channels/:channel/messages' && r.params.channel === source.id;
      const summary = await discord.waitFor((r) => inThread(r) && r.status === 200, 45_000);
      await second.waitForLine(
        (line) => line.msg === 'job finished' && line.kind === 'auto',
        10_000,
      );

      expect(discord.botMessagesIn(source.id)).toHaveLength(1);
      // Not inline either: the channel itself got no post (its one bot message is /setup's reply).
      const inChannel = discord.requests.filter(
        (r) =>
          r.route === 'POST /channels/:channel/messages' && r.params.channel === discord.channelId,
      );
      expect(inChannel).toHaveLength(0);
      const embeds = (summary.body as { embeds?: { description?: string }[] }).embeds ?? [];
      expect(embeds[0]?.description).toContain(GOOD_CHAOS_ANSWER.tldr.slice(0, 40));
    }, 90_000);
  });
}
