import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBackup, runDoctor } from '../../src/adapters/cli/ops-cli.ts';
import { openApp } from '../../src/app.ts';
import { openDatabase } from '../../src/store/database.ts';
import { tempDir } from '../helpers.ts';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
}

describe('backup and doctor', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('backs up a database that is being written to, and the copy opens with every claim', async () => {
    const path = join(tmp.dir, 'live.db');
    const app = openApp({ databasePath: path });
    // Writes keep landing while the backup runs.
    let writes = 0;
    const writer = setInterval(() => {
      app.service.add({ claimant: 'NATO', subject: 'Russia', metric: 'killed', value: String(100_000 + writes), asOf: '2026-01-01' }, { actor: 'writer', confirm: true });
      writes++;
    }, 1);
    const { io: cli, out } = io();
    const code = await runBackup([join(tmp.dir, 'copy.db')], cli, { DATABASE_PATH: path });
    clearInterval(writer);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^backed up .* to .*copy\.db: \d+ claims, \d+ bytes, integrity ok/);
    const copy = openDatabase(join(tmp.dir, 'copy.db'), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n).toBeGreaterThanOrEqual(32);
    copy.close();
    app.close();
    const again = io();
    expect(await runBackup([join(tmp.dir, 'copy.db')], again.io, { DATABASE_PATH: path })).toBe(2);
    expect(again.err[0]).toMatch(/exists; choose a new file name/);
  });

  it('says all good on a healthy setup, and names each problem otherwise', () => {
    const path = join(tmp.dir, 'doctor.db');
    const app = openApp({ databasePath: path });
    const healthy = io();
    expect(runDoctor(healthy.io, { DATABASE_PATH: path, TELEGRAM_BOT_TOKEN: '1:x' })).toBe(0);
    expect(healthy.out.at(-1)).toBe('all good');
    expect(healthy.out).toContain('ok      database integrity ok');

    app.db.prepare("INSERT INTO digest_subscriptions (platform, chat_id, frequency, local_time, timezone, status, status_reason, created_at, created_by) VALUES ('telegram', '-1', 'daily', '09:00', 'UTC', 'disabled', 'Telegram refused: Forbidden: bot was kicked', 'now', 'test')").run();
    app.close();
    const sick = io();
    expect(runDoctor(sick.io, { DATABASE_PATH: path, DISCORD_TOKEN: 'abc' })).toBe(1);
    expect(sick.err.join('\n')).toMatch(/DISCORD_APPLICATION_ID: is required when DISCORD_TOKEN is set/);
    const sick2 = io();
    expect(runDoctor(sick2.io, { DATABASE_PATH: path })).toBe(1);
    expect(sick2.err.join('\n')).toMatch(/no chat token set/);
    expect(sick2.err.join('\n')).toMatch(/digest for telegram chat -1 is disabled: Telegram refused: Forbidden: bot was kicked/);
    expect(sick2.out.at(-1)).toBe('2 problems found');
  });
});
