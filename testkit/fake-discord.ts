import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type APIAttachment,
  type APIInteraction,
  type APIMessage,
  type APIUser,
  ApplicationIntegrationType,
  type GatewayMessageReactionAddDispatchData,
  PermissionFlagsBits,
  ReactionType,
} from 'discord-api-types/v10';
import { WebSocketServer } from 'ws';
import { FakeGateway } from './fake-discord/gateway.ts';
import {
  componentInteraction,
  interactionMetadataOf,
  messageCommandInteraction,
  modalSubmitInteraction,
  slashInteraction,
} from './fake-discord/interactions.ts';
import { makeAttachment, makeMember, makeMessage } from './fake-discord/payloads.ts';
import { FakeRest } from './fake-discord/rest.ts';
import { DiscordState, shardOf } from './fake-discord/state.ts';
import type {
  Fault,
  InteractionHandle,
  OptionValue,
  RecordedRequest,
  SlashOptions,
} from './fake-discord/types.ts';

export type {
  ChannelOptionValue,
  Fault,
  InteractionHandle,
  RecordedRequest,
  SlashOptions,
  ValidationFailure,
} from './fake-discord/types.ts';

/**
 * A loopback Discord: REST on http://127.0.0.1:PORT/api/v10 and the gateway WebSocket on the
 * same port. The real discord.js Client logs into it; tests dispatch interactions and messages
 * and assert on the REST calls the bot makes. Every body the bot sends is checked against
 * discord-api-spec, and a body Discord would reject is answered as Discord would (400, 50035).
 * This class is the test-facing surface; REST, gateway, state and payloads live in fake-discord/.
 */
export class FakeDiscord {
  private readonly state = new DiscordState();
  private readonly rest = new FakeRest(this.state, () => this.url);
  private readonly gateway = new FakeGateway(this.state, () => this.url.replace(/^http/, 'ws'));
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private port = 0;

  readonly applicationId = this.state.applicationId;
  readonly botUser = this.state.botUser;
  readonly user = this.state.user;
  readonly otherUser = this.state.otherUser;
  readonly guildId = this.state.guildId;
  readonly channelId = this.state.channelId;
  /** A second channel, e.g. for per-channel permissions. */
  readonly otherChannelId = this.state.otherChannelId;
  readonly everyoneRoleId = this.state.everyoneRoleId;
  readonly botRoleId = this.state.botRoleId;

  readonly requests = this.rest.requests;
  readonly validationFailures = this.rest.validationFailures;
  /** Problems in the fake's own answers (checked against Discord's response schemas). */
  readonly responseFailures = this.rest.responseFailures;
  /** Attachment downloads, by URL path. */
  readonly downloads = this.rest.downloads;
  readonly identifies = this.gateway.identifies;
  /** performance.now() at each gateway disconnect, e.g. to order it against REST calls. */
  readonly disconnects = this.gateway.disconnects;
  readonly messages = this.state.messages;
  /** The modal data the bot opened, by interaction token. */
  readonly modals = this.state.modals;
  /** Channels (threads) deleted through REST, by id. */
  readonly deletedChannels = this.state.deletedChannels;

