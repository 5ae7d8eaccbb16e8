import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIInteraction,
  type APIMessage,
  type APIMessageApplicationCommandGuildInteraction,
  type APIMessageComponentGuildInteraction,
  type APIModalSubmitGuildInteraction,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type ApplicationFlags,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  type GatewayIdentifyData,
  type GatewayMessageReactionAddDispatchData,
  GatewayOpcodes,
  type GatewayReadyDispatchData,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  ReactionType,
} from 'discord-api-types/v10';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  DEFAULT_BOT_PERMISSIONS,
  type GuildShape,
  MEMBER_PERMISSIONS,
  makeAttachment,
  makeGuildCreate,
  makeMember,
  makeMessage,
  makeTextChannel,
  makeUser,
  nextId,
  toStoredComponents,
  toStoredEmbeds,
} from './fake-discord/payloads.ts';
import { validateMessageResponse, validateRequestBody } from './fake-discord/validate.ts';

/**
 * A loopback Discord: REST on http://127.0.0.1:PORT/api/v10 and the gateway WebSocket on the
 * same port. The real discord.js Client logs into it; tests dispatch interactions and messages
 * and assert on the REST calls the bot makes. Every body the bot sends is checked against
 * discord-api-spec, and a body Discord would reject is answered as Discord would (400, 50035).
 */

export interface RecordedRequest {
  method: string;
  /** Decoded path after /api/v10, e.g. /webhooks/1/tok/messages/@original */
  path: string;
  /** The route pattern, e.g. `PATCH /webhooks/:app/:token/messages/:message` */
  route: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** The status the fake answered with. */
  status: number;
  /** performance.now() when the request arrived. */
  at: number;
}

export interface ValidationFailure {
  route: string;
  issues: string[];
  body: unknown;
}

export interface Fault {
  /** Matched against RecordedRequest.route, e.g. 'PATCH /webhooks/:app/:token/messages/:message'. */
  route: string;
  /** 403 answers as Discord does when the bot lacks a permission (code 50013). */
  status: 403 | 429 | 500 | 503;
  times: number;
  /** Seconds, for 429. */
  retryAfter?: number;
}

interface InteractionState {
  id: string;
  token: string;
  channelId: string;
  acknowledged: boolean;
  ephemeral: boolean;
  original: APIMessage | null;
  /** The message a component sat on; deferUpdate/update edits it. */
  componentMessage: APIMessage | null;
}

export interface InteractionHandle {
  id: string;
  token: string;
  /** The interaction callback (defer, reply, modal, update). */
  callback(): Promise<RecordedRequest>;
  /** The first successful edit of the original response. */
  edit(timeoutMs?: number): Promise<RecordedRequest>;
  /** The first successful follow-up message. */
  followUp(): Promise<RecordedRequest>;
  /** Every request made with this interaction's id or token so far. */
  requests(): RecordedRequest[];
}

export interface SlashOptions {
  user?: APIUser;
  /** A guild made with addGuild(); default the fake's own guild. */
  guildId?: string;
  channelId?: string;
  locale?: Locale;
  id?: string;
  token?: string;
  /** A subcommand of the command: options go under it, as Discord sends them. */
  subcommand?: string;
  /** The member's permissions in the channel (`member.permissions`); default MEMBER_PERMISSIONS. */
  memberPermissions?: bigint;
}

/** A channel option's value: `{ channel: id }` (a text channel in the fake's guild). */
export interface ChannelOptionValue {
  channel: string;
}

type OptionValue = string | number | boolean | APIAttachment | ChannelOptionValue;

const ROUTES: [method: string, pattern: string][] = [
  ['GET', '/gateway/bot'],
  ['GET', '/channels/:channel/messages'],
  ['GET', '/channels/:channel/messages/:message'],
  ['DELETE', '/channels/:channel'],
  ['GET', '/applications/@me'],
  ['POST', '/interactions/:id/:token/callback'],
  ['GET', '/webhooks/:app/:token/messages/:message'],
  ['PATCH', '/webhooks/:app/:token/messages/:message'],
  ['DELETE', '/webhooks/:app/:token/messages/:message'],
  ['POST', '/webhooks/:app/:token'],
  ['POST', '/channels/:channel/messages'],
  ['PATCH', '/channels/:channel/messages/:message'],
  ['DELETE', '/channels/:channel/messages/:message'],
  ['POST', '/channels/:channel/messages/:message/threads'],
  ['POST', '/channels/:channel/threads'],
  ['PUT', '/channels/:channel/messages/:message/reactions/:emoji/@me'],
  ['PUT', '/applications/:app/commands'],
  ['PUT', '/applications/:app/guilds/:guild/commands'],
];

