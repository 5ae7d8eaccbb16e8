import type { ChatInputCommandInteraction } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import type { BotContext } from '../src/discord/context.ts';
import {
  buildSummarizeCommand,
  runSummarizeCommand,
} from '../src/discord/interactions/summarize-command.ts';

export default {
  data: buildSummarizeCommand('summarize', 'Summarize an article: a link, pasted text or a file'),
  execute: (interaction: ChatInputCommandInteraction, bot: BotContext) =>
    runSummarizeCommand(interaction, bot, { quotesOnly: false }),
} satisfies Command;
