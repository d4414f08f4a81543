// Current figures out of the box: a new database answers from the General Staff snapshot shipped
// in data/; the daily sync then picks up a newer day from a (local) server, asks again with a
// conditional request and skips an unchanged file on 304, and survives a failing server, retrying.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app.ts';
import { answerFigures } from '../../src/core/answer/compose.ts';
import { DailySync } from '../../src/ingest/daily-sync.ts';
import { SNAPSHOT_LOCATIONS } from '../../src/ingest/snapshot.ts';
import { createLogger } from '../../src/log.ts';
import { tempDir } from '../helpers.ts';

type Report = Record<string, string | number>;
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Report[];
const snapshot = { personnel: readJson(SNAPSHOT_LOCATIONS.personnel), equipment: readJson(SNAPSHOT_LOCATIONS.equipment), corrections: readFileSync(SNAPSHOT_LOCATIONS.corrections, 'utf8') };
const lastDate = String(snapshot.equipment.at(-1)!.date);
const nextDate = new Date(Date.parse(`${lastDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The snapshot plus one more report, as the upstream dataset grows each day. */
function withNextDay(): { personnel: Report[]; equipment: Report[] } {
  const p = { ...snapshot.personnel.at(-1)!, date: nextDate, day: Number(snapshot.personnel.at(-1)!.day) + 1, personnel: Number(snapshot.personnel.at(-1)!.personnel) + 1000 };
  const e = { ...snapshot.equipment.at(-1)!, date: nextDate, day: Number(snapshot.equipment.at(-1)!.day) + 1, tank: Number(snapshot.equipment.at(-1)!.tank) + 7 };
  return { personnel: [...snapshot.personnel, p], equipment: [...snapshot.equipment, e] };
}

/** The dataset's three raw files over HTTP with ETags, as raw.githubusercontent.com serves them. */
class DatasetServer {
  files = new Map<string, string>();
  requests: { path: string; headers: IncomingHttpHeaders; status: number }[] = [];
  failing = false;
  private server!: Server;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      const body = this.files.get(path);
      const etag = body === undefined ? undefined : `"${Buffer.from(body).length}-${body.length % 9973}-${body.slice(-40).replace(/\W/g, '')}"`;
      const status = this.failing ? 500 : body === undefined ? 404 : req.headers['if-none-match'] === etag ? 304 : 200;
      this.requests.push({ path, headers: req.headers, status });
      res.writeHead(status, etag && status < 400 ? { etag, 'content-type': 'application/json' } : {});
      res.end(status === 200 ? body : undefined);
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  serve(data: { personnel: Report[]; equipment: Report[] }): void {
    this.files.set('/personnel.json', JSON.stringify(data.personnel));
    this.files.set('/equipment.json', JSON.stringify(data.equipment));
    this.files.set('/corrections.json', snapshot.corrections);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

const latestTanks = (app: App) => answerFigures(app.asker.ask('How many tanks has Russia lost?')).find((f) => /General Staff/.test(f.claimant.name) && f.metric === 'tanks');

describe('current figures out of the box', () => {
  const tmp = tempDir();
  const server = new DatasetServer();
  let app: App;
  beforeAll(async () => {
    await server.start();
    // A database in a file, as the bot has: the sync's import then runs in a worker thread.
    app = openApp({ databasePath: join(tmp.dir, 'fresh.db'), snapshot: true });
  }, 60_000);
  afterAll(async () => {
    app?.close();
    await server.stop();
    tmp.cleanup();
  });

  it('a new database answers "How many tanks has Russia lost?" with the snapshot\'s newest General Staff report', () => {
    const figure = latestTanks(app);
    expect(figure).toBeDefined();
    expect(figure!.low).toBe(Number(snapshot.equipment.at(-1)!.tank));
    expect(figure!.statedOn).toBe(lastDate);
  });

  it('the sync picks up a newer day, skips unchanged files on 304, and survives a failing server', async () => {
    const locations = { personnel: `${server.base}/personnel.json`, equipment: `${server.base}/equipment.json`, corrections: `${server.base}/corrections.json` };
    const sync = new DailySync(app.db, locations, { logger: createLogger('silent'), retryFirstMs: 50 });
    try {
      server.serve(withNextDay());
      const first = await sync.syncNow();
      expect(first.kind).toBe('imported');
      expect(first.kind === 'imported' && first.result.added).toBeGreaterThan(0);
      expect(latestTanks(app)!.low).toBe(Number(snapshot.equipment.at(-1)!.tank) + 7);

      // Nothing new upstream: every file answers 304 to a conditional request; nothing is imported.
      server.requests.length = 0;
      expect((await sync.syncNow()).kind).toBe('unchanged');
      expect(server.requests.map((r) => r.status)).toEqual([304, 304, 304]);
      expect(server.requests.every((r) => typeof r.headers['if-none-match'] === 'string')).toBe(true);

      // The server fails: the sync says so, keeps the figures, and retries by itself until it works.
      server.failing = true;
      expect(await sync.syncNow()).toMatchObject({ kind: 'failed', error: expect.stringMatching(/500/) });
      expect(latestTanks(app)!.low).toBe(Number(snapshot.equipment.at(-1)!.tank) + 7);
      server.failing = false;
      const deadline = Date.now() + 10_000;
      while (sync.last?.outcome !== 'unchanged' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(sync.last?.outcome).toBe('unchanged');
    } finally {
      await sync.stop();
    }
  }, 60_000);
});
