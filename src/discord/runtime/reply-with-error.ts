import { type Interaction, MessageFlags, type RepliableInteraction } from 'discord.js';
import type { Logger } from 'pino';
import { describeUserError, isUserError } from '../../shared/errors.ts';
import { LIMITS, truncate } from '../render/limits.ts';
import { breakMentions } from '../render/markdown.ts';

const GENERIC =
  'Something went wrong on our side while answering this. It has been logged; please try again in a moment.';

/** Who, where and what, for every log line about an interaction. */
export function interactionContext(interaction: Interaction): Record<string, unknown> {
  return {
    interactionId: interaction.id,
    kind: interaction.type,
    command: interaction.isCommand() ? interaction.commandName : undefined,
    customId:
      interaction.isMessageComponent() || interaction.isModalSubmit()
        ? interaction.customId
        : undefined,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
  };
}

/** What the user reads about a failure; error messages can quote their input, so no mention renders. */
export function errorReplyContent(error: unknown): string {
  return truncate(
    breakMentions(isUserError(error) ? describeUserError(error) : GENERIC),
    LIMITS.content,
  );
}

/** A UserError is the user's to fix (info); anything else is a bug, logged with its stack. */
export function logFailure(logger: Logger, context: Record<string, unknown>, error: unknown): void {
  if (isUserError(error)) {
    logger.info({ ...context, code: error.code, details: error.details }, 'user error');
  } else {
    logger.error({ ...context, err: error }, 'interaction failed');
  }
}

/**
 * The one error path. A UserError becomes a short ephemeral message saying what to do next; a
 * bug is logged with context and the user still gets a generic answer. Which call carries the
 * message depends on how far the interaction got.
 */
export async function replyWithError(
  interaction: RepliableInteraction,
  error: unknown,
  logger: Logger,
): Promise<void> {
  const context = interactionContext(interaction);
  logFailure(logger, context, error);
  const message = {
    content: errorReplyContent(error),
    allowedMentions: { parse: [] },
    embeds: [],
    components: [],
  };
  try {
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
    } else if (interaction.deferred && !interaction.replied && interaction.ephemeral === true) {
      await interaction.editReply(message);
    } else if (interaction.deferred && !interaction.replied && interaction.ephemeral === false) {
      // A public "thinking…" placeholder: remove it so the error is seen only by the user.
      await interaction.deleteReply();
      await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    } else {
      // Already answered, or deferUpdate on a button (ephemeral is null): keep the message.
      await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    }
  } catch (replyError) {
    logger.warn({ ...context, err: replyError }, 'could not tell the user about an error');
  }
}
