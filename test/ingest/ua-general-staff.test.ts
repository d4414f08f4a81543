import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImportCli } from '../../src/adapters/cli/import-cli.ts';
import { answerFigures } from '../../src/core/answer/compose.ts';
import { importUaGeneralStaff } from '../../src/ingest/import-ua-gs.ts';
import { FIXTURES, SHARED_DATA } from '../paths.ts';
import { dumpDatabase, memoryApp, tempDir } from '../helpers.ts';
import { openApp } from '../../src/app.ts';
import { PassThrough } from 'node:stream';
import { createLogger } from '../../src/log.ts';
import { DAILY_SYNC_PATTERN, DAILY_SYNC_TIMEZONE, syncOnce } from '../../src/ingest/daily-sync.ts';

const fixture = (name: string) => join(FIXTURES, 'ua-general-staff', `${name}.json`);
const FILES = { personnel: fixture('personnel'), equipment: fixture('equipment'), corrections: fixture('corrections') };
const actor = { actor: 'test-import' };
const gs = (app: ReturnType<typeof memoryApp>) => app.claims.list({ claimant: 'general-staff-ukraine', limit: 1000 }).filter((c) => c.createdBy === 'test-import');

describe('General Staff import', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('turns each report into attributed cumulative claims, report date apart from the period', async () => {
    const app = memoryApp();
    const result = await importUaGeneralStaff(app.db, FILES, actor);
    expect(result).toMatchObject({ reports: 4, added: result.claims, changed: 0, unchanged: 0, ignoredFields: { 'laser cannons': 1 } });
    const claims = gs(app);
    const find = (metric: string, statedOn: string) => claims.find((c) => c.metric === metric && c.statedOn === statedOn)!;
    expect(find('personnel', '2022-05-01')).toMatchObject({ low: 23500, high: 23500, qualifier: 'more_than', words: 'more than 23,500', periodKind: 'cumulative', periodStart: '2022-02-24', periodEnd: '2022-04-30' });
    expect(find('personnel', '2022-04-29')).toMatchObject({ qualifier: 'about', periodEnd: '2022-04-28', source: { publisher: 'General Staff of the Armed Forces of Ukraine', publishedOn: '2022-04-29' } });
    // Prisoner counts are the Invaders project's (the dataset's documentation), never the General Staff's.
    expect(claims.some((c) => c.metric === 'captured')).toBe(false);
    const pow = app.claims.list({ claimant: 'invaders-rf', limit: 100 });
    expect(pow.find((c) => c.statedOn === '2022-04-30')).toMatchObject({ low: 412, metric: 'captured', source: { publisher: 'Invaders (invaders-rf.com)' } });
    expect(pow.some((c) => c.statedOn === '2022-05-01')).toBe(false);
    // Field changes: vehicles were counted apart until 30 April 2022, together after.
    expect(find('vehicles', '2022-04-30')).toMatchObject({ low: 57, note: expect.stringMatching(/52 military vehicles and 5 fuel tanks/) });
    expect(find('vehicles', '2022-05-01')).toMatchObject({ low: 60 });
    expect(find('srbm_launchers', '2022-04-30')).toMatchObject({ low: 4 });
    expect(claims.some((c) => c.metric === 'srbm_launchers' && c.statedOn === '2022-05-01')).toBe(false);
    expect(find('cruise_missiles', '2022-05-02')).toMatchObject({ low: 22 });
    // A lower total is the General Staff correcting itself, with the correction noted.
    expect(find('armoured_vehicles', '2022-05-01')).toMatchObject({ low: 199, isCorrection: true, note: expect.stringMatching(/correction of -5/) });
    expect(find('armoured_vehicles', '2022-05-02')).toMatchObject({ isCorrection: false, note: null });
  });

  it('changes nothing when the same data is imported again, and versions a revised figure', async () => {
    const app = memoryApp();
    await importUaGeneralStaff(app.db, FILES, actor);
    const before = dumpDatabase(app.db);
    const again = await importUaGeneralStaff(app.db, FILES, actor);
    expect(again).toMatchObject({ added: 0, changed: 0, runId: null });
    expect(dumpDatabase(app.db)).toBe(before);

    const revised = join(tmp.dir, 'revised-equipment.json');
    writeFileSync(revised, readFileSync(FILES.equipment, 'utf8').replace('"tank": 110', '"tank": 111'));
    const result = await importUaGeneralStaff(app.db, { ...FILES, equipment: revised }, actor);
    expect(result).toMatchObject({ added: 0, changed: 1 });
    const current = app.claims.list({ claimant: 'general-staff-ukraine', metric: 'tanks', limit: 100 }).find((c) => c.statedOn === '2022-05-02')!;
    expect(current).toMatchObject({ low: 111, version: 2 });
    const history = app.claims.history(current.id)!;
    expect(history.versions.map((v) => [v.low, v.status])).toEqual([[110, 'superseded'], [111, 'active']]);
    expect(history.audit.at(-1)).toMatchObject({ action: 'import', before: { low: 110 }, after: { low: 111 } });
  });

  it('derives day and month figures from the imported reports', async () => {
    const app = memoryApp();
    await importUaGeneralStaff(app.db, FILES, actor);
    // Losses on 1 May 2022 = report(2 May) - report(1 May).
    const day = answerFigures(app.asker.ask('General Staff: Russian tanks on 1 May 2022'));
    expect(day.find((f) => f.claimant.id === 'general-staff-ukraine')).toMatchObject({ low: 5, derived: { from: { value: 105 }, to: { value: 110 } } });
    const latest = answerFigures(app.asker.ask('General Staff: how many tanks has Russia lost?'));
    expect(latest.find((f) => f.claimant.id === 'general-staff-ukraine')).toMatchObject({ low: 110, statedOn: '2022-05-02' });
  });

  it('imports from a URL on a local HTTP server', async () => {
    const server = createServer((req, res) => {
      const name = (req.url ?? '').replace(/^\//, '').replace(/\.json$/, '');
      if (!['personnel', 'equipment', 'corrections'].includes(name)) return void res.writeHead(404).end('not here');
      res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(fixture(name)));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const app = memoryApp();
      const result = await importUaGeneralStaff(app.db, { personnel: `${base}/personnel.json`, equipment: `${base}/equipment.json`, corrections: `${base}/corrections.json` }, actor);
      expect(result.added).toBeGreaterThan(20);
      expect(gs(app).find((c) => c.metric === 'tanks')!.source.url).toBe(`${base}/equipment.json`);
      const before = dumpDatabase(app.db);
      await expect(importUaGeneralStaff(app.db, { personnel: `${base}/personnel.json`, equipment: `${base}/missing.json` }, actor)).rejects.toThrow(`${base}/missing.json: the server answered 404`);
      expect(dumpDatabase(app.db)).toBe(before);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  const broken: [string, string, RegExp][] = [
    ['not JSON', '[{"date": "2022-04-29", "tank": 1', /broken\.json: not valid JSON/],
    ['not an array', '{"date": "2022-04-29"}', /broken\.json: must be a JSON array/],
    ['a missing date', '[{"day": 1, "tank": 1}]', /broken\.json, record 1, field "date": is missing/],
    ['a bad date', '[{"date": "2022-02-30", "tank": 1}]', /record 1 \(2022-02-30\), field "date": must be a date/],
    ['a negative figure', '[{"date": "2022-04-29", "tank": 1}, {"date": "2022-04-30", "tank": -4}]', /record 2 \(2022-04-30\), field "tank": must not be negative/],
    ['a non-numeric figure', '[{"date": "2022-04-29", "APC": "lots"}]', /record 1 \(2022-04-29\), field "APC": must be a number, not "lots"/],
    ['a date out of order', '[{"date": "2022-04-30", "tank": 1}, {"date": "2022-04-29", "tank": 2}]', /record 2 \(2022-04-29\), field "date": out of order/],
  ];
  for (const [what, text, message] of broken) {
    it(`refuses ${what}, naming file, record and field, and leaves the database as it was`, async () => {
      const app = memoryApp();
      await importUaGeneralStaff(app.db, FILES, actor);
      const before = dumpDatabase(app.db);
      const path = join(tmp.dir, 'broken.json');
      writeFileSync(path, text);
      await expect(importUaGeneralStaff(app.db, { ...FILES, equipment: path }, actor)).rejects.toThrow(message);
      expect(dumpDatabase(app.db)).toBe(before);
    });
  }

  it('syncs daily from URLs: a failed download is logged and writes nothing', async () => {
    const app = memoryApp();
    const logs = new PassThrough();
    let logText = '';
    logs.on('data', (c) => (logText += String(c)));
    const logger = createLogger('info', logs);
    expect(await syncOnce(app.db, { personnel: FILES.personnel, equipment: FILES.equipment }, logger)).toMatchObject({ added: expect.any(Number) });
    expect(logText).toMatch(/General Staff series synced/);
    const before = dumpDatabase(app.db);
    expect(await syncOnce(app.db, { personnel: FILES.personnel, equipment: 'http://127.0.0.1:9/nothing-listens-here.json' }, logger)).toBeNull();
    expect(logText).toMatch(/General Staff sync failed; nothing was written/);
    expect(dumpDatabase(app.db)).toBe(before);
    const { Cron } = await import('croner');
    // 10:00 in Kyiv is 08:00 UTC in winter and 07:00 UTC in summer.
    expect(new Cron(DAILY_SYNC_PATTERN, { timezone: DAILY_SYNC_TIMEZONE }).nextRun(new Date('2026-01-10T09:00:00Z'))!.toISOString()).toBe('2026-01-11T08:00:00.000Z');
    expect(new Cron(DAILY_SYNC_PATTERN, { timezone: DAILY_SYNC_TIMEZONE }).nextRun(new Date('2026-07-10T06:00:00Z'))!.toISOString()).toBe('2026-07-10T07:00:00.000Z');
  });

  it('runs from the command line with a one-line summary', async () => {
    const dbPath = join(tmp.dir, 'cli.db');
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    const args = ['ua-general-staff', '--personnel', FILES.personnel, '--equipment', FILES.equipment, '--corrections', FILES.corrections];
    expect(await runImportCli(args, io, { DATABASE_PATH: dbPath })).toBe(0);
    expect(await runImportCli(args, io, { DATABASE_PATH: dbPath })).toBe(0);
    expect(out[0]).toMatch(/^ua-general-staff: 4 reports, \d+ figures: \d+ added, 0 changed, 0 unchanged in [\d.]+ s; fields not imported: laser cannons \(1\)$/);
    expect(out[1]).toMatch(/0 added, 0 changed, \d+ unchanged/);
    expect(await runImportCli(['ua-general-staff', '--personnel', FILES.personnel, '--equipment', join(tmp.dir, 'nope.json')], io, { DATABASE_PATH: dbPath })).toBe(1);
    expect(err.at(-1)).toMatch(/import refused, nothing was written: .*nope\.json: cannot read \(ENOENT\)/);
  });

  it.runIf(existsSync(join(SHARED_DATA, 'ua-general-staff')))('agrees with the monthly totals of the seed articles for 2024, from the whole shared dataset', async () => {
    const dir = join(SHARED_DATA, 'ua-general-staff');
    const app = openApp({ databasePath: join(tmp.dir, 'shared.db') });
    // The seed's monthly figures, read before the import adds its thousands of claims.
    const monthly = app.claims.list({ limit: 1000 }).filter((c) => c.periodKind === 'interval' && c.metric === 'personnel' && c.periodStart?.startsWith('2024') && c.periodStart.endsWith('-01') && c.aggregation === 'total');
    await importUaGeneralStaff(app.db, { personnel: join(dir, 'russia_losses_personnel.json'), equipment: join(dir, 'russia_losses_equipment.json'), corrections: join(dir, 'russia_losses_equipment_correction.json') }, actor);
    expect(monthly.length).toBeGreaterThanOrEqual(3); // September, October and November 2024
    for (const claim of monthly) {
      const month = new Date(`${claim.periodStart}T00:00:00Z`).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
      const figures = answerFigures(app.asker.ask(`General Staff: Russian losses in ${month} 2024`));
      const derived = figures.find((f) => f.claimant.id === 'general-staff-ukraine' && f.derived);
      expect(derived, `${month} 2024`).toBeDefined();
      expect(derived!.low, `${month} 2024: the article says ${claim.words}`).toBe(claim.low);
    }
    app.close();
  });
});

describe('General Staff import and moderators', () => {
  it("keeps a moderator's correction of an imported figure until the source revises it", async () => {
    const tmp = tempDir();
    const app = memoryApp();
    await importUaGeneralStaff(app.db, FILES, actor);
    const tank = () => app.claims.list({ claimant: 'general-staff-ukraine', metric: 'tanks', limit: 100 }).find((c) => c.statedOn === '2022-05-02')!;
    const edited = app.service.edit(tank().id, { value: '112' }, 'the report published a typo fix', { actor: 'discord:1 (mod)', confirm: true });
    expect(edited).toMatchObject({ ok: true });
    expect(await importUaGeneralStaff(app.db, FILES, actor)).toMatchObject({ added: 0, changed: 0 });
    expect(tank()).toMatchObject({ low: 112, version: 2 });
    expect(app.claims.list({ claimant: 'general-staff-ukraine', metric: 'tanks', limit: 100 }).filter((c) => c.statedOn === '2022-05-02')).toHaveLength(1);

    const revised = join(tmp.dir, 'revised.json');
    writeFileSync(revised, readFileSync(FILES.equipment, 'utf8').replace('"tank": 110', '"tank": 115'));
    expect(await importUaGeneralStaff(app.db, { ...FILES, equipment: revised }, actor)).toMatchObject({ added: 0, changed: 1 });
    expect(tank()).toMatchObject({ low: 115, version: 3 });
    tmp.cleanup();
  });
});
