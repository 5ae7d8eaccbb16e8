import pino, { type Logger, type LoggerOptions } from 'pino';

/** Log lines held for a reader that is not taking them; past this, new lines are dropped. */
const MAX_PENDING_LOG_BYTES = 8 * 1024 * 1024;
/** How long a stopping program waits for its last log lines to be taken. */
export const LOG_CLOSE_MS = 2000;

export interface ProgramLogger {
  logger: Logger;
  /**
   * Writes what is pending and closes the log, waiting `timeoutMs` at most; false when the
   * reader did not take it all in time (what is left is dropped).
   */
  closeLogs(timeoutMs?: number): Promise<boolean>;
}

/**
 * JSON lines on standard output, written off the event loop. pino flushes synchronously at
 * exit, and a synchronous write to a pipe whose reader stopped reading (a hung log shipper,
 * `| less` left open) never returns, so a stopped program would hang for ever in its exit
 * handler. closeLogs bounds that wait; lines a stalled reader leaves behind are given up.
 */
export function createProgramLogger(options: LoggerOptions): ProgramLogger {
  const destination = pino.destination({
    dest: 1,
    sync: false,
    maxLength: MAX_PENDING_LOG_BYTES,
  });
  const logger = pino(options, destination);
  return {
    logger,
    closeLogs(timeoutMs = LOG_CLOSE_MS) {
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          // pino's exit handler would otherwise write the rest synchronously, for ever.
          destination.flushSync = () => {};
          resolve(false);
        }, timeoutMs);
        destination.once('close', () => {
          clearTimeout(timer);
          resolve(true);
        });
        try {
          destination.end();
        } catch {
          // Already closed (its reader went away and pino stopped writing): nothing to wait for.
          clearTimeout(timer);
          resolve(true);
        }
      });
    },
  };
}
