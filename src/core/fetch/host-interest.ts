/**
 * Which fetches are waiting to connect to a host. undici's connect-time `lookup` is not told
 * which request it serves, so a lookup is cancelled when every fetch waiting on its host has
 * been aborted (a job's deadline or cancel), instead of running on until its own timeout.
 */
export function createHostInterest() {
  const waiting = new Map<string, Set<AbortSignal>>();
  const lookups = new Map<string, Set<AbortController>>();

  const anyoneWaiting = (host: string) =>
    [...(waiting.get(host) ?? [])].some((signal) => !signal.aborted);

  const cancelIfAbandoned = (host: string) => {
    if (anyoneWaiting(host)) return;
    for (const controller of lookups.get(host) ?? []) controller.abort();
    lookups.delete(host);
  };

  return {
    /** Marks `signal`'s fetch as waiting on `host`; call the result once it is connected or done. */
    wait(host: string, signal: AbortSignal): () => void {
      const signals = waiting.get(host) ?? new Set();
      waiting.set(host, signals);
      signals.add(signal);
      const onAbort = () => cancelIfAbandoned(host);
      signal.addEventListener('abort', onAbort, { once: true });
      return () => {
        signal.removeEventListener('abort', onAbort);
        signals.delete(signal);
        if (signals.size === 0 && waiting.get(host) === signals) waiting.delete(host);
      };
    },
    /** A signal for one lookup of `host`, aborted once nobody waits for it; `done` forgets it. */
    lookupSignal(host: string): { signal: AbortSignal; done: () => void } {
      const controller = new AbortController();
      const controllers = lookups.get(host) ?? new Set();
      lookups.set(host, controllers);
      controllers.add(controller);
      return {
        signal: controller.signal,
        done: () => {
          controllers.delete(controller);
          if (controllers.size === 0 && lookups.get(host) === controllers) lookups.delete(host);
        },
      };
    },
  };
}

export type HostInterest = ReturnType<typeof createHostInterest>;
