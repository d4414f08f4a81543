// How long the bot's event loop is held while the daily sync runs: a full import of the General
// Staff series into an empty database (what a first sync costs), then a sync that finds nothing
// new (304). Both go through DailySync exactly as the bot runs it, from a local HTTP server on
// 127.0.0.1; the import itself runs in a worker thread. A 1 ms ticker measures the longest stretch
// without a turn of the event loop; the floor is the same ticker with nothing else running.
//   npm run bench:blocking
import { once } from 'node:events';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../src/app.ts';
import { DailySync } from '../src/ingest/daily-sync.ts';
import { SNAPSHOT_LOCATIONS } from '../src/ingest/snapshot.ts';
import { createLogger } from '../src/log.ts';

/** Runs `work` while a 1 ms ticker records the longest gap between its ticks. */
export async function longestBlock<T>(work: () => Promise<T>): Promise<{ result: T; longestMs: number; elapsedMs: number }> {
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  try {
    const result = await work();
    longest = Math.max(longest, performance.now() - last);
    return { result, longestMs: longest, elapsedMs: performance.now() - started };
  } finally {
    clearInterval(ticker);
  }
}

export async function benchSyncBlocking(): Promise<{ floorMs: number; full: { longestMs: number; elapsedMs: number; added: number }; unchanged: { longestMs: number; elapsedMs: number } }> {
  const files = new Map(Object.entries(SNAPSHOT_LOCATIONS).map(([k, path]) => [`/${k}.json`, readFileSync(path)]));
  const server = createServer((req, res) => {
    const body = files.get(req.url ?? '');
    const etag = `"${body?.length ?? 0}"`;
    if (!body) return void res.writeHead(404).end();
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { etag, 'content-type': 'application/json' }).end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const path = join(tmpdir(), `lossbot-bench-blocking-${process.pid}.db`);
  const app = openApp({ databasePath: path });
  try {
    const floor = await longestBlock(() => new Promise((r) => setTimeout(r, 2000)));
    const sync = new DailySync(app.db, { personnel: `${base}/personnel.json`, equipment: `${base}/equipment.json`, corrections: `${base}/corrections.json` }, { logger: createLogger('silent') });
    const full = await longestBlock(() => sync.syncNow());
    if (full.result.kind !== 'imported') throw new Error(`the full sync did not import: ${JSON.stringify(full.result)}`);
    const unchanged = await longestBlock(() => sync.syncNow());
    if (unchanged.result.kind !== 'unchanged') throw new Error(`the second sync was not unchanged: ${unchanged.result.kind}`);
    await sync.stop();
    return {
      floorMs: floor.longestMs,
      full: { longestMs: full.longestMs, elapsedMs: full.elapsedMs, added: full.result.result.added },
      unchanged: { longestMs: unchanged.longestMs, elapsedMs: unchanged.elapsedMs },
    };
  } finally {
    app.close();
    server.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchSyncBlocking();
  console.log(`event loop held, longest stretch (1 ms ticker; floor with nothing running ${r.floorMs.toFixed(1)} ms):`);
  console.log(`  full sync (import of ${r.full.added.toLocaleString('en-US')} claims in a worker): ${r.full.longestMs.toFixed(1)} ms (${(r.full.longestMs / r.floorMs).toFixed(1)}x floor; target < 50 ms), sync took ${(r.full.elapsedMs / 1000).toFixed(2)} s`);
  console.log(`  unchanged sync (304 for every file): ${r.unchanged.longestMs.toFixed(1)} ms (${(r.unchanged.longestMs / r.floorMs).toFixed(1)}x floor), took ${r.unchanged.elapsedMs.toFixed(0)} ms`);
}
