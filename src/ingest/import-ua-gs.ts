// Reading the General Staff dataset from files or URLs and importing it in one transaction.
import { readFile } from 'node:fs/promises';
import type { Db } from '../store/database.ts';
import { ImportRepo, type ImportSummary } from '../store/import-repo.ts';
import { ImportInputError, parseUaGeneralStaff, UA_GS_IMPORTER, type InputFile } from './ua-general-staff.ts';

const MAX_DOWNLOAD_BYTES = 100 * 1024 * 1024;

export const isUrl = (location: string) => /^https?:\/\//i.test(location);

/** A file path or an http(s) URL -> its text; failures name the location. */
export async function readInput(location: string, timeoutMs = 60_000): Promise<InputFile> {
  if (!isUrl(location)) {
    try {
      return { name: location, text: await readFile(location, 'utf8') };
    } catch (error) {
      throw new ImportInputError(`${location}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  let response: Response;
  try {
    response = await fetch(location, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (error) {
    throw new ImportInputError(`${location}: download failed (${(error as Error).message})`);
  }
  if (!response.ok) throw new ImportInputError(`${location}: the server answered ${response.status} ${response.statusText}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_DOWNLOAD_BYTES) throw new ImportInputError(`${location}: ${length} bytes is more than the ${MAX_DOWNLOAD_BYTES} allowed`);
  const text = await response.text();
  if (text.length > MAX_DOWNLOAD_BYTES) throw new ImportInputError(`${location}: more than the ${MAX_DOWNLOAD_BYTES} bytes allowed`);
  return { name: location, text };
}

export interface UaGsLocations {
  personnel: string;
  equipment: string;
  corrections?: string | undefined;
}

export interface UaGsImportResult extends ImportSummary {
  reports: number;
  claims: number;
  ignoredFields: Record<string, number>;
}

/** Reads and validates everything first; only then writes, in one transaction. */
export async function importUaGeneralStaff(db: Db, locations: UaGsLocations, options: { actor: string; clock?: () => Date; onProgress?: (done: number, total: number) => void }): Promise<UaGsImportResult> {
  const [personnel, equipment, corrections] = await Promise.all([
    readInput(locations.personnel),
    readInput(locations.equipment),
    locations.corrections ? readInput(locations.corrections) : Promise.resolve(undefined),
  ]);
  const parsed = parseUaGeneralStaff({ personnel, equipment, corrections, sourceUrls: { personnel: isUrl(locations.personnel) ? locations.personnel : null, equipment: isUrl(locations.equipment) ? locations.equipment : null } });
  const summary = new ImportRepo(db, options.clock).importSeries(parsed.claims, {
    importer: UA_GS_IMPORTER,
    actor: options.actor,
    inputs: { ...locations },
    onProgress: options.onProgress,
  });
  return { ...summary, reports: parsed.reports, claims: parsed.claims.length, ignoredFields: parsed.ignoredFields };
}
