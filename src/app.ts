// Opens the database and everything built on it: the one place that wires store and services.
import { openDatabase, type Db } from './store/database.ts';
import { ClaimsRepo } from './store/claims-repo.ts';
import { ReferenceRepo } from './store/reference-repo.ts';
import { ClaimsService } from './services/claims-service.ts';
import { AskService } from './services/ask-service.ts';
import { LookupRepo } from './store/lookup-repo.ts';
import { applyReferenceData, readSeedData, seedClaimsIfEmpty } from './ingest/seed.ts';
import { DATA_DIR } from './paths.ts';

export interface App {
  db: Db;
  claims: ClaimsRepo;
  reference: ReferenceRepo;
  service: ClaimsService;
  asker: AskService;
  close(): void;
}

export interface AppOptions {
  databasePath: string;
  dataDir?: string;
  clock?: () => Date;
  /** Load the shipped claims into a new database (default true). */
  seed?: boolean;
}

export function openApp(options: AppOptions): App {
  const db = openDatabase(options.databasePath);
  try {
    const claims = new ClaimsRepo(db, options.clock);
    const reference = new ReferenceRepo(db);
    const data = readSeedData(options.dataDir ?? DATA_DIR);
    applyReferenceData(reference, claims, data);
    if (options.seed ?? true) seedClaimsIfEmpty(claims, data);
    const service = new ClaimsService(claims, reference);
    const asker = new AskService(new LookupRepo(db), () => service.directory(), options.clock);
    return { db, claims, reference, service, asker, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}
