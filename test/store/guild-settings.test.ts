import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/shared/errors.ts';
import {
  DEFAULT_GUILD_SETTINGS,
  type GuildSettings,
  type GuildSettingsPatch,
} from '../../src/store/index.ts';
import { DATABASES, useStore } from './databases.ts';

describe.each(DATABASES)('guild settings on $name', (database) => {
  const t = useStore(database);

  it('gives a server that never changed anything the defaults', async () => {
    expect(await t.store.getGuildSettings('100')).toEqual({
      length: 'medium',
      language: null,
      style: 'bullets',
      promptPin: null,
      privateReplies: false,
      cooldownSeconds: 30,
      dailyTokenBudget: null,
      limitMessage: null,
      domainAllow: [],
      domainDeny: [],
    });
  });

  it('returns defaults that a caller cannot corrupt by mutating them', async () => {
    const settings = await t.store.getGuildSettings('100');
    settings.domainDeny.push('evil.example');
    expect(DEFAULT_GUILD_SETTINGS.domainDeny).toEqual([]);
  });

  it('changes only the fields in the patch', async () => {
    await t.store.updateGuildSettings('100', { length: 'long' });
    const settings = await t.store.updateGuildSettings('100', { privateReplies: true });
    expect(settings).toEqual({ ...DEFAULT_GUILD_SETTINGS, length: 'long', privateReplies: true });
  });

  it('reads back every field it stored', async () => {
    const patch: GuildSettings = {
      length: 'short',
      language: 'fr',
      style: 'prose',
      promptPin: 'summarize@2',
      privateReplies: true,
      cooldownSeconds: 120,
      dailyTokenBudget: 50_000,
      limitMessage: 'Slow down, please.',
      domainAllow: ['example.com'],
      domainDeny: ['spam.example', 'ads.example'],
    };
    await t.store.updateGuildSettings('100', patch);
    expect(await t.store.getGuildSettings('100')).toEqual(patch);
  });

  it('sets a nullable field back to null', async () => {
    await t.store.updateGuildSettings('100', { dailyTokenBudget: 1000, language: 'de' });
    const settings = await t.store.updateGuildSettings('100', {
      dailyTokenBudget: null,
      language: null,
    });
    expect([settings.dailyTokenBudget, settings.language]).toEqual([null, null]);
  });

  it('keeps each server settings apart', async () => {
    await t.store.updateGuildSettings('100', { style: 'prose' });
    expect((await t.store.getGuildSettings('200')).style).toBe('bullets');
  });

  it('lower-cases and deduplicates domain lists', async () => {
    const settings = await t.store.updateGuildSettings('100', {
      domainDeny: ['Example.COM', ' example.com ', 'news.example'],
    });
    expect(settings.domainDeny).toEqual(['example.com', 'news.example']);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an unknown length', { length: 'huge' }],
    ['a negative cooldown', { cooldownSeconds: -1 }],
    ['a fractional budget', { dailyTokenBudget: 10.5 }],
    ['a zero budget', { dailyTokenBudget: 0 }],
    ['a prompt pin without a version', { promptPin: 'summarize' }],
    ['a domain with a path', { domainAllow: ['example.com/news'] }],
    ['an empty limit message', { limitMessage: '   ' }],
    ['a field that does not exist', { colour: 'blue' }],
    ['a string where a boolean belongs', { privateReplies: 'yes' }],
  ])('rejects %s as invalid input', async (_name, patch) => {
    const update = t.store.updateGuildSettings('100', patch as GuildSettingsPatch);
    await expect(update).rejects.toBeInstanceOf(UserError);
    await expect(update).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('names the bad field in the error message', async () => {
    await expect(t.store.updateGuildSettings('100', { cooldownSeconds: -5 })).rejects.toThrow(
      /cooldownSeconds/,
    );
  });

  it('fails loudly rather than drop a stored deny list that is not JSON', async () => {
    await t.store.updateGuildSettings('100', { domainDeny: ['spam.example'] });
    await t.location.exec(`update guild_settings set domain_deny = 'spam.example'`);
    await expect(t.store.getGuildSettings('100')).rejects.toThrow(/domain lists/);
  });

  it('leaves stored settings untouched when a patch is rejected', async () => {
    await t.store.updateGuildSettings('100', { length: 'short' });
    await t.store
      .updateGuildSettings('100', { length: 'long', cooldownSeconds: -1 })
      .catch(() => {});
    expect((await t.store.getGuildSettings('100')).length).toBe('short');
  });
});
