import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI from 'openai';
import {
  APIConnectionTimeoutError,
  APIError,
  ContentFilterFinishReasonError,
  LengthFinishReasonError,
} from 'openai/error';
import { zodResponseFormat } from 'openai/helpers/zod';
import { makeParseableResponseFormat } from 'openai/lib/parser';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import { z } from 'zod';
import { formatWait, UserError } from '../../shared/errors.ts';
import { inert } from '../inert.ts';
import { createCheckedFetch } from './checked-fetch.ts';
import { InvalidOutputError, validateAnswer } from './invalid-output.ts';
import { portableSchema } from './portable-schema.ts';
import { deadlineError, isRetryable, toUserError } from './provider-errors.ts';
import { retryAfterMs, retryDelay } from './retry-delay.ts';
import type { ChatMessage, LlmClient, LlmRequest, LlmResponse } from './types.ts';

export type StructuredOutputMode = 'json_schema' | 'json_object';

export interface RetryEvent {
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  /** What went wrong with the previous attempt, as the user would be told. */
  error: unknown;
}

export interface OpenAiClientOptions {
  apiKey: string;
  /** null or absent = OpenAI itself (absent also reads OPENAI_BASE_URL, as the SDK does). */
  baseURL?: string | null;
  model: string;
  /** json_schema: strict JSON-schema output; json_object: JSON mode + the schema in the prompt. */
  structuredOutput: StructuredOutputMode;
  /** Per attempt, not per call: the caller's signal bounds the whole job. */
  timeoutMs?: number;
  /** Extra attempts after the first, for rate limits, 5xx, connection errors and timeouts. */
  maxRetries?: number;
  fetch?: typeof fetch;
  /**
   * Default: max_completion_tokens with json_schema (current OpenAI models reject max_tokens),
   * max_tokens with json_object (what older local servers understand).
   */
  maxTokensField?: 'max_completion_tokens' | 'max_tokens';
  /** Called before each retry's wait, e.g. to log it. */
  onRetry?: (event: RetryEvent) => void;
  /**
   * Called once when the endpoint refuses json_schema output and the client switches to
   * json_object for the rest of the process. Default: a warning on stderr.
   */
  onFallback?: (event: { model: string; reason: string }) => void;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 2;
const NO_KEY = 'no-key';

export function createOpenAiClient(options: OpenAiClientOptions): LlmClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sdk = new OpenAI({
    // Local servers need no key, but the SDK refuses to start without one.
    apiKey: options.apiKey || NO_KEY,
    baseURL: options.baseURL,
    // The SDK retries every 429, quota errors included, so retries are ours (withRetries).
    maxRetries: 0,
    timeout: timeoutMs,
    fetch: createCheckedFetch(options.fetch ?? fetch),
  });
  // json_schema until the endpoint says it does not support it; then json_object for good.
  let mode = options.structuredOutput;
  const onFallback =
    options.onFallback ??
    ((event: { model: string; reason: string }) => {
      process.stderr.write(
        `precis: warning: the endpoint refused JSON-schema output for ${event.model}; using JSON mode instead (${event.reason})\n`,
      );
    });
  const maxTokensField =
    options.maxTokensField ?? (mode === 'json_schema' ? 'max_completion_tokens' : 'max_tokens');

  function body<T>(request: LlmRequest<T>): ChatCompletionCreateParamsNonStreaming {
    return {
      model: options.model,
      messages:
        mode === 'json_object'
          ? withSchemaInstruction(request.messages, request.schema)
          : request.messages,
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(request.maxOutputTokens === undefined
        ? {}
        : { [maxTokensField]: request.maxOutputTokens }),
    };
  }

  /**
   * One attempt, bounded by our own timer as well as the SDK's: the SDK's timeout stops once
   * the headers arrive, so a server that stalls mid-body would otherwise hang until the deadline.
   */
  async function attempt<T>(request: LlmRequest<T>): Promise<ChatCompletion> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    try {
      try {
        return await send(request, signal);
      } catch (error) {
        if (mode !== 'json_schema' || !refusesJsonSchema(error)) throw error;
        mode = 'json_object';
        onFallback({
          model: options.model,
          reason: error.message.replace(/\s+/g, ' ').slice(0, 200),
        });
        return await send(request, signal);
      }
    } catch (error) {
      if (timeout.aborted && !request.signal?.aborted) throw new APIConnectionTimeoutError();
      throw error;
    }
  }

  function send<T>(request: LlmRequest<T>, signal: AbortSignal): Promise<ChatCompletion> {
    const requestOptions = { signal };
    if (mode === 'json_object') {
      return sdk.chat.completions.create(
        { ...body(request), response_format: { type: 'json_object' } },
        requestOptions,
      );
    }
    // parse() checks finish_reason for us. Its parser hands back the raw text rather than
    // throwing, so an invalid answer keeps its text for the re-ask and both modes validate alike.
    const format = zodResponseFormat(request.schema, request.schemaName);
    const portable = {
      ...format,
      json_schema: { ...format.json_schema, schema: portableSchema(format.json_schema.schema) },
    } as typeof format;
    return sdk.chat.completions.parse(
      {
        ...body(request),
        response_format: makeParseableResponseFormat(portable, (raw) => raw),
      },
      requestOptions,
    );
  }

  return {
    model: options.model,
    async complete<T>(request: LlmRequest<T>): Promise<LlmResponse<T>> {
      const completion = await withRetries(() => attempt(request), {
        maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
        signal: request.signal,
        onRetry: options.onRetry,
      });
      const usage = {
        input: completion.usage?.prompt_tokens ?? 0,
        output: completion.usage?.completion_tokens ?? 0,
      };
      const model = completion.model || options.model;
      try {
        return { value: readAnswer(completion, request.schema), usage, model };
      } catch (error) {
        // An unusable answer still cost tokens: details.usage lets the ledger count them.
        if (error instanceof UserError) Object.assign(error.details, { usage, model });
        throw error;
      }
    },
  };
}

