import type { Interaction } from 'discord.js';
import type { BotContext } from '../context.ts';
import type { InteractionHandler } from '../interaction-handlers.ts';
import { RecentIds } from './recent-ids.ts';
import { interactionContext, replyWithError } from './reply-with-error.ts';

/**
 * Sends each interaction to the first handler that accepts it; every failure goes through
 * replyWithError. The returned function never rejects, so a listener can call it without
 * awaiting.
 */
export function createInteractionRouter(handlers: readonly InteractionHandler[], bot: BotContext) {
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
      const handler = handlers.find((candidate) => candidate.canHandle(interaction));
      if (handler) await handler.run(interaction, scoped);
      else if (interaction.isRepliable()) throw new Error('no handler for this interaction');
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
