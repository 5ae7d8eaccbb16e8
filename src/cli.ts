import { runCli } from './cli/run.ts';
import { terminalSafe } from './cli/terminal-safe.ts';
import { readCapped } from './core/extract/limits.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  // Everything printed, errors and usage included, is cleaned of terminal control sequences.
  stdout: (chunk) => process.stdout.write(terminalSafe(chunk)),
  stderr: (chunk) => process.stderr.write(terminalSafe(chunk)),
  // Capped like a file: standard input has no size to check first, so it stops at the cap.
  readStdin: async () => new TextDecoder().decode(await readCapped(process.stdin, null)),
  env: process.env,
});
