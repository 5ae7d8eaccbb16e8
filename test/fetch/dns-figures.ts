/**
 * Before/after figures for DNS starvation: N links whose DNS never answers, then one link whose
 * DNS answers at once. Run inside a network and mount namespace whose resolv.conf names
 * 127.0.0.1, so getaddrinfo (the old `dns.lookup` path) asks this script's DNS server too:
 *
 *   printf 'nameserver 127.0.0.1\n' > /tmp/resolv-loopback.conf
 *   unshare -r -n -m sh -c 'ip link set lo up && mount --bind /tmp/resolv-loopback.conf \
 *     /etc/resolv.conf && npx tsx test/fetch/dns-figures.ts system 4'
 *
 * `system` is Node's dns.lookup (the old default), `c-ares` the resolver used now.
 */
import { lookup } from 'node:dns';
import { createDnsResolver, createGuardedFetch } from '../../src/core/fetch/index.ts';
import { startLoopbackDns } from './dns-server.ts';
import { startFixture } from './loopback.ts';

const [mode = 'c-ares', count = '4'] = process.argv.slice(2);
const dns = await startLoopbackDns({
  live: { 'live.test': '127.0.0.1' },
  dead: (name) => name.endsWith('dead.test'),
  port: 53,
});
const site = await startFixture((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('alive');
});
const guardedFetch = createGuardedFetch({
  lookup:
    mode === 'system'
      ? lookup
      : createDnsResolver({ servers: [dns.server], hostsFile: '/nonexistent' }),
  allowHosts: ['127.0.0.1'],
  allowPorts: [site.port],
});

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(2);
const dead = Array.from({ length: Number(count) }, (_, n) =>
  guardedFetch(`http://d${n}.dead.test:${site.port}/`).then(
    () => console.log(`dead link ${n}: loaded?! at ${seconds()} s`),
    (error: Error) => console.log(`dead link ${n}: "${error.message}" at ${seconds()} s`),
  ),
);
// Past 4, dead.test's lookups wait for a slot (the per-domain cap) and are not asked yet.
for (let n = 0; n < Math.min(Number(count), 4); n++) await dns.asked(`d${n}.dead.test`);
const live = performance.now();
await guardedFetch(`http://live.test:${site.port}/`).then(
  () => console.log(`live link: loaded in ${((performance.now() - live) / 1000).toFixed(2)} s`),
  (error: Error) =>
    console.log(
      `live link: "${error.message}" after ${((performance.now() - live) / 1000).toFixed(2)} s`,
    ),
);
await Promise.all(dead);
console.log(`all settled at ${seconds()} s (${mode}, ${count} dead links)`);
process.exit(0);
