import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
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

  it('GIVEN DNS_SERVERS naming a host instead of an address THEN start-up says what it expects', () => {
    expect(() => loadConfig({ DNS_SERVERS: '1.1.1.1,dns.google' })).toThrow(
      'Invalid configuration:\n  DNS_SERVERS="1.1.1.1,dns.google": expected comma-separated IP addresses with an optional port, e.g. 1.1.1.1,10.0.0.2:5353,[::1]:53',
    );
  });

  it('GIVEN DNS_SERVERS with ports and IPv6 THEN each server is kept as written', () => {
    expect(loadConfig({ DNS_SERVERS: ' 10.0.0.2:5353, [::1]:53 ,1.1.1.1' }).DNS_SERVERS).toEqual([
      '10.0.0.2:5353',
      '[::1]:53',
      '1.1.1.1',
    ]);
  });
});
