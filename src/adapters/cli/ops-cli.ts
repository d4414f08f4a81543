// Operations from the command line: `backup PATH` (SQLite's online backup, safe while the bot
// runs) and `doctor` (configuration and database health, with what is wrong said plainly).
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadConfig, type Config } from '../../config.ts';
import { LATEST_SCHEMA_VERSION, openDatabase, schemaVersion } from '../../store/database.ts';
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
  const db = openDatabase(config.DATABASE_PATH, { readonly: true });
  try {
    const started = performance.now();
    // Copies page by page, letting writers in between steps: the bot keeps answering and writing.
    await db.backup(destination);
    const copy = openDatabase(destination, { readonly: true });
    const check = copy.pragma('integrity_check', { simple: true });
    const claims = (copy.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n;
    copy.close();
    if (check !== 'ok') {
      io.err(`backup: the copy failed its integrity check: ${String(check)}`);
      return 1;
    }
    io.out(`backed up ${config.DATABASE_PATH} to ${destination}: ${claims} claims, ${statSync(destination).size} bytes, integrity ok, in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    return 0;
  } finally {
    db.close();
  }
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
      try {
        const db = openDatabase(path, { readonly: true });
        try {
          const version = schemaVersion(db);
          note(version === LATEST_SCHEMA_VERSION, version === LATEST_SCHEMA_VERSION ? `schema version ${version} (current)` : `schema version ${version}, this lossbot expects ${LATEST_SCHEMA_VERSION}: start the bot once to migrate`);
          const integrity = db.pragma('integrity_check', { simple: true });
          note(integrity === 'ok', integrity === 'ok' ? 'database integrity ok' : `integrity check failed: ${String(integrity)}; restore from a backup`);
          const orphans = db.pragma('foreign_key_check') as unknown[];
          note(orphans.length === 0, orphans.length ? `${orphans.length} rows point at missing rows (foreign_key_check)` : 'no broken references');
          const mode = db.pragma('journal_mode', { simple: true });
          note(mode === 'wal', mode === 'wal' ? 'write-ahead log on (the bot and imports can write at once)' : `journal mode is ${String(mode)}, expected wal: start the bot once`);
          const count = (db.prepare("SELECT count(*) AS n FROM claims WHERE status = 'active'").get() as { n: number }).n;
          note(count > 0, `${count} active claims`);
          if (version >= 3) {
            const disabled = db.prepare("SELECT platform, chat_id AS chat, status_reason AS reason FROM digest_subscriptions WHERE status = 'disabled'").all() as { platform: string; chat: string; reason: string | null }[];
            for (const d of disabled) note(false, `digest for ${d.platform} chat ${d.chat} is disabled: ${d.reason ?? 'no reason recorded'}`);
            const failed = (db.prepare("SELECT count(*) AS n FROM digest_deliveries WHERE status = 'failed' AND finished_at > datetime('now', '-7 days')").get() as { n: number }).n;
            if (failed) note(false, `${failed} digest deliveries failed in the last 7 days (see digest list in those chats)`);
          }
          const lastImport = db.prepare('SELECT importer, finished_at AS at, added, changed FROM import_runs ORDER BY id DESC LIMIT 1').get() as { importer: string; at: string; added: number; changed: number } | undefined;
          if (config.UA_GS_PERSONNEL_URL) {
            const stale = !lastImport || Date.now() - Date.parse(lastImport.at) > 3 * 86_400_000;
            note(!stale, lastImport ? `last import ${lastImport.importer} at ${lastImport.at}${stale ? ': more than 3 days ago, check the sync URLs and the log' : ''}` : 'the daily sync is configured but has never written anything');
          }
        } finally {
          db.close();
        }
      } catch (error) {
        note(false, `cannot open ${path}: ${(error as Error).message}`);
      }
    }
  }
  for (const f of findings) (f.ok ? io.out : io.err)(`${f.ok ? 'ok     ' : 'PROBLEM'} ${f.what}`);
  const problems = findings.filter((f) => !f.ok).length;
  io.out(problems ? `${problems} problem${problems > 1 ? 's' : ''} found` : 'all good');
  return problems ? 1 : 0;
}

