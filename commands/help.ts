import { type ChatInputCommandInteraction, MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import type { BotContext } from '../src/discord/context.ts';
import { buildHelpText } from '../src/discord/render/help-text.ts';
import { ANYWHERE } from '../src/discord/runtime/install.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('What Precis does, what it stores, and its limits')
    .setIntegrationTypes(...ANYWHERE.integrationTypes)
    .setContexts(...ANYWHERE.contexts),
  // No I/O here, so a direct reply is the acknowledgement.
  execute: async (interaction: ChatInputCommandInteraction, bot: BotContext) => {
    await interaction.reply({
      // What is kept, and for how long, follows the operator's ARTICLE_TEXT_TTL_HOURS.
      content: buildHelpText(bot.textTtlHours),
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  },
} satisfies Command;
