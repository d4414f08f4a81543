import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type App } from '../src/app.ts';
import type { Db } from '../src/store/database.ts';
import type { AccessConfig } from '../src/services/access.ts';

/** A fresh seeded app on an in-memory database, with a fixed clock. */
export function memoryApp(now = new Date('2026-11-23T12:00:00Z'), access?: AccessConfig): App {
  return openApp({ databasePath: ':memory:', clock: () => now, ...(access ? { access } : {}) });
}

/** Just after the shipped General Staff snapshot's newest report (to 7 Aug 2026). */
export const SNAPSHOT_NOW = new Date('2026-09-01T12:00:00Z');

/** The shipped data with the General Staff snapshot, in memory, as of SNAPSHOT_NOW. */
export function snapshotApp(): App {
  return openApp({ databasePath: ':memory:', snapshot: true, clock: () => SNAPSHOT_NOW });
}

export function tempDir(prefix = 'lossbot-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every row of every table, for "the database is unchanged" assertions. */
export function dumpDatabase(db: Db): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}
