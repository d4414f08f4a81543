// Opening the database: pragmas for durability and concurrency, then numbered migrations.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MIGRATIONS } from './migrations/index.ts';
import { assertSchemaIntact } from './schema-check.ts';

export type Db = Database.Database;

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

export interface OpenOptions {
  /** Stop at this schema version (tests of old schemas); default: the latest. */
  migrateTo?: number;
  readonly?: boolean;
  /**
   * Where a copy of an existing database goes before a migration changes it (default: beside the
   * database); false for none.
   */
  backupBeforeMigration?: string | false;
  /** Refuse a database whose schema does not match its version (default true; doctor reads it anyway to say what is wrong). */
  checkSchema?: boolean;
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // A second process (a command-line import beside the bot) waits for the lock instead of failing.
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  try {
    // A tampered schema (a dropped table, trigger or index; a lowered user_version) is refused
    // here, with what is wrong, rather than failing later with raw SQL errors.
    if (options.checkSchema ?? true) assertSchemaIntact(db);
  } catch (error) {
    db.close();
    throw error;
  }
  if (!options.readonly) {
    migrate(db, options.migrateTo ?? LATEST_SCHEMA_VERSION, { backupDir: options.backupBeforeMigration });
    dropStat4(db);
  }
  return db;
}

/**
 * After an ANALYZE, SQLite's STAT4 samples make it re-plan a statement every time a bound value
 * changes (measured: 30 µs instead of 4 µs per lookup at 1M claims). Every lookup here is an
 * equality on the series columns, whose plan never depends on the values, so only STAT1 is kept.
 */
function dropStat4(db: Db): void {
  const hasStat4 = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat4'").get();
  if (!hasStat4 || !db.prepare('SELECT 1 FROM sqlite_stat4 LIMIT 1').get()) return;
  db.exec('DELETE FROM sqlite_stat4; ANALYZE sqlite_schema');
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies each pending migration in its own transaction, so a failure leaves the last good version.
 * An existing database (schema version 1 or more, in a file) is first copied whole with VACUUM INTO,
 * so an operator can go back to the release before.
 */
export function migrate(db: Db, target: number = LATEST_SCHEMA_VERSION, options: { backupDir?: string | false | undefined } = {}): number {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) {
    throw new Error(`database schema version ${current} is newer than this lossbot understands (${LATEST_SCHEMA_VERSION}); upgrade lossbot`);
  }
  const pending = MIGRATIONS.some((m) => m.version > current && m.version <= target);
  if (pending && current > 0 && options.backupDir !== false && !db.memory && db.name) {
    const dir = options.backupDir ?? dirname(db.name);
    mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
    db.prepare('VACUUM INTO ?').run(join(dir, `${basename(db.name)}.before-v${target}-${stamp}.db`));
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    // PRAGMA foreign_keys has no effect inside a transaction: it is set around it.
    if (migration.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        if (migration.foreignKeysOff) {
          const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
          if (broken.length) throw new Error(`migration ${migration.version} would leave ${broken.length} rows pointing at missing rows (first: ${broken[0]!.table} row ${broken[0]!.rowid} -> ${broken[0]!.parent}); nothing was changed`);
        }
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } finally {
      if (migration.foreignKeysOff) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
  }
  return schemaVersion(db);
}
