import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback stand-in for an OpenAI-compatible server: `POST /v1/chat/completions` answered
 * the way the API answers (bodies, status codes, error shapes, retry headers), one scripted
 * step per request. The real `openai` SDK talks to it through `baseURL: fake.url`.
 *
 *   const fake = await startFakeOpenAi();
 *   fake.push(fakeSteps.rateLimit({ retryAfterMs: 50 }), fakeSteps.json({ tldr: 'x' }));
 *   // ... createOpenAiClient({ baseURL: fake.url, apiKey: 'sk-test', ... })
 *   expect(fake.requests).toHaveLength(2);
 *   await fake.close();
 */

/** A request body as the SDK sends it (parsed JSON). */
export interface FakeChatRequest {
  model: string;
  messages: Array<{ role: string; content: string | null }>;
  response_format?:
    | { type: 'json_schema'; json_schema: { name: string; strict?: boolean; schema: unknown } }
    | { type: 'json_object' }
    | { type: 'text' };
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  [key: string]: unknown;
}

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

interface AnswerExtras {
  /** Defaults: about 4 characters per token of the prompt and of the answer. */
  usage?: Partial<FakeUsage>;
  /** Default: the requested model. */
  model?: string;
}

export type FakeStep =
  /** A valid answer: `value` serialized as the message content. */
  | ({ kind: 'json'; value: unknown } & AnswerExtras)
  /** Any content, e.g. text that is not JSON. */
  | ({ kind: 'content'; content: string } & AnswerExtras)
  /** finish_reason "length" with a cut-off answer. */
  | ({ kind: 'length'; content?: string } & AnswerExtras)
  /** message.refusal set, content null. */
  | ({ kind: 'refusal'; text: string } & AnswerExtras)
  /** finish_reason "content_filter". */
  | ({ kind: 'content_filter' } & AnswerExtras)
  /** An error response `{error:{message,type,param,code}}`, or a raw `body` (e.g. a proxy's HTML). */
  | {
      kind: 'status';
      status: number;
      code?: string | null;
      type?: string;
      message?: string;
      param?: string | null;
      headers?: Record<string, string>;
      body?: string;
    }
  /** Accepts the request and never answers (cleaned up by close()). */
  | { kind: 'hang' }
  /** Sends the 200 headers and the start of the body, then nothing more. */
  | { kind: 'stall' }
  /** Drops the connection without answering: a connection error for the client. */
  | { kind: 'reset' }
  /**
   * Any status, content type and body, as a misconfigured endpoint or a gateway sends them
   * (an event stream nobody asked for, an HTML error page, HTML labelled as JSON).
   */
  | { kind: 'raw'; status?: number; contentType: string; body: string }
  /** A 200 whose body stops part-way: `close` drops the socket, else Content-Length lies. */
  | { kind: 'cut_off'; close?: boolean }
  | { kind: 'delay'; ms: number; then: FakeStep }
  | FakeResponder;

/** Answers based on the request, e.g. on the prompt. `index` is 0 for the first request. */
export type FakeResponder = (
  request: FakeChatRequest,
  index: number,
) => FakeStep | Promise<FakeStep>;

export interface FakeOpenAi {
  /** Base URL for the SDK: `http://127.0.0.1:PORT/v1`. */
  readonly url: string;
  /** Every chat request body received, in order. */
  readonly requests: FakeChatRequest[];
  /** performance.now() when each request in `requests` arrived. */
  readonly receivedAt: number[];
  /** The headers of each request in `requests` (e.g. authorization). */
  readonly headers: IncomingHttpHeaders[];
  /** Requests whose client went away before the fake answered (aborts, timeouts). */
  readonly abandoned: number;
  /** Chat requests received and not yet answered or abandoned. */
  readonly inFlight: number;
  /** The most chat requests ever in flight at once. */
  readonly maxInFlight: number;
  /** Queues steps, used once each, in order. */
  push(...steps: FakeStep[]): void;
  /** Replaces the queue. */
  script(steps: FakeStep[]): void;
  /** Used when the queue is empty. Without one, an unscripted request gets a 400 that says so. */
  setDefault(step: FakeStep | null): void;
  /** Resolves once at least `count` chat requests have arrived. */
  waitForRequests(count: number): Promise<void>;
  /** Resolves once at least `count` requests have been abandoned by their client. */
  waitForAbandoned(count: number): Promise<void>;
  /** Forgets the queue, the default, the recorded requests and the in-flight peak. */
  reset(): void;
  /** Ends every open connection (hangs included) and stops the server. */
  close(): Promise<void>;
}

