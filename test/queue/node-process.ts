import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A program of this repository as a real process (tree), with its JSON log lines collected. */
export interface NodeProcess {
  readonly lines: Record<string, unknown>[];
  /** Resolves with the first log line (already written or future) that matches. */
  waitForLine(
    predicate: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** SIGTERM (a graceful stop), then SIGKILL to the group if it lingers. */
  stop(): Promise<number | null>;
  /** SIGKILL to the whole group at once, as an OOM kill or a lost machine would. */
  kill(): Promise<void>;
  /** False once the process has exited. */
  readonly alive: boolean;
}

export function startScript(
  script: string,
  env: Record<string, string>,
  /** Where it runs (this repository by default) and the environment `env` is added to. */
  options: { cwd?: string; baseEnv?: NodeJS.ProcessEnv } = {},
): NodeProcess {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: options.cwd ?? ROOT,
    env: { ...(options.baseEnv ?? process.env), ...env },
    // Its own process group, so it can be killed with its children and nothing else.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: { predicate: (line: Record<string, unknown>) => boolean; resolve: () => void }[] =
    [];
  let stderr = '';
  let pending = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const raw of complete.filter(Boolean)) {
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(raw);
      } catch {
        line = { msg: raw };
      }
      lines.push(line);
      for (const waiter of [...waiters]) if (waiter.predicate(line)) waiter.resolve();
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);

  return {
    lines,
    get alive() {
      return child.exitCode === null && child.signalCode === null;
    },
    async waitForLine(predicate, timeoutMs = 60_000) {
      const seen = lines.find(predicate);
      if (seen) return seen;
      let timer: NodeJS.Timeout | undefined;
      const found = new Promise<Record<string, unknown>>((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: () => {
            waiters.splice(waiters.indexOf(waiter), 1);
            resolve(lines.find(predicate) ?? {});
          },
        };
        waiters.push(waiter);
        timer = setTimeout(() => {
          const last = lines.slice(-5).map((line) => line.msg);
          reject(
            new Error(
              `${script}: no matching log line in ${timeoutMs} ms; last: ${JSON.stringify(last)}; stderr: ${stderr.slice(-2000)}`,
            ),
          );
        }, timeoutMs);
      });
      const died = exited.then((code) => {
        throw new Error(`${script} exited (${code}): ${stderr.slice(-2000)}`);
      });
      try {
        return await Promise.race([found, died]);
      } finally {
        clearTimeout(timer);
        died.catch(() => undefined);
      }
    },
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      }, 20_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      process.kill(-child.pid, 'SIGKILL');
      await exited;
    },
  };
}
