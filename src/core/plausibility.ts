// Plausibility rules applied to every write. Pure: the store gathers the claimant's own series
// around the new figure, and these rules decide. Errors refuse the write; warnings need a
// moderator's explicit confirmation, which the audit log records.
import type { ClaimFields } from './model.ts';
import { addDays, daysBetween } from './dates.ts';
import { metricInfo } from './vocabulary.ts';

export interface SeriesPoint {
  id: number;
  periodEnd: string;
  low: number | null;
  high: number | null;
}

export interface SeriesContext {
  /** The claimant's latest cumulative figure (same subject, metric, conflict) ending before the new one. */
  previous: SeriesPoint | null;
  /** The claimant's earliest cumulative figure ending after the new one. */
  next: SeriesPoint | null;
  /** For an interval claim: the claimant's cumulative figures at the day before it starts and on its last day. */
  intervalEnds: { before: SeriesPoint; last: SeriesPoint } | null;
  /** Recent day-normalised changes in the claimant's cumulative series, oldest first. */
  recentDailyChanges: number[];
}

export interface Finding {
  field: string;
  /** In English, as stored with a confirmed write. */
  message: string;
  /** The same in any language: a catalogue key and its arguments (numbers, ISO dates, a metric id as `metric`). */
  words?: { key: string; args: Record<string, string | number> };
}

export interface PlausibilityResult {
  errors: Finding[];
  warnings: Finding[];
}

/** How far a change may stray from the series' usual daily change before a moderator must confirm it. */
const UNUSUAL_FACTOR = 5;
const MIN_HISTORY_FOR_RANGE = 7;

const fmt = (n: number) => n.toLocaleString('en-US');

function upper(p: { low: number | null; high: number | null }): number {
  return p.high ?? Number.POSITIVE_INFINITY;
}
function lower(p: { low: number | null; high: number | null }): number {
  return p.low ?? 0;
}
/**
 * The most a claim commits to: its high, or for an open-ended "more than N" its N. Used against
 * the claimant's earlier total, so "more than 5" after 45,000 reads as the step back it is.
 */
function statedHigh(p: { low: number | null; high: number | null }): number {
  return p.high ?? p.low ?? 0;
}
/** The least a claim commits to: its low, or for "up to N" its N. */
function statedLow(p: { low: number | null; high: number | null }): number {
  return p.low ?? p.high ?? 0;
}
function isPoint(p: { low: number | null; high: number | null }): p is { low: number; high: number } {
  return p.low !== null && p.low === p.high;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function checkPlausibility(claim: ClaimFields, series: SeriesContext): PlausibilityResult {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const label = metricInfo(claim.metric).label;

  if (claim.periodKind === 'cumulative' && claim.aggregation === 'total') {
    const { previous, next } = series;
    if (previous && statedHigh(claim) < lower(previous) && !claim.isCorrection) {
      errors.push({
        field: 'high',
        message: `the claimant's own earlier cumulative figure (claim #${previous.id}, to ${previous.periodEnd}) is ${fmt(lower(previous))} ${label}; a lower cumulative figure must be marked as a correction`,
        words: { key: 'plausibility-lower-than-earlier', args: { id: String(previous.id), date: previous.periodEnd, value: lower(previous), metric: claim.metric } },
      });
    }
    if (next && statedLow(claim) > upper(next) && !claim.isCorrection) {
      errors.push({
        field: 'low',
        message: `the claimant's own later cumulative figure (claim #${next.id}, to ${next.periodEnd}) is only ${fmt(upper(next))} ${label}; mark this as a correction if the series was revised`,
        words: { key: 'plausibility-higher-than-later', args: { id: String(next.id), date: next.periodEnd, value: upper(next), metric: claim.metric } },
      });
    }
    if (previous && claim.periodEnd && isPoint(previous) && isPoint(claim) && series.recentDailyChanges.length >= MIN_HISTORY_FOR_RANGE) {
      const days = Math.max(1, daysBetween(previous.periodEnd, claim.periodEnd));
      const perDay = (claim.low - previous.low) / days;
      const usual = median(series.recentDailyChanges);
      if (usual > 0 && perDay > usual * UNUSUAL_FACTOR) {
        warnings.push({
          field: 'low',
          message: `a change of ${fmt(Math.round(perDay))} ${label} a day since ${previous.periodEnd} is far above the series' usual ${fmt(Math.round(usual))} a day`,
          words: { key: 'plausibility-unusual-change', args: { perDay: Math.round(perDay), metric: claim.metric, since: previous.periodEnd, usual: Math.round(usual) } },
        });
      }
    }
  }

  if (claim.periodKind === 'interval' && claim.aggregation === 'total' && series.intervalEnds) {
    const { before, last } = series.intervalEnds;
    if (isPoint(before) && isPoint(last)) {
      const derived = last.low - before.low;
      if (derived < lower(claim) || derived > upper(claim)) {
        warnings.push({
          field: 'low',
          message: `the claimant's own cumulative reports give ${fmt(derived)} ${label} for this period (claims #${before.id} to ${before.periodEnd} and #${last.id} to ${last.periodEnd}), not ${claim.words}`,
          words: { key: 'plausibility-interval-mismatch', args: { derived, metric: claim.metric, fromId: String(before.id), fromDate: before.periodEnd, toId: String(last.id), toDate: last.periodEnd, said: claim.words } },
        });
      }
    }
  }

  return { errors, warnings };
}

/** The day before a period starts: where a cumulative series must stand for a difference to cover the period. */
export function dayBefore(iso: string): string {
  return addDays(iso, -1);
}
