// What `doctor` and `backup` need to know of a database, read with SQL here so the command line
// only words it.
import { checkClaimRow, CLAIM_SELECT, type UnreadableClaim } from './claims-repo.ts';
import { LATEST_SCHEMA_VERSION, openDatabase, schemaVersion, type Db } from './database.ts';
import { schemaProblems, type SchemaProblem } from './schema-check.ts';
import { addDays, toIsoDate } from '../core/dates.ts';
import { DATE_FLOOR } from '../core/model.ts';

export interface DatabaseHealth {
  schemaVersion: number;
  latestSchemaVersion: number;
  /** "ok", or what PRAGMA integrity_check found. */
  integrity: string;
  brokenReferences: number;
  journalMode: string;
  activeClaims: number;
  disabledDigests: { platform: string; chat: string; reason: string | null }[];
  failedDeliveriesLastWeek: number;
  lastImport: { importer: string; at: string } | null;
  /** Differences between the schema and what the migrations create for its version. */
  schemaProblems: SchemaProblem[];
  /** Active claims that no read can show (each is skipped and logged), with why. */
  unreadableClaims: UnreadableClaim[];
  /** Active claims dated before any plausible claim or after tomorrow: they would skew every "latest". */
  implausiblyDated: { id: number; date: string }[];
}

/** Opens the database read-only, reads its health and closes it; throws if it cannot be opened. */
export function readHealth(path: string): DatabaseHealth {
  const db = openDatabase(path, { readonly: true, checkSchema: false });
  try {
    return healthOf(db);
  } finally {
    db.close();
  }
}

function healthOf(db: Db, now = new Date()): DatabaseHealth {
  const version = schemaVersion(db);
  const schema = schemaProblems(db);
  const tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  const hasDigests = version >= 3 && tables.has('digest_subscriptions') && tables.has('digest_deliveries');
  const hasClaims = tables.has('claims') && tables.has('sources');
  const unreadableClaims: UnreadableClaim[] = [];
  if (hasClaims) {
    for (const row of db.prepare(`${CLAIM_SELECT} WHERE c.status = 'active' ORDER BY c.id`).iterate()) {
      const r = checkClaimRow(row);
      if (!r.ok) unreadableClaims.push(r.unreadable);
      if (unreadableClaims.length >= 1000) break;
    }
  }
  const latest = addDays(toIsoDate(now), 1);
  const implausiblyDated = hasClaims
    ? (db
        .prepare(
          `SELECT id, max(ifnull(period_end, ''), ifnull(period_start, ''), ifnull(stated_on, '')) AS date FROM claims
           WHERE status = 'active' AND (period_end > @latest OR period_start > @latest OR stated_on > @latest
             OR period_end < @floor OR period_start < @floor OR stated_on < @floor) ORDER BY id LIMIT 1000`,
        )
        .all({ latest, floor: DATE_FLOOR }) as { id: number; date: string }[])
    : [];
  return {
    schemaProblems: schema,
    unreadableClaims,
    implausiblyDated,
    schemaVersion: version,
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    integrity: String(db.pragma('integrity_check', { simple: true })),
    brokenReferences: (db.pragma('foreign_key_check') as unknown[]).length,
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    activeClaims: hasClaims ? (db.prepare("SELECT count(*) AS n FROM claims WHERE status = 'active'").get() as { n: number }).n : 0,
    disabledDigests: hasDigests
      ? (db.prepare("SELECT platform, chat_id AS chat, status_reason AS reason FROM digest_subscriptions WHERE status = 'disabled'").all() as DatabaseHealth['disabledDigests'])
      : [],
    failedDeliveriesLastWeek: hasDigests
      ? (db.prepare("SELECT count(*) AS n FROM digest_deliveries WHERE status = 'failed' AND finished_at > datetime('now', '-7 days')").get() as { n: number }).n
      : 0,
    lastImport: tables.has('import_runs') ? ((db.prepare('SELECT importer, finished_at AS at FROM import_runs ORDER BY id DESC LIMIT 1').get() as DatabaseHealth['lastImport'] | undefined) ?? null) : null,
  };
}

/**
 * SQLite's online backup: copies page by page, letting writers in between steps, so the bot keeps
 * answering and writing. Then checks the copy.
 */
export async function backupDatabase(sourcePath: string, destination: string): Promise<{ integrity: string; claims: number }> {
  const db = openDatabase(sourcePath, { readonly: true });
  try {
    await db.backup(destination);
  } finally {
    db.close();
  }
  const copy = openDatabase(destination, { readonly: true });
  try {
    return {
      integrity: String(copy.pragma('integrity_check', { simple: true })),
      claims: (copy.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n,
    };
  } finally {
    copy.close();
  }
}

export interface LiveStatus {
  schemaVersion: number;
  activeClaims: number;
  lastImport: { importer: string; at: string } | null;
}

/** A cheap read for the health endpoint: answers only if the database can be read right now. */
export function liveStatus(db: Db): LiveStatus {
  return {
    schemaVersion: schemaVersion(db),
    activeClaims: (db.prepare("SELECT count(*) AS n FROM claims WHERE status = 'active'").get() as { n: number }).n,
    lastImport: (db.prepare('SELECT importer, finished_at AS at FROM import_runs ORDER BY id DESC LIMIT 1').get() as LiveStatus['lastImport'] | undefined) ?? null,
  };
}

/** The newest import run of one importer, or null when it never wrote anything. */
export function lastImportOf(db: Db, importer: string): { at: string; inputs: string } | null {
  return (db.prepare('SELECT finished_at AS at, inputs FROM import_runs WHERE importer = ? ORDER BY id DESC LIMIT 1').get(importer) as { at: string; inputs: string } | undefined) ?? null;
}
