import {
  type APIAttachment,
  type APIEmbed,
  type APIGuildMember,
  type APIGuildTextChannel,
  type APIMessage,
  type APIRole,
  type APIUser,
  type ChannelFlags,
  ChannelType,
  type GatewayGuildCreateDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  type GuildMemberFlags,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  MessageType,
  PermissionFlagsBits,
  type RoleFlags,
  type UserFlags,
} from 'discord-api-types/v10';

/**
 * Builders for complete Discord payloads. discord.js crashes on payloads missing fields the
 * real API always sends, so every builder fills all of them; discord-api-types keeps them honest.
 */

const DISCORD_EPOCH = 1_420_070_400_000n;
let counter = 0n;
/**
 * Real snowflakes: the creation time in the top bits (discord.js reads a message's time from
 * its id, e.g. for catch-up's age limit), a counter below. Increasing, unique in the process.
 */
export function snowflakeAt(ms: number): string {
  counter += 1n;
  return String(((BigInt(ms) - DISCORD_EPOCH) << 22n) | (counter & 0x3f_ffffn));
}

export function nextId(): string {
  counter += 1n;
  return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (counter & 0x3f_ffffn));
}

export const DEFAULT_BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.UseExternalEmojis;

export const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;

export function makeUser(id: string, username: string, bot = false): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: username,
    avatar: null,
    bot,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
}

function makeRole(id: string, name: string, permissions: bigint, position: number): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: String(permissions),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

export function makeMember(user: APIUser, roles: string[]): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: new Date(0).toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
  };
}

export function makeTextChannel(
  id: string,
  guildId: string,
  name: string,
): APIGuildTextChannel<ChannelType.GuildText> {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    default_auto_archive_duration: 1440,
    flags: 0 as ChannelFlags,
  };
}

export interface GuildShape {
  id: string;
  ownerId: string;
  everyoneRoleId: string;
  botRoleId: string;
  channels: APIGuildTextChannel<ChannelType.GuildText>[];
  members: APIGuildMember[];
}

export function makeGuildCreate(shape: GuildShape): GatewayGuildCreateDispatchData {
  return {
    id: shape.id,
    name: 'Precis test server',
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: shape.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [
      makeRole(shape.everyoneRoleId, '@everyone', MEMBER_PERMISSIONS, 0),
      makeRole(shape.botRoleId, 'Precis', DEFAULT_BOT_PERMISSIONS, 1),
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: new Date(0).toISOString(),
    large: false,
    member_count: shape.members.length,
    voice_states: [],
    members: shape.members,
    channels: shape.channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface MessageShape {
  id?: string;
  channelId: string;
  author: APIUser;
  content?: string;
  embeds?: APIEmbed[];
  attachments?: APIAttachment[];
  components?: APIMessage['components'];
  flags?: number;
  webhookId?: string;
  applicationId?: string;
}

export function makeMessage(shape: MessageShape): APIMessage {
  const message: APIMessage = {
    id: shape.id ?? nextId(),
    channel_id: shape.channelId,
    author: shape.author,
    content: shape.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: shape.attachments ?? [],
    embeds: shape.embeds ?? [],
    pinned: false,
    type: MessageType.Default,
    flags: shape.flags ?? 0,
    components: shape.components ?? [],
  };
  if (shape.webhookId !== undefined) message.webhook_id = shape.webhookId;
  if (shape.applicationId !== undefined) message.application_id = shape.applicationId;
  return message;
}

export function makeAttachment(
  baseUrl: string,
  filename: string,
  size: number,
  contentType: string,
): APIAttachment {
  const id = nextId();
  const url = `${baseUrl}/attachments/${id}/${encodeURIComponent(filename)}`;
  return {
    id,
    filename,
    size,
    url,
    proxy_url: url,
    content_type: contentType,
  };
}

/** What Discord stores for embeds it was sent: a type, and `inline` spelled out. */
export function toStoredEmbeds(embeds: unknown[]): APIEmbed[] {
  return embeds.map((raw) => {
    const embed = { type: 'rich', ...(raw as Record<string, unknown>) } as APIEmbed;
    if (embed.fields) embed.fields = embed.fields.map((f) => ({ ...f, inline: f.inline ?? false }));
    return embed;
  });
}

/** Discord numbers components 1, 2, 3… in order and fills select defaults. */
export function toStoredComponents(components: unknown[]): APIMessage['components'] {
  let next = 1;
  const visit = (raw: unknown): unknown => {
    const component = { ...(raw as Record<string, unknown>) };
    component.id ??= next;
    next += 1;
    if (component.type === 3) {
      component.min_values ??= 1;
      component.max_values ??= 1;
    }
    if (Array.isArray(component.components)) component.components = component.components.map(visit);
    return component;
  };
  return components.map(visit) as APIMessage['components'];
}
