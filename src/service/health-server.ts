// HEALTH_PORT: GET /health on 127.0.0.1 for Docker and systemd checks. 200 when every adapter is
// connected and the database answers, 503 otherwise; the body says which part is not.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.ts';
import type { LiveStatus } from '../store/health.ts';
import type { PartStatus } from './supervisor.ts';
import type { ReplyPoolStatus } from '../services/reply-pool.ts';

export interface HealthSources {
  parts(): Record<string, PartStatus>;
  healthy(): boolean;
  /** Throws when the database cannot be read. */
  database(): LiveStatus;
  /** The daily sync's last outcome, when the sync runs. */
  sync?(): { at: string; outcome: string; detail?: string } | null;
  /** The reply workers, when there are some (informational: without them answers are composed on the main thread). */
  workers?(): ReplyPoolStatus | null;
}

export interface HealthReport {
  status: 'ok' | 'unhealthy';
  parts: Record<string, PartStatus>;
  database: ({ ok: true } & LiveStatus) | { ok: false; error: string };
  /** The newest import that wrote something, and the last sync attempt (which may have found nothing new). */
  lastSync: { lastImport: LiveStatus['lastImport']; lastAttempt: { at: string; outcome: string; detail?: string } | null };
  replyWorkers: ReplyPoolStatus | null;
}

export function healthReport(sources: HealthSources): HealthReport {
  let database: HealthReport['database'];
  try {
    database = { ok: true, ...sources.database() };
  } catch (error) {
    database = { ok: false, error: (error as Error).message };
  }
  const ok = database.ok && sources.healthy();
  return { status: ok ? 'ok' : 'unhealthy', parts: sources.parts(), database, lastSync: { lastImport: database.ok ? database.lastImport : null, lastAttempt: sources.sync?.() ?? null }, replyWorkers: sources.workers?.() ?? null };
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export async function startHealthServer(port: number, sources: HealthSources, logger: Logger): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path !== '/health' && path !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found; try GET /health\n');
      return;
    }
    const report = healthReport(sources);
    const body = `${JSON.stringify(report)}\n`;
    res.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  // Only the machine itself may ask: the endpoint is for the supervisor, not the internet.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  logger.info({ port: actual }, 'health endpoint listening on 127.0.0.1');
  return {
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
