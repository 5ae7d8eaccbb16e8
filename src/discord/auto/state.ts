import type { Client } from 'discord.js';
import { LRUCache } from 'lru-cache';
import type { ChannelRule, Store } from '../../store/index.ts';

/** What the auto-summarize listeners learn at run time, per client (one per shard). */
export interface AutoState {
  /** Auto-summarize asked for the message intents (the operator's AUTO_SUMMARIZE). */
  enabled: boolean;
  /** A message with no content at all arrived in a links channel: Message Content is off. */
  contentLooksHidden: boolean;
  /** Messages being handled now, so a live event and catch-up never summarize one twice. */
  handling: Set<string>;
  /** Channel rules read recently: every message in every channel would otherwise be a query. */
  rules: LRUCache<string, { rule: ChannelRule | null }>;
}

/** How long a channel rule is trusted; /setup on this shard forgets it at once. */
const RULE_TTL_MS = 60_000;

const states = new WeakMap<Client, AutoState>();

export function autoState(client: Client): AutoState {
  let state = states.get(client);
  if (!state) {
    state = {
      enabled: false,
      contentLooksHidden: false,
      handling: new Set(),
      // Bounded: a shard sees many channels, and only the recent ones matter.
      rules: new LRUCache({ max: 10_000, ttl: RULE_TTL_MS }),
    };
    states.set(client, state);
  }
  return state;
}

/** The channel's rule, from memory when read in the last minute. */
export async function channelRule(
  client: Client,
  store: Store,
  channelId: string,
): Promise<ChannelRule | null> {
  const { rules } = autoState(client);
  const cached = rules.get(channelId);
  if (cached) return cached.rule;
  const rule = await store.getChannelRule(channelId);
  rules.set(channelId, { rule });
  return rule;
}

/** /setup changed the rule: the next message reads it from the store. */
export function forgetChannelRule(client: Client, channelId: string): void {
  autoState(client).rules.delete(channelId);
}
