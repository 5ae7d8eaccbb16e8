import { type ChildProcess, spawn } from 'node:child_process';

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a TypeScript entry point as its own node process (as npm would, through tsx) and
 * resolves with its exit code and everything it printed. `env` is the whole environment.
 */
export function runScript(
  script: string,
  options: {
    env: NodeJS.ProcessEnv;
    args?: string[];
    /** Modules loaded before the script (`--import`), e.g. a stand-in for a system call. */
    preload?: string[];
    cwd?: string;
    /** Sees the child as soon as it starts, e.g. to kill it when a test is cleaned up. */
    started?: (child: ChildProcess) => void;
  },
): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const preload = (options.preload ?? []).flatMap((file) => ['--import', file]);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', ...preload, script, ...(options.args ?? [])],
      {
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        ...(options.cwd ? { cwd: options.cwd } : {}),
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    options.started?.(child);
  });
}
