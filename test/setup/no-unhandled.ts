import { afterAll } from 'vitest';

// Any unhandled rejection or uncaught exception fails the run: the bot must never leave one.
const seen: unknown[] = [];
const record = (error: unknown) => {
  seen.push(error);
};
process.on('unhandledRejection', record);
process.on('uncaughtException', record);

afterAll(() => {
  process.off('unhandledRejection', record);
  process.off('uncaughtException', record);
  if (seen.length > 0) {
    throw new Error(`unhandled errors during this file: ${seen.map(String).join('; ')}`);
  }
});
