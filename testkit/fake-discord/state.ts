import {
  type APIMessage,
  type APIMessageInteractionMetadata,
  ChannelType,
  MessageFlags,
} from 'discord-api-types/v10';
import { makeMessage, makeUser, nextId, toStoredComponents, toStoredEmbeds } from './payloads.ts';

/**
 * What the loopback Discord knows: its guilds, channels and users, the messages in them, the
 * interactions it dispatched and the permissions it grants. REST and the gateway both read it.
 */

export interface InteractionState {
  id: string;
  token: string;
  channelId: string;
  acknowledged: boolean;
  ephemeral: boolean;
  original: APIMessage | null;
  /** The message a component sat on; deferUpdate/update edits it. */
  componentMessage: APIMessage | null;
  /** The fake's clock when the interaction was dispatched. */
  createdAt: number;
  /** A user install where the member lacks Use External Apps: every answer is ephemeral. */
  forcePrivate: boolean;
  /** Stamped on every message this interaction's responses make, as Discord does. */
  metadata: APIMessageInteractionMetadata | null;
}

/** Discord drops an interaction not answered within 3 s (10062 Unknown interaction). */
export const ACK_WINDOW_MS = 3_000;
/** An interaction token (edits, follow-ups) works for 15 minutes, then answers 50027. */
export const TOKEN_LIFETIME_MS = 15 * 60_000;
/** How long Discord remembers a message's nonce for `enforce_nonce` ("the past few minutes"). */
export const NONCE_WINDOW_MS = 5 * 60_000;

export interface ExtraGuild {
  guildId: string;
  channelId: string;
}

/** Which shard of `count` serves a guild (Discord's rule: (guild_id >> 22) % shard_count). */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

export class DiscordState {
  readonly applicationId = nextId();
  readonly botUser = makeUser(this.applicationId, 'Precis', true);
  readonly user = makeUser(nextId(), 'alice');
  readonly otherUser = makeUser(nextId(), 'bob');
  readonly guildId = nextId();
  readonly channelId = nextId();
  /** A second channel, e.g. for per-channel permissions. */
  readonly otherChannelId = nextId();
  readonly everyoneRoleId = this.guildId;
  readonly botRoleId = nextId();

  readonly messages = new Map<string, APIMessage>();
  /** The modal data the bot opened, by interaction token. */
  readonly modals = new Map<string, unknown>();
  /** Guilds beyond the default one (addGuild), each with one text channel. */
  readonly extraGuilds: ExtraGuild[] = [];
  readonly interactions = new Map<string, InteractionState>();
  readonly appPermissions = new Map<string, bigint>();
  readonly files = new Map<string, { bytes: Uint8Array; contentType: string }>();
  readonly threadsStarted = new Set<string>();
  /** Channels (threads) deleted through REST, by id. */
  readonly deletedChannels = new Set<string>();
  /** Milliseconds added to the real clock: tests move time on instead of waiting. */
  private clockOffsetMs = 0;

  /** The fake's clock, which Discord's deadlines are measured on. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  /** Another guild with one text channel; `shard` picks an id that lands on that shard. */
  addGuild(shard?: [id: number, count: number]): ExtraGuild {
    let id = BigInt(nextId());
    if (shard) {
      while (shardOf(String(id), shard[1]) !== shard[0]) id += 1n << 22n;
    }
    const guild = { guildId: String(id), channelId: nextId() };
    this.extraGuilds.push(guild);
    return guild;
  }

  /** The default channel of a guild the fake knows. */
  channelOf(guildId: string): string {
    return this.extraGuilds.find((guild) => guild.guildId === guildId)?.channelId ?? this.channelId;
  }

  private readonly dmChannels = new Map<string, string>();

  /** The DM channel between the bot and a user, one per user as on Discord. */
  dmChannelOf(userId: string): string {
    let id = this.dmChannels.get(userId);
    if (!id) {
      id = nextId();
      this.dmChannels.set(userId, id);
    }
    return id;
  }

  /** Starts tracking a dispatched interaction; a redelivery of the same token keeps its state. */
  track(
    id: string,
    token: string,
    channelId: string,
    componentMessage: APIMessage | null,
    forcePrivate = false,
    metadata: APIMessageInteractionMetadata | null = null,
  ): void {
    if (this.interactions.has(token)) return;
    this.interactions.set(token, {
      id,
      token,
      channelId,
      acknowledged: false,
      ephemeral: false,
      original: null,
      componentMessage,
      createdAt: this.now(),
      forcePrivate,
      metadata,
    });
  }

