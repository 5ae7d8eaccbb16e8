import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createGuardedFetch,
  type GuardedFetch,
  type GuardedFetchOptions,
} from '../../src/core/fetch/index.ts';
import { type Canary, type StubResolver, startCanary, stubResolver } from './loopback.ts';

// Catalogue items 1-6 and 12-14 of notes/bad-input.md: refused before any DNS lookup or socket.
// Every URL aims at the canary's port so a guard that let it through would connect to it.
let canary: Canary;
let resolver: StubResolver;
let fetchers: GuardedFetch[] = [];

beforeAll(async () => {
  canary = await startCanary();
});
afterAll(() => canary.close());
afterEach(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
  fetchers = [];
  expect(canary.connections).toBe(0);
});

function guarded(options: GuardedFetchOptions = {}): GuardedFetch {
  resolver = stubResolver({ 'public.test': ['8.8.8.8'] });
  const f = createGuardedFetch({
    lookup: resolver.lookup,
    allowPorts: [80, 443, canary.port],
    deadlineMs: 5_000,
    ...options,
  });
  fetchers.push(f);
  return f;
}

const at = (template: string) => () => template.replace('PORT', String(canary?.port));

const refusedWithoutLookup: [string, () => string, string][] = [
  // 1. schemes
  ['file: is refused', at('file:///etc/passwd'), 'blocked_scheme'],
  ['gopher: is refused', at('gopher://127.0.0.1:PORT/_INFO'), 'blocked_scheme'],
  ['javascript: is refused', at('javascript:alert(1)'), 'blocked_scheme'],
  ['data: is refused', at('data:text/html,<p>hi</p>'), 'blocked_scheme'],
  ['ftp: is refused', at('ftp://public.test/'), 'blocked_scheme'],
  // 2. loopback by name and literal
  ['localhost is refused by name', at('http://localhost:PORT/'), 'blocked_address'],
  ['localhost. with a trailing dot is refused', at('http://localhost.:PORT/'), 'blocked_address'],
  ['a name under .localhost is refused', at('http://app.localhost:PORT/'), 'blocked_address'],
  ['LOCALHOST in capitals is refused', at('http://LOCALHOST:PORT/'), 'blocked_address'],
  ['127.0.0.1 is refused', at('http://127.0.0.1:PORT/'), 'blocked_address'],
  ['127.127.127.127 is refused', at('http://127.127.127.127:PORT/'), 'blocked_address'],
  // 3. other spellings of loopback
  ['decimal 2130706433 is refused', at('http://2130706433:PORT/'), 'blocked_address'],
  ['hex 0x7f000001 is refused', at('http://0x7f000001:PORT/'), 'blocked_address'],
  ['octal 0177.0.0.1 is refused', at('http://0177.0.0.1:PORT/'), 'blocked_address'],
  ['short 127.1 is refused', at('http://127.1:PORT/'), 'blocked_address'],
  ['0 (this host) is refused', at('http://0:PORT/'), 'blocked_address'],
  [
    'a trailing-dot literal 127.0.0.1. is refused',
    at('http://127.0.0.1.:PORT/'),
    'blocked_address',
  ],
  // 4. cloud metadata
  ['metadata 169.254.169.254 is refused', at('http://169.254.169.254/latest/'), 'blocked_address'],
  ['metadata in octal is refused', at('http://0251.0376.0251.0376/'), 'blocked_address'],
  [
    'metadata over IPv6 [fd00:ec2::254] is refused',
    at('http://[fd00:ec2::254]/'),
    'blocked_address',
  ],
  // 5. IPv6
  ['[::1] is refused', at('http://[::1]:PORT/'), 'blocked_address'],
  ['[::] is refused', at('http://[::]:PORT/'), 'blocked_address'],
  [
    'IPv4-mapped [::ffff:127.0.0.1] is refused',
    at('http://[::ffff:127.0.0.1]:PORT/'),
    'blocked_address',
  ],
  [
    'IPv4-mapped in hex [::ffff:7f00:1] is refused',
    at('http://[::ffff:7f00:1]:PORT/'),
    'blocked_address',
  ],
  ['IPv4-compatible [::7f00:1] is refused', at('http://[::7f00:1]:PORT/'), 'blocked_address'],
  ['NAT64 [64:ff9b::7f00:1] is refused', at('http://[64:ff9b::7f00:1]:PORT/'), 'blocked_address'],
  ['NAT64 of 10.0.0.1 is refused', at('http://[64:ff9b::a00:1]:PORT/'), 'blocked_address'],
  ['link-local [fe80::1] is refused', at('http://[fe80::1]:PORT/'), 'blocked_address'],
  ['unique-local [fc00::1] is refused', at('http://[fc00::1]:PORT/'), 'blocked_address'],
  [
    '6to4 of loopback [2002:7f00:1::] is refused',
    at('http://[2002:7f00:1::]:PORT/'),
    'blocked_address',
  ],
  ['multicast [ff02::1] is refused', at('http://[ff02::1]:PORT/'), 'blocked_address'],
  ['documentation [2001:db8::1] is refused', at('http://[2001:db8::1]:PORT/'), 'blocked_address'],
  // 6. private and special IPv4
  ['10.0.0.1 is refused', at('http://10.0.0.1:PORT/'), 'blocked_address'],
  ['172.16.0.1 is refused', at('http://172.16.0.1:PORT/'), 'blocked_address'],
  ['172.31.255.255 is refused', at('http://172.31.255.255:PORT/'), 'blocked_address'],
  ['192.168.1.1 is refused', at('http://192.168.1.1:PORT/'), 'blocked_address'],
  ['carrier-grade NAT 100.64.0.1 is refused', at('http://100.64.0.1:PORT/'), 'blocked_address'],
  ['benchmarking 198.18.0.1 is refused', at('http://198.18.0.1:PORT/'), 'blocked_address'],
  ['IETF 192.0.0.1 is refused', at('http://192.0.0.1:PORT/'), 'blocked_address'],
  ['multicast 224.0.0.1 is refused', at('http://224.0.0.1:PORT/'), 'blocked_address'],
  ['reserved 240.0.0.1 is refused', at('http://240.0.0.1:PORT/'), 'blocked_address'],
  ['broadcast 255.255.255.255 is refused', at('http://255.255.255.255:PORT/'), 'blocked_address'],
  ['link-local 169.254.0.1 is refused', at('http://169.254.0.1:PORT/'), 'blocked_address'],
  ['0.1.2.3 in 0/8 is refused', at('http://0.1.2.3:PORT/'), 'blocked_address'],
  // 12. userinfo
  [
    'userinfo a.com@127.0.0.1 is judged on 127.0.0.1',
    at('http://a.com@127.0.0.1:PORT/'),
    'blocked_address',
  ],
  [
    'userinfo with a password before localhost is refused',
    at('http://public.test:80@localhost:PORT/'),
    'blocked_address',
  ],
  // 13. ports
  ['port 22 is refused', at('http://public.test:22/'), 'blocked_port'],
  ['port 6379 is refused', at('http://public.test:6379/'), 'blocked_port'],
  ['https on 8443 is refused', at('https://public.test:8443/'), 'blocked_port'],
  // 14. unparseable
  ['plain words are not a link', at('not a link'), 'invalid_url'],
  ['an empty string is not a link', at(''), 'invalid_url'],
  ['http:// with no host is not a link', at('http://'), 'invalid_url'],
  ['a space in the host is not a link', at('http://exa mple.com/'), 'invalid_url'],
  ['an unclosed IPv6 bracket is not a link', at('http://[::1/'), 'invalid_url'],
  ['five numeric labels are not a link', at('http://1.2.3.4.5/'), 'invalid_url'],
  ['an IPv4 octet over 255 is not a link', at('http://256.0.0.1/'), 'invalid_url'],
];

