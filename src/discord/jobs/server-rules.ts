import type { BotContext } from '../context.ts';
import { type ServerRules, serverRules } from '../moderation/job-rules.ts';
import { guildSettings } from '../moderation/settings-cache.ts';
import type { JobOrigin } from './job-types.ts';

/** The rules of the server a job belongs to, as its settings say now. */
export async function rulesFor(origin: JobOrigin, bot: BotContext): Promise<ServerRules> {
  // Cached settings: this runs before the acknowledgement, and Discord allows 3 s for that.
  const guildId = rulesGuild(origin);
  return serverRules(
    guildId ? { guildId, settings: await guildSettings(bot.store, guildId) } : null,
  );
}

/** The server whose rules and ledger the job belongs to: none where it did not install the app. */
export function rulesGuild(origin: JobOrigin): string | null {
  return origin.serverInstalled === false ? null : origin.guildId;
}

/** Model calls and queued jobs are shared fairly between servers (and between users in DMs). */
export function fairnessKey(origin: JobOrigin): string {
  return origin.guildId ?? origin.userId;
}
