// The running bot keeps the General Staff series current: it syncs at start and then daily at
// 10:00 Kyiv time from the public dataset's raw files (or UA_GS_*_URL). Each file is fetched with a
// conditional request, so an unchanged file costs a 304 and nothing else; the import runs in a
// worker thread; a failed fetch is retried with backoff through the day and never stops the bot.
// What changed reaches the digests through the claims it adds, like any other change.
import { Cron } from 'croner';
import type { Logger } from '../log.ts';
import type { Db } from '../store/database.ts';
import { readDownload, type UaGsImportResult, type UaGsLocations, type Validators } from './import-ua-gs.ts';
import { runImportOffThread } from './run-import.ts';
import type { InputFile } from './ua-general-staff.ts';

/** 10:00 in Kyiv: the General Staff publishes its report in the morning. */
export const DAILY_SYNC_PATTERN = '0 10 * * *';
export const DAILY_SYNC_TIMEZONE = 'Europe/Kyiv';
export const SYNC_ACTOR = 'sync:ua-general-staff';

/** The public dataset's raw files (2022-Ukraine-Russia-War-Dataset by Petro Ivaniuk, MIT). */
export const DEFAULT_UA_GS_URLS: Required<UaGsLocations> = {
  personnel: 'https://raw.githubusercontent.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset/main/data/russia_losses_personnel.json',
  equipment: 'https://raw.githubusercontent.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset/main/data/russia_losses_equipment.json',
  corrections: 'https://raw.githubusercontent.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset/main/data/russia_losses_equipment_correction.json',
};

/** After a failed sync: wait 5 min, then 15, 45, 135... (at most RETRY_LIMIT times before the next daily run). */
const RETRY_FIRST_MS = 5 * 60_000;
const RETRY_LIMIT = 5;

export type SyncOutcome = { kind: 'imported'; result: UaGsImportResult } | { kind: 'unchanged' } | { kind: 'failed'; error: string };

export interface DailySyncOptions {
  logger: Logger;
  /** Tests shorten the backoff. */
  retryFirstMs?: number;
  /** Tests run the schedule on another pattern; default daily at 10:00 Kyiv time. */
  pattern?: string;
}

/** One sync source: the copies held of each file, and the validators the server gave for them. */
export class DailySync {
  private readonly held = new Map<string, InputFile & { validators: Validators }>();
  private retryTimer: NodeJS.Timeout | null = null;
  private retries = 0;
  private job: Cron | null = null;
  private running: Promise<SyncOutcome> | null = null;
  private stopped = false;
  /** The last outcome, for the health endpoint and doctor. */
  last: { at: string; outcome: SyncOutcome['kind']; detail?: string } | null = null;

  constructor(
    private readonly db: Db,
    private readonly locations: UaGsLocations,
    private readonly options: DailySyncOptions,
  ) {}

  /** Syncs now (unless a sync is already running, which it then waits for). */
  syncNow(): Promise<SyncOutcome> {
    this.running ??= this.syncOnce().finally(() => (this.running = null));
    return this.running;
  }

  start(): Promise<SyncOutcome> {
    this.job = new Cron(this.options.pattern ?? DAILY_SYNC_PATTERN, { timezone: DAILY_SYNC_TIMEZONE, protect: true, name: 'ua-general-staff-sync' }, async () => {
      this.retries = 0;
      await this.syncNow();
    });
    this.options.logger.info({ next: this.job.nextRun()?.toISOString() }, 'General Staff daily sync scheduled');
    return this.syncNow();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.job?.stop();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.running;
  }

  private async syncOnce(): Promise<SyncOutcome> {
    const outcome = await this.fetchAndImport();
    this.last = { at: new Date().toISOString(), outcome: outcome.kind, ...(outcome.kind === 'failed' ? { detail: outcome.error } : {}) };
    const { logger } = this.options;
    if (outcome.kind === 'imported') {
      const { added, changed, unchanged, reports } = outcome.result;
      logger.info({ added, changed, unchanged, reports }, 'General Staff series synced');
    } else if (outcome.kind === 'unchanged') logger.info('General Staff series unchanged since the last sync (304)');
    if (outcome.kind === 'failed') this.scheduleRetry(outcome.error);
    else this.retries = 0;
    return outcome;
  }

  private scheduleRetry(error: string): void {
    const { logger } = this.options;
    if (this.stopped || this.retries >= RETRY_LIMIT) {
      logger.error({ error, retries: this.retries }, 'General Staff sync failed; nothing was written; next try at the daily run');
      return;
    }
    const delay = (this.options.retryFirstMs ?? RETRY_FIRST_MS) * 3 ** this.retries++;
    logger.warn({ error, retryInSeconds: Math.round(delay / 1000), attempt: this.retries }, 'General Staff sync failed; nothing was written; retrying');
    this.retryTimer = setTimeout(() => void this.syncNow(), delay);
    this.retryTimer.unref();
  }

  private async fetchAndImport(): Promise<SyncOutcome> {
    try {
      const entries = Object.entries(this.locations).filter((e): e is [keyof UaGsLocations, string] => typeof e[1] === 'string');
      let changed = false;
      for (const [, location] of entries) {
        const held = this.held.get(location);
        const fresh = await readDownload(location, { validators: held?.validators });
        if (fresh) {
          changed ||= !held || held.text !== fresh.text;
          this.held.set(location, fresh);
        }
      }
      if (!changed) return { kind: 'unchanged' };
      const inputOf = (location: string | undefined) => (location ? this.held.get(location) : undefined);
      const result = await runImportOffThread(this.db, {
        locations: this.locations,
        inputs: { personnel: inputOf(this.locations.personnel)!, equipment: inputOf(this.locations.equipment)!, corrections: inputOf(this.locations.corrections) },
        actor: SYNC_ACTOR,
      });
      return { kind: 'imported', result };
    } catch (error) {
      // Nothing half-read is kept as "held": the next try downloads what failed again.
      return { kind: 'failed', error: (error as Error).message };
    }
  }
}

/** One sync, for the command line and tests: the result, or null when it failed (logged). */
export async function syncOnce(db: Db, locations: UaGsLocations, logger: Logger): Promise<UaGsImportResult | null> {
  const sync = new DailySync(db, locations, { logger });
  const outcome = await sync.syncNow();
  await sync.stop();
  return outcome.kind === 'imported' ? outcome.result : null;
}

export function startDailySync(db: Db, locations: UaGsLocations, logger: Logger, options: Omit<DailySyncOptions, 'logger'> = {}): DailySync & { ready: Promise<SyncOutcome> } {
  const sync = new DailySync(db, locations, { logger, ...options });
  return Object.assign(sync, { ready: sync.start() });
}
