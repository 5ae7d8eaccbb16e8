import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../../testkit/run-script.ts';
import { type LoopbackDns, startLoopbackDns } from './dns-server.ts';

let dns: LoopbackDns;

beforeAll(async () => {
  dns = await startLoopbackDns({ live: {}, dead: () => true });
});

afterAll(() => dns.close());

describe('the CLI given a link whose DNS never answers', () => {
  it('GIVEN DNS_SERVERS at a server that never answers THEN it says DNS did not answer and exits right after', async () => {
    let printedAt = 0;
    const run = await runScript('src/cli.ts', {
      args: ['http://never.dead.test/article'],
      env: { PATH: process.env.PATH, DNS_SERVERS: dns.server },
      started: (child) => {
        child.stderr?.once('data', () => {
          printedAt = performance.now();
        });
      },
    });
    const exitedAt = performance.now();

    expect(run.stderr).toMatch(/never\.dead\.test.*DNS did not answer/);
    expect(run.code).toBe(1);
    expect(dns.queries).toContain('never.dead.test');
    // Generous: the process used to linger until the stuck lookup returned, minutes later.
    expect(exitedAt - printedAt).toBeLessThan(5_000);
  }, 60_000);
});
