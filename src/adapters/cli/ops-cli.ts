// Operations from the command line: `backup PATH` (SQLite's online backup, safe while the bot
// runs) and `doctor` (configuration and database health, with what is wrong said plainly).
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadConfig, type Config } from '../../config.ts';
import { backupDatabase, readHealth, type DatabaseHealth } from '../../store/health.ts';
import type { CliIo } from './claims-cli.ts';

export async function runBackup(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const target = args[0];
  if (!target || args.length > 1) {
    io.err('usage: backup PATH   (a new file; the database is copied while the bot keeps running)');
    return 2;
  }
  const config = loadConfig(env);
  const destination = resolve(target);
  if (destination === resolve(config.DATABASE_PATH)) {
    io.err('backup: the backup must not be the database itself');
    return 2;
  }
  if (existsSync(destination)) {
    io.err(`backup: ${destination} exists; choose a new file name`);
    return 2;
  }
  if (!existsSync(dirname(destination))) {
    io.err(`backup: the folder ${dirname(destination)} does not exist`);
    return 2;
  }
  const started = performance.now();
  const copy = await backupDatabase(config.DATABASE_PATH, destination);
  if (copy.integrity !== 'ok') {
    io.err(`backup: the copy failed its integrity check: ${copy.integrity}`);
    return 1;
  }
  io.out(`backed up ${config.DATABASE_PATH} to ${destination}: ${copy.claims} claims, ${statSync(destination).size} bytes, integrity ok, in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return 0;
}

interface Finding {
  ok: boolean;
  what: string;
}

export function runDoctor(io: CliIo, env: NodeJS.ProcessEnv = process.env): number {
  const findings: Finding[] = [];
  const note = (ok: boolean, what: string) => findings.push({ ok, what });
  let config: Config | null = null;
  try {
    config = loadConfig(env);
    note(true, 'configuration is valid');
  } catch (error) {
    note(false, (error as Error).message);
  }
  if (config) {
    note(Boolean(config.DISCORD_TOKEN || config.TELEGRAM_BOT_TOKEN), config.DISCORD_TOKEN || config.TELEGRAM_BOT_TOKEN ? `chat adapters configured: ${[config.DISCORD_TOKEN && 'Discord', config.TELEGRAM_BOT_TOKEN && 'Telegram'].filter(Boolean).join(', ')}` : 'no chat token set: npm start opens the console chat (set DISCORD_TOKEN or TELEGRAM_BOT_TOKEN)');
    const path = config.DATABASE_PATH;
    if (!existsSync(path)) note(false, `no database at ${path}: npm start creates it`);
    else {
      let h: DatabaseHealth | null = null;
      try {
        h = readHealth(path);
      } catch (error) {
        note(false, `cannot open ${path}: ${(error as Error).message}`);
      }
      if (h) {
        const current = h.schemaVersion === h.latestSchemaVersion;
        note(current, current ? `schema version ${h.schemaVersion} (current)` : `schema version ${h.schemaVersion}, this lossbot expects ${h.latestSchemaVersion}: start the bot once to migrate`);
        note(h.integrity === 'ok', h.integrity === 'ok' ? 'database integrity ok' : `integrity check failed: ${h.integrity}; restore from a backup`);
        if (!h.schemaProblems.length) note(true, 'schema matches the migrations (tables, indexes, triggers, user_version)');
        for (const p of h.schemaProblems) note(false, `schema: ${p.message}; the bot refuses to start on it: restore from a backup`);
        const retract = (id: number | null, why: string) =>
          id === null ? '' : `; remove it from answers with: npm run cli -- claims retract ${id} --reason "${why}"`;
        for (const c of h.unreadableClaims) note(false, `claim #${c.id ?? '?'} cannot be read (${c.problems}); every read skips it${retract(c.id, 'unreadable row found by doctor')}`);
        for (const c of h.implausiblyDated) note(false, `claim #${c.id} is dated ${c.date}, outside any plausible period${retract(c.id, 'implausible date found by doctor')}`);
        note(h.brokenReferences === 0, h.brokenReferences ? `${h.brokenReferences} rows point at missing rows (foreign_key_check)` : 'no broken references');
        note(h.journalMode === 'wal', h.journalMode === 'wal' ? 'write-ahead log on (the bot and imports can write at once)' : `journal mode is ${h.journalMode}, expected wal: start the bot once`);
        note(h.activeClaims > 0, `${h.activeClaims} active claims`);
        for (const d of h.disabledDigests) note(false, `digest for ${d.platform} chat ${d.chat} is disabled: ${d.reason ?? 'no reason recorded'}`);
        if (h.failedDeliveriesLastWeek) note(false, `${h.failedDeliveriesLastWeek} digest deliveries failed in the last 7 days (see digest list in those chats)`);
        if (config.UA_GS_PERSONNEL_URL) {
          const stale = !h.lastImport || Date.now() - Date.parse(h.lastImport.at) > 3 * 86_400_000;
          note(!stale, h.lastImport ? `last import ${h.lastImport.importer} at ${h.lastImport.at}${stale ? ': more than 3 days ago, check the sync URLs and the log' : ''}` : 'the daily sync is configured but has never written anything');
        }
      }
    }
  }
  for (const f of findings) (f.ok ? io.out : io.err)(`${f.ok ? 'ok     ' : 'PROBLEM'} ${f.what}`);
  const problems = findings.filter((f) => !f.ok).length;
  io.out(problems ? `${problems} problem${problems > 1 ? 's' : ''} found` : 'all good');
  return problems ? 1 : 0;
}

