import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import type { SummaryState } from '../render/custom-ids.ts';

type SummaryComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

/**
 * A custom id comes back from the presser's client, which can send any text. It is believed only
 * when Discord's copy of the message (sent with every press, as it is now) carries that very id:
 * then the bot wrote it, with the source and options of that reply, and nothing in it was edited.
 */
export function idIsOnMessage(interaction: SummaryComponentInteraction): boolean {
  return interaction.message.components.some(
    (row) =>
      'components' in row &&
      row.components.some((c) => 'customId' in c && c.customId === interaction.customId),
  );
}

/**
 * Who a reply's buttons belong to: the user Discord stamps on a message an interaction made (the
 * one who ran the command or pressed the button), which nobody can edit, survives a restart and
 * needs no table. An auto-summary post was made by no interaction; there the owner is the link's
 * poster, as the bot wrote it into the post's own ids (trusted only after `idIsOnMessage`).
 */
export function buttonOwner(interaction: SummaryComponentInteraction, state: SummaryState): string {
  return interaction.message.interactionMetadata?.user.id ?? state.ownerId;
}
