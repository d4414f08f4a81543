// The parts that keep lossbot a well-behaved service: configuration from .env, the supervisor's
// liveness rules, the health endpoint, scheduled backups with retention, and the copy taken
// before a migration changes an existing database.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyEnvFile, loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { listBackups, startBackupSchedule, takeBackup } from '../../src/service/backups.ts';
import { startHealthServer } from '../../src/service/health-server.ts';
import { Supervisor } from '../../src/service/supervisor.ts';
import { LATEST_SCHEMA_VERSION, openDatabase, schemaVersion } from '../../src/store/database.ts';
import { liveStatus } from '../../src/store/health.ts';
import { openApp } from '../../src/app.ts';
import { tempDir } from '../helpers.ts';

const quiet = createLogger('silent');
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
function temp() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('.env', () => {
  it('fills settings from the file, and the environment wins over it', () => {
    const dir = temp();
    const file = join(dir, '.env');
    writeFileSync(file, '# a comment\nLOG_LEVEL=debug\nDATABASE_PATH="/from/the/file.db"\nRATE_LIMIT_USER_PER_MINUTE=4\n');
    const env: NodeJS.ProcessEnv = { DATABASE_PATH: '/from/the/environment.db' };
    expect(applyEnvFile(file, env)).toBe(file);
    const config = loadConfig(env);
    expect(config.LOG_LEVEL).toBe('debug');
    expect(config.RATE_LIMIT_USER_PER_MINUTE).toBe(4);
    expect(config.DATABASE_PATH).toBe('/from/the/environment.db');
  });

  it('is optional', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(applyEnvFile(join(temp(), '.env'), env)).toBeNull();
    expect(env).toEqual({});
  });

  it('is read by the compiled entry points from the working directory', () => {
    const dir = temp();
    const dbPath = join(dir, 'from-dotenv.db');
    writeFileSync(join(dir, '.env'), `DATABASE_PATH=${dbPath}\n`);
    const out = execFileSync(process.execPath, [join(PROJECT_ROOT, 'dist/src/adapters/cli/ask.js'), 'How many tanks has Russia lost?'], { cwd: dir, env: { PATH: process.env.PATH }, encoding: 'utf8' });
    expect(out).toMatch(/tank/i);
    expect(existsSync(dbPath)).toBe(true);
    // The environment wins: the same .env, another DATABASE_PATH given.
    const other = join(dir, 'from-env.db');
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'dist/src/adapters/cli/ask.js'), 'tanks'], { cwd: dir, env: { PATH: process.env.PATH, DATABASE_PATH: other }, encoding: 'utf8' });
    expect(existsSync(other)).toBe(true);
  });

  it('refuses a bad setting naming it', () => {
    expect(() => loadConfig({ HEALTH_PORT: '70000' })).toThrow(/HEALTH_PORT.*port number/);
    expect(() => loadConfig({ OFFLINE_EXIT_SECONDS: '0' })).toThrow(/OFFLINE_EXIT_SECONDS/);
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});

describe('supervisor', () => {
  function supervisor(offlineLimitMs: number) {
    let now = 0;
    const fatal: string[] = [];
    const s = new Supervisor({ logger: quiet, offlineLimitMs, onFatal: (r) => fatal.push(r), now: () => now, checkEveryMs: 60_000 });
    cleanups.push(() => s.stop());
    return { s, fatal, advance: (ms: number) => (now += ms), check: () => (s as unknown as { checkOffline(): void }).checkOffline() };
  }

  it('is healthy only when every part is ready', () => {
    const { s } = supervisor(1000);
    const a = s.part('discord');
    const b = s.part('telegram');
    expect(s.healthy()).toBe(false);
    a.report('ready', 'bot#1');
    b.report('ready', '@bot');
    expect(s.healthy()).toBe(true);
    b.report('degraded', 'network down');
    expect(s.healthy()).toBe(false);
    expect(s.status().telegram).toMatchObject({ state: 'degraded', detail: 'network down' });
  });

  it('gives up on a part that stays unreachable past the limit, once', () => {
    const { s, fatal, advance, check } = supervisor(5000);
    const t = s.part('telegram');
    t.report('ready');
    t.report('degraded', 'getUpdates: fetch failed');
    advance(4000);
    check();
    expect(fatal).toEqual([]);
    t.report('ready');
    advance(4000);
    t.report('degraded', 'getUpdates: fetch failed');
    advance(4000);
    check();
    expect(fatal).toEqual([]);
    advance(2000);
    check();
    check();
    expect(fatal).toEqual([expect.stringMatching(/^telegram: unreachable for 6 s/)]);
    expect(s.status().telegram!.state).toBe('failed');
  });

  it('gives up on a part that never finishes starting, and at once on a fatal report', () => {
    const { s, fatal, advance, check } = supervisor(3000);
    s.part('discord');
    advance(3500);
    check();
    expect(fatal).toEqual([expect.stringMatching(/discord: could not start within 4 s/)]);
    const other = supervisor(3000);
    other.s.part('telegram').fatal('409 conflict');
    expect(other.fatal).toEqual(['telegram: 409 conflict']);
  });
});

