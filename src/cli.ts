import { text } from 'node:stream/consumers';
import { runCli } from './cli/run.ts';

const code = await runCli(process.argv.slice(2), {
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (chunk) => process.stderr.write(chunk),
  readStdin: () => text(process.stdin),
  env: process.env,
});
// Exit once the answer is out rather than when the event loop drains: a DNS lookup that never
// returns runs in libuv's thread pool, cannot be cancelled, and would hold the process for
// minutes after the error was printed.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