function withSchemaInstruction(messages: ChatMessage[], schema: z.ZodType): ChatMessage[] {
  const instruction = `Answer with one JSON object that matches this JSON Schema: ${JSON.stringify(z.toJSONSchema(schema))}`;
  const index = messages.findIndex((message) => message.role === 'system');
  if (index === -1) return [{ role: 'system', content: instruction }, ...messages];
  return messages.map((message, i) =>
    i === index ? { ...message, content: `${message.content}\n\n${instruction}` } : message,
  );
}

/**
 * A 400 (422 on some servers) about response_format: the endpoint has no JSON-schema output,
 * which JSON mode plus the schema in the prompt can stand in for.
 */
function refusesJsonSchema(error: unknown): error is APIError {
  if (!(error instanceof APIError) || (error.status !== 400 && error.status !== 422)) return false;
  return error.param === 'response_format' || /response_format|json_schema/i.test(error.message);
}

function refused(text: string | null): UserError {
  // The model's words, shown as inert text: a refusal can carry a masked link or a mention.
  const reason = text?.trim() ? inert(text, 200) : '';
  return new UserError(
    'refused',
    reason
      ? `the model refused to summarize this text: ${reason}`
      : 'the model refused to summarize this text',
  );
}

function truncated(cause?: unknown): UserError {
  return new UserError(
    'output_truncated',
    "the model's answer was cut off before it finished",
    {},
    { cause },
  );
}

function readAnswer<T>(completion: ChatCompletion, schema: z.ZodType<T>): T {
  const choice = completion.choices[0];
  if (!choice) throw new InvalidOutputError('', ['the answer had no choices']);
  if (choice.finish_reason === 'length') throw truncated();
  if (choice.finish_reason === 'content_filter') throw refused(null);
  if (choice.message.refusal) throw refused(choice.message.refusal);
  const content = choice.message.content ?? '';
  if (content.trim() === '') throw new InvalidOutputError(content, ['the answer was empty']);
  return validateAnswer(schema, content);
}

/** SDK errors that parse() raises about an answer that did arrive. */
function answerError(error: unknown): UserError | null {
  if (error instanceof LengthFinishReasonError) return truncated(error);
  if (error instanceof ContentFilterFinishReasonError) return refused(null);
  return null;
}

/** The provider's own wait, when it named one, goes with the error: the user is told it. */
function withWait(mapped: unknown, headers: Pick<Headers, 'get'> | undefined): unknown {
  const wait = retryAfterMs(headers);
  if (!(mapped instanceof UserError) || wait === null || wait < 1000) return mapped;
  return new UserError(
    mapped.code,
    `${mapped.message} and asks to wait ${formatWait(wait)}`,
    { ...mapped.details, retryAfterMs: wait },
    { cause: mapped.cause },
  );
}

async function withRetries<R>(
  attempt: () => Promise<R>,
  options: { maxRetries: number; signal?: AbortSignal; onRetry?: (event: RetryEvent) => void },
): Promise<R> {
  const { signal } = options;
  for (let retry = 0; ; retry++) {
    if (signal?.aborted) throw deadlineError(signal.reason);
    try {
      return await attempt();
    } catch (error) {
      if (signal?.aborted) throw deadlineError(error);
      const answer = answerError(error);
      if (answer) throw answer;
      if (!isRetryable(error)) throw toUserError(error);
      if (retry >= options.maxRetries) throw withWait(toUserError(error), error.headers);

      const delay = retryDelay(error.headers, retry);
      if (delay.kind === 'too_long') {
        const mapped = toUserError(error);
        if (!(mapped instanceof UserError)) throw mapped;
        throw new UserError(
          mapped.code,
          `${mapped.message} and asks to wait ${formatWait(delay.ms)}`,
          { ...mapped.details, retryAfterMs: delay.ms },
          { cause: error },
        );
      }
      options.onRetry?.({ retry: retry + 1, delayMs: delay.ms, error: toUserError(error) });
      try {
        await sleep(delay.ms, undefined, { signal });
      } catch (sleepError) {
        throw deadlineError(sleepError);
      }
    }
  }
}