  interactionByToken(token: string): InteractionState | undefined {
    return this.interactions.get(token);
  }

  /** A message the bot sent, stored as Discord stores it; `via` the interaction it answers. */
  botMessage(
    channelId: string,
    body: Record<string, unknown>,
    via: InteractionState | null,
  ): APIMessage {
    const message = makeMessage({
      channelId,
      author: this.botUser,
      content: typeof body.content === 'string' ? body.content : '',
      embeds: Array.isArray(body.embeds) ? toStoredEmbeds(body.embeds) : [],
      components: Array.isArray(body.components) ? toStoredComponents(body.components) : [],
      flags: Number(body.flags ?? 0),
      ...(via ? { webhookId: this.applicationId, applicationId: this.applicationId } : {}),
    });
    if (via?.metadata) message.interaction_metadata = structuredClone(via.metadata);
    this.messages.set(message.id, message);
    return message;
  }

  /** Messages posted with a nonce, by channel and nonce, with the fake's time of posting. */
  private readonly nonces = new Map<string, { message: APIMessage; at: number }>();

  /**
   * A channel post: with `enforce_nonce`, a nonce the bot used in the last few minutes gets the
   * message it created then, and nothing new is posted (Discord's idempotent send).
   */
  postOnce(channelId: string, body: Record<string, unknown>): APIMessage {
    const nonce =
      typeof body.nonce === 'string' || typeof body.nonce === 'number' ? body.nonce : null;
    const key = `${channelId}:${nonce}`;
    const earlier = nonce === null ? undefined : this.nonces.get(key);
    if (
      earlier &&
      body.enforce_nonce === true &&
      this.now() - earlier.at < NONCE_WINDOW_MS &&
      this.messages.has(earlier.message.id)
    ) {
      return earlier.message;
    }
    const message = this.botMessage(channelId, body, null);
    if (nonce !== null) {
      message.nonce = nonce;
      this.nonces.set(key, { message, at: this.now() });
    }
    return message;
  }

  applyEdit(message: APIMessage, body: Record<string, unknown>): void {
    if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
    if (Array.isArray(body.embeds)) message.embeds = toStoredEmbeds(body.embeds);
    if (Array.isArray(body.components)) message.components = toStoredComponents(body.components);
    // An edit ends the "thinking…" state of a deferred reply.
    message.flags = (message.flags ?? 0) & ~MessageFlags.Loading;
    message.edited_timestamp = new Date().toISOString();
  }

  /** GET /channels/:id/messages: newest first, as Discord answers; `after` and `limit` honoured. */
  history(channelId: string, query: URLSearchParams): APIMessage[] {
    const after = query.get('after');
    const limit = Math.min(Number(query.get('limit') ?? 50), 100);
    const newer = (id: string) =>
      after === null || id.length > after.length || (id.length === after.length && id > after);
    const found = [...this.messages.values()]
      .filter((m) => m.channel_id === channelId && newer(m.id))
      .sort((a, b) => a.id.length - b.id.length || (a.id < b.id ? -1 : 1));
    // With `after`, Discord returns the `limit` oldest messages after it (still newest first).
    const page = after === null ? found.slice(-limit) : found.slice(0, limit);
    return page.reverse();
  }

  /** Deleting a channel (a thread) deletes its messages. */
  deleteChannel(channelId: string): void {
    this.deletedChannels.add(channelId);
    for (const [id, message] of this.messages) {
      if (message.channel_id === channelId) this.messages.delete(id);
    }
  }

  thread(parentId: string, name: string, id: string = nextId()) {
    return {
      id,
      type: ChannelType.PublicThread,
      guild_id: this.guildId,
      parent_id: parentId,
      name,
      owner_id: this.applicationId,
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      flags: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: new Date().toISOString(),
        locked: false,
      },
    };
  }

  /** Messages the bot sent to a channel (or thread) that still exist. */
  botMessagesIn(channelId: string): APIMessage[] {
    return [...this.messages.values()].filter(
      (m) => m.channel_id === channelId && m.author.id === this.botUser.id,
    );
  }
}
