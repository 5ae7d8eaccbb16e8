import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { JobContext } from '../../core/pipeline.ts';
import type { Length, Result, Style, SummarizeInput } from '../../core/schemas.ts';
import type { BotContext } from '../context.ts';
// Issue 5: server defaults, domain lists, cooldown, budget and the usage ledger.
import { applyServerRules, recordJobUsage } from '../moderation/job-rules.ts';
import { recordFinishedJob } from './job-log.ts';
import { buildSummaryReply, embedsAllowed } from './reply.ts';

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

/** The job's deadline, and whom its model calls are queued under for fairness. */
export function jobContext(interaction: SummaryInteraction, bot: BotContext): JobContext {
  return {
    signal: AbortSignal.timeout(bot.jobDeadlineMs),
    // Model calls are shared fairly between servers (and between users in DMs).
    queueKey: interaction.guildId ?? interaction.user.id,
  };
}

/** Acknowledge first (Discord allows 3 s), then summarize and edit the reply. */
export async function answerWithSummary(
  interaction: SummaryInteraction,
  bot: BotContext,
  asked: SummaryRequest,
): Promise<void> {
  // Issue 5: server defaults (cached settings: this runs before the acknowledgement) and domains.
  const { request, prompt, checkLimits } = await applyServerRules(interaction, bot, asked);
  const startedAt = performance.now();
  let result: Result | undefined;
  try {
    await interaction.deferReply(request.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    await checkLimits();
    const input = await request.input();
    result = await bot.pipeline.summarize(
      input,
      {
        length: request.length,
        style: request.style,
        language: request.language,
        quotesOnly: request.quotesOnly,
        ...(prompt ? { prompt } : {}),
      },
      jobContext(interaction, bot),
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
    await recordJobUsage(interaction, bot, result);
    recordFinishedJob(interaction, bot, { startedAt, result });
  } catch (error) {
    recordFinishedJob(interaction, bot, { startedAt, result, error });
    throw error;
  }
}
