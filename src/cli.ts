import { runCli } from './cli/run.ts';
import { terminalSafe } from './cli/terminal-safe.ts';
import { readCapped } from './core/extract/limits.ts';

const code = await runCli(process.argv.slice(2), {
  // Everything printed, errors and usage included, is cleaned of terminal control sequences.
  stdout: (chunk) => process.stdout.write(terminalSafe(chunk)),
  stderr: (chunk) => process.stderr.write(terminalSafe(chunk)),
  // Capped like a file: standard input has no size to check first, so it stops at the cap.
  readStdin: async () => new TextDecoder().decode(await readCapped(process.stdin, null)),
  env: process.env,
});
// Exit once the answer is out rather than when the event loop drains. Links are looked up with
// c-ares and end on their own timeout, but the model's host is still looked up by the SDK's
// fetch through getaddrinfo, which runs in libuv's thread pool and cannot be cancelled: a host
// whose DNS never answers would hold the process for minutes after the error was printed.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
