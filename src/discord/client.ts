import { Client, GatewayIntentBits } from 'discord.js';

/**
 * Guilds is the only intent: slash commands, context menus and components arrive as
 * interactions, which need no intent, and nothing here reads messages (no privileged intent).
 */
export const INTENTS = [GatewayIntentBits.Guilds];

export function createDiscordClient(apiUrl?: string): Client {
  return new Client({
    intents: INTENTS,
    // DISCORD_API_URL routes REST through a proxy, or to the tests' local fake.
    rest: apiUrl ? { api: apiUrl } : {},
    // A safety net; every message also sets it explicitly.
    allowedMentions: { parse: [] },
  });
}
