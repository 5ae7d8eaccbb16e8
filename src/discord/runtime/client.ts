import { Client, GatewayIntentBits, Partials } from 'discord.js';

/**
 * Guilds is the only intent by default: slash commands, context menus and components arrive as
 * interactions, which need no intent, and nothing here reads messages (no privileged intent).
 */
const INTENTS = [GatewayIntentBits.Guilds];

/**
 * Auto-summarize reads messages in the channels moderators chose, which needs the
 * privileged Message Content intent (switched on in the Developer Portal) — so only on request.
 */
const AUTO_SUMMARIZE_INTENTS = [
  ...INTENTS,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.GuildMessageReactions,
];

export function createDiscordClient(
  apiUrl?: string,
  options: { autoSummarize?: boolean } = {},
): Client {
  return new Client({
    intents: options.autoSummarize ? AUTO_SUMMARIZE_INTENTS : INTENTS,
    // Reactions and deletions concern messages sent before a restart, which are not cached.
    ...(options.autoSummarize ? { partials: [Partials.Message, Partials.Reaction] } : {}),
    // DISCORD_API_URL routes REST through a proxy, or to the tests' local fake. Six retries
    // instead of three: the edit carrying a finished summary is worth a few more attempts
    // through a bad minute of Discord 5xx than a lost answer.
    rest: { ...(apiUrl ? { api: apiUrl } : {}), retries: 6 },
    // A safety net; every message also sets it explicitly.
    allowedMentions: { parse: [] },
  });
}
