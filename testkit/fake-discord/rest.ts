import type { IncomingMessage, ServerResponse } from 'node:http';
import { interactionCallback } from './callbacks.ts';
import { nextId } from './payloads.ts';
import { type DiscordState, type InteractionState, TOKEN_LIFETIME_MS } from './state.ts';
import type { Answer, Fault, RecordedRequest, ValidationFailure } from './types.ts';
import { validateMessageResponse, validateRequestBody } from './validate.ts';

/**
 * The REST half of the loopback Discord: routes, the answers Discord gives (faults, 401 for a
 * wrong token, 50035 for a body its schemas reject) and a record of every call the bot made.
 */

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

/** What Discord answers to an interaction token older than 15 minutes. */
const EXPIRED_TOKEN: Answer = [401, { message: 'Invalid Webhook Token', code: 50027 }];

export class FakeRest {
  readonly requests: RecordedRequest[] = [];
  readonly validationFailures: ValidationFailure[] = [];
  /** Problems in the fake's own answers (checked against Discord's response schemas). */
  readonly responseFailures: ValidationFailure[] = [];
  /** Attachment downloads, by URL path. */
  readonly downloads: string[] = [];
  /** What GET /gateway/bot recommends as the shard count. */
  recommendedShards = 1;
  /** Set to answer like Discord does to a wrong token (401 on every authenticated route). */
  rejectToken = false;
  private faults: Fault[] = [];
  private waiters: {
    predicate: (r: RecordedRequest) => boolean;
    resolve: (r: RecordedRequest) => void;
  }[] = [];

  constructor(
    private readonly state: DiscordState,
    /** http://127.0.0.1:PORT once listening. */
    private readonly origin: () => string,
  ) {}

  /** Answers the next `times` requests on `route` with an error status. */
  failNext(fault: Fault): void {
    this.faults.push({ ...fault });
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

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin());
    if (req.method === 'GET' && url.pathname.startsWith('/attachments/')) {
      const file = this.state.files.get(url.pathname);
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

  private answer(r: RecordedRequest, known: boolean): Answer {
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
      if (fault.status === 403) {
        return fault.code === 50001
          ? [403, { message: 'Missing Access', code: 50001 }]
          : [403, { message: 'Missing Permissions', code: 50013 }];
      }
      return [fault.status, { message: 'Internal Server Error', code: 0 }];
    }
    const issues = validateRequestBody(r.method, r.route.slice(r.method.length + 1), r.body);
    if (issues.length > 0) {
      this.validationFailures.push({ route: r.route, issues, body: r.body });
      return [400, { message: 'Invalid Form Body', code: 50035, errors: issues }];
    }
    return this.perform(r);
  }

  private perform(r: RecordedRequest): Answer {
    const { params } = r;
    const { state } = this;
    const body = (r.body ?? {}) as Record<string, unknown>;
    switch (r.route.slice(r.method.length + 1)) {
      case '/gateway/bot':
        return [
          200,
          {
            url: this.origin().replace(/^http/, 'ws'),
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
            id: state.applicationId,
            name: 'Precis',
            description: '',
            bot_public: true,
            bot_require_code_grant: false,
            flags: 0,
          },
        ];
      case '/interactions/:id/:token/callback':
        return interactionCallback(
          state,
          params.token ?? '',
          params.id ?? '',
          body,
          r.query.get('with_response') === 'true',
        );
      case '/webhooks/:app/:token/messages/:message': {
        const interaction = state.interactionByToken(params.token ?? '');
        if (!interaction) return [404, { message: 'Unknown Webhook', code: 10015 }];
        if (this.expired(interaction)) return EXPIRED_TOKEN;
        const target =
          params.message === '@original'
            ? interaction.original
            : state.messages.get(params.message ?? '');
        if (!target) return [404, { message: 'Unknown Message', code: 10008 }];
        if (r.method === 'DELETE') {
          state.messages.delete(target.id);
          if (target === interaction.original) interaction.original = null;
          return [204, null];
        }
        if (r.method === 'PATCH') state.applyEdit(target, body);
        return this.messageAnswer(target);
      }
      case '/webhooks/:app/:token': {
        const interaction = state.interactionByToken(params.token ?? '');
        if (!interaction?.acknowledged) return [404, { message: 'Unknown Webhook', code: 10015 }];
        if (this.expired(interaction)) return EXPIRED_TOKEN;
        const flags = Number(body.flags ?? 0) | (interaction.forcePrivate ? 64 : 0);
        return this.messageAnswer(
          state.botMessage(interaction.channelId, { ...body, flags }, interaction),
        );
      }
      case '/channels/:channel/messages': {
        if (r.method === 'GET') return [200, state.history(params.channel ?? '', r.query)];
        return this.messageAnswer(state.postOnce(params.channel ?? '', body));
      }
      case '/channels/:channel':
        state.deleteChannel(params.channel ?? '');
        return [200, state.thread(state.channelId, 'deleted', params.channel)];
      case '/channels/:channel/messages/:message': {
        const target = state.messages.get(params.message ?? '');
        if (!target) return [404, { message: 'Unknown Message', code: 10008 }];
        if (r.method === 'GET') return this.messageAnswer(target);
        if (r.method === 'DELETE') {
          state.messages.delete(target.id);
          return [204, null];
        }
        state.applyEdit(target, body);
        return this.messageAnswer(target);
      }
      case '/channels/:channel/messages/:message/threads':
        // One thread per message, as on Discord.
        if (state.threadsStarted.has(params.message ?? '')) {
          return [
            400,
            { message: 'A thread has already been created for this message', code: 160004 },
          ];
        }
        state.threadsStarted.add(params.message ?? '');
        // Like Discord, a thread started from a message has that message's id.
        return [
          200,
          state.thread(params.channel ?? '', String(body.name ?? 'thread'), params.message),
        ];
      case '/channels/:channel/threads':
        return [200, state.thread(params.channel ?? '', String(body.name ?? 'thread'))];
      case '/channels/:channel/messages/:message/reactions/:emoji/@me':
        return [204, null];
      case '/applications/:app/commands':
      case '/applications/:app/guilds/:guild/commands':
        return [200, registeredCommands(r.body, state.applicationId, params.guild)];
      default:
        return [404, { message: '404: Not Found', code: 0 }];
    }
  }

  private expired(interaction: InteractionState): boolean {
    return this.state.now() - interaction.createdAt > TOKEN_LIFETIME_MS;
  }

  private messageAnswer(message: unknown): Answer {
    const issues = validateMessageResponse(message);
    if (issues.length > 0)
      this.responseFailures.push({ route: 'message response', issues, body: message });
    return [200, message];
  }
}

/** What a bulk overwrite of commands answers: each command with the fields Discord adds. */
function registeredCommands(body: unknown, applicationId: string, guildId: string | undefined) {
  const commands = Array.isArray(body) ? (body as Record<string, unknown>[]) : [];
  return commands.map((command) => ({
    ...command,
    id: nextId(),
    application_id: applicationId,
    version: nextId(),
    default_member_permissions: command.default_member_permissions ?? null,
    type: command.type ?? 1,
    description: command.description ?? '',
    ...(guildId ? { guild_id: guildId } : {}),
  }));
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
