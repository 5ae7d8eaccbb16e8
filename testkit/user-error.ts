import { expect } from 'vitest';
import { UserError } from '../src/shared/errors.ts';

/** Awaits a promise that must reject with a UserError, and returns it for more assertions. */
export async function rejectedWithUserError(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}
