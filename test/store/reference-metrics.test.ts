// Metrics are reference data: an existing database migrates to a metrics table that claims refer
// to by foreign key (rows, triggers and indexes kept), platforms become opaque names, and a new
// metric is added by data alone and used end to end: stored, offered, asked about, answered.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app.ts';
import { answerFigures } from '../../src/core/answer/compose.ts';
import { METRICS, readMetrics, useMetrics } from '../../src/core/vocabulary.ts';
import { metricChoices } from '../../commands/claim.ts';
import { openDatabase, schemaVersion, LATEST_SCHEMA_VERSION } from '../../src/store/database.ts';
import { schemaProblems } from '../../src/store/schema-check.ts';
import { DATA_DIR } from '../../src/paths.ts';
import { tempDir } from '../helpers.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  useMetrics(readMetrics()); // the project's own metrics again for the next test
});
function temp() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('migration to metrics as reference data', () => {
  it('keeps every row of a version-4 database, and then enforces the metric by foreign key', () => {
    const path = join(temp(), 'v4.db');
    const v4 = openDatabase(path, { migrateTo: 4 });
    v4.exec(`
      INSERT INTO parties (id, name, adjective) VALUES ('russia', 'Russia', 'Russian');
      INSERT INTO conflicts (id, name, started_on) VALUES ('russia-ukraine-2022', 'Russian invasion of Ukraine', '2022-02-24');
      INSERT INTO claimants (id, name, kind, party_id) VALUES ('uk-mod', 'UK Ministry of Defence', 'government', NULL);
      INSERT INTO sources (id, publisher) VALUES (1, 'AP');
      INSERT INTO claims (id, lineage_id, version, claimant_id, source_id, subject_id, conflict_id, metric, low, high, qualifier, words,
        period_kind, period_end, stated_on, created_at, created_by)
        VALUES (1, 1, 1, 'uk-mod', 1, 'russia', 'russia-ukraine-2022', 'tanks', 3000, 3000, 'about', 'about 3,000', 'cumulative', '2024-01-31', '2024-02-01', '2024-02-01T00:00:00Z', 'test');
      INSERT INTO audit_log (at, actor, action, claim_id, lineage_id, after, actor_platform, actor_user_id, actor_name)
        VALUES ('2024-02-01T00:00:00Z', 'telegram:1 (x)', 'add', 1, 1, '{}', 'telegram', '1', 'x');
      INSERT INTO moderators (platform, user_id, display_name, granted_at, granted_by) VALUES ('discord', '42', 'Mod', '2024-01-01', 'owner');
    `);
    const before = {
      claims: v4.prepare('SELECT * FROM claims').all(),
      audit: v4.prepare('SELECT * FROM audit_log').all(),
      moderators: v4.prepare('SELECT * FROM moderators').all(),
    };
    v4.close();

    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(schemaProblems(db)).toEqual([]);
    expect(db.prepare('SELECT * FROM claims').all()).toEqual(before.claims);
    expect(db.prepare('SELECT * FROM audit_log').all()).toEqual(before.audit);
    expect(db.prepare('SELECT * FROM moderators').all()).toEqual(before.moderators);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The metric is now a foreign key into metrics, not a list in a CHECK.
    const insert = (metric: string) =>
      db.prepare(`INSERT INTO claims (lineage_id, version, claimant_id, source_id, subject_id, conflict_id, metric, low, high, qualifier, words, period_kind, period_end, created_at, created_by)
        VALUES (1, 1, 'uk-mod', 1, 'russia', 'russia-ukraine-2022', ?, 1, 1, 'exact', '1', 'cumulative', '2024-02-01', 'now', 'test')`).run(metric);
    expect(() => insert('spaceships')).toThrow(/FOREIGN KEY/);
    // The immutability and append-only triggers came through the rebuild.
    expect(() => db.prepare('UPDATE claims SET low = 1 WHERE id = 1').run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM claims WHERE id = 1').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    // A platform is an opaque name: a new adapter needs no schema change.
    db.prepare("INSERT INTO moderators (platform, user_id, display_name, granted_at, granted_by) VALUES ('matrix', '7', 'M', 'now', 'owner')").run();
    expect(() => db.prepare("INSERT INTO moderators (platform, user_id, display_name, granted_at, granted_by) VALUES ('Not A Name!', '8', 'M', 'now', 'owner')").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('adding a metric touches data, not code', () => {
  it('a metric added to data/metrics.yaml and its words to the lexicon is stored, offered, asked about and answered', () => {
    const dataDir = join(temp(), 'data');
    cpSync(DATA_DIR, dataDir, { recursive: true, filter: (src) => !/\.db(-\w+)?$/.test(src) });
    writeFileSync(join(dataDir, 'metrics.yaml'), `${readFileSync(join(dataDir, 'metrics.yaml'), 'utf8')}- { id: bridges, label: bridges destroyed, personnel: false }\n`);
    const lexicon = join(dataDir, 'lexicon', 'en.yaml');
    writeFileSync(lexicon, readFileSync(lexicon, 'utf8').replace(/^metrics:\n/m, "metrics:\n  - { words: ['bridges?|pontoon bridges?'], metrics: [bridges] }\n"));

    const app = openApp({ databasePath: join(temp(), 'bridges.db'), dataDir, clock: () => new Date('2026-11-23T12:00:00Z') });
    cleanups.push(() => app.close());
    expect(METRICS).toContain('bridges');
    expect(app.db.prepare("SELECT label FROM metrics WHERE id = 'bridges'").get()).toEqual({ label: 'bridges destroyed' });
    expect(metricChoices(null, 'brid')).toEqual([{ name: 'bridges destroyed', value: 'bridges' }]);

    const added = app.service.add({ claimant: 'UK MoD', subject: 'Russia', metric: 'bridges', value: '12', asOf: '2025-06-30', url: 'https://example.org/bridges' }, { actor: 'test' });
    expect(added.ok).toBe(true);
    const figures = answerFigures(app.asker.ask('how many bridges has russia lost according to the uk'));
    expect(figures).toEqual([expect.objectContaining({ metric: 'bridges', low: 12 })]);

    // An unknown metric is still refused, naming the field.
    const refused = app.service.add({ claimant: 'UK MoD', subject: 'Russia', metric: 'spaceships', value: '1', asOf: '2025-06-30' }, { actor: 'test' });
    expect(refused).toMatchObject({ ok: false });
    expect(JSON.stringify(refused)).toMatch(/metric/);
  });
});
