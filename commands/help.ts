import { type ChatInputCommandInteraction, MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { HELP_TEXT } from '../src/discord/help-text.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('What Precis does, what it stores, and its limits'),
  // No I/O here, so a direct reply is the acknowledgement.
  execute: async (interaction: ChatInputCommandInteraction) => {
    await interaction.reply({
      content: HELP_TEXT,
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  },
} satisfies Command;