const ERROR_DEFAULTS: Record<number, { message: string; type: string; code: string | null }> = {
  400: { message: 'Invalid request.', type: 'invalid_request_error', code: null },
  401: {
    message:
      'Incorrect API key provided: sk-test. You can find your API key at https://platform.openai.com/account/api-keys.',
    type: 'invalid_request_error',
    code: 'invalid_api_key',
  },
  403: {
    message: 'You are not allowed to use this model.',
    type: 'invalid_request_error',
    code: null,
  },
  404: {
    message: 'The model does not exist.',
    type: 'invalid_request_error',
    code: 'model_not_found',
  },
  429: {
    message: 'Rate limit reached for requests. Please try again later.',
    type: 'requests',
    code: 'rate_limit_exceeded',
  },
  500: {
    message: 'The server had an error while processing your request. Sorry about that!',
    type: 'server_error',
    code: null,
  },
  503: {
    message: 'The engine is currently overloaded, please try again later.',
    type: 'server_error',
    code: null,
  },
};

/** Ready-made steps for the usual cases. */
export const fakeSteps = {
  json: (value: unknown, extras: AnswerExtras = {}): FakeStep => ({
    kind: 'json',
    value,
    ...extras,
  }),
  content: (content: string): FakeStep => ({ kind: 'content', content }),
  length: (content?: string): FakeStep => ({
    kind: 'length',
    ...(content === undefined ? {} : { content }),
  }),
  refusal: (text = "I'm sorry, I can't help with that."): FakeStep => ({ kind: 'refusal', text }),
  rateLimit: (wait: { retryAfterMs?: number; retryAfter?: string | number } = {}): FakeStep => ({
    kind: 'status',
    status: 429,
    headers: {
      ...(wait.retryAfterMs === undefined ? {} : { 'retry-after-ms': String(wait.retryAfterMs) }),
      ...(wait.retryAfter === undefined ? {} : { 'retry-after': String(wait.retryAfter) }),
    },
  }),
  quota: (): FakeStep => ({
    kind: 'status',
    status: 429,
    type: 'insufficient_quota',
    code: 'insufficient_quota',
    message:
      'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
  }),
  serverError: (status = 500): FakeStep => ({ kind: 'status', status }),
  badKey: (): FakeStep => ({ kind: 'status', status: 401 }),
  contextTooLong: (): FakeStep => ({
    kind: 'status',
    status: 400,
    type: 'invalid_request_error',
    param: 'messages',
    code: 'context_length_exceeded',
    message:
      "This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens. Please reduce the length of the messages.",
  }),
  hang: (): FakeStep => ({ kind: 'hang' }),
  stall: (): FakeStep => ({ kind: 'stall' }),
  reset: (): FakeStep => ({ kind: 'reset' }),
  raw: (contentType: string, body: string, status = 200): FakeStep => ({
    kind: 'raw',
    status,
    contentType,
    body,
  }),
  /** What an endpoint that streams regardless of `stream: false` sends. */
  eventStream: (): FakeStep => ({
    kind: 'raw',
    contentType: 'text/event-stream',
    body: 'data: {"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"{"}}]}\n\ndata: [DONE]\n\n',
  }),
  htmlPage: (status = 200, contentType = 'text/html; charset=utf-8'): FakeStep => ({
    kind: 'raw',
    status,
    contentType,
    body: '<!doctype html><html><head><title>Sign in</title></head><body><h1>Welcome to the gateway</h1></body></html>',
  }),
  cutOff: (close = false): FakeStep => ({ kind: 'cut_off', close }),
  delay: (ms: number, then: FakeStep): FakeStep => ({ kind: 'delay', ms, then }),
} as const;

const estimateTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

