import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../src/config.ts';
import { MEMBER_PERMISSIONS } from '../../testkit/fake-discord/payloads.ts';
import { type FakeDiscord, startFakeDiscord } from '../../testkit/fake-discord.ts';
import { runScript } from '../../testkit/run-script.ts';
import { ARTICLE_TEXT } from '../../testkit/scripted-pipeline.ts';
import { type NodeProcess, startScript } from '../queue/node-process.ts';

/**
 * SETUP.md as a new user walks it, on a clone-like folder: copy .env.example to .env, fill in
 * the token and the server id, deploy the commands, start the bot, summarize, read /usage,
 * stop. Only DISCORD_API_URL differs from what a user writes: it points at the loopback Discord.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.GfakeT.loopback-discord-token-for-tests';
const MODERATOR = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild;
const EDIT = 'PATCH /webhooks/:app/:token/messages/:message';

const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
/** The variables .env.example names: the child must see only what .env gives it. */
const EXAMPLE_NAMES = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !EXAMPLE_NAMES.includes(name)),
);

let fake: FakeDiscord;
let clone: string;
let bot: NodeProcess | null = null;
beforeAll(async () => {
  fake = await startFakeDiscord();
  clone = mkdtempSync(join(tmpdir(), 'precis-clone-'));
  // `npm ci` in a real clone; the scripts resolve tsx and the rest from here.
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
  writeFileSync(
    join(clone, '.env'),
    example
      .replace(/^DISCORD_TOKEN=.*$/m, `DISCORD_TOKEN=${TOKEN}`)
      .replace(/^DISCORD_GUILD_ID=.*$/m, `DISCORD_GUILD_ID=${fake.guildId}`)
      .replace(/^DISCORD_API_URL=.*$/m, `DISCORD_API_URL=${fake.apiUrl}`),
  );
});
afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  rmSync(clone, { recursive: true, force: true });
}, 30_000);

describe('a new user following SETUP.md with .env.example copied to .env', () => {
  it('GIVEN npm run deploy-commands THEN the commands are registered to the server in .env', async () => {
    const { code, stdout, stderr } = await runScript(join(ROOT, 'src/deploy-commands.ts'), {
      cwd: clone,
      env: cleanEnv,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Registered 6 commands to server ${fake.guildId}`));
  }, 60_000);

  it('GIVEN npm start THEN the bot logs in and says it is ready', async () => {
    bot = startScript(join(ROOT, 'src/main.ts'), {}, { cwd: clone, baseEnv: cleanEnv });
    await bot.waitForLine((line) => line.msg === 'discord bot ready', 90_000);
    expect(fake.identifies).toHaveLength(1);
  }, 120_000);

  it('GIVEN /summarize with pasted text THEN the reply is a summary from the offline engine', async () => {
    const interaction = fake.slash('summarize', { text: ARTICLE_TEXT.slice(0, 4000) });
    const edit = await fake.waitFor(
      (r) => r.route === EDIT && r.params.token === interaction.token && r.status < 300,
      60_000,
    );
    const embeds = (edit.body as { embeds?: { footer?: { text: string } }[] }).embeds ?? [];
    expect(embeds[0]?.footer?.text).toContain('offline engine');
    // The default store: a SQLite file under ./data of the folder the bot runs in.
    expect(existsSync(join(clone, 'data/precis.sqlite'))).toBe(true);
  }, 90_000);

  it('GIVEN /usage from the moderator THEN the usage report answers', async () => {
    // A moderator's command: the person who set the bot up manages the server.
    const interaction = fake.slash('usage', {}, { memberPermissions: MODERATOR });
    const edit = await fake.waitFor(
      (r) => r.route === EDIT && r.params.token === interaction.token && r.status < 300,
      30_000,
    );
    const embeds = (edit.body as { embeds?: { title?: string }[] }).embeds ?? [];
    expect(embeds[0]?.title).toMatch(/^Usage, last \d+ days?/);
  }, 60_000);

  it('GIVEN a stop (SIGTERM) THEN the bot exits 0', async () => {
    expect(await bot?.stop()).toBe(0);
    bot = null;
  }, 30_000);

  it('THEN nothing the bot received went against Discord’s schemas', () => {
    expect(fake.validationFailures).toEqual([]);
  });
});

describe('.env.example', () => {
  it('GIVEN every variable the configuration reads THEN .env.example names it', () => {
    const missing = CONFIG_VARIABLES.filter((name) => !EXAMPLE_NAMES.includes(name));
    expect(missing).toEqual([]);
  });
});
