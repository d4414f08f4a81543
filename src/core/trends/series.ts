// A claimant's running total read as a series of losses per day, week, month or quarter. Pure:
// every figure is the difference of two of the claimant's own reports (derive.ts keeps their
// qualifiers), so the buckets of a period always add up to the period's derived total.
import { addDays, daysBetween } from '../dates.ts';
import type { CorrectionMark, SeriesKey } from '../answer/compose.ts';
import { difference, type StatedValue } from '../answer/derive.ts';
import type { Qualifier } from '../vocabulary.ts';

/** One report of a running total: the figure covering losses to the end of `periodEnd`. */
export interface SeriesReport {
  id: number;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  periodEnd: string;
  statedOn: string | null;
}

/** Every report of one cumulative series within a span, in date order. */
export interface SeriesLookup {
  reportsWithin(key: SeriesKey, start: string, end: string): SeriesReport[];
}

export type BreakdownUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** A derived figure: what the difference of two reports can say, with the reports it rests on. */
export interface DerivedValue {
  /** Null when the ends leave it open both ways (two "more than" reports). */
  value: StatedValue | null;
  from: SeriesReport | null;
  to: SeriesReport;
}

export interface BucketRow {
  /** The first and last day the row covers (clipped to the period asked and the last report). */
  start: string;
  end: string;
  /** The bucket runs past the last report or starts before the period: not a whole one. */
  partial: boolean;
  derived: DerivedValue;
  days: number;
  corrections: CorrectionMark[];
}

/** The point value of a stated figure, when there is one. */
export function pointOf(v: StatedValue | null): number | null {
  if (!v) return null;
  if (v.low !== null && v.high !== null) return v.low === v.high ? v.low : null;
  return null;
}

/** The report standing at the end of `day`: the last one covering no later than it. */
export function standingAt(reports: readonly SeriesReport[], day: string): SeriesReport | null {
  let lo = 0;
  let hi = reports.length - 1;
  let found: SeriesReport | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (reports[mid]!.periodEnd <= day) {
      found = reports[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function derive(to: SeriesReport, from: SeriesReport | null): DerivedValue {
  const d = difference(to, from);
  return { value: d.known ? { low: d.low, high: d.high, qualifier: d.qualifier } : null, from, to };
}

/** The first day of the bucket of `unit` holding `date`. */
export function unitStart(date: string, unit: BreakdownUnit): string {
  if (unit === 'day') return date;
  if (unit === 'year') return `${date.slice(0, 4)}-01-01`;
  if (unit === 'month') return `${date.slice(0, 7)}-01`;
  if (unit === 'quarter') {
    const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
    return `${date.slice(0, 4)}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  }
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The last day of the bucket of `unit` starting on `start`. */
export function unitEnd(start: string, unit: BreakdownUnit): string {
  if (unit === 'day') return start;
  if (unit === 'week') return addDays(start, 6);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  const months = unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12;
  const next = new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
  return addDays(next, -1);
}

/**
 * The period [start, end] of a series as rows of `unit`, each the difference of the reports standing
 * at its ends. `reports` must reach back before `start` when the series has reports there (the row's
 * opening figure); a series that begins inside the period counts from zero, as it did at the
 * invasion. Rows stop at the last report; corrections fall in the row whose days hold their report.
 */
export function breakdown(reports: readonly SeriesReport[], start: string, end: string, unit: BreakdownUnit, corrections: readonly CorrectionMark[] = []): { rows: BucketRow[]; total: DerivedValue | null; to: string | null } {
  const last = standingAt(reports, end);
  if (!last || last.periodEnd < start) return { rows: [], total: null, to: null };
  const to = last.periodEnd;
  const opening = standingAt(reports, addDays(start, -1));
  const rows: BucketRow[] = [];
  for (let s = unitStart(start, unit); s <= to; s = addDays(unitEnd(s, unit), 1)) {
    const from = s < start ? start : s;
    const fullEnd = unitEnd(s, unit);
    const until = fullEnd > to ? to : fullEnd;
    const endReport = standingAt(reports, until);
    if (!endReport) continue;
    const startReport = standingAt(reports, addDays(from, -1));
    rows.push({
      start: from,
      end: until,
      partial: from !== s || until !== fullEnd,
      derived: derive(endReport, startReport),
      days: daysBetween(from, until) + 1,
      corrections: corrections.filter((c) => c.periodEnd >= from && c.periodEnd <= until),
    });
  }
  return { rows, total: derive(last, opening), to };
}

/** The sum of the rows' figures: a number where every row has one, with the loosest qualifier among them. */
export function sumRows(rows: readonly BucketRow[]): StatedValue | null {
  let sum = 0;
  let qualifier: Qualifier = 'exact';
  for (const r of rows) {
    const p = pointOf(r.derived.value);
    if (p === null) return null;
    sum += p;
    const q = r.derived.value!.qualifier;
    if (q !== 'exact') qualifier = q === 'nearly' && qualifier === 'exact' ? 'nearly' : 'about';
  }
  return { low: sum, high: sum, qualifier };
}

export interface DailyLoss {
  /** The last day the figure covers (a report's period end). */
  date: string;
  value: number;
  qualifier: Qualifier;
  /** Days since the report before it (1 on consecutive reports). */
  days: number;
  corrected: boolean;
}

/** Each report's difference from the one before it: losses per day (per gap, where reports skip days). */
export function dailyLosses(reports: readonly SeriesReport[], start: string, end: string, corrections: readonly CorrectionMark[] = []): DailyLoss[] {
  const corrected = new Set(corrections.map((c) => c.periodEnd));
  const out: DailyLoss[] = [];
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i]!;
    if (r.periodEnd < start || r.periodEnd > end) continue;
    const prev = i > 0 ? reports[i - 1]! : null;
    const d = derive(r, prev);
    const p = pointOf(d.value);
    if (p === null) continue;
    out.push({ date: r.periodEnd, value: p, qualifier: d.value!.qualifier, days: prev ? daysBetween(prev.periodEnd, r.periodEnd) : 1, corrected: corrected.has(r.periodEnd) });
  }
  return out;
}

export interface RecordFigure {
  start: string;
  end: string;
  value: StatedValue;
}

/** The largest single-report difference (a day where reports are daily), corrections left out. */
export function worstDay(days: readonly DailyLoss[]): { record: RecordFigure | null; skipped: number } {
  let best: DailyLoss | null = null;
  let skipped = 0;
  for (const d of days) {
    if (d.corrected) {
      skipped++;
      continue;
    }
    if (d.days !== 1) continue;
    if (!best || d.value > best.value) best = d;
  }
  return { record: best ? { start: best.date, end: best.date, value: { low: best.value, high: best.value, qualifier: best.qualifier } } : null, skipped };
}

/** The whole bucket with the largest figure (a partial first or last bucket does not count). */
export function worstBucket(rows: readonly BucketRow[]): RecordFigure | null {
  let best: BucketRow | null = null;
  for (const r of rows) {
    if (r.partial) continue;
    const p = pointOf(r.derived.value);
    if (p === null) continue;
    if (!best || p > pointOf(best.derived.value)!) best = r;
  }
  return best ? { start: best.start, end: best.end, value: best.derived.value! } : null;
}
