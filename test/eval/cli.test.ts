import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;

describe('npm run eval', () => {
  it('GIVEN two prompt versions THEN it prints one table with a column for each', async () => {
    const { stdout } = await run(
      'npx',
      [
        'tsx',
        'src/eval/cli.ts',
        '--prompt',
        'summarize@1',
        '--prompt',
        'summarize@2',
        '--article',
        'sports-cup-final',
      ],
      { cwd: ROOT, env: { ...process.env, OPENAI_API_KEY: '' } },
    );
    expect(stdout).toMatch(/\| metric\s+\| summarize@1 \| summarize@2 \|/);
  });

  it('GIVEN the committed authored recordings THEN the title says so and provenance comes above the table', async () => {
    const { stdout } = await run(
      'npx',
      ['tsx', 'src/eval/cli.ts', '--article', 'sports-cup-final'],
      {
        cwd: ROOT,
        env: { ...process.env, OPENAI_API_KEY: '' },
      },
    );
    const [title] = stdout.split('\n');
    expect(title).toContain('authored answers');
    const provenance = stdout.indexOf(
      'summarize@2: 1 article authored answers: written by hand, replayed',
    );
    expect(provenance).toBeGreaterThan(0);
    expect(provenance).toBeLessThan(stdout.indexOf('| metric'));
  });

  it('GIVEN --record without --live THEN it exits with a usage error', async () => {
    await expect(
      run('npx', ['tsx', 'src/eval/cli.ts', '--record'], { cwd: ROOT }),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('add --live') });
  });
});
