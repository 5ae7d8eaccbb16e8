import { UserError } from '../../shared/errors.ts';
import type { ChosenOptions } from '../../shared/options.ts';
import type { GuildSettings } from '../../store/index.ts';
import { SOURCE_LANGUAGE } from '../render/languages.ts';
import { domainRefusal } from './domains.ts';

/** A server's rules for summary jobs; outside a server (settings null) nothing is refused. */
export interface ServerRules {
  /** The prompt version the server pins, or null for the active one. */
  prompt: string | null;
  /** The server's defaults, standing in for the options a user did not choose. */
  defaults: ChosenOptions;
  /** Refuses a link the server's domain lists do not allow (UserError). */
  checkDomain(url: string): void;
  /** The server whose cooldown and budget the job meets (see reserveJobUsage); null outside one. */
  server: { guildId: string; settings: GuildSettings } | null;
}

export function serverRules(
  server: { guildId: string; settings: GuildSettings } | null,
): ServerRules {
  if (!server) {
    return {
      prompt: null,
      defaults: {},
      checkDomain: () => {},
      server: null,
    };
  }
  const { guildId, settings } = server;
  return {
    prompt: settings.promptPin,
    defaults: serverDefaults(settings),
    checkDomain(url) {
      const refusal = domainRefusal(settings, url);
      if (refusal) {
        throw new UserError(
          'domain_blocked',
          `Precis does not summarize this link here: ${refusal}.`,
        );
      }
    },
    server: { guildId, settings },
  };
}

/** A server's settings as options; a server without a language of its own leaves it unset. */
function serverDefaults(settings: GuildSettings): ChosenOptions {
  return {
    length: settings.length,
    style: settings.style,
    ephemeral: settings.privateReplies,
    ...(settings.language === null
      ? {}
      : { language: settings.language === SOURCE_LANGUAGE ? null : settings.language }),
  };
}
