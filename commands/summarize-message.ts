import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import type { BotContext } from '../src/discord/context.ts';
import { interactionJob } from '../src/discord/interactions/interaction-job.ts';
import { describeMessage } from '../src/discord/interactions/message-input.ts';
import { acceptSummaryJob } from '../src/discord/jobs/accept-job.ts';
import { ANYWHERE } from '../src/discord/runtime/install.ts';

/** Right-click a message → Apps → Summarize message. Private at first; "Make public" shares it. */
export default {
  data: new ContextMenuCommandBuilder()
    .setName('Summarize message')
    .setType(ApplicationCommandType.Message)
    .setIntegrationTypes(...ANYWHERE.integrationTypes)
    .setContexts(...ANYWHERE.contexts),
  execute: async (interaction: MessageContextMenuCommandInteraction, bot: BotContext) => {
    await acceptSummaryJob(
      interactionJob(interaction, bot, {
        // No options to choose here, and private by design: the server's defaults fill the rest.
        chosen: { ephemeral: true },
        fallback: { language: interaction.locale },
        cooldown: true,
        url: null,
        describe: () => describeMessage(interaction.targetMessage),
      }),
      bot,
    );
  },
} satisfies Command;
