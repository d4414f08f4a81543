// Ukraine's General Staff daily reports (the public 2022-Ukraine-Russia-War-Dataset, MIT) ->
// cumulative claims. Pure: the files' texts in, validated claims out; every refusal names the
// file, the record and the field.
import { z } from 'zod';
import { addDays, isIsoDate, toIsoDate } from '../core/dates.ts';
import { describeFigure, formatNumber } from '../core/format.ts';
import { checkStorable, dateBounds, type ClaimFields } from '../core/model.ts';
import { cleanText } from '../core/text.ts';
import { DEFAULT_CONFLICT, INVASION_START, type Metric, type Qualifier } from '../core/vocabulary.ts';
import { correctionNoteText } from '../core/answer/derive.ts';

export const UA_GS_CLAIMANT = 'general-staff-ukraine';
/**
 * The dataset's POW counts (25 February to 27 April 2022) are not the General Staff's: its
 * documentation ("Data Sources") names Invaders (invaders-rf.com) as their source. They are
 * imported as that project's claims, with its name as their source.
 */
export const POW_CLAIMANT = 'invaders-rf';
const POW_SOURCE = { publisher: 'Invaders (invaders-rf.com)', title: 'Russian prisoners of war, as compiled in the 2022-Ukraine-Russia-War-Dataset' };
const POW_NOTE = "The dataset's documentation names Invaders (invaders-rf.com), not the General Staff, as the source of its prisoner counts.";
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
  /**
   * Sentences of the stored note this import cannot know (the corrections file was not given):
   * kept from the stored version, so importing with or without that file changes nothing.
   */
  keepFromStoredNote?: RegExp;
}

/** The note a corrections file adds to a report's figure. */
const CORRECTION_NOTE = /This report includes a correction of [^.]*\(dataset corrections file\)\./g;
/** Written by the one function that answers also read it with (correctionDelta), so the two never drift. */
const correctionNote = correctionNoteText;

export interface ParsedImport {
  claims: ImportedClaim[];
  reports: number;
  /** Fields the importer does not know, with how many records had them. */
  ignoredFields: Record<string, number>;
}

const Count = z.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).nonnegative({ message: 'must not be negative' }).max(1e12, { message: 'is implausibly large' });
const Delta = z.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).min(-1e12, { message: 'is implausibly large' }).max(1e12, { message: 'is implausibly large' });
const ReportDate = z.string({ message: 'is missing' }).refine(isIsoDate, { message: 'must be a date written YYYY-MM-DD' });

/** Text from the file, made safe to echo: no control characters, at most 80 characters. */
const shown = (text: string) => cleanText(text).slice(0, 80);

function fail(file: InputFile, index: number | null, record: Record<string, unknown> | null, field: string | null, message: string): never {
  const date = record && typeof record.date === 'string' && Object.hasOwn(record, 'date') ? ` (${shown(record.date)})` : '';
  const where = index === null ? file.name : `${file.name}, record ${index + 1}${date}`;
  throw new ImportInputError(`${where}${field ? `, field ${JSON.stringify(shown(field))}` : ''}: ${cleanText(message)}`);
}

/** Own keys only: "__proto__", "constructor" or "toString" in a file are unknown fields, not the object's machinery. */
const own = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

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

