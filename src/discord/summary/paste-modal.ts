import {
  LabelBuilder,
  ModalBuilder,
  type ModalSubmitInteraction,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { UserError } from '../../core/errors.ts';
import type { BotContext } from '../context.ts';
import { LIMITS } from '../render/limits.ts';
import { decodeModalId, encodeModalId, type ModalState } from './custom-ids.ts';
import { interactionJob } from './interaction-job.ts';
import { acceptSummaryJob } from './job.ts';

const TEXT_FIELD = 'text';
const TITLE_FIELD = 'title';

/** /summarize or /quotes with no input: a form to paste long text into. */
export function buildPasteModal(state: ModalState): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(encodeModalId(state))
    .setTitle(state.quotesOnly ? 'Key quotes from pasted text' : 'Summarize pasted text')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('Article text')
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(TEXT_FIELD)
            .setStyle(TextInputStyle.Paragraph)
            .setMinLength(1)
            .setMaxLength(LIMITS.modalTextInput)
            .setRequired(true),
        ),
      new LabelBuilder()
        .setLabel('Title (optional)')
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(TITLE_FIELD)
            .setStyle(TextInputStyle.Short)
            .setMaxLength(200)
            .setRequired(false),
        ),
    );
}

export async function handlePasteModal(
  interaction: ModalSubmitInteraction,
  bot: BotContext,
): Promise<void> {
  const state = decodeModalId(interaction.customId);
  if (!state)
    throw new UserError(
      'invalid_input',
      'This form belongs to an older version. Run the command again.',
    );
  const text = interaction.fields.getTextInputValue(TEXT_FIELD);
  const title = optionalField(interaction, TITLE_FIELD);
  await acceptSummaryJob(
    interactionJob(interaction, bot, {
      options: state,
      // The form carries the choices made when it was opened.
      given: () => true,
      cooldown: true,
      url: null,
      describe: () => ({ kind: 'text', text, title }),
    }),
    bot,
  );
}

function optionalField(interaction: ModalSubmitInteraction, id: string): string | null {
  if (!interaction.fields.fields.has(id)) return null;
  const value = interaction.fields.getTextInputValue(id).trim();
  return value.length > 0 ? value : null;
}
