// The General Staff series shipped in data/ua-general-staff/ (a snapshot of the public
// 2022-Ukraine-Russia-War-Dataset, MIT, by Petro Ivaniuk): loaded into a database that has never
// had the series, so a fresh clone answers with current figures before any sync has run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../paths.ts';
import type { Db } from '../store/database.ts';
import { lastImportOf } from '../store/health.ts';
import { importUaGeneralStaffInputs, type UaGsImportResult, type UaGsLocations } from './import-ua-gs.ts';
import { UA_GS_IMPORTER } from './ua-general-staff.ts';

export const SNAPSHOT_DIR = join(DATA_DIR, 'ua-general-staff');
export const SNAPSHOT_ACTOR = 'snapshot:data/ua-general-staff';

export const SNAPSHOT_LOCATIONS: Required<UaGsLocations> = {
  personnel: join(SNAPSHOT_DIR, 'russia_losses_personnel.json'),
  equipment: join(SNAPSHOT_DIR, 'russia_losses_equipment.json'),
  corrections: join(SNAPSHOT_DIR, 'russia_losses_equipment_correction.json'),
};

const read = (path: string) => ({ name: `data/ua-general-staff/${path.split(/[\\/]/).pop()}`, text: readFileSync(path, 'utf8') });

/**
 * Imports the shipped snapshot unless the series was ever imported into this database (by the
 * snapshot, the daily sync or an operator). Synchronous: it runs once, when a database is created,
 * before anything is served. Returns what it wrote, or null when nothing was needed.
 */
export function importSnapshotIfAbsent(db: Db, options: { clock?: () => Date } = {}): UaGsImportResult | null {
  if (lastImportOf(db, UA_GS_IMPORTER)) return null;
  const inputs = { personnel: read(SNAPSHOT_LOCATIONS.personnel), equipment: read(SNAPSHOT_LOCATIONS.equipment), corrections: read(SNAPSHOT_LOCATIONS.corrections) };
  return importUaGeneralStaffInputs(db, SNAPSHOT_LOCATIONS, inputs, { actor: SNAPSHOT_ACTOR, ...(options.clock ? { clock: options.clock } : {}) });
}
