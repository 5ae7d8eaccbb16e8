import {
  type ChatInputCommandInteraction,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import type { BotContext } from '../src/discord/context.ts';
import { requireManageGuild } from '../src/discord/moderation/permissions.ts';
import { requireStore } from '../src/discord/moderation/setup-changes.ts';
import { renderUsageEmbed } from '../src/discord/moderation/usage-embed.ts';
import { SERVER_ONLY } from '../src/discord/runtime/install.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('usage')
    .setDescription("This server's summaries: tokens, estimated cost, cache hits (Manage Server)")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setIntegrationTypes(...SERVER_ONLY.integrationTypes)
    .setContexts(...SERVER_ONLY.contexts)
    .addIntegerOption((o) =>
      o
        .setName('days')
        .setDescription('How many days back, today included (default 7)')
        .setMinValue(1)
        .setMaxValue(90),
    ),
  execute: async (interaction: ChatInputCommandInteraction, bot: BotContext) => {
    const guildId = requireManageGuild(interaction);
    const store = requireStore(bot);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const days = interaction.options.getInteger('days') ?? 7;
    const report = await store.usageReport(guildId, { days });
    await interaction.editReply({
      embeds: [renderUsageEmbed(report, days)],
      allowedMentions: { parse: [] },
    });
  },
} satisfies Command;
