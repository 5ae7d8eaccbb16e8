import { UserError } from '../shared/errors.ts';

/** A job's one deadline: the signal every step runs under, and how a failure after it reads. */
export interface Deadline {
  signal: AbortSignal;
  ms: number;
  /** Whatever failed once the deadline passed failed because of it. */
  explain(error: unknown): unknown;
}

/** Starts a deadline of `ms`, also ended by `outer` (the user went away, the process stops). */
export function startDeadline(ms: number, outer?: AbortSignal): Deadline {
  const timer = AbortSignal.timeout(ms);
  return {
    signal: outer ? AbortSignal.any([outer, timer]) : timer,
    ms,
    explain(error) {
      if (!timer.aborted) return error;
      if (error instanceof UserError && error.code === 'deadline') return error;
      return new UserError(
        'deadline',
        `The summary took longer than ${Math.round(ms / 1000)} s and was stopped.`,
        {},
        { cause: error },
      );
    },
  };
}
