// Reading the General Staff dataset from files or URLs and importing it in one transaction.
import { open } from 'node:fs/promises';
import { SqliteError } from 'better-sqlite3';
import { cleanText, normaliseUrl, redactLocation } from '../core/text.ts';
import type { Db } from '../store/database.ts';
import { ImportRepo, type ImportSummary } from '../store/import-repo.ts';
import { ImportInputError, parseUaGeneralStaff, UA_GS_IMPORTER, type InputFile } from './ua-general-staff.ts';

export const MAX_DOWNLOAD_BYTES = 100 * 1024 * 1024;

export const isUrl = (location: string) => /^https?:\/\//i.test(location);

export interface ReadOptions {
  timeoutMs?: number;
  /**
   * A conditional request: what the server said of the copy held (ETag, Last-Modified). When it
   * answers 304 Not Modified, readDownload returns null and nothing is downloaded.
   */
  validators?: Validators | undefined;
  /** Refuse an input larger than this, without reading further (default 100 MiB). */
  maxBytes?: number;
}

/** Reads chunks until the end or the limit, whichever comes first; never holds more than the limit. */
async function readLimited(chunks: AsyncIterable<Uint8Array>, maxBytes: number, tooLarge: () => never): Promise<string> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > maxBytes) tooLarge();
    parts.push(chunk);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(parts));
}

/**
 * A file path or an http(s) URL -> its text; failures name the location without its credentials.
 * A URL's user name and password go in an Authorization header, never in a message or the store.
 */
export async function readInput(location: string, options: ReadOptions = {}): Promise<InputFile> {
  const read = await readDownload(location, options);
  if (!read) throw new ImportInputError(`${cleanText(redactLocation(location))}: not modified, and no copy held`);
  return read;
}

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/** An input with the validators the server gave for it; null when a conditional request found it unchanged. */
export async function readDownload(location: string, options: ReadOptions = {}): Promise<(InputFile & { validators: Validators }) | null> {
  const maxBytes = options.maxBytes ?? MAX_DOWNLOAD_BYTES;
  const name = cleanText(redactLocation(location));
  const tooLarge = (): never => {
    throw new ImportInputError(`${name}: more than the ${maxBytes} bytes allowed; nothing more was read`);
  };
  if (!isUrl(location)) {
    let handle;
    try {
      handle = await open(location, 'r');
    } catch (error) {
      throw new ImportInputError(`${name}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    try {
      return { name, text: await readLimited(handle.createReadStream({ highWaterMark: 1 << 20 }), maxBytes, tooLarge), validators: { etag: null, lastModified: null } };
    } catch (error) {
      if (error instanceof ImportInputError) throw error;
      throw new ImportInputError(`${name}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    } finally {
      await handle.close();
    }
  }
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new ImportInputError(`${name}: not a valid URL`);
  }
  const headers: Record<string, string> = {};
  if (url.username || url.password) {
    headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`no answer within ${options.timeoutMs ?? 60_000} ms`)), options.timeoutMs ?? 60_000);
  try {
    let response: Response;
    try {
      if (options.validators?.etag) headers['if-none-match'] = options.validators.etag;
      if (options.validators?.lastModified) headers['if-modified-since'] = options.validators.lastModified;
      response = await fetch(url, { signal: controller.signal, redirect: 'follow', headers });
    } catch (error) {
      throw new ImportInputError(`${name}: download failed (${cleanText(redactLocation((error as Error).message))})`);
    }
    if (response.status === 304 && options.validators) return null;
    const validators = { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
    if (!response.ok) throw new ImportInputError(`${name}: the server answered ${response.status} ${cleanText(response.statusText).slice(0, 100)}`);
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > maxBytes) throw new ImportInputError(`${name}: ${length} bytes is more than the ${maxBytes} allowed`);
    if (!response.body) return { name, text: '', validators };
    try {
      return { name, text: await readLimited(response.body, maxBytes, tooLarge), validators };
    } catch (error) {
      if (error instanceof ImportInputError) throw error;
      throw new ImportInputError(`${name}: download failed (${cleanText(redactLocation((error as Error).message))})`);
    }
  } finally {
    // Stops the download at once when the limit refused it; harmless after a complete read.
    controller.abort();
    clearTimeout(timer);
  }
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
export async function importUaGeneralStaff(db: Db, locations: UaGsLocations, options: UaGsImportOptions): Promise<UaGsImportResult> {
  const [personnel, equipment, corrections] = await Promise.all([
    readInput(locations.personnel, options.read),
    readInput(locations.equipment, options.read),
    locations.corrections ? readInput(locations.corrections, options.read) : Promise.resolve(undefined),
  ]);
  return importUaGeneralStaffInputs(db, locations, { personnel, equipment, corrections }, options);
}

export interface UaGsImportOptions {
  actor: string;
  clock?: () => Date;
  onProgress?: (done: number, total: number) => void;
  read?: ReadOptions;
}

/** The files already read (a download, or the snapshot shipped in data/): validated, then written in one transaction. */
export function importUaGeneralStaffInputs(
  db: Db,
  locations: UaGsLocations,
  inputs: { personnel: InputFile; equipment: InputFile; corrections?: InputFile | undefined },
  options: UaGsImportOptions,
): UaGsImportResult {
  const { personnel, equipment, corrections } = inputs;
  // The source shown with every figure: the URL without credentials or secret parameters.
  const shownUrl = (location: string) => (isUrl(location) ? normaliseUrl(location) : null);
  const parsed = parseUaGeneralStaff({
    personnel,
    equipment,
    corrections,
    sourceUrls: { personnel: shownUrl(locations.personnel), equipment: shownUrl(locations.equipment) },
    now: (options.clock ?? (() => new Date()))(),
  });
  try {
    const summary = new ImportRepo(db, options.clock).importSeries(parsed.claims, {
      importer: UA_GS_IMPORTER,
      actor: options.actor,
      inputs: Object.fromEntries(Object.entries(locations).filter(([, v]) => v !== undefined).map(([k, v]) => [k, redactLocation(v as string)])),
      onProgress: options.onProgress,
    });
    return { ...summary, reports: parsed.reports, claims: parsed.claims.length, ignoredFields: parsed.ignoredFields };
  } catch (error) {
    if (error instanceof SqliteError && (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_BUSY_SNAPSHOT'))
      throw new ImportInputError('another import or writer held the database for too long; nothing was written, try again');
    throw error;
  }
}
