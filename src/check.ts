import { runCheck } from './check/run.ts';
import { terminalSafe } from './cli/terminal-safe.ts';
import { readCapped } from './core/extract/limits.ts';

const code = await runCheck(process.argv.slice(2), {
  stdout: (chunk) => process.stdout.write(terminalSafe(chunk)),
  stderr: (chunk) => process.stderr.write(terminalSafe(chunk)),
  readStdin: async () => new TextDecoder().decode(await readCapped(process.stdin, null)),
  env: process.env,
});
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
