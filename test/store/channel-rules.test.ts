import { describe, expect, it } from 'vitest';
import type { ChannelRuleInput } from '../../src/store/index.ts';
import { DATABASES, useStore } from './databases.ts';

const rule = (overrides: Partial<ChannelRuleInput> = {}): ChannelRuleInput => ({
  guildId: '100',
  channelId: '500',
  trigger: 'links',
  emoji: '📰',
  replyIn: 'thread',
  minWords: 150,
  botPosts: false,
  ...overrides,
});

describe.each(DATABASES)('channel rules on $name', (database) => {
  const t = useStore(database);

  it('has no rule for a channel nobody configured', async () => {
    expect(await t.store.getChannelRule('500')).toBeNull();
  });

  it('reads back the rule it stored', async () => {
    await t.store.setChannelRule(rule());
    expect(await t.store.getChannelRule('500')).toEqual(rule());
  });

  it('fills in the newspaper emoji, thread replies and no minimum when they are omitted', async () => {
    await t.store.setChannelRule({ guildId: '100', channelId: '500', trigger: 'reaction' });
    expect(await t.store.getChannelRule('500')).toEqual({
      guildId: '100',
      channelId: '500',
      trigger: 'reaction',
      emoji: '📰',
      replyIn: 'thread',
      minWords: 0,
      botPosts: false,
    });
  });

  it('replaces the rule when the channel is set again', async () => {
    await t.store.setChannelRule(rule());
    await t.store.setChannelRule(rule({ trigger: 'off', replyIn: 'inline' }));
    expect(await t.store.getChannelRule('500')).toMatchObject({
      trigger: 'off',
      replyIn: 'inline',
    });
  });

  it('lists only the server own rules, ordered by channel id as numbers', async () => {
    await t.store.setChannelRule(rule({ channelId: '1000' }));
    await t.store.setChannelRule(rule({ channelId: '999' }));
    await t.store.setChannelRule(rule({ guildId: '200', channelId: '5' }));
    const rules = await t.store.listChannelRules('100');
    expect(rules.map((r) => r.channelId)).toEqual(['999', '1000']);
  });

  it('deletes a rule and says it did', async () => {
    await t.store.setChannelRule(rule());
    expect(await t.store.deleteChannelRule('500')).toBe(true);
    expect(await t.store.getChannelRule('500')).toBeNull();
  });

  it('says nothing was deleted when the channel had no rule', async () => {
    expect(await t.store.deleteChannelRule('500')).toBe(false);
  });

  it.each<[string, Partial<ChannelRuleInput>]>([
    ['an unknown trigger', { trigger: 'always' as 'links' }],
    ['an unknown reply mode', { replyIn: 'dm' as 'thread' }],
    ['a negative minimum length', { minWords: -1 }],
    ['an empty emoji', { emoji: '' }],
  ])('rejects %s as invalid input', async (_name, overrides) => {
    await expect(t.store.setChannelRule(rule(overrides))).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});

describe.each(DATABASES)('channel progress on $name', (database) => {
  const t = useStore(database);

  it('has no progress for a channel never handled', async () => {
    expect(await t.store.getChannelProgress('500')).toBeNull();
  });

  it('remembers the last message handled', async () => {
    await t.store.markChannelProgress('500', '1300000000000000000');
    expect(await t.store.getChannelProgress('500')).toBe('1300000000000000000');
  });

  it('moves forward to a later message', async () => {
    await t.store.markChannelProgress('500', '1300000000000000000');
    await t.store.markChannelProgress('500', '1300000000000000001');
    expect(await t.store.getChannelProgress('500')).toBe('1300000000000000001');
  });

  it('never moves back to an earlier message', async () => {
    await t.store.markChannelProgress('500', '1300000000000000005');
    await t.store.markChannelProgress('500', '1300000000000000001');
    expect(await t.store.getChannelProgress('500')).toBe('1300000000000000005');
  });

  it('treats a longer id as later even though it sorts first as text', async () => {
    await t.store.markChannelProgress('500', '999');
    await t.store.markChannelProgress('500', '1000');
    expect(await t.store.getChannelProgress('500')).toBe('1000');
  });

  it('treats a shorter id as earlier even though it sorts last as text', async () => {
    await t.store.markChannelProgress('500', '1000');
    await t.store.markChannelProgress('500', '999');
    expect(await t.store.getChannelProgress('500')).toBe('1000');
  });

  it('keeps progress per channel', async () => {
    await t.store.markChannelProgress('500', '2000');
    await t.store.markChannelProgress('501', '1000');
    expect(await t.store.getChannelProgress('500')).toBe('2000');
  });

  it.each(['abc', '0123', '-5', ''])('rejects %j as a message id', async (id) => {
    await expect(t.store.markChannelProgress('500', id)).rejects.toBeInstanceOf(TypeError);
  });
});
