import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type PermissionsBitField,
} from 'discord.js';

/**
 * Where a command can be installed and used. Reading commands work wherever someone can point
 * at an article: a server that installed the app, and a user's own install (DMs with the bot,
 * group DMs, servers that never added it). Server administration needs the server's install.
 */
export const ANYWHERE = {
  integrationTypes: [
    ApplicationIntegrationType.GuildInstall,
    ApplicationIntegrationType.UserInstall,
  ],
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
} as const;

export const SERVER_ONLY = {
  integrationTypes: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
} as const;

/**
 * Whether the server the interaction came from installed the app itself. A user's own install
 * used in someone else's server is not: that server's rules (defaults, limits, domain lists)
 * are not its to apply, and the bot is not a member there.
 */
export function installedInServer(interaction: {
  guildId: string | null;
  authorizingIntegrationOwners: { [ApplicationIntegrationType.GuildInstall]?: string };
}): boolean {
  return (
    interaction.guildId !== null &&
    interaction.authorizingIntegrationOwners[ApplicationIntegrationType.GuildInstall] ===
      interaction.guildId
  );
}

/**
 * Discord shows a user install's answers only to the user in a server where they lack Use
 * External Apps, whatever the bot asks for. Knowing it, the reply is private from the start
 * and offers no Make public that could not work.
 */
export function forcedPrivate(interaction: {
  guildId: string | null;
  authorizingIntegrationOwners: { [ApplicationIntegrationType.GuildInstall]?: string };
  memberPermissions: Readonly<PermissionsBitField> | null;
}): boolean {
  return (
    interaction.guildId !== null &&
    !installedInServer(interaction) &&
    !(interaction.memberPermissions?.has(PermissionFlagsBits.UseExternalApps) ?? true)
  );
}
