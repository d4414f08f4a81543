// Ukraine's General Staff daily reports (the public 2022-Ukraine-Russia-War-Dataset, MIT) ->
// cumulative claims. Pure: the files' texts in, validated claims out; every refusal names the
// file, the record and the field.
import { z } from 'zod';
import { addDays, isIsoDate } from '../core/dates.ts';
import { describeFigure, formatNumber } from '../core/format.ts';
import type { ClaimFields } from '../core/model.ts';
import { DEFAULT_CONFLICT, INVASION_START, type Metric, type Qualifier } from '../core/vocabulary.ts';

export const UA_GS_CLAIMANT = 'general-staff-ukraine';
export const UA_GS_IMPORTER = 'ua-general-staff';

/** The dataset's field names, as they changed over time, to the bot's metrics. */
export const EQUIPMENT_FIELDS: Record<string, Metric> = {
  aircraft: 'aircraft',
  helicopter: 'helicopters',
  tank: 'tanks',
  APC: 'armoured_vehicles',
  'field artillery': 'artillery',
  MRL: 'mlrs',
  'anti-aircraft warfare': 'air_defence',
  drone: 'uavs',
  'naval ship': 'ships',
  submarines: 'submarines',
  'cruise missiles': 'cruise_missiles',
  'special equipment': 'special_equipment',
  'mobile SRBM system': 'srbm_launchers',
  'ground robotic systems': 'ground_robots',
  'vehicles and fuel tanks': 'vehicles',
};
/** Until 30 April 2022 these were counted apart; from 1 May 2022 together as "vehicles and fuel tanks". */
const EARLY_VEHICLE_FIELDS = ['military auto', 'fuel tank'] as const;
/** Fields that carry no figure. */
const NOT_FIGURES = new Set(['date', 'day', 'greatest losses direction', 'personnel*']);

export class ImportInputError extends Error {}

export interface InputFile {
  /** A path or URL, as given: it names the file in every error. */
  name: string;
  text: string;
}

export interface ImportedClaim {
  seriesKey: string;
  fields: ClaimFields;
}

export interface ParsedImport {
  claims: ImportedClaim[];
  reports: number;
  /** Fields the importer does not know, with how many records had them. */
  ignoredFields: Record<string, number>;
}

const Count = z.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).nonnegative({ message: 'must not be negative' });
const Delta = z.number({ message: 'must be a number' }).int({ message: 'must be a whole number' });
const ReportDate = z.string({ message: 'is missing' }).refine(isIsoDate, { message: 'must be a date written YYYY-MM-DD' });

function fail(file: InputFile, index: number | null, record: Record<string, unknown> | null, field: string | null, message: string): never {
  const date = record && typeof record.date === 'string' ? ` (${record.date})` : '';
  const where = index === null ? file.name : `${file.name}, record ${index + 1}${date}`;
  throw new ImportInputError(`${where}${field ? `, field "${field}"` : ''}: ${message}`);
}

