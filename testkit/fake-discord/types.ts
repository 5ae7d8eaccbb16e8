import type { IncomingMessage } from 'node:http';
import type { APIAttachment, APIUser, Locale } from 'discord-api-types/v10';

/** One REST call the bot made, with what the fake answered. */
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
  /** For 403: 50013 Missing Permissions (default) or 50001 Missing Access. */
  code?: 50001 | 50013;
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
  /**
   * Who installed the app as this interaction reaches it: the server (default), the user
   * (a user install; in a server that never added the app unless `both`), or both.
   */
  install?: 'guild' | 'user' | 'both';
  /** Sent from the user's DM with the bot (context BotDM): no guild, no member. */
  dm?: boolean;
}

/** A channel option's value: `{ channel: id }` (a text channel in the fake's guild). */
export interface ChannelOptionValue {
  channel: string;
}

export type OptionValue = string | number | boolean | APIAttachment | ChannelOptionValue;

/** Answers of the fake's REST handlers: status, body, extra headers. */
export type Answer = [status: number, body: unknown, headers?: Record<string, string>];
