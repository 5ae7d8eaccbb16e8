import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from './metrics.ts';

export interface HealthSource {
  /** Each named check: true when healthy (e.g. discord: the gateway is ready). */
  checks(): Promise<Record<string, boolean>>;
}

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * GET /healthz (200 when every check passes, 503 otherwise, with the checks as JSON) and
 * GET /metrics (Prometheus text). Nothing else is served. Bind to loopback unless the
 * operator says otherwise: the metrics name servers and error codes.
 */
export async function startHealthServer(options: {
  port: number;
  host?: string;
  metrics: Metrics;
  health: HealthSource;
}): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz') {
      options.health
        .checks()
        .catch(() => ({ checks: false }))
        .then((checks) => {
          const ok = Object.values(checks).every(Boolean);
          response.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ status: ok ? 'ok' : 'unhealthy', checks }));
        });
      return;
    }
    if (path === '/metrics') {
      options.metrics
        .render()
        .then((text) => {
          response.writeHead(200, { 'content-type': options.metrics.registry.contentType });
          response.end(text);
        })
        .catch((error: unknown) => {
          response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
        });
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
