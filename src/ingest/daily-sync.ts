// The running bot re-imports the General Staff series once a day (and once at start), from the
// URLs in UA_GS_PERSONNEL_URL / UA_GS_EQUIPMENT_URL. What changed reaches the digests through
// the claims it adds, like any other change.
import { Cron } from 'croner';
import type { Logger } from '../log.ts';
import type { Db } from '../store/database.ts';
import { importUaGeneralStaff, type UaGsImportResult, type UaGsLocations } from './import-ua-gs.ts';

/** 10:00 in Kyiv: the General Staff publishes its report in the morning. */
export const DAILY_SYNC_PATTERN = '0 10 * * *';
export const DAILY_SYNC_TIMEZONE = 'Europe/Kyiv';

export async function syncOnce(db: Db, locations: UaGsLocations, logger: Logger): Promise<UaGsImportResult | null> {
  try {
    const result = await importUaGeneralStaff(db, locations, { actor: 'sync:ua-general-staff' });
    logger.info({ added: result.added, changed: result.changed, unchanged: result.unchanged, reports: result.reports }, 'General Staff series synced');
    return result;
  } catch (err) {
    // A failed download or a malformed file changes nothing; tomorrow's run tries again.
    logger.error({ err }, 'General Staff sync failed; nothing was written');
    return null;
  }
}

export function startDailySync(db: Db, locations: UaGsLocations, logger: Logger): { stop(): void; ready: Promise<unknown> } {
  const job = new Cron(DAILY_SYNC_PATTERN, { timezone: DAILY_SYNC_TIMEZONE, protect: true, name: 'ua-general-staff-sync' }, async () => {
    await syncOnce(db, locations, logger);
  });
  const ready = syncOnce(db, locations, logger);
  logger.info({ next: job.nextRun()?.toISOString() }, 'General Staff daily sync scheduled');
  return { stop: () => job.stop(), ready };
}
