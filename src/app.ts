// Opens the database and everything built on it: the one place that wires store and services.
import { LATEST_SCHEMA_VERSION, openDatabase, schemaVersion, type Db } from './store/database.ts';
import { ClaimsRepo, oncePerRow, setUnreadableClaimHandler } from './store/claims-repo.ts';
import { ReferenceRepo } from './store/reference-repo.ts';
import { ClaimsService } from './services/claims-service.ts';
import { AskService } from './services/ask-service.ts';
import { ViewsService } from './services/views-service.ts';
import { SeriesRepo } from './store/series-repo.ts';
import { LookupRepo } from './store/lookup-repo.ts';
import { applyReferenceData, readSeedData, seedClaimsIfEmpty } from './ingest/seed.ts';
import { DATA_DIR } from './paths.ts';
import { importSnapshotIfAbsent } from './ingest/snapshot.ts';
import { hostname } from 'node:os';
import { accessSync, constants, existsSync } from 'node:fs';
import { DigestService, systemClock, type Clock } from './digest/scheduler.ts';
import { DigestRepo } from './store/digest-repo.ts';
import { createLogger, type Logger } from './log.ts';
import { ModeratorsRepo } from './store/moderators-repo.ts';
import { Access, NO_ACCESS_CONFIG, type AccessConfig } from './services/access.ts';
import { ReplyPool } from './services/reply-pool.ts';

export interface App {
  db: Db;
  claims: ClaimsRepo;
  reference: ReferenceRepo;
  service: ClaimsService;
  asker: AskService;
  /** Charts, breakdowns, records, the daily card and the views under an answer's buttons. */
  views: ViewsService;
  /** Digest subscriptions, previews and the scheduler; adapters attach their senders. */
  digests: DigestService;
  /** Who may change claims and manage moderators. */
  access: Access;
  /** Closes the database (synchronously when there are no reply workers; after them when there are). */
  close(): Promise<void>;
}

export interface AppOptions {
  databasePath: string;
  dataDir?: string;
  clock?: () => Date;
  /** Load the shipped claims into a new database (default true). */
  seed?: boolean;
  logger?: Logger;
  /** The digest scheduler's clock (tests run weeks of schedules on a fake one). */
  digestClock?: Clock;
  /** Owners, configured moderators, the home Discord server and listed Telegram chats. */
  access?: AccessConfig;
  /**
   * Load the General Staff series shipped in data/ when this database never had it (default false;
   * the bot and `ask` turn it on, so a fresh clone answers with current figures).
   */
  snapshot?: boolean;
  /** Answers kept for repeated questions (default 1,000; 0 for none). */
  answerCache?: number;
  /**
   * Worker threads that compose answers and views off the event loop (default 0: in this thread).
   * Only for a database in a file, which each worker opens to read; ignored for `:memory:`.
   */
  replyWorkers?: number;
  /** Where the copy taken before a migration goes (default: beside the database). */
  backupDir?: string | undefined;
  /**
   * Open to read only: nothing is written (no migration, reference data or seed), so it works on a
   * read-only copy. Also chosen when the database file exists but cannot be written.
   */
  readonly?: boolean;
}

/** A database file that exists but this process may not write (a read-only copy or mount). */
function isReadOnlyFile(path: string): boolean {
  if (path === ':memory:' || !existsSync(path)) return false;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

export function openApp(options: AppOptions): App {
  const readonly = options.readonly ?? isReadOnlyFile(options.databasePath);
  const logger = options.logger;
  if (logger) setUnreadableClaimHandler(oncePerRow((row) => logger.warn({ claim: row.id, problems: row.problems }, 'claim row cannot be read; skipped (run doctor)')));
  const db = openDatabase(options.databasePath, { backupBeforeMigration: options.backupDir, readonly });
  try {
    if (readonly && schemaVersion(db) !== LATEST_SCHEMA_VERSION)
      throw new Error(`${options.databasePath} is read-only and at schema version ${schemaVersion(db)}, not ${LATEST_SCHEMA_VERSION}: open it once writable to migrate it`);
    const claims = new ClaimsRepo(db, options.clock);
    const reference = new ReferenceRepo(db);
    const data = readSeedData(options.dataDir ?? DATA_DIR);
    // Writes only when something changed: opening to read never takes the write lock.
    if (!readonly) applyReferenceData(reference, claims, data);
    if (!readonly && (options.seed ?? true)) seedClaimsIfEmpty(claims, data);
    if (options.snapshot && !readonly) {
      const loaded = importSnapshotIfAbsent(db, options.clock ? { clock: options.clock } : {});
      if (loaded) options.logger?.info({ added: loaded.added, reports: loaded.reports }, 'loaded the General Staff snapshot shipped in data/');
    }
    const service = new ClaimsService(claims, reference);
    const lookup = new LookupRepo(db);
    const asker = new AskService(lookup, () => service.directory(), options.clock, options.dataDir ?? DATA_DIR, options.answerCache);
    const clock = options.digestClock ?? (options.clock ? { ...systemClock, now: options.clock } : systemClock);
    const views = new ViewsService(asker, new SeriesRepo(db));
    // The daily card a subscription may carry at the top of its digests: the /today view, in the digest's language.
    const digests = new DigestService({ digests: new DigestRepo(db), claims, lookup, directory: () => service.directory(), card: (locale) => views.today(locale) }, {}, options.logger ?? createLogger('silent'), {
      owner: `${hostname()}:${process.pid}`,
      clock,
    });
    const access = new Access(new ModeratorsRepo(db, options.clock), options.access ?? NO_ACCESS_CONFIG);
    // Started last: the workers read the reference data and claims written above.
    const workers = options.replyWorkers && !db.memory && db.name ? new ReplyPool({ databasePath: db.name, dataDir: options.dataDir ?? DATA_DIR, size: options.replyWorkers, logger }) : null;
    asker.useWorkers(workers);
    // The workers close their connections first: the last connection to close is the one that
    // checkpoints the WAL into the database file, and only this one may write.
    const close = (): Promise<void> => {
      asker.useWorkers(null);
      if (!workers) {
        db.close();
        return Promise.resolve();
      }
      return workers.close().finally(() => db.close());
    };
    return { db, claims, reference, service, asker, views, digests, access, close };
  } catch (error) {
    db.close();
    throw error;
  }
}
