import {
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandInteractionMetadata,
  type APIAttachment,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentInteraction,
  type APIMessageInteractionMetadata,
  type APIModalSubmitInteraction,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
} from 'discord-api-types/v10';
import { DEFAULT_BOT_PERMISSIONS, MEMBER_PERMISSIONS, makeMember, nextId } from './payloads.ts';
import type { DiscordState } from './state.ts';
import type { OptionValue, SlashOptions } from './types.ts';

/**
 * Complete INTERACTION_CREATE payloads as Discord sends them (discord.js crashes on missing
 * fields), built from what the fake knows and what a test asks for.
 */

function baseInteraction(state: DiscordState, extra: SlashOptions) {
  const user = extra.user ?? state.user;
  if (extra.dm) return dmInteraction(state, user, extra);
  const guildId = extra.guildId ?? state.guildId;
  const channelId = extra.channelId ?? state.channelOf(guildId);
  const permissions = state.appPermissions.get(channelId) ?? DEFAULT_BOT_PERMISSIONS;
  return {
    ...commonFields(state, extra),
    guild_id: guildId,
    guild: { id: guildId, locale: Locale.EnglishUS, features: [] },
    channel_id: channelId,
    channel: {
      id: channelId,
      type: ChannelType.GuildText as const,
      name: 'general',
      guild_id: guildId,
    },
    member: {
      ...makeMember(user, []),
      user,
      permissions: String(extra.memberPermissions ?? MEMBER_PERMISSIONS),
    },
    app_permissions: String(permissions),
    guild_locale: Locale.EnglishUS,
    authorizing_integration_owners: owners(extra.install ?? 'guild', guildId, user.id),
    context: InteractionContextType.Guild,
  };
}