export class FakeDiscord {
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

  readonly requests: RecordedRequest[] = [];
  readonly validationFailures: ValidationFailure[] = [];
  /** Problems in the fake's own answers (checked against Discord's response schemas). */
  readonly responseFailures: ValidationFailure[] = [];
  readonly identifies: GatewayIdentifyData[] = [];
  /** performance.now() at each gateway disconnect, e.g. to order it against REST calls. */
  readonly disconnects: number[] = [];
  readonly messages = new Map<string, APIMessage>();
  /** The modal data the bot opened, by interaction token. */
  readonly modals = new Map<string, unknown>();
  /** Attachment downloads, by URL path. */
  readonly downloads: string[] = [];

  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  /** The [shard id, shard count] each socket identified with. */
  private readonly socketShards = new Map<WebSocket, [number, number]>();
  /** Guilds beyond the default one (addGuild), each with one text channel. */
  private readonly extraGuilds: { guildId: string; channelId: string }[] = [];
  /** What GET /gateway/bot recommends as the shard count. */
  recommendedShards = 1;
  private readonly interactions = new Map<string, InteractionState>();
  private readonly appPermissions = new Map<string, bigint>();
  private readonly files = new Map<string, { bytes: Uint8Array; contentType: string }>();
  private faults: Fault[] = [];
  /** Set to answer like Discord does to a wrong token (401 on every authenticated route). */
  rejectToken = false;
  /** Set to close the gateway with 4014, as Discord does for intents not enabled in the portal. */
  disallowIntents = false;
  /** The application flags READY carries (e.g. GatewayMessageContent once enabled in the portal). */
  applicationFlags = 0;
  private readonly threadsStarted = new Set<string>();
  /** Channels (threads) deleted through REST, by id. */
  readonly deletedChannels = new Set<string>();
  private waiters: {
    predicate: (r: RecordedRequest) => boolean;
    resolve: (r: RecordedRequest) => void;
  }[] = [];
  private sequence = 0;
  private port = 0;

