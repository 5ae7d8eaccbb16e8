import type { APIEmbed } from 'discord.js';
import type { ChannelRule, GuildSettings } from '../../store/index.ts';
import { LIMITS, truncate } from '../render/limits.ts';
import { escapeUntrusted } from '../render/markdown.ts';

function describeRule(rule: ChannelRule): string {
  if (rule.trigger === 'off') return `<#${rule.channelId}>: off`;
  const trigger = rule.trigger === 'links' ? 'every link' : `reaction ${rule.emoji}`;
  const minimum = rule.minWords > 0 ? `, at least ${rule.minWords} words` : '';
  const bots = rule.botPosts ? ', bot and webhook posts too' : '';
  return `<#${rule.channelId}>: ${trigger}, reply in a ${rule.replyIn === 'thread' ? 'thread' : 'reply'}${minimum}${bots}`;
}

const list = (items: string[], none: string) =>
  truncate(items.length > 0 ? items.join('\n') : none, LIMITS.fieldValue);

/** Every setting of a server in one embed (/setup show, and the answer to each change). */
export function renderSettingsEmbed(
  settings: GuildSettings,
  rules: ChannelRule[],
  extra: { usedToday: number; problem: string | null; title?: string },
): APIEmbed {
  const fields = [
    { name: 'Auto-summarize channels', value: list(rules.map(describeRule), 'none') },
    {
      name: 'Defaults',
      value: [
        `Length: ${settings.length}`,
        `Style: ${settings.style}`,
        `Language: ${settings.language === null ? "the user's (or the source's)" : escapeUntrusted(settings.language)}`,
        `Prompt: ${settings.promptPin ?? 'latest active version'}`,
        `Private replies: ${settings.privateReplies ? 'yes' : 'no'}`,
      ].join('\n'),
    },
    { name: 'Allowed domains', value: list(settings.domainAllow, 'any (no allow list)') },
    { name: 'Denied domains', value: list(settings.domainDeny, 'none') },
    {
      name: 'Limits',
      value: truncate(
        [
          `Cooldown per user: ${settings.cooldownSeconds === 0 ? 'none' : `${settings.cooldownSeconds} s`}`,
          `Daily token budget: ${settings.dailyTokenBudget === null ? 'unlimited' : `${settings.dailyTokenBudget.toLocaleString('en-US')} (used today: ${extra.usedToday.toLocaleString('en-US')})`}`,
          `Message at a limit: ${settings.limitMessage === null ? "the bot's own" : escapeUntrusted(settings.limitMessage)}`,
        ].join('\n'),
        LIMITS.fieldValue,
      ),
    },
  ];
  if (extra.problem) {
    fields.push({
      name: '⚠️ Auto-summarize cannot run',
      value: truncate(extra.problem, LIMITS.fieldValue),
    });
  }
  return { title: extra.title ?? 'Precis settings', fields };
}
