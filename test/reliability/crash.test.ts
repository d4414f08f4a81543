// Crash safety and two writers: real child processes on a real database file.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app.ts';
import { addDays } from '../../src/core/dates.ts';
import { openDatabase } from '../../src/store/database.ts';
import { tempDir } from '../helpers.ts';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

function start(args: string[]): { child: ChildProcessWithoutNullStreams; lines: string[]; waitFor: (re: RegExp) => Promise<void>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      lines.push(line);
      for (const w of [...waiters]) if (w.re.test(line)) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
    }
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (re: RegExp) =>
    new Promise<void>((resolve, reject) => {
      if (lines.some((l) => re.test(l))) return resolve();
      waiters.push({ re, resolve });
      void exited.then(() => setTimeout(() => reject(new Error(`worker exited before ${re}; stderr: ${stderr.slice(-2000)}`)), 50));
    });
  return { child, lines, waitFor, exited };
}

/** A dataset of `reports` days in the General Staff format, big enough to kill mid-write. */
function writeDataset(dir: string, reports: number): { personnel: string; equipment: string } {
  const personnel = [];
  const equipment = [];
  for (let d = 0; d < reports; d++) {
    const date = addDays('2022-02-25', d);
    personnel.push({ date, day: d + 2, personnel: 1000 * (d + 1), 'personnel*': 'about' });
    equipment.push({ date, day: d + 2, aircraft: d, helicopter: d, tank: 3 * d, APC: 5 * d, 'field artillery': 4 * d, MRL: d, 'anti-aircraft warfare': d, drone: 10 * d, 'naval ship': 1, 'special equipment': d, 'vehicles and fuel tanks': 7 * d, 'cruise missiles': 2 * d, submarines: 0 });
  }
  const files = { personnel: join(dir, 'p.json'), equipment: join(dir, 'e.json') };
  writeFileSync(files.personnel, JSON.stringify(personnel));
  writeFileSync(files.equipment, JSON.stringify(equipment));
  return files;
}

describe('crash safety and concurrent writers', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('an import killed with SIGKILL mid-write leaves an intact database without any of it', async () => {
    const files = writeDataset(tmp.dir, 4000); // 56,000 claims
    const path = join(tmp.dir, 'import-crash.db');
    openApp({ databasePath: path }).close();
    const worker = start(['import', path, files.personnel, files.equipment]);
    await worker.waitFor(/^progress [1-9]\d*000$/); // inside the transaction, some rows written
    worker.child.kill('SIGKILL');
    await worker.exited;
    expect(worker.lines.some((l) => l.startsWith('done'))).toBe(false);
    const db = openDatabase(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) AS n FROM claims WHERE series_key IS NOT NULL').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM import_runs').get()).toEqual({ n: 0 });
    db.close();
  }, 60_000);

  it('moderator edits killed with SIGKILL: every edit is all there or not there at all', async () => {
    const path = join(tmp.dir, 'edit-crash.db');
    openApp({ databasePath: path }).close();
    const worker = start(['edits', path, '100000']);
    await worker.waitFor(/^edited \d+$/);
    await new Promise((r) => setTimeout(r, 150));
    worker.child.kill('SIGKILL');
    await worker.exited;
    const acknowledged = worker.lines.filter((l) => l.startsWith('edited')).length;
    const db = openDatabase(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const lineage = db.prepare("SELECT lineage_id AS l FROM claims WHERE claimant_id = 'nato' AND created_by = 'worker' LIMIT 1").get() as { l: number };
    const versions = db.prepare('SELECT status, count(*) AS n FROM claims WHERE lineage_id = ? GROUP BY status ORDER BY status').all(lineage.l) as { status: string; n: number }[];
    const edits = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE lineage_id = ? AND action = 'edit'").get(lineage.l) as { n: number }).n;
    // One active version; one superseded version and one audit row per committed edit.
    expect(versions.find((v) => v.status === 'active')!.n).toBe(1);
    expect(versions.find((v) => v.status === 'superseded')!.n).toBe(edits);
    expect(edits).toBeGreaterThanOrEqual(acknowledged);
    expect(edits).toBeLessThanOrEqual(acknowledged + 1); // the last one may commit before it is reported
    db.close();
  }, 60_000);

  it('the bot and a command-line import write at the same time without SQLITE_BUSY', async () => {
    const files = writeDataset(tmp.dir, 3000);
    const path = join(tmp.dir, 'two-writers.db');
    const app = openApp({ databasePath: path });
    const importer = start(['import', path, files.personnel, files.equipment]);
    const adder = start(['adds', path, '150']);
    await importer.waitFor(/^ready$/);
    // Meanwhile this process, the "bot", keeps writing and reading.
    let written = 0;
    const deadline = Date.now() + 30_000;
    while ((!importer.lines.some((l) => l.startsWith('done')) || !adder.lines.some((l) => l.startsWith('added'))) && Date.now() < deadline) {
      const outcome = app.service.add({ claimant: 'UK MoD', subject: 'Russia', metric: 'wounded', value: String(5000 + written), asOf: '2025-03-01' }, { actor: 'bot', confirm: true });
      expect(outcome.ok).toBe(true);
      written++;
      app.asker.ask('How many tanks has Russia lost?');
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(await importer.exited).toBe(0);
    expect(await adder.exited).toBe(0);
    expect(importer.lines.at(-1)).toBe('done 42000');
    expect(written).toBeGreaterThan(0);
    expect(app.claims.list({ claimant: 'csis', limit: 1000 }).filter((c) => c.createdBy === 'child')).toHaveLength(150);
    expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok');
    app.close();
  }, 60_000);
});
