// Migration 006: a digest subscription's language and daily card. An existing version-5 database
// keeps every subscription and delivery as it was; they read as English digests without the card,
// and the schema matches what the migrations create.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app.ts';
import { openDatabase, schemaVersion } from '../../src/store/database.ts';
import { schemaProblems } from '../../src/store/schema-check.ts';
import { tempDir } from '../helpers.ts';

describe('migration 006 (digest language and card)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it("keeps a version-5 database's subscriptions and deliveries: English, no card", () => {
    const path = join(tmp.dir, 'v5.db');
    const old = openDatabase(path, { migrateTo: 5 });
    expect(schemaVersion(old)).toBe(5);
    old.exec(`
      INSERT INTO digest_subscriptions (id, platform, chat_id, frequency, weekday, local_time, timezone, claimants, parties, metrics, post_empty, status, status_reason, created_at, created_by, last_audit_id)
      VALUES (1, 'telegram', '-100', 'weekly', 1, '09:00', 'Europe/Kyiv', '["nato"]', '[]', '["killed"]', 1, 'active', NULL, '2026-01-01T00:00:00.000Z', 'telegram:42 (mod)', 0),
             (2, 'discord', '555', 'daily', NULL, '07:30', 'UTC', '[]', '[]', '[]', 0, 'disabled', 'Discord refused: Missing Access', '2026-01-02T00:00:00.000Z', 'discord:7 (x)', 0),
             (3, 'telegram', '-100', 'daily', NULL, '08:00', 'UTC', '[]', '[]', '[]', 0, 'removed', 'replaced', '2025-12-01T00:00:00.000Z', 'telegram:42 (mod)', 0);
      INSERT INTO digest_deliveries (subscription_id, period, status, attempts, owner, lease_until, audit_to, finished_at)
      VALUES (1, '2026-01-05T07:00:00.000Z', 'sent', 1, 'host:1', '2026-01-05T07:02:00.000Z', 0, '2026-01-05T07:00:01.000Z');
    `);
    const before = old.prepare('SELECT * FROM digest_subscriptions ORDER BY id').all();
    const deliveriesBefore = old.prepare('SELECT * FROM digest_deliveries').all();
    old.close();

    const app = openApp({ databasePath: path, backupDir: join(tmp.dir, 'backups') });
    expect(schemaVersion(app.db)).toBeGreaterThanOrEqual(6);
    expect(schemaProblems(app.db)).toEqual([]);
    const after = app.db.prepare('SELECT * FROM digest_subscriptions ORDER BY id').all() as Record<string, unknown>[];
    expect(after.map(({ language: _l, card: _c, ...rest }) => rest)).toEqual(before);
    expect(after.map((r) => [r.language, r.card])).toEqual([['en', 0], ['en', 0], ['en', 0]]);
    expect(app.db.prepare('SELECT * FROM digest_deliveries').all()).toEqual(deliveriesBefore);
    expect(app.digests.repo.forChat('telegram', '-100')).toMatchObject({ id: 1, frequency: 'weekly', weekday: 1, claimants: ['nato'], metrics: ['killed'], postEmpty: true, language: 'en', card: false });
    expect(app.digests.repo.forChat('discord', '555')).toMatchObject({ status: 'disabled', statusReason: 'Discord refused: Missing Access', language: 'en', card: false });
    expect(app.digests.repo.lastDelivery(1)).toMatchObject({ status: 'sent' });
    // The one-per-chat index still holds.
    expect(() => app.db.prepare("INSERT INTO digest_subscriptions (platform, chat_id, frequency, local_time, timezone, created_at, created_by) VALUES ('telegram', '-100', 'daily', '09:00', 'UTC', 'now', 't')").run()).toThrow(/UNIQUE/);
    app.close();
  });

  it('stores a language as a short lower-case code and the card as 0 or 1', () => {
    const app = openApp({ databasePath: ':memory:' });
    const insert = (language: string, card: number) =>
      app.db.prepare("INSERT INTO digest_subscriptions (platform, chat_id, frequency, local_time, timezone, created_at, created_by, language, card) VALUES ('telegram', ?, 'daily', '09:00', 'UTC', 'now', 't', ?, ?)").run(`-${Math.random()}`.slice(0, 12), language, card);
    expect(() => insert('uk', 1)).not.toThrow();
    expect(() => insert('UK', 0)).toThrow(/CHECK/);
    expect(() => insert('ukrainian', 0)).toThrow(/CHECK/);
    expect(() => insert('ru', 2)).toThrow(/CHECK/);
    app.close();
  });
});
