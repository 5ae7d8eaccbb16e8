import CircuitBreaker from 'opossum';
import PQueue from 'p-queue';
import { UserError } from '../../shared/errors.ts';
import type { LlmClient, LlmRequest, LlmResponse } from './types.ts';

export interface SchedulerOptions {
  /** Model calls in flight at once, across every server. */
  concurrency?: number;
  /** Failures (in %) over the rolling window that open the circuit. */
  errorThresholdPercentage?: number;
  /** Calls in the window before the breaker may open at all. */
  volumeThreshold?: number;
  /** How long the circuit stays open before one trial call. */
  resetTimeoutMs?: number;
  rollingWindowMs?: number;
}

/** Failures that say the provider is down; a bad answer or a refusal says nothing about it. */
const PROVIDER_DOWN = new Set(['llm_unavailable', 'llm_timeout', 'rate_limited']);

export interface ScheduledLlm extends LlmClient {
  readonly queue: PQueue;
  readonly breaker: CircuitBreaker;
  /** Calls waiting for a slot. */
  readonly waiting: number;
}

/**
 * Wraps a model client with a global limit on concurrent calls that is fair between servers,
 * and a circuit breaker. Fairness: a call's priority is minus the calls its server already
 * has queued or running, so a server with fifty queued calls cannot starve one with a single
 * call. While the provider keeps failing, the breaker opens and calls fail at once with a
 * clear message instead of each waiting for its own timeout.
 */
export function createScheduledLlm(inner: LlmClient, options: SchedulerOptions = {}): ScheduledLlm {
  const queue = new PQueue({ concurrency: options.concurrency ?? 8 });
  const pending = new Map<string, number>();
  const breaker = new CircuitBreaker((request: LlmRequest<unknown>) => inner.complete(request), {
    timeout: false, // the client has its own per-attempt timeout and the job its deadline
    errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
    volumeThreshold: options.volumeThreshold ?? 10,
    resetTimeout: options.resetTimeoutMs ?? 30_000,
    rollingCountTimeout: options.rollingWindowMs ?? 60_000,
    // true = "not a failure of the provider".
    errorFilter: (error: unknown) => !(error instanceof UserError && PROVIDER_DOWN.has(error.code)),
  });

  async function complete<T>(request: LlmRequest<T>): Promise<LlmResponse<T>> {
    const key = request.queueKey ?? '';
    const ahead = pending.get(key) ?? 0;
    pending.set(key, ahead + 1);
    try {
      return await queue.add(() => callThroughBreaker(request), {
        priority: -ahead,
        signal: request.signal,
      });
    } catch (error) {
      if (request.signal?.aborted && !(error instanceof UserError)) {
        throw new UserError(
          'deadline',
          'The summary took too long and was stopped.',
          {},
          { cause: error },
        );
      }
      throw error;
    } finally {
      const left = (pending.get(key) ?? 1) - 1;
      if (left === 0) pending.delete(key);
      else pending.set(key, left);
    }
  }

  async function callThroughBreaker<T>(request: LlmRequest<T>): Promise<LlmResponse<T>> {
    try {
      return (await breaker.fire(request)) as LlmResponse<T>;
    } catch (error) {
      if (CircuitBreaker.isOurError(error as Error)) {
        throw new UserError(
          'llm_unavailable',
          'The model provider is failing right now, so Precis has paused calls to it.',
          { circuit: 'open' },
          { cause: error },
        );
      }
      throw error;
    }
  }

  return {
    get model() {
      return inner.model;
    },
    complete,
    queue,
    breaker,
    get waiting() {
      return queue.size;
    },
  };
}
