import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { ACK_WINDOW_MS, type DiscordState } from './state.ts';
import type { Answer } from './types.ts';

/**
 * POST /interactions/:id/:token/callback, as Discord answers it: one callback per interaction
 * (40060 for a second), 10062 for one it does not know or that waited over 3 s.
 */
export function interactionCallback(
  state: DiscordState,
  token: string,
  id: string,
  body: Record<string, unknown>,
  withResponse: boolean,
): Answer {
  const interaction = state.interactionByToken(token);
  if (
    !interaction ||
    interaction.id !== id ||
    state.now() - interaction.createdAt > ACK_WINDOW_MS
  ) {
    return [404, { message: 'Unknown interaction', code: 10062 }];
  }
  if (interaction.acknowledged) {
    return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
  }
  interaction.acknowledged = true;
  const asked = (body.data ?? {}) as Record<string, unknown>;
  // As Discord does for a user install used where the member lacks Use External Apps.
  const flags = Number(asked.flags ?? 0) | (interaction.forcePrivate ? MessageFlags.Ephemeral : 0);
  const data = { ...asked, flags };
  switch (body.type) {
    case InteractionResponseType.ChannelMessageWithSource:
      interaction.ephemeral = (flags & MessageFlags.Ephemeral) !== 0;
      interaction.original = state.botMessage(interaction.channelId, data, interaction);
      break;
    case InteractionResponseType.DeferredChannelMessageWithSource:
      interaction.ephemeral = (flags & MessageFlags.Ephemeral) !== 0;
      interaction.original = state.botMessage(
        interaction.channelId,
        { flags: flags | MessageFlags.Loading },
        interaction,
      );
      break;
    case InteractionResponseType.DeferredMessageUpdate:
      interaction.original = interaction.componentMessage;
      break;
    case InteractionResponseType.UpdateMessage:
      interaction.original = interaction.componentMessage;
      if (interaction.original) state.applyEdit(interaction.original, data);
      break;
    case InteractionResponseType.Modal:
      state.modals.set(token, data);
      break;
  }
  if (!withResponse) return [204, null];
  return [
    200,
    {
      interaction: {
        id,
        type: 2,
        activity_instance_id: null,
        response_message_id: interaction.original?.id ?? null,
        response_message_loading: false,
        response_message_ephemeral: interaction.ephemeral,
      },
      resource: interaction.original
        ? { type: body.type, message: interaction.original }
        : { type: body.type },
    },
  ];
}
