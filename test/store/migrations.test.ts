import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app.ts';
import { LATEST_SCHEMA_VERSION, openDatabase, schemaVersion } from '../../src/store/database.ts';
import { tempDir } from '../helpers.ts';

describe('migrations', () => {
  const tmp = tempDir();
  afterEach(() => undefined);

  it('migrates a version-1 database forward and keeps every row', () => {
    const path = join(tmp.dir, 'old.db');
    const old = openDatabase(path, { migrateTo: 1 });
    expect(schemaVersion(old)).toBe(1);
    old.exec(`
      INSERT INTO parties VALUES ('russia', 'Russia', 'Russian', '[]');
      INSERT INTO conflicts VALUES ('russia-ukraine-2022', 'Invasion', '2022-02-24');
      INSERT INTO claimants VALUES ('nato', 'NATO', 'alliance', NULL, NULL, '["the alliance"]');
      INSERT INTO sources (id, publisher) VALUES (1, 'AP');
    `);
    const insert = old.prepare(`INSERT INTO claims (id, lineage_id, version, claimant_id, source_id, subject_id, conflict_id, metric, low, high,
      qualifier, words, period_kind, period_start, period_end, created_at, created_by)
      VALUES (?, ?, 1, 'nato', 1, 'russia', 'russia-ukraine-2022', 'killed', ?, ?, 'about', 'w', 'cumulative', '2022-02-24', ?, 'then', 'old')`);
    for (let i = 1; i <= 50; i++) insert.run(i, i, i * 100, i * 100 + 50, `2022-04-${String((i % 28) + 1).padStart(2, '0')}`);
    old.prepare(`INSERT INTO audit_log (at, actor, action, claim_id, lineage_id, after) VALUES ('then', 'old', 'add', 1, 1, '{}')`).run();
    const claimsBefore = old.prepare('SELECT * FROM claims ORDER BY id').all();
    old.close();

    const app = openApp({ databasePath: path });
    expect(schemaVersion(app.db)).toBe(LATEST_SCHEMA_VERSION);
    const after = app.db.prepare('SELECT * FROM claims ORDER BY id').all() as Record<string, unknown>[];
    expect(after.map(({ series_key: _k, ...rest }) => rest)).toEqual(claimsBefore);
    expect(after.every((r) => r.series_key === null)).toBe(true);
    expect(app.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    // Rows from the old schema read back through the validated model.
    expect(app.claims.get(50)).toMatchObject({ claimant: 'nato', low: 5000, high: 5050, qualifier: 'about' });
    // A database that already has claims is not seeded again.
    expect(app.claims.count()).toBe(50);
    app.close();
    tmp.cleanup();
  });

  it('refuses a database from a newer lossbot', () => {
    const t = tempDir();
    const path = join(t.dir, 'future.db');
    const db = openDatabase(path);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openDatabase(path)).toThrow(/newer than this lossbot/);
    t.cleanup();
  });

  it('keeps only STAT1 statistics after an ANALYZE, so lookups are not re-planned per value', () => {
    const path = join(tmp.dir, 'analyzed.db');
    const app = openApp({ databasePath: path });
    app.db.exec('ANALYZE');
    const stat4 = () => (app.db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'sqlite_stat4'").get() as { n: number }).n;
    // better-sqlite3 builds SQLite with STAT4; the test is void without it.
    expect(stat4()).toBe(1);
    expect((app.db.prepare('SELECT count(*) AS n FROM sqlite_stat4').get() as { n: number }).n).toBeGreaterThan(0);
    app.close();
    const reopened = openApp({ databasePath: path });
    expect(reopened.db.prepare('SELECT count(*) AS n FROM sqlite_stat4').get()).toEqual({ n: 0 });
    expect((reopened.db.prepare('SELECT count(*) AS n FROM sqlite_stat1').get() as { n: number }).n).toBeGreaterThan(0);
    reopened.close();
  });
});
