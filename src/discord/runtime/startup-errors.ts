import { GatewayCloseCodes } from 'discord.js';

/** A startup failure the operator can fix; main prints the message and exits. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

const PORTAL = 'https://discord.com/developers/applications';

export function describeLoginError(error: unknown): Error {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'TokenInvalid' || code === 'TokenMissing') {
    return new StartupError(
      `Discord rejected DISCORD_TOKEN. Copy the bot token again from ${PORTAL} → your application → Bot → Reset Token, and put it in .env.`,
      { cause: error },
    );
  }
  // @discordjs/ws reports gateway close codes as plain Errors; only the message tells them apart.
  const message = error instanceof Error ? error.message : '';
  if (code === 'DisallowedIntents' || /disallowed intents/i.test(message))
    return disallowedIntents(error);
  if (/authentication failed/i.test(message)) return describeLoginError({ code: 'TokenInvalid' });
  return error instanceof Error ? error : new Error(String(error));
}

/** Close codes after which the client gives up instead of reconnecting. */
export function describeCloseCode(closeCode: number): Error | null {
  switch (closeCode) {
    case GatewayCloseCodes.AuthenticationFailed:
      return describeLoginError({ code: 'TokenInvalid' });
    case GatewayCloseCodes.DisallowedIntents:
      return disallowedIntents(null);
    case GatewayCloseCodes.InvalidIntents:
      return new StartupError(
        'Discord refused the gateway intents as invalid; this is a bug in Precis.',
      );
    default:
      return null;
  }
}

function disallowedIntents(cause: unknown): StartupError {
  return new StartupError(
    `Discord refused a privileged gateway intent. Precis only needs the Guilds intent; if you enabled more in the code, switch them on at ${PORTAL} → your application → Bot → Privileged Gateway Intents (Server Members, Presence, Message Content).`,
    { cause },
  );
}
