// Arithmetic on figures as claimants state them: a difference of two cumulative reports keeps the
// uncertainty of both ends ("about", "nearly", "more than", ranges), and says when there is none
// left to report. Pure.
import type { Qualifier } from '../vocabulary.ts';

/** A stated figure: low/high with a qualifier, as claims store them. */
export interface StatedValue {
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
}

/** What a difference of two stated figures can say. */
export type Difference =
  | { known: true; low: number | null; high: number | null; qualifier: Qualifier }
  /** The ends leave the difference open both ways (two "more than" reports): no number is meaningful. */
  | { known: false; reason: 'open_ends' };

interface Bounds {
  lo: number; // -Infinity when open
  hi: number; // +Infinity when open
  approx: 'about' | 'nearly' | null;
}

function bounds(v: StatedValue): Bounds {
  switch (v.qualifier) {
    case 'more_than':
    case 'at_least':
      return { lo: v.low ?? 0, hi: Infinity, approx: null };
    case 'up_to':
    case 'fewer_than':
      return { lo: -Infinity, hi: v.high ?? Infinity, approx: null };
    default:
      return { lo: v.low ?? v.high ?? 0, hi: v.high ?? v.low ?? 0, approx: v.qualifier === 'about' ? 'about' : v.qualifier === 'nearly' ? 'nearly' : null };
  }
}

const ZERO: StatedValue = { low: 0, high: 0, qualifier: 'exact' };

/** `end - start`; a null start is the zero a series counted from the invasion stands at before it. */
export function difference(end: StatedValue, start: StatedValue | null): Difference {
  const s0 = start ?? ZERO;
  const e = bounds(end);
  const s = bounds(s0);
  const lo = e.lo - s.hi;
  const hi = e.hi - s.lo;
  const exactStart = s0.qualifier === 'exact' && s.lo === s.hi;
  // "nearly 500" from an exact start stays "nearly"; any other uncertainty makes it "about".
  const approx = e.approx === 'nearly' && exactStart ? 'nearly' : e.approx || s.approx ? 'about' : null;
  if (lo === -Infinity && hi === Infinity) return { known: false, reason: 'open_ends' };
  if (hi === Infinity) {
    // "more than 12,000" minus "about 11,000" is more than about 1,000; "more than 0" says nothing.
    if (lo <= 0) return { known: false, reason: 'open_ends' };
    return { known: true, low: lo, high: null, qualifier: end.qualifier === 'at_least' && exactStart ? 'at_least' : 'more_than' };
  }
  if (lo === -Infinity) {
    if (hi <= 0) return { known: false, reason: 'open_ends' };
    return { known: true, low: null, high: hi, qualifier: end.qualifier === 'up_to' && exactStart ? 'up_to' : 'fewer_than' };
  }
  if (lo === hi) return { known: true, low: lo, high: hi, qualifier: approx ?? 'exact' };
  return { known: true, low: Math.min(lo, hi), high: Math.max(lo, hi), qualifier: approx === 'nearly' ? 'about' : (approx ?? 'exact') };
}

/** A stated figure divided by a number of days, rounded; "about" unless it divides exactly. */
export function perDay(v: { low: number | null; high: number | null; qualifier: Qualifier }, days: number): StatedValue {
  // Whole numbers, but two significant digits below 10 a day: "about 0.025 a day" says more than "about 0".
  const div = (n: number | null) => (n === null ? null : Math.abs(n / days) >= 10 || n === 0 ? Math.round(n / days) : Number((n / days).toPrecision(2)));
  const exact = (n: number | null) => n === null || n % days === 0;
  const qualifier: Qualifier = v.qualifier === 'exact' && !(exact(v.low) && exact(v.high)) ? 'about' : v.qualifier === 'nearly' ? 'about' : v.qualifier;
  return { low: div(v.low), high: div(v.high), qualifier };
}

// The importer writes a correction announced by the corrections file as a note on that report's
// figure; these two keep the wording and its reading in one place.
export function correctionNoteText(delta: number): string {
  return `This report includes a correction of ${delta > 0 ? '+' : ''}${delta.toLocaleString('en-US')} to earlier totals (dataset corrections file).`;
}

/** The delta of a correction note written by `correctionNoteText`, or null. */
export function correctionDelta(note: string | null): number | null {
  const m = note ? /includes a correction of ([+-]?[\d,]+) to earlier totals/.exec(note) : null;
  return m ? Number(m[1]!.replace(/[,+]/g, '')) : null;
}

/** The last day a claim's date can mean: its period end, else the end of its statement's month or year. */
export function lastDayMeant(c: { periodEnd: string | null; statedOn: string | null; statedPrecision: 'day' | 'month' | 'year' }): string {
  if (c.periodEnd) return c.periodEnd;
  if (!c.statedOn) return '';
  const [y, m] = c.statedOn.split('-').map(Number) as [number, number];
  if (c.statedPrecision === 'year') return `${y}-12-31`;
  if (c.statedPrecision === 'month') return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return c.statedOn;
}
