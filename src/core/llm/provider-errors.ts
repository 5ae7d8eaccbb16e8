import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai/error';
import { UserError } from '../../shared/errors.ts';
import { inert } from '../inert.ts';

/** An account out of credit: retrying can never succeed, so it must not be retried. */
function isQuotaError(error: unknown): boolean {
  return (
    error instanceof RateLimitError &&
    (error.code === 'insufficient_quota' || error.type === 'insufficient_quota')
  );
}

/** OpenAI and vLLM send a code or "maximum context length"; llama.cpp says "context size". */
function isContextTooLong(error: APIError): boolean {
  return (
    error.code === 'context_length_exceeded' ||
    error.type === 'exceed_context_size_error' ||
    /maximum context length|context (length|window|size)|too many tokens/i.test(error.message)
  );
}

/** Transient failures worth another attempt: what the SDK retries, minus quota errors. */
export function isRetryable(error: unknown): error is APIError {
  if (error instanceof APIUserAbortError) return false;
  // Our own verdict on the answer (see checked-fetch): the endpoint would say the same again.
  if (error instanceof APIConnectionError && error.cause instanceof UserError) return false;
  if (error instanceof APIConnectionError) return true; // includes per-attempt timeouts
  if (!(error instanceof APIError) || error.status === undefined) return false;
  if (isQuotaError(error)) return false;
  // Non-standard header the SDK also obeys: the server says whether a retry can help.
  const shouldRetry = error.headers?.get('x-should-retry');
  if (shouldRetry === 'true') return true;
  if (shouldRetry === 'false') return false;
  return (
    error.status === 408 || error.status === 409 || error.status === 429 || error.status >= 500
  );
}

export function deadlineError(cause?: unknown): UserError {
  return new UserError('deadline', 'the summary took too long and was stopped', {}, { cause });
}

/** Turns an SDK error into a UserError with a code; anything else (a bug) is returned as is. */
export function toUserError(error: unknown): unknown {
  if (error instanceof UserError) return error;
  if (error instanceof APIUserAbortError) return deadlineError(error);
  if (error instanceof APIConnectionError && error.cause instanceof UserError) return error.cause;
  if (error instanceof APIConnectionTimeoutError) {
    return new UserError('llm_timeout', 'the model took too long to answer', {}, { cause: error });
  }
  if (error instanceof APIConnectionError) {
    return new UserError(
      'llm_unavailable',
      'could not reach the model provider',
      {},
      { cause: error },
    );
  }
  if (!(error instanceof APIError)) return error;

  const details = { status: error.status, providerCode: error.code, requestId: error.requestID };
  const withCause = { cause: error };
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
    return new UserError('bad_key', 'the model provider rejected the API key', details, withCause);
  }
  if (isQuotaError(error)) {
    return new UserError(
      'quota',
      'the model provider says the account is out of quota',
      details,
      withCause,
    );
  }
  if (error instanceof RateLimitError) {
    return new UserError(
      'rate_limited',
      'the model provider is rate-limiting Precis',
      details,
      withCause,
    );
  }
  if (error instanceof BadRequestError && isContextTooLong(error)) {
    return new UserError(
      'source_too_long',
      'the text is longer than the model can read at once',
      details,
      withCause,
    );
  }
  if (error.status !== undefined && error.status >= 500) {
    return new UserError(
      'llm_unavailable',
      `the model provider is unavailable (status ${error.status})`,
      details,
      withCause,
    );
  }
  // 400/404/422: usually configuration (unknown model, unsupported response_format), which
  // waiting will not fix, so it must not say "try again in a minute".
  return new UserError(
    'llm_misconfigured',
    // The SDK's message starts with the status again ("404 The model…").
    `the model provider rejected the request (status ${error.status}: ${inert(error.message.replace(/^\d{3}\s+/, ''), 200)})`,
    details,
    withCause,
  );
}
