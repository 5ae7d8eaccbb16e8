import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import type { BotContext } from '../src/discord/context.ts';
import { messageToInput } from '../src/discord/message-input.ts';
import { answerWithSummary } from '../src/discord/summary-job.ts';

/** Right-click a message → Apps → Summarize message. Private at first; "Make public" shares it. */
export default {
  data: new ContextMenuCommandBuilder()
    .setName('Summarize message')
    .setType(ApplicationCommandType.Message),
  execute: (interaction: MessageContextMenuCommandInteraction, bot: BotContext) =>
    answerWithSummary(interaction, bot, {
      ephemeral: true,
      length: 'medium',
      style: 'bullets',
      quotesOnly: false,
      language: interaction.locale,
      input: () => messageToInput(interaction.targetMessage, bot),
    }),
} satisfies Command;