  constructor() {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ message: String(error), code: 0 }));
      });
    });
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (socket) => this.onConnection(socket));
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
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- test controls -------------------------------------------------------------------

  /** Answers the next `times` requests on `route` with an error status. */
  failNext(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  /**
   * Another guild with one text channel, sent in READY and GUILD_CREATE to the shard it
   * belongs to (Discord's rule: (guild_id >> 22) % shard_count). Add guilds before the bot
   * logs in. `shard` picks an id that lands on that shard.
   */
  addGuild(shard?: [id: number, count: number]): { guildId: string; channelId: string } {
    let id = BigInt(nextId());
    if (shard) {
      while (Number((id >> 22n) % BigInt(shard[1])) !== shard[0]) id += 1n << 22n;
    }
    const guild = { guildId: String(id), channelId: nextId() };
    this.extraGuilds.push(guild);
    return guild;
  }

  /** Which shard of `count` serves a guild. */
  static shardOf(guildId: string, count: number): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(count));
  }

  /** The permissions the app has in a channel, as sent in `app_permissions`. */
  setAppPermissions(channelId: string, permissions: bigint): void {
    this.appPermissions.set(channelId, permissions);
  }

  /** Serves a file at an attachment URL and returns the attachment object. */
  addAttachment(
    filename: string,
    content: string | Uint8Array,
    contentType: string,
  ): APIAttachment {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const attachment = makeAttachment(this.url, filename, bytes.byteLength, contentType);
    this.files.set(new URL(attachment.url).pathname, { bytes, contentType });
    return attachment;
  }

  /** Resolves with the first request (already made or future) that matches. */
  waitFor(
    predicate: (r: RecordedRequest) => boolean,
    timeoutMs = 10_000,
  ): Promise<RecordedRequest> {
    const seen = this.requests.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (r: RecordedRequest) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const recent = this.requests.slice(-8).map((r) => `${r.route} -> ${r.status}`);
        reject(
          new Error(
            `fake Discord: no matching request within ${timeoutMs} ms; last: ${recent.join(', ')}`,
          ),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Requests whose body is a message the bot sent (replies, edits, follow-ups, channel sends). */
  messageBodies(): { route: string; body: Record<string, unknown> }[] {
    return this.requests
      .filter((r) => r.body !== null && typeof r.body === 'object' && !Array.isArray(r.body))
      .filter((r) => !r.route.includes('/threads') && !r.route.includes('/commands'))
      .map((r) => {
        const body = r.body as Record<string, unknown>;
        const data = r.route.endsWith('/callback')
          ? (body.data as Record<string, unknown> | undefined)
          : body;
        return { route: r.route, body: data ?? {} };
      })
      .filter(
        ({ route, body }) => !route.endsWith('/callback') || 'content' in body || 'embeds' in body,
      );
  }

  // ---- gateway dispatches ----------------------------------------------------------------

  /** Sends a dispatch to the shard that serves its guild_id (to every socket without one). */
  dispatch(event: string, data: unknown, only?: WebSocket): void {
    this.sequence += 1;
    const payload = JSON.stringify({
      op: GatewayOpcodes.Dispatch,
      t: event,
      s: this.sequence,
      d: data,
    });
    const guildId =
      data !== null && typeof data === 'object' && 'guild_id' in data
        ? String((data as { guild_id: unknown }).guild_id)
        : null;
    for (const socket of only ? [only] : this.sockets) {
      const [shardId, count] = this.socketShards.get(socket) ?? [0, 1];
      if (guildId && count > 1 && FakeDiscord.shardOf(guildId, count) !== shardId) continue;
      socket.send(payload);
    }
  }

  /** Dispatches a chat-input command; options are typed from their values. */
  slash(
    name: string,
    options: Record<string, OptionValue> = {},
    extra: SlashOptions = {},
  ): InteractionHandle {
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
    const base = this.baseInteraction(extra);
    const interaction: APIChatInputApplicationCommandGuildInteraction = {
      ...base,
      type: InteractionType.ApplicationCommand,
      data: {
        id: nextId(),
        name,
        type: ApplicationCommandType.ChatInput,
        options: dataOptions,
        ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
      },
    };
    return this.sendInteraction(interaction);
  }

  /** Dispatches a message context-menu command on `target`. */
  messageCommand(name: string, target: APIMessage, extra: SlashOptions = {}): InteractionHandle {
    const interaction: APIMessageApplicationCommandGuildInteraction = {
      ...this.baseInteraction(extra),
      type: InteractionType.ApplicationCommand,
      data: {
        id: nextId(),
        name,
        type: ApplicationCommandType.Message,
        target_id: target.id,
        resolved: { messages: { [target.id]: target } },
      },
    };
    return this.sendInteraction(interaction);
  }

  /** Presses a button on `message`. */
  button(customId: string, message: APIMessage, extra: SlashOptions = {}): InteractionHandle {
    const interaction: APIMessageComponentGuildInteraction = {
      ...this.baseInteraction(extra),
      type: InteractionType.MessageComponent,
      message,
      data: { custom_id: customId, component_type: ComponentType.Button },
    };
    return this.sendInteraction(interaction, message);
  }

  /** Picks `values` in a string select on `message`. */
  select(
    customId: string,
    values: string[],
    message: APIMessage,
    extra: SlashOptions = {},
  ): InteractionHandle {
    const interaction: APIMessageComponentGuildInteraction = {
      ...this.baseInteraction(extra),
      type: InteractionType.MessageComponent,
      message,
      data: { custom_id: customId, component_type: ComponentType.StringSelect, values },
    };
    return this.sendInteraction(interaction, message);
  }

  /** Submits a modal with text-input values by custom id (sent as Label components). */
  modalSubmit(
    customId: string,
    fields: Record<string, string>,
    extra: SlashOptions = {},
  ): InteractionHandle {
    const interaction: APIModalSubmitGuildInteraction = {
      ...this.baseInteraction(extra),
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
    return this.sendInteraction(interaction);
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
    } = {},
  ): APIMessage {
    const message = makeMessage({
      ...(extra.id ? { id: extra.id } : {}),
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
    return [...this.messages.values()].filter(
      (m) => m.channel_id === channelId && m.author.id === this.botUser.id,
    );
  }

  /** The message the bot's reply to an interaction became (after its edits). */
  originalMessage(token: string): APIMessage | null {
    return this.interactionByToken(token)?.original ?? null;
  }

  // ---- internals: interactions -----------------------------------------------------------

  private baseInteraction(extra: SlashOptions) {
    const user = extra.user ?? this.user;
    const guildId = extra.guildId ?? this.guildId;
    const channelId =
      extra.channelId ??
      this.extraGuilds.find((guild) => guild.guildId === guildId)?.channelId ??
      this.channelId;
    const permissions = this.appPermissions.get(channelId) ?? DEFAULT_BOT_PERMISSIONS;
    return {
      id: extra.id ?? nextId(),
      application_id: this.applicationId,
      token: extra.token ?? `tok-${nextId()}`,
      version: 1 as const,
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
      locale: extra.locale ?? Locale.EnglishUS,
      guild_locale: Locale.EnglishUS,
      entitlements: [],
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId },
      context: InteractionContextType.Guild,
      attachment_size_limit: 10 * 1024 * 1024,
    };
  }

  private sendInteraction(
    interaction: APIInteraction,
    componentMessage: APIMessage | null = null,
  ): InteractionHandle {
    // Dispatching the same id twice (a redelivery) must reuse the state: Discord lets only
    // one callback through.
    if (!this.interactions.has(interaction.token)) {
      this.interactions.set(interaction.token, {
        id: interaction.id,
        token: interaction.token,
        channelId: interaction.channel_id ?? this.channelId,
        acknowledged: false,
        ephemeral: false,
        original: null,
        componentMessage,
      });
    }
    this.dispatch('INTERACTION_CREATE', interaction);
    const { id, token } = interaction;
    const mine = (r: RecordedRequest) => r.params.id === id || r.params.token === token;
    const ok = (r: RecordedRequest) => mine(r) && r.status < 300;
    return {
      id,
      token,
      callback: () => this.waitFor((r) => ok(r) && r.route.endsWith('/callback')),
      edit: () =>
        this.waitFor((r) => ok(r) && r.route === 'PATCH /webhooks/:app/:token/messages/:message'),
      followUp: () => this.waitFor((r) => ok(r) && r.route === 'POST /webhooks/:app/:token'),
      requests: () => this.requests.filter(mine),
    };
  }

  private interactionByToken(token: string): InteractionState | undefined {
    return this.interactions.get(token);
  }

  // ---- internals: REST -------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    if (req.method === 'GET' && url.pathname.startsWith('/attachments/')) {
      const file = this.files.get(url.pathname);
      this.downloads.push(url.pathname);
      if (!file) return send(res, 404, { message: 'Not Found' });
      res.writeHead(200, {
        'content-type': file.contentType,
        'content-length': file.bytes.byteLength,
      });
      res.end(file.bytes);
      return;
    }
    const raw = await readBody(req);
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
    const method = req.method ?? 'GET';
    const match = matchRoute(method, path);
    const body = parseBody(raw, req.headers['content-type']);
    const record: RecordedRequest = {
      method,
      path,
      route: match ? `${method} ${match.pattern}` : `${method} ${path}`,
      params: match?.params ?? {},
      query: url.searchParams,
      headers: req.headers,
      body,
      status: 0,
      at: performance.now(),
    };
    const [status, answer, headers] = this.answer(record, match !== null);
    record.status = status;
    this.requests.push(record);
    // Like Discord, a 204 has no body and no content type (discord.js would parse it).
    if (status === 204) res.writeHead(204, headers);
    else res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(status === 204 ? undefined : JSON.stringify(answer));
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(record)) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(record);
      }
    }
  }

  private answer(r: RecordedRequest, known: boolean): [number, unknown, Record<string, string>?] {
    if (!known) return [404, { message: '404: Not Found', code: 0 }];
    if (this.rejectToken && r.headers.authorization !== undefined) {
      return [401, { message: '401: Unauthorized', code: 0 }];
    }
    const fault = this.faults.find((f) => f.route === r.route && f.times > 0);
    if (fault) {
      fault.times -= 1;
      if (fault.status === 429) {
        const retryAfter = fault.retryAfter ?? 0.05;
        return [
          429,
          { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
          { 'retry-after': String(retryAfter), 'x-ratelimit-scope': 'user' },
        ];
      }
      if (fault.status === 403) return [403, { message: 'Missing Permissions', code: 50013 }];
      return [fault.status, { message: 'Internal Server Error', code: 0 }];
    }
    const issues = validateRequestBody(r.method, r.route.slice(r.method.length + 1), r.body);
    if (issues.length > 0) {
      this.validationFailures.push({ route: r.route, issues, body: r.body });
      return [400, { message: 'Invalid Form Body', code: 50035, errors: issues }];
    }
    return this.perform(r);
  }

  private perform(r: RecordedRequest): [number, unknown] {
    const { params } = r;
    const body = (r.body ?? {}) as Record<string, unknown>;
    switch (r.route.slice(r.method.length + 1)) {
      case '/gateway/bot':
        return [
          200,
          {
            url: `ws://127.0.0.1:${this.port}`,
            shards: this.recommendedShards,
            session_start_limit: {
              total: 1000,
              remaining: 999,
              reset_after: 0,
              max_concurrency: 1,
            },
          },
        ];
      case '/applications/@me':
        return [
          200,
          {
            id: this.applicationId,
            name: 'Precis',
            description: '',
            bot_public: true,
            bot_require_code_grant: false,
            flags: 0,
          },
        ];
      case '/interactions/:id/:token/callback':
        return this.callback(
          params.token ?? '',
          params.id ?? '',
          body,
          r.query.get('with_response') === 'true',
        );
      case '/webhooks/:app/:token/messages/:message': {
        const state = this.interactionByToken(params.token ?? '');
        if (!state) return [404, { message: 'Unknown Webhook', code: 10015 }];
        const target =
          params.message === '@original' ? state.original : this.messages.get(params.message ?? '');
        if (!target) return [404, { message: 'Unknown Message', code: 10008 }];
        if (r.method === 'DELETE') {
          this.messages.delete(target.id);
          if (target === state.original) state.original = null;
          return [204, null];
        }
        if (r.method === 'PATCH') this.applyEdit(target, body);
        return this.messageAnswer(target);
      }
      case '/webhooks/:app/:token': {
        const state = this.interactionByToken(params.token ?? '');
        if (!state?.acknowledged) return [404, { message: 'Unknown Webhook', code: 10015 }];
        const message = this.botMessage(state.channelId, body, true);
        return this.messageAnswer(message);
      }
      case '/channels/:channel/messages': {
        if (r.method === 'GET') return [200, this.history(params.channel ?? '', r.query)];
        const message = this.botMessage(params.channel ?? '', body, false);
        return this.messageAnswer(message);
      }
      case '/channels/:channel': {
        this.deletedChannels.add(params.channel ?? '');
        for (const [id, message] of this.messages) {
          if (message.channel_id === params.channel) this.messages.delete(id);
        }
        return [200, this.thread(this.channelId, 'deleted', params.channel)];
      }
      case '/channels/:channel/messages/:message': {
        const target = this.messages.get(params.message ?? '');
        if (!target) return [404, { message: 'Unknown Message', code: 10008 }];
        if (r.method === 'GET') return this.messageAnswer(target);
        if (r.method === 'DELETE') {
          this.messages.delete(target.id);
          return [204, null];
        }
        this.applyEdit(target, body);
        return this.messageAnswer(target);
      }
      case '/channels/:channel/messages/:message/threads':
        // One thread per message, as on Discord.
        if (this.threadsStarted.has(params.message ?? '')) {
          return [
            400,
            { message: 'A thread has already been created for this message', code: 160004 },
          ];
        }
        this.threadsStarted.add(params.message ?? '');
        // Like Discord, a thread started from a message has that message's id.
        return [
          200,
          this.thread(params.channel ?? '', String(body.name ?? 'thread'), params.message),
        ];
      case '/channels/:channel/threads':
        return [200, this.thread(params.channel ?? '', String(body.name ?? 'thread'))];
      case '/channels/:channel/messages/:message/reactions/:emoji/@me':
        return [204, null];
      case '/applications/:app/commands':
      case '/applications/:app/guilds/:guild/commands': {
        const commands = Array.isArray(r.body) ? (r.body as Record<string, unknown>[]) : [];
        return [
          200,
          commands.map((command) => ({
            ...command,
            id: nextId(),
            application_id: this.applicationId,
            version: nextId(),
            default_member_permissions: command.default_member_permissions ?? null,
            type: command.type ?? 1,
            description: command.description ?? '',
            ...(params.guild ? { guild_id: params.guild } : {}),
          })),
        ];
      }
      default:
        return [404, { message: '404: Not Found', code: 0 }];
    }
  }

  private callback(
    token: string,
    id: string,
    body: Record<string, unknown>,
    withResponse: boolean,
  ): [number, unknown] {
    const state = this.interactionByToken(token);
    if (!state || state.id !== id) return [404, { message: 'Unknown interaction', code: 10062 }];
    if (state.acknowledged) {
      return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
    }
    state.acknowledged = true;
    const data = (body.data ?? {}) as Record<string, unknown>;
    const flags = Number(data.flags ?? 0);
    switch (body.type) {
      case InteractionResponseType.ChannelMessageWithSource:
        state.ephemeral = (flags & MessageFlags.Ephemeral) !== 0;
        state.original = this.botMessage(state.channelId, data, true);
        break;
      case InteractionResponseType.DeferredChannelMessageWithSource:
        state.ephemeral = (flags & MessageFlags.Ephemeral) !== 0;
        state.original = this.botMessage(
          state.channelId,
          { flags: flags | MessageFlags.Loading },
          true,
        );
        break;
      case InteractionResponseType.DeferredMessageUpdate:
        state.original = state.componentMessage;
        break;
      case InteractionResponseType.UpdateMessage:
        state.original = state.componentMessage;
        if (state.original) this.applyEdit(state.original, data);
        break;
      case InteractionResponseType.Modal:
        this.modals.set(token, data);
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
          response_message_id: state.original?.id ?? null,
          response_message_loading: false,
          response_message_ephemeral: state.ephemeral,
        },
        resource: state.original
          ? { type: body.type, message: state.original }
          : { type: body.type },
      },
    ];
  }

  private botMessage(
    channelId: string,
    body: Record<string, unknown>,
    viaInteraction: boolean,
  ): APIMessage {
    const message = makeMessage({
      channelId,
      author: this.botUser,
      content: typeof body.content === 'string' ? body.content : '',
      embeds: Array.isArray(body.embeds) ? toStoredEmbeds(body.embeds) : [],
      components: Array.isArray(body.components) ? toStoredComponents(body.components) : [],
      flags: Number(body.flags ?? 0),
      ...(viaInteraction
        ? { webhookId: this.applicationId, applicationId: this.applicationId }
        : {}),
    });
    this.messages.set(message.id, message);
    return message;
  }

  private applyEdit(message: APIMessage, body: Record<string, unknown>): void {
    if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
    if (Array.isArray(body.embeds)) message.embeds = toStoredEmbeds(body.embeds);
    if (Array.isArray(body.components)) message.components = toStoredComponents(body.components);
    // An edit ends the "thinking…" state of a deferred reply.
    message.flags = (message.flags ?? 0) & ~MessageFlags.Loading;
    message.edited_timestamp = new Date().toISOString();
  }

  private messageAnswer(message: APIMessage): [number, unknown] {
    const issues = validateMessageResponse(message);
    if (issues.length > 0)
      this.responseFailures.push({ route: 'message response', issues, body: message });
    return [200, message];
  }

  /** GET /channels/:id/messages: newest first, as Discord answers; `after` and `limit` honoured. */
  private history(channelId: string, query: URLSearchParams): APIMessage[] {
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

  private thread(parentId: string, name: string, id: string = nextId()) {
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

  // ---- internals: gateway ----------------------------------------------------------------

  private onConnection(socket: WebSocket): void {
    socket.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: 500 } }));
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (packet.op === GatewayOpcodes.Heartbeat) {
        socket.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
      } else if (packet.op === GatewayOpcodes.Identify) {
        const identify = packet.d as GatewayIdentifyData;
        this.identifies.push(identify);
        if (identify.shard) this.socketShards.set(socket, identify.shard);
        if (this.disallowIntents) {
          socket.close(4014, 'Disallowed intent(s).');
          return;
        }
        this.sockets.add(socket);
        this.sendReady(socket);
      }
    });
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.socketShards.delete(socket);
      this.disconnects.push(performance.now());
    });
  }

  private sendReady(socket: WebSocket): void {
    // Each shard hears only of its own guilds, as Discord does.
    const shard = this.socketShards.get(socket) ?? [0, 1];
    const mine = (guildId: string) => FakeDiscord.shardOf(guildId, shard[1]) === shard[0];
    const guilds = [this.guildId, ...this.extraGuilds.map((guild) => guild.guildId)].filter(mine);
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: { ...this.botUser, verified: true, mfa_enabled: false },
      guilds: guilds.map((id) => ({ id, unavailable: true })),
      session_id: `session-${nextId()}`,
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      shard,
      application: {
        id: this.applicationId,
        flags: this.applicationFlags as ApplicationFlags,
        flags_new: String(this.applicationFlags),
      },
    };
    this.dispatch('READY', ready, socket);
    for (const extra of this.extraGuilds.filter((guild) => mine(guild.guildId))) {
      const botRoleId = nextId();
      this.dispatch(
        'GUILD_CREATE',
        makeGuildCreate({
          id: extra.guildId,
          ownerId: this.user.id,
          everyoneRoleId: extra.guildId,
          botRoleId,
          channels: [makeTextChannel(extra.channelId, extra.guildId, 'general')],
          members: [makeMember(this.botUser, [botRoleId]), makeMember(this.user, [])],
        }),
        socket,
      );
    }
    if (!mine(this.guildId)) return;
    const shape: GuildShape = {
      id: this.guildId,
      ownerId: this.user.id,
      everyoneRoleId: this.everyoneRoleId,
      botRoleId: this.botRoleId,
      channels: [
        makeTextChannel(this.channelId, this.guildId, 'general'),
        makeTextChannel(this.otherChannelId, this.guildId, 'no-embeds'),
      ],
      members: [
        makeMember(this.botUser, [this.botRoleId]),
        makeMember(this.user, []),
        makeMember(this.otherUser, []),
      ],
    };
    this.dispatch('GUILD_CREATE', makeGuildCreate(shape), socket);
  }
}

export async function startFakeDiscord(): Promise<FakeDiscord> {
  return new FakeDiscord().start();
}

function resolvedChannel(id: string) {
  return {
    id,
    type: ChannelType.GuildText as const,
    name: 'general',
    permissions: String(MEMBER_PERMISSIONS),
  };
}

function matchRoute(
  method: string,
  path: string,
): { pattern: string; params: Record<string, string> } | null {
  const parts = path.split('/');
  for (const [routeMethod, pattern] of ROUTES) {
    if (routeMethod !== method) continue;
    const expected = pattern.split('/');
    if (expected.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = expected.every((segment, index) => {
      const actual = parts[index] ?? '';
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = actual;
        return actual.length > 0;
      }
      return segment === actual;
    });
    if (matches) return { pattern, params };
  }
  return null;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return null;
  if (contentType?.startsWith('application/json')) return JSON.parse(raw.toString('utf8'));
  // Multipart (file uploads): keep the JSON part so the body can still be validated.
  const text = raw.toString('utf8');
  const json =
    /name="payload_json"\r\n(?:Content-Type: application\/json\r\n)?\r\n([\s\S]*?)\r\n--/.exec(
      text,
    );
  return json?.[1] ? JSON.parse(json[1]) : text;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