/** What every interaction carries, wherever it comes from. */
function commonFields(state: DiscordState, extra: SlashOptions) {
  return {
    id: extra.id ?? nextId(),
    application_id: state.applicationId,
    token: extra.token ?? `tok-${nextId()}`,
    version: 1 as const,
    locale: extra.locale ?? Locale.EnglishUS,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

/** `authorizing_integration_owners` as Discord fills it: who installed the app, by type. */
function owners(install: 'guild' | 'user' | 'both', guildId: string, userId: string) {
  return {
    ...(install === 'user' ? {} : { [ApplicationIntegrationType.GuildInstall]: guildId }),
    ...(install === 'guild' ? {} : { [ApplicationIntegrationType.UserInstall]: userId }),
  };
}

/** From the user's DM with the bot: `user` instead of `member`, and no guild. */
function dmInteraction(state: DiscordState, user: APIUser, extra: SlashOptions) {
  const channelId = extra.channelId ?? state.dmChannelOf(user.id);
  return {
    ...commonFields(state, extra),
    channel_id: channelId,
    channel: {
      id: channelId,
      type: ChannelType.DM as const,
      recipients: [user],
      last_message_id: null,
      flags: 0,
    },
    user,
    app_permissions: String(DEFAULT_BOT_PERMISSIONS),
    // In the bot's DM a server install is "0"; a user install names the user.
    authorizing_integration_owners:
      extra.install === 'guild'
        ? { [ApplicationIntegrationType.GuildInstall]: '0' }
        : { [ApplicationIntegrationType.UserInstall]: user.id },
    context: InteractionContextType.BotDM,
  };
}

function resolvedChannel(id: string) {
  return {
    id,
    type: ChannelType.GuildText as const,
    name: 'general',
    permissions: String(MEMBER_PERMISSIONS),
  };
}

/** A chat-input command; options are typed from their values. */
export function slashInteraction(
  state: DiscordState,
  name: string,
  options: Record<string, OptionValue>,
  extra: SlashOptions,
): APIChatInputApplicationCommandInteraction {
  const attachments: Record<string, APIAttachment> = {};
  const channels: Record<string, ReturnType<typeof resolvedChannel>> = {};
  const valueOptions: APIApplicationCommandInteractionDataOption[] = Object.entries(options).map(
    ([optionName, value]) => {
      if (typeof value === 'object' && 'channel' in value) {
        channels[value.channel] = resolvedChannel(value.channel);
        return {
          name: optionName,
          type: ApplicationCommandOptionType.Channel,
          value: value.channel,
        };
      }
      if (typeof value === 'string')
        return { name: optionName, type: ApplicationCommandOptionType.String, value };
      if (typeof value === 'boolean')
        return { name: optionName, type: ApplicationCommandOptionType.Boolean, value };
      if (typeof value === 'number')
        return { name: optionName, type: ApplicationCommandOptionType.Integer, value };
      attachments[value.id] = value;
      return { name: optionName, type: ApplicationCommandOptionType.Attachment, value: value.id };
    },
  );
  const dataOptions: APIApplicationCommandInteractionDataOption[] = extra.subcommand
    ? [
        {
          name: extra.subcommand,
          type: ApplicationCommandOptionType.Subcommand,
          options: valueOptions as APIApplicationCommandInteractionDataBasicOption[],
        },
      ]
    : valueOptions;
  const resolved = {
    ...(Object.keys(attachments).length > 0 ? { attachments } : {}),
    ...(Object.keys(channels).length > 0 ? { channels } : {}),
  };
  return {
    ...baseInteraction(state, extra),
    type: InteractionType.ApplicationCommand,
    data: {
      id: nextId(),
      name,
      type: ApplicationCommandType.ChatInput,
      options: dataOptions,
      ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
    },
  };
}

/** A message context-menu command on `target`. */
export function messageCommandInteraction(
  state: DiscordState,
  name: string,
  target: APIMessage,
  extra: SlashOptions,
): APIMessageApplicationCommandInteraction {
  return {
    ...baseInteraction(state, extra),
    type: InteractionType.ApplicationCommand,
    data: {
      id: nextId(),
      name,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  };
}

/**
 * A button press (or, with `values`, a string-select pick) on `message`. Discord sends the
 * message as it is now, after any edits, whatever copy the test holds.
 */
export function componentInteraction(
  state: DiscordState,
  customId: string,
  message: APIMessage,
  extra: SlashOptions,
  values?: string[],
): APIMessageComponentInteraction {
  return {
    ...baseInteraction(state, extra),
    type: InteractionType.MessageComponent,
    message: structuredClone(state.messages.get(message.id) ?? message),
    data: values
      ? { custom_id: customId, component_type: ComponentType.StringSelect, values }
      : { custom_id: customId, component_type: ComponentType.Button },
  };
}

/** A modal submit with text-input values by custom id (sent as Label components). */
export function modalSubmitInteraction(
  state: DiscordState,
  customId: string,
  fields: Record<string, string>,
  extra: SlashOptions,
): APIModalSubmitInteraction {
  return {
    ...baseInteraction(state, extra),
    type: InteractionType.ModalSubmit,
    data: {
      custom_id: customId,
      components: Object.entries(fields).map(([fieldId, value], index) => ({
        type: ComponentType.Label,
        id: index * 2 + 1,
        component: {
          type: ComponentType.TextInput,
          id: index * 2 + 2,
          custom_id: fieldId,
          value,
        },
      })),
    },
  };
}

/**
 * What Discord records on every message an interaction's response makes (the reply, its edits
 * and follow-ups): who ran the interaction, and which kind it was. Nobody can edit it.
 */
export function interactionMetadataOf(interaction: APIInteraction): APIMessageInteractionMetadata {
  const user = interaction.member?.user ?? interaction.user;
  if (!user) throw new Error('an interaction without a user');
  const base = {
    id: interaction.id,
    user,
    authorizing_integration_owners: interaction.authorizing_integration_owners,
  };
  const command: APIApplicationCommandInteractionMetadata = {
    ...base,
    type: InteractionType.ApplicationCommand,
  };
  switch (interaction.type) {
    case InteractionType.MessageComponent:
      return {
        ...base,
        type: InteractionType.MessageComponent,
        interacted_message_id: interaction.message.id,
      };
    case InteractionType.ModalSubmit:
      // The fake does not track what opened the modal: the commands that do are slash commands.
      return {
        ...base,
        type: InteractionType.ModalSubmit,
        triggering_interaction_metadata: { ...command, id: nextId() },
      };
    default:
      return command;
  }
}
