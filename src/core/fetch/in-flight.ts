import { settleOrAbort } from './settle-or-abort.ts';

interface Running<T> {
  promise: Promise<T>;
  controller: AbortController;
  callers: number;
  settled: boolean;
}

/**
 * Shares one in-flight task between concurrent callers with the same key. Every caller gets
 * the same result or error. A caller's own abort detaches only that caller; the shared task is
 * aborted only when every caller has gone.
 */
export function createInFlight<T>() {
  const running = new Map<string, Running<T>>();

  const start = (key: string, task: (signal: AbortSignal) => Promise<T>): Running<T> => {
    const controller = new AbortController();
    const entry: Running<T> = {
      promise: task(controller.signal),
      controller,
      callers: 0,
      settled: false,
    };
    const forget = () => {
      entry.settled = true;
      if (running.get(key) === entry) running.delete(key);
    };
    // Also marks the rejection as handled when every caller has already left.
    entry.promise.then(forget, forget);
    running.set(key, entry);
    return entry;
  };

  return function share(
    key: string,
    task: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    signal?.throwIfAborted();
    const entry = running.get(key) ?? start(key, task);
    entry.callers++;
    if (!signal) return entry.promise;

    return settleOrAbort(entry.promise, signal, () => {
      entry.callers--;
      if (entry.callers === 0 && !entry.settled) {
        if (running.get(key) === entry) running.delete(key);
        entry.controller.abort(signal.reason);
      }
    });
  };
}
