import { text } from 'node:stream/consumers';
import { runPreview } from './run.ts';

process.exitCode = await runPreview(process.argv.slice(2), {
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (chunk) => process.stderr.write(chunk),
  readStdin: () => text(process.stdin),
  env: process.env,
});
