import type { LookupAddress } from 'node:dns';
import http from 'node:http';
import net from 'node:net';
import type { Resolver } from '../../src/core/fetch/index.ts';

/** A TCP server that only counts connections: any connection means the guard failed. */
export interface Canary {
  port: number;
  connections: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (and ::1 when the machine has it) on one random port. */
export async function startCanary(port = 0): Promise<Canary> {
  const servers: net.Server[] = [];
  const canary: Canary = {
    port: 0,
    connections: 0,
    close: () => Promise.all(servers.map(closeServer)).then(() => undefined),
  };
  const create = () =>
    net.createServer((socket) => {
      canary.connections++;
      socket.destroy();
    });
  const v4 = create();
  servers.push(v4);
  canary.port = await listen(v4, port, '127.0.0.1');
  const v6 = create();
  try {
    await listen(v6, canary.port, '::1');
    servers.push(v6);
  } catch {
    // No IPv6 loopback here: IPv6 cases still assert that nothing was attempted.
  }
  return canary;
}

export interface Fixture {
  port: number;
  host: string;
  /** Requests received, by path. */
  requests: string[];
  connections: number;
  close(): Promise<void>;
}

export async function startFixture(
  handler: http.RequestListener,
  { host = '127.0.0.1', port = 0 }: { host?: string; port?: number } = {},
): Promise<Fixture> {
  const sockets = new Set<net.Socket>();
  const fixture: Fixture = {
    port: 0,
    host,
    requests: [],
    connections: 0,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return closeServer(server);
    },
  };
  const server = http.createServer((request, response) => {
    fixture.requests.push(request.url ?? '');
    handler(request, response);
  });
  server.on('connection', (socket) => {
    fixture.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  fixture.port = await listen(server, port, host);
  return fixture;
}

/** A raw TCP fixture for responses http.Server refuses to write (lying Content-Length). */
export async function startRawFixture(
  onConnection: (socket: net.Socket) => void,
): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  const port = await listen(server, 0, '127.0.0.1');
  return {
    port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return closeServer(server);
    },
  };
}

export interface StubResolver {
  lookup: Resolver;
  calls: string[];
}

/**
 * An injected resolver: answers from the table (a function of the call number for rebinding),
 * and says ENOTFOUND for anything else, so no test ever reaches real DNS.
 */
export function stubResolver(
  answers: Record<string, string[] | ((call: number) => string[])>,
): StubResolver {
  const calls: string[] = [];
  const lookup: Resolver = (hostname, _options, callback) => {
    calls.push(hostname);
    const answer = answers[hostname];
    const addresses =
      typeof answer === 'function' ? answer(calls.filter((h) => h === hostname).length) : answer;
    queueMicrotask(() => {
      if (!addresses) {
        const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
          code: 'ENOTFOUND',
          syscall: 'getaddrinfo',
          hostname,
        });
        callback(error, []);
        return;
      }
      callback(null, addresses.map(toLookupAddress));
    });
  };
  return { lookup, calls };
}

function toLookupAddress(address: string): LookupAddress {
  return { address, family: net.isIPv6(address) ? 6 : 4 };
}

function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
}
