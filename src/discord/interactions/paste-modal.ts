import {
  LabelBuilder,
  ModalBuilder,
  type ModalSubmitInteraction,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { UserError } from '../../shared/errors.ts';
import {
  type ChosenOptions,
  OPTION_NAMES,
  type OptionName,
  resolveJobOptions,
} from '../../shared/options.ts';
import type { BotContext } from '../context.ts';
import { acceptSummaryJob } from '../jobs/accept-job.ts';
import { LIMITS } from '../render/limits.ts';
import { interactionJob } from './interaction-job.ts';
import { decodeModalId, encodeModalId, type ModalState } from './modal-ids.ts';

const TEXT_FIELD = 'text';
/** Discord caps one text input at 4,000 characters; a second one lets the form hold more than the 6,000 of the `text` option. */
const MORE_FIELD = 'more';
const TITLE_FIELD = 'title';

/**
 * /summarize or /quotes with no input: a form to paste long text into. Its id carries the
 * options and which of them the user chose, so the server's defaults still fill the others.
 */
export function buildPasteModal(chosen: ChosenOptions, fallback: ChosenOptions): ModalBuilder {
  const state: ModalState = {
    ...resolveJobOptions(chosen, fallback),
    given: OPTION_KEYS.filter(([, key]) => chosen[key] !== undefined).map(([name]) => name),
  };
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
        .setLabel('More text (if it did not fit above)')
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(MORE_FIELD)
            .setStyle(TextInputStyle.Paragraph)
            .setMaxLength(LIMITS.modalTextInput)
            .setRequired(false),
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
  const more = optionalField(interaction, MORE_FIELD);
  const first = interaction.fields.getTextInputValue(TEXT_FIELD);
  const text = more ? `${first}\n${more}` : first;
  const title = optionalField(interaction, TITLE_FIELD);
  await acceptSummaryJob(
    interactionJob(interaction, bot, {
      ...chosenFromForm(state),
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

const OPTION_KEYS = Object.entries(OPTION_NAMES) as [OptionName, keyof ChosenOptions][];

/**
 * The form's options as they were when it opened: the chosen ones, and the Discord language as
 * the fallback (a form from before the chosen ones were recorded counts them all as chosen).
 */
function chosenFromForm(state: ModalState): { chosen: ChosenOptions; fallback: ChosenOptions } {
  const { given, ...options } = state;
  const chosen: ChosenOptions = { quotesOnly: options.quotesOnly };
  const fallback: ChosenOptions = {};
  for (const [name, key] of OPTION_KEYS) {
    const target = given === undefined || given.includes(name) ? chosen : fallback;
    // Only the language falls back to the form's value; the schema fills the others again.
    if (target === chosen || key === 'language') Object.assign(target, { [key]: options[key] });
  }
  return { chosen, fallback };
}