/** Checks dates (present, valid, after the invasion, not in the future, strictly increasing) and figures; `numbers` validates each figure. */
function checkRecords(file: InputFile, records: Record<string, unknown>[], numbers: z.ZodType<number>, figureFields: (key: string) => boolean, today: string): void {
  let previous = '';
  records.forEach((r, i) => {
    const date = ReportDate.safeParse(Object.hasOwn(r, 'date') ? r.date : undefined);
    if (!date.success) fail(file, i, r, 'date', date.error.issues[0]!.message);
    // The report dated D counts losses to the end of D-1: the first report is the day after the invasion.
    if (date.data <= INVASION_START) fail(file, i, r, 'date', `${date.data} is not after the invasion began (${INVASION_START})`);
    if (date.data > addDays(today, 1)) fail(file, i, r, 'date', `${date.data} is in the future (today is ${today})`);
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
      claimant: metric === 'captured' ? POW_CLAIMANT : UA_GS_CLAIMANT,
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
  /** Now, for refusing report dates in the future (default: the system clock). */
  now?: Date;
}

export function parseUaGeneralStaff(inputs: ImportInputs): ParsedImport {
  const personnel = readRecords(inputs.personnel);
  const equipment = readRecords(inputs.equipment);
  const corrections = inputs.corrections ? readRecords(inputs.corrections) : [];
  const now = inputs.now ?? new Date();
  const today = toIsoDate(now);
  const knownEquipment = (k: string) => Object.hasOwn(EQUIPMENT_FIELDS, k) || (EARLY_VEHICLE_FIELDS as readonly string[]).includes(k);
  checkRecords(inputs.personnel, personnel, Count, (k) => k === 'personnel' || k === 'POW', today);
  checkRecords(inputs.equipment, equipment, Count, knownEquipment, today);
  if (inputs.corrections) checkRecords(inputs.corrections, corrections, Delta, (k) => !NOT_FIGURES.has(k), today);
  personnel.forEach((r, i) => {
    if (!Object.hasOwn(r, 'personnel')) fail(inputs.personnel, i, r, 'personnel', 'is missing');
    if (Object.hasOwn(r, 'personnel*') && own(PERSONNEL_QUALIFIERS, String(r['personnel*'])) === undefined)
      fail(inputs.personnel, i, r, 'personnel*', `must be "about" or "more", not ${JSON.stringify(r['personnel*'])}`);
  });

  const ignoredCounts = new Map<string, number>();
  const ignore = (k: string) => ignoredCounts.set(shown(k), (ignoredCounts.get(shown(k)) ?? 0) + 1);
  // Corrections announced in a report: kept as a note on that report's figure.
  const correctionNotes = new Map<string, string>();
  for (const r of corrections) {
    for (const [key, value] of Object.entries(r)) {
      if (NOT_FIGURES.has(key) || value === 0) continue;
      const metric = key === 'personnel' ? 'personnel' : own(EQUIPMENT_FIELDS, key);
      if (!metric) {
        ignore(`corrections: ${key}`);
        continue;
      }
      correctionNotes.set(`${metric}:${r.date as string}`, correctionNote(value as number));
    }
  }

  const source = (date: string, url: string | null): ClaimFields['source'] => ({
    publisher: 'General Staff of the Armed Forces of Ukraine',
    title: 'Daily report of Russian losses (2022-Ukraine-Russia-War-Dataset)',
    url,
    publishedOn: date,
  });
  const claims: ImportedClaim[] = [];
  const bounds = dateBounds(now, INVASION_START);
  const add = (file: InputFile, index: number, record: Record<string, unknown>, field: string, metric: Metric, date: string, value: number, qualifier: Qualifier, extraNote: string | null = null) => {
    const notes = [extraNote, correctionNotes.get(`${metric}:${date}`) ?? null].filter(Boolean);
    const url = (metric === 'personnel' || metric === 'captured' ? inputs.sourceUrls?.personnel : inputs.sourceUrls?.equipment) ?? null;
    if (metric === 'captured') notes.push(POW_NOTE);
    const claim = claimFor(metric, date, value, qualifier, metric === 'captured' ? { ...source(date, url), ...POW_SOURCE } : source(date, url), notes.length ? notes.join(' ') : null);
    // The same check as every other write, so nothing reaches the store that a read cannot render.
    const checked = checkStorable(claim.fields, bounds);
    if (!checked.ok) fail(file, index, record, field, checked.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    claims.push({ ...claim, fields: checked.fields, ...(inputs.corrections ? {} : { keepFromStoredNote: CORRECTION_NOTE }) });
  };

  personnel.forEach((r, i) => {
    const date = r.date as string;
    add(inputs.personnel, i, r, 'personnel', 'personnel', date, r.personnel as number, own(PERSONNEL_QUALIFIERS, String(r['personnel*'] ?? '')) ?? 'exact');
    if (Object.hasOwn(r, 'POW') && r.POW !== undefined) add(inputs.personnel, i, r, 'POW', 'captured', date, r.POW as number, 'exact');
    for (const k of Object.keys(r)) if (!['date', 'day', 'personnel', 'personnel*', 'POW'].includes(k)) ignore(k);
  });
  equipment.forEach((r, i) => {
    const date = r.date as string;
    for (const [key, value] of Object.entries(r)) {
      const metric = own(EQUIPMENT_FIELDS, key);
      if (metric) add(inputs.equipment, i, r, key, metric, date, value as number, 'exact');
      else if (!NOT_FIGURES.has(key) && !(EARLY_VEHICLE_FIELDS as readonly string[]).includes(key)) ignore(key);
    }
    const [auto, fuel] = EARLY_VEHICLE_FIELDS.map((k) => (Object.hasOwn(r, k) ? (r[k] as number | undefined) : undefined));
    if (!Object.hasOwn(r, 'vehicles and fuel tanks') && (auto !== undefined || fuel !== undefined)) {
      add(inputs.equipment, i, r, 'military auto', 'vehicles', date, (auto ?? 0) + (fuel ?? 0), 'exact', `Reported then as ${formatNumber(auto ?? 0)} military vehicles and ${formatNumber(fuel ?? 0)} fuel tanks; summed, as the General Staff has counted them together since 1 May 2022.`);
    }
  });
  const ignoredFields = Object.fromEntries(ignoredCounts);

  // A total lower than the one before is the General Staff correcting itself: marked, not refused.
  const last = new Map<Metric, number>();
  for (const c of claims.sort((a, b) => (a.fields.metric < b.fields.metric ? -1 : a.fields.metric > b.fields.metric ? 1 : a.fields.periodEnd! < b.fields.periodEnd! ? -1 : 1))) {
    const before = last.get(c.fields.metric);
    if (before !== undefined && c.fields.low! < before) c.fields.isCorrection = true;
    last.set(c.fields.metric, c.fields.low!);
  }
  return { claims, reports: new Set([...personnel, ...equipment].map((r) => r.date)).size, ignoredFields };
}
