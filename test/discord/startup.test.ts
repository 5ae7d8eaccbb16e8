import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/discord/bot.ts';
import { deployCommands } from '../../src/discord/runtime/deploy.ts';
import { loadCommands } from '../../src/discord/runtime/load-commands.ts';
import { type FakeDiscord, startFakeDiscord } from '../../testkit/fake-discord.ts';
import { runScript } from '../../testkit/run-script.ts';
import {
  ARTICLE_URL,
  createOfflinePipeline,
  ScriptedPipeline,
} from '../../testkit/scripted-pipeline.ts';
import { createBotServices } from '../../testkit/services.ts';

/** Shaped like a real bot token, so the configuration accepts it; only the fake reads it. */
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.GfakeT.loopback-discord-token-for-tests';

let fake: FakeDiscord;
beforeEach(async () => {
  fake = await startFakeDiscord();
});
afterEach(async () => {
  expect(fake.validationFailures).toEqual([]);
  await fake.close();
});

async function botFor(token = 'test-token') {
  return createBot({
    config: { DISCORD_TOKEN: token, DISCORD_API_URL: fake.apiUrl, JOB_DEADLINE_MS: 60_000 },
    pipeline: createOfflinePipeline(),
    logger: pino({ level: 'silent' }),
    ...(await createBotServices()),
  });
}

/** Runs a script the way npm does, against the fake; resolves with its exit code and output. */
function runBotScript(script: string, env: Record<string, string>, args: string[] = []) {
  return runScript(script, {
    args,
    env: { ...process.env, DISCORD_GUILD_ID: '', LOG_LEVEL: 'silent', ...env },
  });
}

