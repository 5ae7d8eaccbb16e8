import {
  type ApplicationFlags,
  type GatewayIdentifyData,
  GatewayOpcodes,
  type GatewayReadyDispatchData,
} from 'discord-api-types/v10';
import type { WebSocket, WebSocketServer } from 'ws';
import {
  type GuildShape,
  makeGuildCreate,
  makeMember,
  makeTextChannel,
  nextId,
} from './payloads.ts';
import { type DiscordState, shardOf } from './state.ts';

/**
 * The gateway half of the loopback Discord: HELLO and heartbeats, READY then one GUILD_CREATE
 * per guild of the shard that identified, and dispatches routed to the shard of their guild.
 */
export class FakeGateway {
  readonly identifies: GatewayIdentifyData[] = [];
  /** performance.now() at each gateway disconnect, e.g. to order it against REST calls. */
  readonly disconnects: number[] = [];
  /** Set to close the gateway with 4014, as Discord does for intents not enabled in the portal. */
  disallowIntents = false;
  /** The application flags READY carries (e.g. GatewayMessageContent once enabled in the portal). */
  applicationFlags = 0;
  private readonly sockets = new Set<WebSocket>();
  /** The [shard id, shard count] each socket identified with. */
  private readonly socketShards = new Map<WebSocket, [number, number]>();
  private sequence = 0;

  constructor(
    private readonly state: DiscordState,
    /** ws://127.0.0.1:PORT once listening. */
    private readonly url: () => string,
  ) {}

  attach(wss: WebSocketServer): void {
    wss.on('connection', (socket) => this.onConnection(socket));
  }

  terminateAll(): void {
    for (const socket of this.sockets) socket.terminate();
  }

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
      if (guildId && count > 1 && shardOf(guildId, count) !== shardId) continue;
      socket.send(payload);
    }
  }

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
    const { state } = this;
    // Each shard hears only of its own guilds, as Discord does.
    const shard = this.socketShards.get(socket) ?? [0, 1];
    const mine = (guildId: string) => shardOf(guildId, shard[1]) === shard[0];
    const guilds = [state.guildId, ...state.extraGuilds.map((guild) => guild.guildId)].filter(mine);
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: { ...state.botUser, verified: true, mfa_enabled: false },
      guilds: guilds.map((id) => ({ id, unavailable: true })),
      session_id: `session-${nextId()}`,
      resume_gateway_url: this.url(),
      shard,
      application: {
        id: state.applicationId,
        flags: this.applicationFlags as ApplicationFlags,
        flags_new: String(this.applicationFlags),
      },
    };
    this.dispatch('READY', ready, socket);
    for (const extra of state.extraGuilds.filter((guild) => mine(guild.guildId))) {
      const botRoleId = nextId();
      this.dispatch(
        'GUILD_CREATE',
        makeGuildCreate({
          id: extra.guildId,
          ownerId: state.user.id,
          everyoneRoleId: extra.guildId,
          botRoleId,
          channels: [makeTextChannel(extra.channelId, extra.guildId, 'general')],
          members: [makeMember(state.botUser, [botRoleId]), makeMember(state.user, [])],
        }),
        socket,
      );
    }
    if (!mine(state.guildId)) return;
    const shape: GuildShape = {
      id: state.guildId,
      ownerId: state.user.id,
      everyoneRoleId: state.everyoneRoleId,
      botRoleId: state.botRoleId,
      channels: [
        makeTextChannel(state.channelId, state.guildId, 'general'),
        makeTextChannel(state.otherChannelId, state.guildId, 'no-embeds'),
      ],
      members: [
        makeMember(state.botUser, [state.botRoleId]),
        makeMember(state.user, []),
        makeMember(state.otherUser, []),
      ],
    };
    this.dispatch('GUILD_CREATE', makeGuildCreate(shape), socket);
  }
}
