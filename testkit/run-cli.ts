import { runCli } from '../src/cli/run.ts';

/** The CLI run in-process: what it printed and the exit code it would end with. */
export async function cliInProcess(argv: string[], env: NodeJS.ProcessEnv = {}, stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => stdin,
    env,
  });
  return { code, stdout, stderr, firstLine: stderr.split('\n')[0] };
}