describe('starting the bot', () => {
  it('GIVEN a good token THEN it logs in asking only for the Guilds intent', async () => {
    const bot = await botFor();
    await bot.start();
    expect(fake.identifies.map((identify) => identify.intents)).toEqual([1]);
    expect(fake.requests[0]?.headers.authorization).toBe('Bot test-token');
    await bot.stop();
  });

  it('GIVEN a token Discord rejects THEN start fails saying so and what to do', async () => {
    fake.rejectToken = true;
    const bot = await botFor('wrong');
    await expect(bot.start()).rejects.toThrow(
      /^Discord rejected DISCORD_TOKEN\. Copy the bot token again/,
    );
    await bot.stop();
  });

  it('GIVEN intents not enabled in the portal THEN start fails naming the switch to turn on', async () => {
    fake.disallowIntents = true;
    const bot = await botFor();
    await expect(bot.start()).rejects.toThrow(/Bot → Privileged Gateway Intents/);
    await bot.stop();
  });

  it('GIVEN npm start with a rejected token THEN the process exits 1 with one clear line', async () => {
    fake.rejectToken = true;
    const { code, stderr } = await runBotScript('src/main.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^Discord rejected DISCORD_TOKEN\./);
  });
});

describe('starting the bot with a mistake in .env', () => {
  it('GIVEN DISCORD_TOKEN=abc THEN npm start exits 1 saying where to copy a token, without showing it', async () => {
    const { code, stderr } = await runBotScript('src/main.ts', {
      DISCORD_TOKEN: 'abc',
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'Invalid configuration:\n  DISCORD_TOKEN=(hidden): expected a bot token (three parts separated by dots): copy it from https://discord.com/developers/applications → your application → Bot → Reset Token',
    );
    expect(fake.requests).toEqual([]);
  });

  it('GIVEN npm run deploy-commands with DISCORD_TOKEN=abc THEN it exits 1 with the same line', async () => {
    const { code, stderr } = await runBotScript('src/deploy-commands.ts', {
      DISCORD_TOKEN: 'abc',
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(
      /^Invalid configuration:\n {2}DISCORD_TOKEN=\(hidden\): expected a bot token/,
    );
  });

  it('GIVEN Discord cannot be reached THEN npm start and deploy-commands say so in one line, with no stack', async () => {
    const closed = await closedPortUrl();
    for (const script of ['src/main.ts', 'src/deploy-commands.ts']) {
      const { code, stderr } = await runBotScript(script, {
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: closed,
      });
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        "Could not reach Discord (ECONNREFUSED); check this machine's network connection, and DISCORD_API_URL if you set it.",
      );
    }
  });

  it('GIVEN npm run start:sharded without a token THEN it exits 1 with one line, not a JSON stack', async () => {
    const { code, stdout, stderr } = await runBotScript('src/sharded.ts', { DISCORD_TOKEN: '' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(
      'DISCORD_TOKEN is required to run the bot; put the bot token in .env.',
    );
  });
});

/** A loopback URL nothing listens on: a port the system gave out and took back. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/api`;
}

describe('stopping the bot', () => {
  it('GIVEN an answer in progress WHEN the bot stops THEN the answer is delivered before it logs out', async () => {
    const pipeline = new ScriptedPipeline(createOfflinePipeline());
    const hold = pipeline.holdNext();
    const bot = await createBot({
      config: {
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        JOB_DEADLINE_MS: 60_000,
      },
      pipeline,
      logger: pino({ level: 'silent' }),
      ...(await createBotServices()),
    });
    await bot.start();
    const i = fake.slash('summarize', { url: ARTICLE_URL });
    await hold.started;
    const stopped = bot.stop();
    // Proving that stop() waits needs a bounded wait: there is no event for "not yet".
    const notYet = new Promise((resolve) => setTimeout(() => resolve('waiting'), 300));
    expect(await Promise.race([stopped.then(() => 'stopped'), notYet])).toBe('waiting');
    expect(fake.disconnects).toEqual([]);
    hold.release();
    await stopped;
    const edit = i.requests().find((r) => r.route.startsWith('PATCH') && r.status === 200);
    expect(edit).toBeDefined();
    expect(edit?.at).toBeLessThan(fake.disconnects.at(-1) ?? 0);
  });
});

describe('deploying commands', () => {
  it('GIVEN a server id THEN the commands are registered to that server, in a body Discord accepts', async () => {
    const registered = await deployCommands({
      token: 'test-token',
      apiUrl: fake.apiUrl,
      guildId: fake.guildId,
      commands: await loadCommands(),
    });
    expect(registered.map((c) => c.name).sort()).toEqual([
      'Summarize message',
      'help',
      'quotes',
      'setup',
      'summarize',
      'usage',
    ]);
    expect(fake.requests.at(-1)?.path).toBe(
      `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`,
    );
  });

  it('GIVEN npm run deploy-commands without a server id THEN they are registered globally', async () => {
    const { code, stdout } = await runBotScript('src/deploy-commands.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Registered 6 commands globally/);
    expect(fake.requests.at(-1)?.path).toBe(`/applications/${fake.applicationId}/commands`);
  });

  it('GIVEN --clear-guild THEN the set registered to DISCORD_GUILD_ID is replaced by none, so commands stop showing twice', async () => {
    const { code, stdout } = await runBotScript(
      'src/deploy-commands.ts',
      {
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_GUILD_ID: fake.guildId,
      },
      ['--clear-guild'],
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Removed the commands registered to server \d+/);
    expect(fake.requests.at(-1)).toMatchObject({
      path: `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`,
      body: [],
    });
  });

  it('GIVEN a server the bot was not invited to THEN Missing Access is explained, not printed raw', async () => {
    fake.failNext({
      route: 'PUT /applications/:app/guilds/:guild/commands',
      status: 403,
      code: 50001,
      times: 1,
    });
    const { code, stderr } = await runBotScript('src/deploy-commands.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: fake.guildId,
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `Discord answered Missing Access (50001) for server ${fake.guildId}: invite the bot to that server with the applications.commands scope (docs/SETUP.md, step 4), or check DISCORD_GUILD_ID.`,
    );
  });
});