  constructor() {
    this.server = createServer((req, res) => {
      this.rest.handle(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ message: String(error), code: 0 }));
      });
    });
    this.wss = new WebSocketServer({ server: this.server });
    this.gateway.attach(this.wss);
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What DISCORD_API_URL / `rest.api` should be. */
  get apiUrl(): string {
    return `${this.url}/api`;
  }

  async close(): Promise<void> {
    this.gateway.terminateAll();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- switches ------------------------------------------------------------------------

  /** What GET /gateway/bot recommends as the shard count. */
  get recommendedShards(): number {
    return this.rest.recommendedShards;
  }
  set recommendedShards(count: number) {
    this.rest.recommendedShards = count;
  }

  /** Set to answer like Discord does to a wrong token (401 on every authenticated route). */
  get rejectToken(): boolean {
    return this.rest.rejectToken;
  }
  set rejectToken(value: boolean) {
    this.rest.rejectToken = value;
  }

  /** Set to close the gateway with 4014, as Discord does for intents not enabled in the portal. */
  get disallowIntents(): boolean {
    return this.gateway.disallowIntents;
  }
  set disallowIntents(value: boolean) {
    this.gateway.disallowIntents = value;
  }

  /** The application flags READY carries (e.g. GatewayMessageContent once enabled in the portal). */
  get applicationFlags(): number {
    return this.gateway.applicationFlags;
  }
  set applicationFlags(flags: number) {
    this.gateway.applicationFlags = flags;
  }

  // ---- test controls -------------------------------------------------------------------

  /** Answers the next `times` requests on `route` with an error status. */
  failNext(fault: Fault): void {
    this.rest.failNext(fault);
  }

  /**
   * Moves the fake's clock on, on which Discord's deadlines run: a callback more than 3 s
   * after its interaction gets 10062, a token older than 15 minutes gets 50027.
   */
  advanceClock(ms: number): void {
    this.state.advanceClock(ms);
  }

  /**
   * Another guild with one text channel, sent in READY and GUILD_CREATE to the shard it
   * belongs to (Discord's rule: (guild_id >> 22) % shard_count). Add guilds before the bot
   * logs in. `shard` picks an id that lands on that shard.
   */
  addGuild(shard?: [id: number, count: number]): { guildId: string; channelId: string } {
    return this.state.addGuild(shard);
  }

  /** Which shard of `count` serves a guild. */
  static shardOf(guildId: string, count: number): number {
    return shardOf(guildId, count);
  }

  /** The permissions the app has in a channel, as sent in `app_permissions`. */
  setAppPermissions(channelId: string, permissions: bigint): void {
    this.state.appPermissions.set(channelId, permissions);
  }

  /** Serves a file at an attachment URL and returns the attachment object. */
  addAttachment(
    filename: string,
    content: string | Uint8Array,
    contentType: string,
  ): APIAttachment {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const attachment = makeAttachment(this.url, filename, bytes.byteLength, contentType);
    this.state.files.set(new URL(attachment.url).pathname, { bytes, contentType });
    return attachment;
  }

  /** Resolves with the first request (already made or future) that matches. */
  waitFor(
    predicate: (r: RecordedRequest) => boolean,
    timeoutMs = 10_000,
  ): Promise<RecordedRequest> {
    return this.rest.waitFor(predicate, timeoutMs);
  }

  /** Requests whose body is a message the bot sent (replies, edits, follow-ups, channel sends). */
  messageBodies(): { route: string; body: Record<string, unknown> }[] {
    return this.rest.messageBodies();
  }

  // ---- gateway dispatches ----------------------------------------------------------------

  /** Sends a dispatch to the shard that serves its guild_id (to every socket without one). */
  dispatch(event: string, data: unknown): void {
    this.gateway.dispatch(event, data);
  }

  /** Dispatches a chat-input command; options are typed from their values. */
  slash(
    name: string,
    options: Record<string, OptionValue> = {},
    extra: SlashOptions = {},
  ): InteractionHandle {
    return this.sendInteraction(slashInteraction(this.state, name, options, extra));
  }

  /** Dispatches a message context-menu command on `target`. */
  messageCommand(name: string, target: APIMessage, extra: SlashOptions = {}): InteractionHandle {
    return this.sendInteraction(messageCommandInteraction(this.state, name, target, extra));
  }

  /** Presses a button on `message`. */
  button(customId: string, message: APIMessage, extra: SlashOptions = {}): InteractionHandle {
    const interaction = componentInteraction(this.state, customId, message, extra);
    return this.sendInteraction(interaction, this.messages.get(message.id) ?? message);
  }

  /** Picks `values` in a string select on `message`. */
  select(
    customId: string,
    values: string[],
    message: APIMessage,
    extra: SlashOptions = {},
  ): InteractionHandle {
    const interaction = componentInteraction(this.state, customId, message, extra, values);
    return this.sendInteraction(interaction, this.messages.get(message.id) ?? message);
  }

  /** Submits a modal with text-input values by custom id (sent as Label components). */
  modalSubmit(
    customId: string,
    fields: Record<string, string>,
    extra: SlashOptions = {},
  ): InteractionHandle {
    return this.sendInteraction(modalSubmitInteraction(this.state, customId, fields, extra));
  }

  /** A message posted by a user in a channel the bot can see (also dispatched as MESSAGE_CREATE). */
  postMessage(
    content: string,
    extra: {
      author?: APIUser;
      channelId?: string;
      attachments?: APIAttachment[];
      /** Stored for GET /channels/:id/messages but not dispatched: posted while the bot was down. */
      offline?: boolean;
      /** Discord sends '' without the Message Content intent; this sends what it would. */
      timestamp?: string;
      /** A snowflake of your own, e.g. one made long ago (its time is in its top bits). */
      id?: string;
      /** Posted through a webhook (an RSS feed's, say): the author is then a bot user. */
      webhookId?: string;
    } = {},
  ): APIMessage {
    const message = makeMessage({
      ...(extra.id ? { id: extra.id } : {}),
      ...(extra.webhookId ? { webhookId: extra.webhookId } : {}),
      channelId: extra.channelId ?? this.channelId,
      author: extra.author ?? this.user,
      content,
      attachments: extra.attachments ?? [],
    });
    if (extra.timestamp) message.timestamp = extra.timestamp;
    this.messages.set(message.id, message);
    if (extra.offline) return message;
    this.dispatch('MESSAGE_CREATE', {
      ...message,
      guild_id: this.guildId,
      member: {
        roles: [],
        joined_at: new Date(0).toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
      },
    });
    return message;
  }

  /** Someone adds a reaction to a message (MESSAGE_REACTION_ADD). */
  react(message: APIMessage, emoji: string, user: APIUser = this.otherUser): void {
    const data: GatewayMessageReactionAddDispatchData = {
      user_id: user.id,
      channel_id: message.channel_id,
      message_id: message.id,
      guild_id: this.guildId,
      member: makeMember(user, []),
      emoji: { id: null, name: emoji },
      message_author_id: message.author.id,
      burst: false,
      type: ReactionType.Normal,
    };
    this.dispatch('MESSAGE_REACTION_ADD', data);
  }

  /** A user deletes their message (MESSAGE_DELETE). */
  deleteMessage(message: APIMessage): void {
    this.messages.delete(message.id);
    this.dispatch('MESSAGE_DELETE', {
      id: message.id,
      channel_id: message.channel_id,
      guild_id: this.guildId,
    });
  }

  /** A moderator deletes several messages of one channel at once (MESSAGE_DELETE_BULK). */
  deleteMessages(messages: APIMessage[]): void {
    for (const message of messages) this.messages.delete(message.id);
    this.dispatch('MESSAGE_DELETE_BULK', {
      ids: messages.map((m) => m.id),
      channel_id: messages[0]?.channel_id ?? this.channelId,
      guild_id: this.guildId,
    });
  }

  /** Messages the bot sent to a channel (or thread) that still exist. */
  botMessagesIn(channelId: string): APIMessage[] {
    return this.state.botMessagesIn(channelId);
  }

  /** The message the bot's reply to an interaction became (after its edits). */
  originalMessage(token: string): APIMessage | null {
    return this.state.interactionByToken(token)?.original ?? null;
  }

  private sendInteraction(
    interaction: APIInteraction,
    componentMessage: APIMessage | null = null,
  ): InteractionHandle {
    // Dispatching the same id twice (a redelivery) must reuse the state: Discord lets only
    // one callback through.
    const { id, token } = interaction;
    this.state.track(
      id,
      token,
      interaction.channel_id ?? this.channelId,
      componentMessage,
      isForcedPrivate(interaction),
      interactionMetadataOf(interaction),
    );
    this.dispatch('INTERACTION_CREATE', interaction);
    const mine = (r: RecordedRequest) => r.params.id === id || r.params.token === token;
    const ok = (r: RecordedRequest) => mine(r) && r.status < 300;
    return {
      id,
      token,
      callback: () => this.waitFor((r) => ok(r) && r.route.endsWith('/callback')),
      edit: (timeoutMs) =>
        this.waitFor(
          (r) => ok(r) && r.route === 'PATCH /webhooks/:app/:token/messages/:message',
          timeoutMs,
        ),
      followUp: () => this.waitFor((r) => ok(r) && r.route === 'POST /webhooks/:app/:token'),
      requests: () => this.requests.filter(mine),
    };
  }
}

/** Discord keeps a user install's answers private where the member lacks Use External Apps. */
function isForcedPrivate(interaction: APIInteraction): boolean {
  const owners = interaction.authorizing_integration_owners;
  if (!interaction.guild_id || owners[ApplicationIntegrationType.GuildInstall] !== undefined)
    return false;
  const permissions = BigInt(interaction.member?.permissions ?? '0');
  return (permissions & PermissionFlagsBits.UseExternalApps) === 0n;
}

export async function startFakeDiscord(): Promise<FakeDiscord> {
  return new FakeDiscord().start();
}
