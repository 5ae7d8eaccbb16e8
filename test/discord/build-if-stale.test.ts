import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// `npm start`'s prestart, run on a checkout of its own: a copy of the script, tiny sources and
// build settings, and node_modules with or without TypeScript (as `npm ci --omit=dev` leaves it).
const repo = new URL('../..', import.meta.url).pathname;
const checkouts: string[] = [];
afterEach(() => {
  for (const dir of checkouts.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function checkout({ typescript }: { typescript: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), 'precis-checkout-'));
  checkouts.push(dir);
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(repo, 'scripts/build-if-stale.mjs'), join(dir, 'scripts/build-if-stale.mjs'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src/main.ts'), "export const greeting: string = 'hello';\n");
  writeFileSync(join(dir, 'package-lock.json'), '{}\n');
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2023', module: 'NodeNext', strict: true, types: [] },
    }),
  );
  writeFileSync(
    join(dir, 'tsconfig.build.json'),
    JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: {
        rootDir: 'src',
        outDir: 'dist',
        incremental: true,
        tsBuildInfoFile: 'dist/.tsbuildinfo',
      },
      include: ['src'],
    }),
  );
  if (typescript) {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(join(repo, 'node_modules/typescript'), join(dir, 'node_modules/typescript'));
  }
  return dir;
}

function prestart(dir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(dir, 'scripts/build-if-stale.mjs')], (error, _out, stderr) => {
      resolve({ code: error ? (error.code as number) : 0, stderr });
    });
  });
}

/** A build in dist/ whose stamp is `secondsAgo` old, and sources older still. */
function built(dir: string, secondsAgo: number): void {
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist/main.js'), "export const greeting = 'hello';\n");
  writeFileSync(join(dir, 'dist/.tsbuildinfo'), '{}');
  const at = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(join(dir, 'dist/.tsbuildinfo'), at, at);
}

function sourcesFrom(dir: string, secondsAgo: number): void {
  const at = new Date(Date.now() - secondsAgo * 1000);
  for (const path of [
    'src/main.ts',
    'src',
    'package-lock.json',
    'tsconfig.json',
    'tsconfig.build.json',
  ]) {
    utimesSync(join(dir, path), at, at);
  }
}

describe('npm start on a fresh checkout', () => {
  it('GIVEN no dist/ and TypeScript installed (npm ci) THEN prestart builds dist/', async () => {
    const dir = checkout({ typescript: true });
    const { code, stderr } = await prestart(dir);
    expect(code).toBe(0);
    expect(stderr).toContain('building dist/');
    expect(existsSync(join(dir, 'dist/main.js'))).toBe(true);
  });

  it('GIVEN no dist/ and no TypeScript (npm ci --omit=dev) THEN prestart stops with what to run instead', async () => {
    const dir = checkout({ typescript: false });
    const { code, stderr } = await prestart(dir);
    expect(code).toBe(1);
    expect(stderr).toContain('precis: dist/ has not been built, and TypeScript');
    expect(stderr).toContain('npm ci --omit=dev');
    expect(stderr).toContain('Run `npm ci` (without --omit=dev)');
    // One clear message, not a stack trace from a missing tsc.
    expect(stderr).not.toMatch(/ENOENT|MODULE_NOT_FOUND|\n\s+at /);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('GIVEN sources newer than dist/ and no TypeScript THEN prestart stops rather than start an old build', async () => {
    const dir = checkout({ typescript: false });
    built(dir, 60);
    const { code, stderr } = await prestart(dir);
    expect(code).toBe(1);
    expect(stderr).toContain('precis: dist/ is older than src/, and TypeScript');
  });

  it('GIVEN a current dist/ (built, then devDependencies pruned) THEN prestart lets it start', async () => {
    const dir = checkout({ typescript: false });
    sourcesFrom(dir, 120);
    built(dir, 60);
    expect(await prestart(dir)).toEqual({ code: 0, stderr: '' });
  });

  it('GIVEN devDependencies pruned after the build, which rewrites package-lock.json, THEN prestart still lets it start', async () => {
    const dir = checkout({ typescript: false });
    sourcesFrom(dir, 120);
    built(dir, 60);
    // npm prune --omit=dev writes the lock file after the build.
    writeFileSync(join(dir, 'package-lock.json'), '{"pruned": true}\n');
    expect(await prestart(dir)).toEqual({ code: 0, stderr: '' });
  });

  it('GIVEN a newer package-lock.json and TypeScript installed THEN prestart rebuilds', async () => {
    const dir = checkout({ typescript: true });
    sourcesFrom(dir, 120);
    built(dir, 60);
    writeFileSync(join(dir, 'package-lock.json'), '{"updated": true}\n');
    const { code, stderr } = await prestart(dir);
    expect(code).toBe(0);
    expect(stderr).toContain('building dist/');
  });
});
