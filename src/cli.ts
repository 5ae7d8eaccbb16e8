import { text } from 'node:stream/consumers';
import { runCli } from './cli/run.ts';
import { terminalSafe } from './cli/terminal-safe.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  // Everything printed, errors and usage included, is cleaned of terminal control sequences.
  stdout: (chunk) => process.stdout.write(terminalSafe(chunk)),
  stderr: (chunk) => process.stderr.write(terminalSafe(chunk)),
  readStdin: () => text(process.stdin),
  env: process.env,
});
