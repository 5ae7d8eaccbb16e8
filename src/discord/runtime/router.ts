import type { Interaction } from 'discord.js';
import type { Command } from '../command.ts';
import type { BotContext } from '../context.ts';
import { handleSummaryComponent } from '../summary/buttons.ts';
import { isModalId, isSummaryId } from '../summary/custom-ids.ts';
import { handlePasteModal } from '../summary/paste-modal.ts';
import { RecentIds } from './recent-ids.ts';
import { interactionContext, replyWithError } from './reply-with-error.ts';

/**
 * Sends each interaction to its handler; every failure goes through replyWithError. The
 * returned function never rejects, so a listener can call it without awaiting.
 */
export function createInteractionRouter(commands: Map<string, Command>, bot: BotContext) {
  const seen = new RecentIds();
  return async function route(interaction: Interaction): Promise<void> {
    if (!seen.add(interaction.id)) {
      bot.logger.warn(interactionContext(interaction), 'duplicate interaction ignored');
      return;
    }
    // Every line logged while answering this interaction carries its id.
    const scoped: BotContext = {
      ...bot,
      logger: bot.logger.child({ interactionId: interaction.id }),
    };
    try {
      if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
        const command = commands.get(interaction.commandName);
        if (!command) throw new Error(`no handler for command "${interaction.commandName}"`);
        await command.execute(interaction, scoped);
      } else if (
        (interaction.isButton() || interaction.isStringSelectMenu()) &&
        isSummaryId(interaction.customId)
      ) {
        await handleSummaryComponent(interaction, scoped);
      } else if (interaction.isModalSubmit() && isModalId(interaction.customId)) {
        await handlePasteModal(interaction, scoped);
      } else if (interaction.isRepliable()) {
        throw new Error('no handler for this interaction');
      }
    } catch (error) {
      if (interaction.isRepliable()) {
        await replyWithError(interaction, error, scoped.logger);
      } else {
        scoped.logger.error(
          { ...interactionContext(interaction), err: error },
          'interaction failed',
        );
      }
    }
  };
}
