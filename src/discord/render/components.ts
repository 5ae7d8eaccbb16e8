import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type MessageActionRowComponentBuilder,
  StringSelectMenuBuilder,
} from 'discord.js';
import { encodeSummaryId, type SummaryState } from './custom-ids.ts';
import { LANGUAGES, SOURCE_LANGUAGE } from './languages.ts';

/** The buttons under a summary; only those that make sense for this reply. */
export function buildSummaryComponents(
  state: SummaryState,
  {
    ephemeral,
    canShare = true,
    canTranslate = true,
  }: { ephemeral: boolean; canShare?: boolean; canTranslate?: boolean },
): ActionRowBuilder<MessageActionRowComponentBuilder>[] {
  const buttons: ButtonBuilder[] = [];
  if (state.length !== 'short') {
    buttons.push(button('shorter', state, 'Shorter', ButtonStyle.Secondary));
  }
  if (state.length !== 'long') {
    buttons.push(button('longer', state, 'Longer', ButtonStyle.Secondary));
  }
  buttons.push(
    state.quotesOnly
      ? button('summary', state, 'Summary', ButtonStyle.Secondary)
      : button('quotes', state, 'Key quotes', ButtonStyle.Secondary),
  );
  if (ephemeral) {
    if (canShare) buttons.push(button('public', state, 'Make public', ButtonStyle.Primary));
  } else {
    // Everyone sees a public reply; the person who asked can take it back.
    buttons.push(button('delete', state, 'Delete', ButtonStyle.Danger));
  }

  const translate = new StringSelectMenuBuilder()
    .setCustomId(encodeSummaryId('translate', state))
    .setPlaceholder('Translate…')
    .addOptions([
      // The way back from a translation: the source's own language.
      { label: 'Original language', value: SOURCE_LANGUAGE },
      ...LANGUAGES.map(({ tag, name }) => ({
        label: name,
        value: tag,
        default: tag === state.language,
      })),
    ]);
  return [
    new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(buttons),
    ...(canTranslate
      ? [new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(translate)]
      : []),
  ];
}

function button(
  action: Parameters<typeof encodeSummaryId>[0],
  state: SummaryState,
  label: string,
  style: ButtonStyle,
): ButtonBuilder {
  return new ButtonBuilder()
    .setCustomId(encodeSummaryId(action, state))
    .setLabel(label)
    .setStyle(style);
}