function completionBody(
  request: FakeChatRequest,
  id: number,
  answer: { content: string | null; refusal: string | null; finishReason: string } & AnswerExtras,
) {
  const promptText = request.messages.map((message) => message.content ?? '').join('\n');
  const prompt_tokens = answer.usage?.prompt_tokens ?? estimateTokens(promptText);
  const completion_tokens =
    answer.usage?.completion_tokens ?? estimateTokens(answer.content ?? answer.refusal ?? '');
  return {
    id: `chatcmpl-fake${id}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: answer.model ?? request.model ?? 'gpt-fake',
    system_fingerprint: 'fp_fake',
    choices: [
      {
        index: 0,
        finish_reason: answer.finishReason,
        logprobs: null,
        message: {
          role: 'assistant',
          content: answer.content,
          refusal: answer.refusal,
          annotations: [],
        },
      },
    ],
    usage: { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens },
  };
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  headers: Record<string, string> = {},
) {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, {
    'content-type': 'application/json',
    'x-request-id': requestId,
    'openai-processing-ms': '1',
    ...headers,
  });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function sendError(
  res: ServerResponse,
  requestId: string,
  step: Extract<FakeStep, { kind: 'status' }>,
) {
  const defaults = ERROR_DEFAULTS[step.status] ?? {
    message: `Error ${step.status}`,
    type: 'server_error',
    code: null,
  };
  const body = step.body ?? {
    error: {
      message: step.message ?? defaults.message,
      type: step.type ?? defaults.type,
      param: step.param ?? null,
      code: step.code === undefined ? defaults.code : step.code,
    },
  };
  sendJson(res, step.status, body, requestId, step.headers);
}

/**
 * Keywords strict structured-output providers refuse or treat differently. The portable subset
 * leaves all of them out and validates after the answer instead.
 */
const UNPORTABLE_KEYWORDS = [
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'patternProperties',
  'default',
];

/**
 * What a strict provider says about a json_schema, in its words ('' = accepted): every object
 * lists all its keys in `required` and sets `additionalProperties: false`; no keyword above.
 */
export function strictSchemaProblem(name: string, schema: unknown): string {
  const problems: string[] = [];
  const walk = (node: unknown, context: string[]) => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, [...context, String(i)]);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    const where = `In context=(${context.map((part) => `'${part}'`).join(', ')})`;
    for (const keyword of UNPORTABLE_KEYWORDS) {
      if (keyword in object && context.at(-1) !== 'properties') {
        problems.push(`${where}, '${keyword}' is not permitted.`);
      }
    }
    const isObjectType =
      object.type === 'object' || (Array.isArray(object.type) && object.type.includes('object'));
    if (isObjectType && context.at(-1) !== 'properties') {
      if (object.additionalProperties !== false) {
        problems.push(
          `${where}, 'additionalProperties' is required to be supplied and to be false.`,
        );
      }
      const keys = Object.keys((object.properties as Record<string, unknown>) ?? {});
      const required = Array.isArray(object.required) ? object.required : [];
      const missing = keys.filter((key) => !required.includes(key));
      if (missing.length > 0) {
        problems.push(
          `${where}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing[0]}'.`,
        );
      }
    }
    for (const [key, value] of Object.entries(object)) walk(value, [...context, key]);
  };
  walk(schema, []);
  return problems.length === 0
    ? ''
    : `Invalid schema for response_format '${name}': ${problems[0]}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export interface FakeOpenAiOptions {
  default?: FakeStep;
  /** false: answer every json_schema request with the 400 of a server without JSON-schema output. */
  jsonSchema?: boolean;
}

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const queue: FakeStep[] = [];
  let fallback: FakeStep | null = options.default ?? null;
  const requests: FakeChatRequest[] = [];
  const headers: IncomingHttpHeaders[] = [];
  const receivedAt: number[] = [];
  let abandoned = 0;
  let served = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const waiters = new Set<{
    ready: () => boolean;
    resolve: () => void;
    reject: (e: Error) => void;
  }>();

  const notify = () => {
    for (const waiter of waiters) {
      if (waiter.ready()) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
  };
  const waitFor = (ready: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      if (ready()) return resolve();
      waiters.add({ ready, resolve, reject });
    });

  async function play(
    step: FakeStep,
    request: FakeChatRequest,
    index: number,
    res: ServerResponse,
  ) {
    const requestId = `req_fake_${index}`;
    if (typeof step === 'function') {
      return play(await step(request, index), request, index, res);
    }
    switch (step.kind) {
      case 'json':
      case 'content':
      case 'length':
      case 'refusal':
      case 'content_filter': {
        const answer =
          step.kind === 'json'
            ? { content: JSON.stringify(step.value), refusal: null, finishReason: 'stop' }
            : step.kind === 'content'
              ? { content: step.content, refusal: null, finishReason: 'stop' }
              : step.kind === 'length'
                ? {
                    content: step.content ?? '{"tldr": "The article says that the',
                    refusal: null,
                    finishReason: 'length',
                  }
                : step.kind === 'refusal'
                  ? { content: null, refusal: step.text, finishReason: 'stop' }
                  : { content: null, refusal: null, finishReason: 'content_filter' };
        const extras = { usage: step.usage, model: step.model };
        sendJson(res, 200, completionBody(request, index, { ...answer, ...extras }), requestId);
        return;
      }
      case 'status':
        sendError(res, requestId, step);
        return;
      case 'hang':
        return;
      case 'stall':
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': requestId });
        res.write('{"id":"chatcmpl-fake","object":"chat.completion","choices":[');
        return;
      case 'reset':
        res.socket?.destroy();
        return;
      case 'raw':
        if (res.destroyed) return;
        res.writeHead(step.status ?? 200, {
          'content-type': step.contentType,
          'x-request-id': requestId,
        });
        res.end(step.body);
        return;
      case 'cut_off': {
        if (res.destroyed) return;
        const whole = JSON.stringify(
          completionBody(request, index, {
            content: '{"tldr":"cut"}',
            refusal: null,
            finishReason: 'stop',
          }),
        );
        const part = whole.slice(0, Math.floor(whole.length / 2));
        res.writeHead(200, {
          'content-type': 'application/json',
          'x-request-id': requestId,
          ...(step.close ? {} : { 'content-length': String(Buffer.byteLength(whole)) }),
        });
        res.write(part, () => res.socket?.destroy());
        return;
      }
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (res.destroyed) return;
          play(step.then, request, index, res).catch((error) => fail(res, requestId, error));
        }, step.ms);
        timers.add(timer);
        return;
      }
    }
  }

  function fail(res: ServerResponse, requestId: string, error: unknown) {
    const message = `fake-openai: the scripted responder threw: ${error instanceof Error ? error.message : String(error)}`;
    sendError(res, requestId, {
      kind: 'status',
      // A 400 is not retried, so this message reaches the test instead of a retry loop.
      status: 400,
      message,
      code: 'fake_responder_threw',
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?')[0];
    const requestId = `req_fake_${served}`;
    if (req.method === 'GET' && path === '/v1/models') {
      sendJson(
        res,
        200,
        {
          object: 'list',
          data: [{ id: 'gpt-fake', object: 'model', created: 0, owned_by: 'fake' }],
        },
        requestId,
      );
      return;
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      sendError(res, requestId, {
        kind: 'status',
        status: 404,
        code: null,
        message: `Invalid URL (${req.method} ${path})`,
      });
      return;
    }
    const text = await readBody(req);
    let request: FakeChatRequest;
    try {
      request = JSON.parse(text) as FakeChatRequest;
    } catch {
      sendError(res, requestId, {
        kind: 'status',
        status: 400,
        message: 'We could not parse the JSON body of your request.',
      });
      return;
    }
    const index = served++;
    requests.push(request);
    headers.push(req.headers);
    receivedAt.push(performance.now());
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight--;
      if (!res.writableEnded) {
        abandoned++;
        notify();
      }
    });
    notify();

    // Checked before any scripted step, as a real provider checks before it runs the model.
    const format = request.response_format;
    if (format?.type === 'json_schema') {
      const problem =
        options.jsonSchema === false
          ? "Invalid value: 'json_schema'. Supported values are: 'json_object' and 'text'."
          : format.json_schema.strict
            ? strictSchemaProblem(format.json_schema.name, format.json_schema.schema)
            : '';
      if (problem) {
        sendError(res, `req_fake_${index}`, {
          kind: 'status',
          status: 400,
          type: 'invalid_request_error',
          param: 'response_format',
          code: null,
          message: problem,
        });
        return;
      }
    }

    const step =
      queue.shift() ??
      fallback ??
      ({
        kind: 'status',
        status: 400,
        code: 'fake_unscripted',
        message: `fake-openai: no step scripted for request #${index} (push a step or setDefault)`,
      } satisfies FakeStep);
    await play(step, request, index, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => fail(res, `req_fake_${served}`, error));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    headers,
    receivedAt,
    get abandoned() {
      return abandoned;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    push: (...steps) => {
      queue.push(...steps);
    },
    script: (steps) => {
      queue.splice(0, queue.length, ...steps);
    },
    setDefault: (step) => {
      fallback = step;
    },
    waitForRequests: (count) => waitFor(() => requests.length >= count),
    waitForAbandoned: (count) => waitFor(() => abandoned >= count),
    reset: () => {
      queue.length = 0;
      fallback = options.default ?? null;
      requests.length = 0;
      headers.length = 0;
      receivedAt.length = 0;
      abandoned = 0;
      served = 0;
      maxInFlight = inFlight;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const waiter of waiters) waiter.reject(new Error('fake-openai closed'));
      waiters.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