describe('health endpoint', () => {
  it('answers on 127.0.0.1 with each part, the database and the last sync; 503 until every part is ready', async () => {
    const dir = temp();
    const app = openApp({ databasePath: join(dir, 'h.db') });
    cleanups.push(() => app.close());
    const s = new Supervisor({ logger: quiet, offlineLimitMs: 60_000, onFatal: () => undefined });
    cleanups.push(() => s.stop());
    const telegram = s.part('telegram');
    const server = await startHealthServer(0, { parts: () => s.status(), healthy: () => s.healthy(), database: () => liveStatus(app.db) }, quiet);
    cleanups.push(() => server.close());
    const url = `http://127.0.0.1:${server.port}/health`;

    let res = await fetch(url);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unhealthy', parts: { telegram: { state: 'starting' } }, database: { ok: true } });

    telegram.report('ready', '@lossbot');
    res = await fetch(url);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { database: { schemaVersion: number; activeClaims: number }; lastSync: unknown };
    expect(body.database.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(body.database.activeClaims).toBeGreaterThan(0);
    expect(body).toHaveProperty('lastSync');

    expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);

    // A database that can no longer be read makes the service unhealthy.
    app.close();
    res = await fetch(url);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ database: { ok: false } });
  });
});

describe('backups', () => {
  it('takes a verified online copy and keeps the newest BACKUP_KEEP', async () => {
    const dir = temp();
    const dbPath = join(dir, 'live.db');
    openApp({ databasePath: dbPath }).close();
    const backups = join(dir, 'backups');
    let t = Date.parse('2026-11-20T03:00:00Z');
    for (let i = 0; i < 5; i++) {
      await takeBackup({ databasePath: dbPath, dir: backups, keep: 3, logger: quiet, now: () => new Date(t) });
      t += 86_400_000;
    }
    const kept = listBackups(backups);
    expect(kept.map((f) => basename(f))).toEqual(['lossbot-20261124T030000Z.db', 'lossbot-20261123T030000Z.db', 'lossbot-20261122T030000Z.db']);
    const copy = openDatabase(kept[0]!, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('runs on its schedule, catches up at start when the newest copy is over a day old, and stops', async () => {
    const dir = temp();
    const dbPath = join(dir, 'live.db');
    openApp({ databasePath: dbPath }).close();
    const backups = join(dir, 'backups');
    // Every second, to see the schedule fire within the test.
    const schedule = startBackupSchedule({ databasePath: dbPath, dir: backups, keep: 2, logger: quiet, pattern: '* * * * * *' });
    await schedule.ready;
    // The catch-up copy (there was none); the every-second schedule may already have added the next.
    expect(listBackups(backups).length).toBeGreaterThanOrEqual(1);
    const deadline = Date.now() + 10_000;
    while (listBackups(backups).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await schedule.stop();
    expect(listBackups(backups)).toHaveLength(2);
    // The daily schedule: next at 03:00 UTC.
    const daily = startBackupSchedule({ databasePath: dbPath, dir: backups, keep: 2, logger: quiet });
    await daily.ready;
    expect(daily.nextRun()!.toISOString()).toMatch(/T03:00:00\.000Z$/);
    await daily.stop();
    expect(listBackups(backups)).toHaveLength(2); // a fresh copy exists, so no catch-up
  });

  it('copies an existing database before a migration changes it, and only then', () => {
    const dir = temp();
    const dbPath = join(dir, 'old.db');
    openDatabase(dbPath, { migrateTo: 1 }).close();
    const before = readdirSync(dir);
    const db = openDatabase(dbPath);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
    const copies = readdirSync(dir).filter((f) => !before.includes(f) && f.includes('.before-v'));
    expect(copies).toHaveLength(1);
    const copy = openDatabase(join(dir, copies[0]!), { readonly: true });
    expect(schemaVersion(copy)).toBe(1);
    copy.close();
    // Opening an up-to-date database copies nothing; neither does creating a new one.
    openDatabase(dbPath).close();
    openDatabase(join(dir, 'new.db')).close();
    expect(readdirSync(dir).filter((f) => f.includes('.before-v'))).toHaveLength(1);
  });
});

/** A Docker engine that answers (the client alone is not enough to build). */
const dockerEngine = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8' }).status === 0;

describe('deployment files', () => {
  it.skipIf(!dockerEngine)('the Docker image builds, runs as a non-root user, and its node is 24', () => {
    execFileSync('docker', ['build', '-q', '-f', 'deploy/Dockerfile', '-t', 'lossbot:test', '.'], { cwd: PROJECT_ROOT, stdio: 'pipe', timeout: 900_000 });
    const out = execFileSync('docker', ['run', '--rm', '--entrypoint', 'sh', 'lossbot:test', '-c', 'id -u; node --version; test -f dist/src/main.js && echo built'], { encoding: 'utf8' });
    const [uid, version, built] = out.trim().split('\n');
    expect(uid).not.toBe('0');
    expect(version).toMatch(/^v24\./);
    expect(built).toBe('built');
  }, 900_000);

  it('the Dockerfile is multi-stage, non-root, with an init and the database on a volume', () => {
    const dockerfile = readFileSync(join(PROJECT_ROOT, 'deploy', 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["\/usr\/bin\/tini", "--"\]$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/src\/main.js"\]$/m);
    expect(dockerfile).toMatch(/^VOLUME \["\/var\/lib\/lossbot"\]$/m);
    // Everything the build stage copies exists in the project.
    for (const [, path] of dockerfile.matchAll(/^COPY (?!--from)(\S+)/gm)) expect(existsSync(join(PROJECT_ROOT, path!)), path).toBe(true);
  });

  it('the systemd unit is valid (systemd-analyze verify, where present)', () => {
    const probe = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
    if (probe.status !== 0) return void console.warn('systemd-analyze not installed: unit not verified');
    const unit = join(PROJECT_ROOT, 'deploy', 'lossbot.service');
    const result = spawnSync('systemd-analyze', ['verify', '--man=no', unit], { encoding: 'utf8' });
    // Only problems with this unit count; the machine's own units may warn about themselves.
    const ours = `${result.stdout}${result.stderr}`.split('\n').filter((l) => l.includes('lossbot.service') && !/Failed to prepare filename/.test(l));
    expect(ours).toEqual([]);
  });
});
