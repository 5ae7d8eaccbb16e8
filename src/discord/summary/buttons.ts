import { type ButtonInteraction, MessageFlags, type StringSelectMenuInteraction } from 'discord.js';
import { UserError } from '../../core/errors.ts';
import type { Length, Result } from '../../core/schemas.ts';
import type { BotContext } from '../context.ts';
import { checkFollowUpBudget, recordJobUsage } from '../moderation/job-rules.ts';
import { LANGUAGES } from '../render/languages.ts';
import { decodeSummaryId, type SummaryAction, type SummaryState } from './custom-ids.ts';
import { jobContext } from './job.ts';
import { recordFinishedJob } from './job-log.ts';
import { buildSummaryReply, embedsAllowed } from './reply.ts';

const SHORTER: Record<Length, Length> = { short: 'short', medium: 'short', long: 'medium' };
const LONGER: Record<Length, Length> = { short: 'medium', medium: 'long', long: 'long' };

/**
 * Shorter, Longer, Translate, Key quotes, Summary and Make public. Everything needed is in the
 * custom id, and the source is re-read from the pipeline's cache by its sha256, so the buttons
 * work after a restart. The person who asked changes the message in place; on a public reply
 * anyone else may press too, and gets their own private version instead.
 */
export async function handleSummaryComponent(
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  bot: BotContext,
): Promise<void> {
  const decoded = decodeSummaryId(interaction.customId);
  if (!decoded) {
    throw new UserError(
      'invalid_input',
      'This button belongs to an older reply. Run the command again.',
    );
  }
  const { action, state } = decoded;
  const messageIsEphemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  const isOwner = interaction.user.id === state.ownerId;
  if (!isOwner && (messageIsEphemeral || action === 'public')) {
    throw new UserError('not_allowed', 'Only the person who asked can use these buttons.');
  }
  if (action === 'public' && !messageIsEphemeral) {
    throw new UserError('invalid_input', 'This reply is already public.');
  }
  const next = nextState(action, state, interaction.isStringSelectMenu() ? interaction.values : []);

  let ephemeral: boolean;
  if (action === 'public') {
    // A new public message; the private one stays as it was.
    await interaction.deferReply();
    ephemeral = false;
  } else if (isOwner) {
    await interaction.deferUpdate();
    ephemeral = messageIsEphemeral;
  } else {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    ephemeral = true;
  }
  const startedAt = performance.now();
  let result: Result | undefined;
  try {
    await checkFollowUpBudget(interaction, bot);
    result = await bot.pipeline.resummarize(
      next.sha256,
      {
        length: next.length,
        style: next.style,
        language: next.language,
        quotesOnly: next.quotesOnly,
      },
      jobContext(interaction, bot),
    );
    await interaction.editReply(
      buildSummaryReply(result, {
        ownerId: interaction.user.id,
        language: next.language,
        quotesOnly: next.quotesOnly,
        ephemeral,
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

function nextState(action: SummaryAction, state: SummaryState, values: string[]): SummaryState {
  switch (action) {
    case 'shorter':
      return { ...state, length: SHORTER[state.length] };
    case 'longer':
      return { ...state, length: LONGER[state.length] };
    case 'quotes':
      return { ...state, quotesOnly: true };
    case 'summary':
      return { ...state, quotesOnly: false };
    case 'translate': {
      const language = LANGUAGES.find((l) => l.tag === values[0])?.tag;
      if (!language) throw new UserError('invalid_input', 'Pick a language from the list.');
      return { ...state, language };
    }
    case 'public':
      return state;
  }
}
