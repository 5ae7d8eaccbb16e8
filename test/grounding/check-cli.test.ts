import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TSX = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
const ENTRY = new URL('../../src/check.ts', import.meta.url).pathname;

/** `npm run check` as a user runs it: a child process, its output and its exit code. */
async function check(args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, [ENTRY, ...args], { env: { ...process.env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const SOURCE = [
  'The council approved a £80m arena on Tuesday.',
  'Council leader Simon Cook said 1,000 jobs would be created in Bristol.',
  'The transport minister did not attend the vote.',
].join(' ');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'precis-check-cli-'));
  writeFileSync(join(dir, 'source.txt'), SOURCE);
  writeFileSync(
    join(dir, 'summary.txt'),
    'Simon Cook said 1,000 jobs would be created in Bristol. Cook said 3,000 jobs would be created.',
  );
});

describe('npm run check on a source file and a summary file', () => {
  it('GIVEN one faithful and one changed sentence THEN it prints each verdict, the reason and exits 0', async () => {
    const result = await check([join(dir, 'source.txt'), join(dir, 'summary.txt')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '1. Simon Cook said 1,000 jobs would be created in Bristol.\n   ✓ supported',
    );
    expect(result.stdout).toContain('   ✗ unsupported\n   - number not in the source: 3,000');
    expect(result.stdout).toMatch(
      /verdict: unsupported \(score [\d.]+\) · 1 supported, 0 weak, 1 unsupported/,
    );
  });

  it('GIVEN a summary file that does not exist THEN it says so in one sentence and exits 2', async () => {
    const missing = join(dir, 'no-such-summary.txt');
    const result = await check([join(dir, 'source.txt'), missing]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      `${missing}: no such file; give the path of a text file holding the summary to check.`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('npm run check --jsonl', () => {
  it('GIVEN two lines THEN it writes one verdict line per input line and exits 0', async () => {
    const input = join(dir, 'in.jsonl');
    const output = join(dir, 'out.jsonl');
    const line = (id: string, summary: string) =>
      JSON.stringify({ id, doc: SOURCE, summary, label: 1 });
    writeFileSync(
      input,
      `${line('a', 'Simon Cook said 1,000 jobs would be created in Bristol.')}\n${line('b', 'The transport minister attended the vote in Leeds.')}\n`,
    );
    const result = await check(['--jsonl', input, '--out', output]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`checked 2 lines into ${output}\n`);
    const written = readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text));
    expect(written.map((row) => [row.id, row.verdict])).toEqual([
      ['a', 'supported'],
      ['b', 'unsupported'],
    ]);
    expect(written[1].sentences[0].reasons).toEqual(
      expect.arrayContaining([{ kind: 'name', text: 'Leeds' }]),
    );
  });
});