function readRecords(file: InputFile): Record<string, unknown>[] {
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch (error) {
    fail(file, null, null, null, `not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data)) fail(file, null, null, null, 'must be a JSON array of daily reports');
  data.forEach((r, i) => {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) fail(file, i, null, null, 'must be an object');
  });
  return data as Record<string, unknown>[];
}

/** Checks dates (present, valid, strictly increasing) and figures; `numbers` validates each figure. */
function checkRecords(file: InputFile, records: Record<string, unknown>[], numbers: z.ZodType<number>, figureFields: (key: string) => boolean): void {
  let previous = '';
  records.forEach((r, i) => {
    const date = ReportDate.safeParse(r.date);
    if (!date.success) fail(file, i, r, 'date', date.error.issues[0]!.message);
    if (date.data <= previous) fail(file, i, r, 'date', `out of order: ${date.data} comes after ${previous}`);
    previous = date.data;
    for (const [key, value] of Object.entries(r)) {
      if (!figureFields(key)) continue;
      const n = numbers.safeParse(value);
      if (!n.success) fail(file, i, r, key, `${n.error.issues[0]!.message}, not ${JSON.stringify(value)}`);
    }
  });
}

const PERSONNEL_QUALIFIERS: Record<string, Qualifier> = { about: 'about', more: 'more_than' };

function claimFor(metric: Metric, reportDate: string, value: number, qualifier: Qualifier, source: ClaimFields['source'], note: string | null): ImportedClaim {
  const words = describeFigure(value, value, qualifier);
  return {
    seriesKey: `${UA_GS_IMPORTER}:${metric}:${reportDate}`,
    fields: {
      claimant: UA_GS_CLAIMANT,
      subject: 'russia',
      conflict: DEFAULT_CONFLICT,
      metric,
      low: value,
      high: value,
      qualifier,
      words,
      aggregation: 'total',
      periodKind: 'cumulative',
      periodStart: INVASION_START,
      // The report dated D counts losses to the end of D-1.
      periodEnd: addDays(reportDate, -1),
      periodLabel: null,
      statedOn: reportDate,
      statedPrecision: 'day',
      note,
      isCorrection: false,
      source,
    },
  };
}

export interface ImportInputs {
  personnel: InputFile;
  equipment: InputFile;
  corrections?: InputFile;
  /** Where each file came from, for the claims' source: its URL when imported from one. */
  sourceUrls?: { personnel: string | null; equipment: string | null };
}

export function parseUaGeneralStaff(inputs: ImportInputs): ParsedImport {
  const personnel = readRecords(inputs.personnel);
  const equipment = readRecords(inputs.equipment);
  const corrections = inputs.corrections ? readRecords(inputs.corrections) : [];
  const knownEquipment = (k: string) => k in EQUIPMENT_FIELDS || (EARLY_VEHICLE_FIELDS as readonly string[]).includes(k);
  checkRecords(inputs.personnel, personnel, Count, (k) => k === 'personnel' || k === 'POW');
  checkRecords(inputs.equipment, equipment, Count, knownEquipment);
  if (inputs.corrections) checkRecords(inputs.corrections, corrections, Delta, (k) => !NOT_FIGURES.has(k));
  personnel.forEach((r, i) => {
    if (r.personnel === undefined) fail(inputs.personnel, i, r, 'personnel', 'is missing');
    if (r['personnel*'] !== undefined && !(String(r['personnel*']) in PERSONNEL_QUALIFIERS))
      fail(inputs.personnel, i, r, 'personnel*', `must be "about" or "more", not ${JSON.stringify(r['personnel*'])}`);
  });

  const ignoredFields: Record<string, number> = {};
  const ignore = (k: string) => (ignoredFields[k] = (ignoredFields[k] ?? 0) + 1);
  // Corrections announced in a report: kept as a note on that report's figure.
  const correctionNotes = new Map<string, string>();
  for (const r of corrections) {
    for (const [key, value] of Object.entries(r)) {
      if (NOT_FIGURES.has(key) || value === 0) continue;
      const metric = key === 'personnel' ? 'personnel' : EQUIPMENT_FIELDS[key];
      if (!metric) {
        ignore(`corrections: ${key}`);
        continue;
      }
      const delta = value as number;
      correctionNotes.set(`${metric}:${r.date as string}`, `This report includes a correction of ${delta > 0 ? '+' : ''}${formatNumber(delta)} to earlier totals (dataset corrections file).`);
    }
  }

  const source = (date: string, url: string | null): ClaimFields['source'] => ({
    publisher: 'General Staff of the Armed Forces of Ukraine',
    title: 'Daily report of Russian losses (2022-Ukraine-Russia-War-Dataset)',
    url,
    publishedOn: date,
  });
  const claims: ImportedClaim[] = [];
  const add = (metric: Metric, date: string, value: number, qualifier: Qualifier, extraNote: string | null = null) => {
    const notes = [extraNote, correctionNotes.get(`${metric}:${date}`) ?? null].filter(Boolean);
    const url = (metric === 'personnel' || metric === 'captured' ? inputs.sourceUrls?.personnel : inputs.sourceUrls?.equipment) ?? null;
    claims.push(claimFor(metric, date, value, qualifier, source(date, url), notes.length ? notes.join(' ') : null));
  };

  for (const r of personnel) {
    const date = r.date as string;
    add('personnel', date, r.personnel as number, PERSONNEL_QUALIFIERS[String(r['personnel*'] ?? '')] ?? 'exact');
    if (r.POW !== undefined) add('captured', date, r.POW as number, 'exact');
    for (const k of Object.keys(r)) if (!['date', 'day', 'personnel', 'personnel*', 'POW'].includes(k)) ignore(k);
  }
  for (const r of equipment) {
    const date = r.date as string;
    for (const [key, value] of Object.entries(r)) {
      const metric = EQUIPMENT_FIELDS[key];
      if (metric) add(metric, date, value as number, 'exact');
      else if (!NOT_FIGURES.has(key) && !(EARLY_VEHICLE_FIELDS as readonly string[]).includes(key)) ignore(key);
    }
    const [auto, fuel] = EARLY_VEHICLE_FIELDS.map((k) => r[k] as number | undefined);
    if (r['vehicles and fuel tanks'] === undefined && (auto !== undefined || fuel !== undefined)) {
      add('vehicles', date, (auto ?? 0) + (fuel ?? 0), 'exact', `Reported then as ${formatNumber(auto ?? 0)} military vehicles and ${formatNumber(fuel ?? 0)} fuel tanks; summed, as the General Staff has counted them together since 1 May 2022.`);
    }
  }

  // A total lower than the one before is the General Staff correcting itself: marked, not refused.
  const last = new Map<Metric, number>();
  for (const c of claims.sort((a, b) => (a.fields.metric < b.fields.metric ? -1 : a.fields.metric > b.fields.metric ? 1 : a.fields.periodEnd! < b.fields.periodEnd! ? -1 : 1))) {
    const before = last.get(c.fields.metric);
    if (before !== undefined && c.fields.low! < before) c.fields.isCorrection = true;
    last.set(c.fields.metric, c.fields.low!);
  }
  return { claims, reports: new Set([...personnel, ...equipment].map((r) => r.date)).size, ignoredFields };
}
