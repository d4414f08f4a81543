// BACKUP_DIR + BACKUP_KEEP: a daily online backup (SQLite's backup API, safe while the bot writes),
// checked for integrity, keeping the newest BACKUP_KEEP copies. One is taken at start when the
// newest copy is more than a day old, so a bot restarted daily still gets its backups.
import { Cron } from 'croner';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log.ts';
import { backupDatabase } from '../store/health.ts';

/** 03:00 UTC: after the General Staff's morning report has been synced in every time zone we serve. */
export const DAILY_BACKUP_PATTERN = '0 3 * * *';
const NAME = /^lossbot-(\d{8}T\d{6}Z)\.db$/;

export interface BackupSettings {
  databasePath: string;
  dir: string;
  keep: number;
  logger: Logger;
  now?: () => Date;
  /** Tests run the schedule faster; default daily at 03:00 UTC. */
  pattern?: string;
}

/** The backups in a folder, newest first. */
export function listBackups(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => NAME.test(n)).sort().reverse().map((n) => join(dir, n));
}

export function backupFileName(at: Date): string {
  return `lossbot-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}.db`;
}

/** Takes one backup now, then deletes all but the newest `keep`. Returns the new file. */
export async function takeBackup(settings: BackupSettings): Promise<string> {
  mkdirSync(settings.dir, { recursive: true });
  const at = (settings.now ?? (() => new Date()))();
  let file = join(settings.dir, backupFileName(at));
  // Two backups in the same second (a manual run beside the schedule) never overwrite each other.
  for (let i = 1; listBackups(settings.dir).includes(file) && i < 60; i++) file = join(settings.dir, backupFileName(new Date(at.getTime() + i * 1000)));
  const copy = await backupDatabase(settings.databasePath, file);
  if (copy.integrity !== 'ok') {
    rmSync(file, { force: true });
    throw new Error(`the backup failed its integrity check (${copy.integrity}); removed it`);
  }
  for (const old of listBackups(settings.dir).slice(settings.keep)) rmSync(old, { force: true });
  settings.logger.info({ file, claims: copy.claims, bytes: statSync(file).size }, 'database backed up');
  return file;
}

export interface BackupSchedule {
  /** The catch-up backup at start, when one was due. */
  ready: Promise<unknown>;
  nextRun(): Date | null;
  stop(): Promise<void>;
}

export function startBackupSchedule(settings: BackupSettings): BackupSchedule {
  let running: Promise<unknown> = Promise.resolve();
  // One backup at a time: the catch-up at start and a scheduled run in the same second would
  // otherwise write the same file at once.
  const run = () => {
    running = running.then(() => takeBackup(settings)).catch((err: unknown) => settings.logger.error({ err, dir: settings.dir }, 'scheduled backup failed'));
    return running;
  };
  const job = new Cron(settings.pattern ?? DAILY_BACKUP_PATTERN, { timezone: 'UTC', protect: true, name: 'database-backup' }, async () => {
    await run();
  });
  const newest = listBackups(settings.dir)[0];
  const now = (settings.now ?? (() => new Date()))().getTime();
  const due = !newest || now - statSync(newest).mtimeMs > 24 * 3_600_000;
  const ready = due ? run() : Promise.resolve();
  settings.logger.info({ dir: settings.dir, keep: settings.keep, next: job.nextRun()?.toISOString() }, 'daily backups scheduled');
  return {
    ready,
    nextRun: () => job.nextRun(),
    stop: async () => {
      job.stop();
      await running;
    },
  };
}
