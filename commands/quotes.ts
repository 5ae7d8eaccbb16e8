import type { ChatInputCommandInteraction } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import type { BotContext } from '../src/discord/context.ts';
import {
  buildSummarizeCommand,
  runSummarizeCommand,
} from '../src/discord/interactions/summarize-command.ts';

export default {
  data: buildSummarizeCommand('quotes', 'Key quotes from an article, each checked word for word'),
  execute: (interaction: ChatInputCommandInteraction, bot: BotContext) =>
    runSummarizeCommand(interaction, bot, { quotesOnly: true }),
} satisfies Command;
