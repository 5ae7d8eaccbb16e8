import { GatewayCloseCodes } from 'discord.js';
import { OperatorError } from '../../shared/errors.ts';

/** A startup failure the operator can fix; main prints the message and exits. */
export class StartupError extends OperatorError {
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
  const network = networkCode(error);
  if (network) {
    return new StartupError(
      `Could not reach Discord (${network}); check this machine's network connection, and DISCORD_API_URL if you set it.`,
      { cause: error },
    );
  }
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

/** ENOTFOUND, ECONNREFUSED…: undici wraps the socket's error in a "fetch failed" TypeError. */
function networkCode(error: unknown): string | null {
  for (let at = error, depth = 0; at && depth < 3; depth++) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
    at = (at as { cause?: unknown }).cause;
  }
  return null;
}

function disallowedIntents(cause: unknown): StartupError {
  return new StartupError(
    `Discord refused a privileged gateway intent. Precis only needs the Guilds intent; if you enabled more in the code, switch them on at ${PORTAL} → your application → Bot → Privileged Gateway Intents (Server Members, Presence, Message Content).`,
    { cause },
  );
}
