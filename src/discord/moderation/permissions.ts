import { type ChatInputCommandInteraction, PermissionFlagsBits } from 'discord.js';
import { UserError } from '../../shared/errors.ts';

/**
 * default_member_permissions only hides a command: a server can override it for any role or
 * member, so moderator commands check the member's permissions again when they run.
 */
export function requireManageGuild(interaction: ChatInputCommandInteraction): string {
  if (!interaction.inGuild()) {
    throw new UserError('not_allowed', 'This command works only in a server.');
  }
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserError(
      'not_allowed',
      'Only members with the Manage Server permission can use this command.',
    );
  }
  return interaction.guildId;
}
