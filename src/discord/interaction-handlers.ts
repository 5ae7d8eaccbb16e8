import type { Interaction } from 'discord.js';
import type { Command } from './command.ts';
import type { BotContext } from './context.ts';
import { handleSummaryComponent } from './interactions/buttons.ts';
import { isModalId } from './interactions/modal-ids.ts';
import { handlePasteModal } from './interactions/paste-modal.ts';
import { isSummaryId } from './render/custom-ids.ts';

/**
 * One kind of interaction and what answers it: `canHandle` looks at the interaction alone, and
 * the router runs the first handler that accepts it. A new kind of component is one handler
 * and a line in the list below; the router imports none of them.
 */
export interface InteractionHandler {
  /** As logs name it. */
  id: string;
  canHandle(interaction: Interaction): boolean;
  run(interaction: Interaction, bot: BotContext): Promise<void>;
}

/** Slash and context-menu commands, by name, from commands/. */
export function commandHandler(commands: Map<string, Command>): InteractionHandler {
  return {
    id: 'command',
    canHandle: (interaction) =>
      interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand(),
    async run(interaction, bot) {
      if (!interaction.isChatInputCommand() && !interaction.isMessageContextMenuCommand()) return;
      const command = commands.get(interaction.commandName);
      if (!command) throw new Error(`no handler for command "${interaction.commandName}"`);
      await command.execute(interaction, bot);
    },
  };
}

/** A summary's buttons and language menu: Shorter, Longer, Translate, Key quotes, Make public. */
const summaryComponents: InteractionHandler = {
  id: 'summary-component',
  canHandle: (interaction) =>
    (interaction.isButton() || interaction.isStringSelectMenu()) &&
    isSummaryId(interaction.customId),
  async run(interaction, bot) {
    if (interaction.isButton() || interaction.isStringSelectMenu()) {
      await handleSummaryComponent(interaction, bot);
    }
  },
};

/** The form /summarize and /quotes open to paste long text into. */
const pasteModal: InteractionHandler = {
  id: 'paste-modal',
  canHandle: (interaction) => interaction.isModalSubmit() && isModalId(interaction.customId),
  async run(interaction, bot) {
    if (interaction.isModalSubmit()) await handlePasteModal(interaction, bot);
  },
};

/** Every interaction the bot answers, commands first. */
export function interactionHandlers(commands: Map<string, Command>): InteractionHandler[] {
  return [commandHandler(commands), summaryComponents, pasteModal];
}
