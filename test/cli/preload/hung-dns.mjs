// Loaded with --import before the CLI: DNS lookups never call back, and each one holds the
// event loop the way a getaddrinfo stuck in libuv's thread pool does.
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';

dns.lookup = () => {
  setInterval(() => {}, 60_000);
};
syncBuiltinESMExports();
// Links are looked up with c-ares now: its queries hang the same way.
const hang = () =>
  new Promise(() => {
    setInterval(() => {}, 60_000);
  });
dns.promises.Resolver.prototype.resolve4 = hang;
dns.promises.Resolver.prototype.resolve6 = hang;
