// `npm start` runs the build in dist/; this rebuilds it first when a source file (or the build
// settings) changed since, so a fresh clone and an edited checkout both start what is in src/.
// Comparing modification times takes milliseconds; even an incremental tsc takes seconds.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'dist', '.tsbuildinfo');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function builtAt() {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return -1;
  }
}

// What the emitted JavaScript is made from, and the lock file, whose changes (newer type
// definitions) are worth a rebuild when one is possible but do not change the output.
const sources = ['src', 'commands', 'tsconfig.json', 'tsconfig.build.json']
  .map((path) => join(root, path))
  .filter((path) => existsSync(path));
const sourcesChanged = Math.max(...sources.map(newest));
const changed = Math.max(sourcesChanged, newest(join(root, 'package-lock.json')));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
if (!existsSync(tsc)) {
  // TypeScript is a devDependency: `npm ci --omit=dev` (or NODE_ENV=production) leaves it out.
  // `npm prune --omit=dev` after a build rewrites the lock file, so only the sources count here.
  if (sourcesChanged <= builtAt()) process.exit(0);
  const state = builtAt() < 0 ? 'dist/ has not been built' : 'dist/ is older than src/';
  console.error(
    [
      `precis: ${state}, and TypeScript, which builds it, is not installed.`,
      'It is a devDependency, so `npm ci --omit=dev` (or NODE_ENV=production) leaves it out.',
      'Run `npm ci` (without --omit=dev), then `npm start` again; or run `npm run build` where',
      'the devDependencies are installed and deploy dist/ with the rest.',
    ].join('\n'),
  );
  process.exit(1);
}
if (changed > builtAt()) {
  console.error('precis: building dist/ (npm run build)…');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // tsc leaves its build info alone when no output changed; mark the build as current anyway.
  const now = new Date();
  utimesSync(stamp, now, now);
}
