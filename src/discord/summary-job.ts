import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Length, Style, SummarizeInput } from '../core/schemas.ts';
import type { BotContext } from './context.ts';
import { buildSummaryReply, embedsAllowed } from './summary-reply.ts';

export type SummaryInteraction =
  | ChatInputCommandInteraction
  | MessageContextMenuCommandInteraction
  | ModalSubmitInteraction
  | ButtonInteraction
  | StringSelectMenuInteraction;

export interface SummaryRequest {
  ephemeral: boolean;
  length: Length;
  style: Style;
  language: string | null;
  quotesOnly: boolean;
  /** Runs after the interaction is acknowledged: downloads belong here, not before. */
  input(): Promise<SummarizeInput>;
}

/** Acknowledge first (Discord allows 3 s), then summarize and edit the reply. */
export async function answerWithSummary(
  interaction: SummaryInteraction,
  bot: BotContext,
  request: SummaryRequest,
): Promise<void> {
  await interaction.deferReply(request.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const input = await request.input();
  const result = await bot.pipeline.summarize(
    input,
    {
      length: request.length,
      style: request.style,
      language: request.language,
      quotesOnly: request.quotesOnly,
    },
    { signal: AbortSignal.timeout(bot.jobDeadlineMs) },
  );
  await interaction.editReply(
    buildSummaryReply(result, {
      ownerId: interaction.user.id,
      language: request.language,
      quotesOnly: request.quotesOnly,
      ephemeral: request.ephemeral,
      canEmbed: embedsAllowed(interaction, bot),
    }),
  );
}