describe('links refused before any lookup or connection', () => {
  it.each(refusedWithoutLookup)('%s', async (_name, url, code) => {
    const guardedFetch = guarded();
    await expect(guardedFetch(url())).rejects.toMatchObject({ name: 'UserError', code });
    expect(resolver.calls).toEqual([]);
  });

  it('says that an unparseable link is not a valid link', async () => {
    await expect(guarded()('::not a url')).rejects.toMatchObject({
      code: 'invalid_url',
      message: 'that is not a valid link',
    });
  });

  it('names the address and its range in the message and details', async () => {
    await expect(guarded()(`http://0x7f000001:${canary.port}/`)).rejects.toMatchObject({
      code: 'blocked_address',
      message: expect.stringContaining('127.0.0.1'),
      details: { host: '127.0.0.1', address: '127.0.0.1', range: 'loopback' },
    });
  });

  it('refuses a port outside allowPorts even for an allowed host', async () => {
    const guardedFetch = guarded({ allowHosts: ['127.0.0.1'], allowPorts: [80, 443] });
    await expect(guardedFetch(`http://127.0.0.1:${canary.port}/`)).rejects.toMatchObject({
      code: 'blocked_port',
      details: { port: canary.port },
    });
  });
});

describe('names resolving to unsafe addresses (refused at connect time)', () => {
  const cases: [string, string[]][] = [
    ['a name resolving to 127.0.0.1 is refused', ['127.0.0.1']],
    ['a name resolving to 10.0.0.1 is refused', ['10.0.0.1']],
    ['a name resolving to ::1 is refused', ['::1']],
    ['a name resolving to IPv4-mapped ::ffff:127.0.0.1 is refused', ['::ffff:127.0.0.1']],
    ['a name resolving to NAT64 of loopback is refused', ['64:ff9b::7f00:1']],
    ['a name resolving to the metadata address is refused', ['169.254.169.254']],
    // 8. Synapse: any unsafe address refuses the name, in either order. The "public" answer is
    // 127.0.0.2, exempted by allowHosts, so nothing can reach the internet if the guard fails.
    ['a name resolving to a public and a private address is refused', ['127.0.0.2', '127.0.0.1']],
    ['a name resolving to a private and a public address is refused', ['127.0.0.1', '127.0.0.2']],
  ];
  it.each(cases)('%s', async (_name, addresses) => {
    const resolve = stubResolver({ 'inside.test': addresses });
    const guardedFetch = guarded({ lookup: resolve.lookup, allowHosts: ['127.0.0.2/32'] });
    await expect(guardedFetch(`http://inside.test:${canary.port}/`)).rejects.toMatchObject({
      code: 'blocked_address',
      details: { host: 'inside.test', url: `http://inside.test:${canary.port}/` },
    });
    expect(resolve.calls).toEqual(['inside.test']);
  });

  it('guards https connections with the same lookup hook', async () => {
    const resolve = stubResolver({ 'inside.test': ['127.0.0.1'] });
    const guardedFetch = guarded({ lookup: resolve.lookup });
    await expect(guardedFetch(`https://inside.test:${canary.port}/`)).rejects.toMatchObject({
      code: 'blocked_address',
      details: { host: 'inside.test', address: '127.0.0.1' },
    });
    expect(resolve.calls).toEqual(['inside.test']);
  });

  it('says it could not find a site that does not exist', async () => {
    const guardedFetch = guarded();
    await expect(guardedFetch(`http://missing.test:${canary.port}/`)).rejects.toMatchObject({
      code: 'dns_failed',
      message: 'could not find the site `missing.test`',
      details: { host: 'missing.test' },
    });
  });

  it('says it could not find a site whose name has no addresses', async () => {
    const resolve = stubResolver({ 'empty.test': [] });
    const guardedFetch = guarded({ lookup: resolve.lookup });
    await expect(guardedFetch(`http://empty.test:${canary.port}/`)).rejects.toMatchObject({
      code: 'dns_failed',
    });
  });
});
