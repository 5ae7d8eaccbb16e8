import { UserError } from '../../shared/errors.ts';
import type { GuildSettings } from '../../store/index.ts';
import { SOURCE_LANGUAGE } from '../render/languages.ts';
import type { OptionName, SummaryOptions } from '../summary/job-types.ts';
import { domainRefusal } from './domains.ts';

/** A server's rules for summary jobs; outside a server (settings null) nothing is refused. */
export interface ServerRules {
  /** The prompt version the server pins, or null for the active one. */
  prompt: string | null;
  withDefaults(options: SummaryOptions, given: (name: OptionName) => boolean): SummaryOptions;
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
      withDefaults: (options) => options,
      checkDomain: () => {},
      server: null,
    };
  }
  const { guildId, settings } = server;
  return {
    prompt: settings.promptPin,
    withDefaults: (options, given) => withServerDefaults(options, settings, given),
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

/** Server defaults stand in only for options the user did not give. */
function withServerDefaults(
  options: SummaryOptions,
  settings: GuildSettings,
  given: (name: OptionName) => boolean,
): SummaryOptions {
  const language =
    given('language') || settings.language === null
      ? options.language
      : settings.language === SOURCE_LANGUAGE
        ? null
        : settings.language;
  return {
    ...options,
    length: given('length') ? options.length : settings.length,
    style: given('style') ? options.style : settings.style,
    ephemeral: given('private') ? options.ephemeral : settings.privateReplies,
    language,
  };
}
