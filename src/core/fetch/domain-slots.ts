/**
 * At most `perDomain` holders per key; the rest wait in order. A waiter that aborts leaves the
 * queue, so a job that gave up never takes a slot afterwards.
 */
export function createDomainSlots(perDomain: number) {
  const held = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();

  const release = (key: string) => {
    const next = waiting.get(key)?.shift();
    if (waiting.get(key)?.length === 0) waiting.delete(key);
    if (next) return next();
    const count = (held.get(key) ?? 1) - 1;
    if (count > 0) held.set(key, count);
    else held.delete(key);
  };

  const releaser = (key: string) => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release(key);
    };
  };

  return {
    acquire(key: string, signal: AbortSignal): Promise<() => void> {
      signal.throwIfAborted();
      const count = held.get(key) ?? 0;
      if (count < perDomain) {
        held.set(key, count + 1);
        return Promise.resolve(releaser(key));
      }
      return new Promise((resolve, reject) => {
        const queue = waiting.get(key) ?? [];
        waiting.set(key, queue);
        // The slot passes straight from the releasing holder to this waiter.
        const grant = () => {
          signal.removeEventListener('abort', leave);
          resolve(releaser(key));
        };
        const leave = () => {
          const index = queue.indexOf(grant);
          if (index >= 0) queue.splice(index, 1);
          if (queue.length === 0 && waiting.get(key) === queue) waiting.delete(key);
          reject(signal.reason);
        };
        queue.push(grant);
        signal.addEventListener('abort', leave, { once: true });
      });
    },
  };
}
