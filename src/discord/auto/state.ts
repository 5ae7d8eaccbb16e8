import type { Client } from 'discord.js';

/** What the auto-summarize listeners learn at run time, per client (one per shard). */
export interface AutoState {
  /** Auto-summarize asked for the message intents (the operator's AUTO_SUMMARIZE). */
  enabled: boolean;
  /** A message with no content at all arrived in a links channel: Message Content is off. */
  contentLooksHidden: boolean;
  /** Messages being handled now, so a live event and catch-up never summarize one twice. */
  handling: Set<string>;
}

const states = new WeakMap<Client, AutoState>();

export function autoState(client: Client): AutoState {
  let state = states.get(client);
  if (!state) {
    state = { enabled: false, contentLooksHidden: false, handling: new Set() };
    states.set(client, state);
  }
  return state;
}
