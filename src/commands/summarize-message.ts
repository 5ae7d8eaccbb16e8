import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Command } from '../discord/command.ts';
import type { BotContext } from '../discord/context.ts';
import { answerWithSummary } from '../discord/summary/job.ts';
import { messageToInput } from '../discord/summary/message-input.ts';

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
