// Query + the claims it matches -> a platform-neutral answer. Pure: the store is reached only
// through the ClaimLookup interface, so this is tested with tables of cases. Notes are data
// (notes.ts); words are written only by a renderer (words.ts).
import { wantsDailyAverage } from '../query/average.ts';
import { addDays, daysBetween, formatDate as formatDay, formatSpan, monthName } from '../dates.ts';
import type { Directory } from '../directory.ts';
import type { Claim, Source } from '../model.ts';
import type { ParseResult, Query, TimeSpec } from '../query/types.ts';
import { INVASION_START, metricInfo, type Aggregation, type DatePrecision, type Metric, type PeriodKind, type Qualifier } from '../vocabulary.ts';
import { difference, lastDayMeant, perDay, type StatedValue } from './derive.ts';
import type { AnswerNote, CorrectionMark, FigureEndpoint, FigureNote } from './notes.ts';
import { describeReading, HELP_TEXT_INTRO, timeLabel } from './words.ts';
import { formatDate, t, type Locale } from '../../i18n/index.ts';
import { detectLocale } from '../query/language.ts';
import { claimantName, metricName, partyName } from '../../i18n/names.ts';

export type { AnswerNote, CorrectionMark, FigureEndpoint, FigureNote } from './notes.ts';

/** One series a claimant keeps: all its claims on one subject and metric, of one period kind. */
export interface SeriesKey {
  claimant: string;
  subject: string;
  metric: Metric;
  periodKind: PeriodKind;
}

/** One name for a claimant's series of one metric on one subject, whatever its period kind. */
export const seriesId = (c: Pick<SeriesKey, 'claimant' | 'subject' | 'metric'>) => `${c.claimant}|${c.subject}|${c.metric}`;

/**
 * The reads an answer needs. Each takes all the series a question touches and answers per series,
 * in the order given, so a store can serve a broad question with a few queries.
 */
export interface ClaimLookup {
  /** Every series that has an active claim. */
  catalog(): readonly SeriesKey[];
  /**
   * The newest cumulative claim, covering no later than `asOf` when given. A claim without a period
   * end takes part by the last day its statement date can mean (its month or year).
   */
  latestCumulative(keys: readonly SeriesKey[], asOf: string | null): (Claim | null)[];
  /** The cumulative claim covering exactly to the end of `date`. */
  cumulativeAt(keys: readonly SeriesKey[], date: string): (Claim | null)[];
  /** The same, only the parts a difference needs (the start of a derived figure). */
  endpointsAt(keys: readonly SeriesKey[], date: string): (SeriesEndpoint | null)[];
  /** The newest cumulative claim ending within [start, end]. */
  latestCumulativeWithin(keys: readonly SeriesKey[], start: string, end: string): (Claim | null)[];
  /** Reports within [start, end] that revise the running total (a known delta, or a fall). */
  correctionsWithin(keys: readonly SeriesKey[], start: string, end: string): CorrectionMark[][];
  /** Interval claims covering exactly [start, end]. */
  intervals(keys: readonly SeriesKey[], start: string, end: string): Claim[][];
  /** The interval claim ending latest. */
  latestInterval(keys: readonly SeriesKey[]): (Claim | null)[];
  /** The claims whose periods end closest to `date`, before and after. */
  nearest(keys: readonly SeriesKey[], date: string): Claim[][];
}

/** A cumulative claim's figure, without its source and notes. */
export type SeriesEndpoint = Pick<Claim, 'id' | 'low' | 'high' | 'qualifier' | 'periodEnd'> & { statedOn?: string | null };

export interface AnswerFigure {
  claimId: number | null;
  claimant: { id: string; name: string };
  subject: { id: string; name: string };
  metric: Metric;
  /** Null both when a derived difference says nothing (`known` false). */
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  /** The figure as said; for a derived one, the figure in words. */
  words: string;
  aggregation: Aggregation;
  period: { kind: PeriodKind; start: string | null; end: string | null; label: string | null };
  statedOn: string | null;
  statedPrecision: DatePrecision;
  source: Source;
  /** Set when the figure is the difference of two of the claimant's own cumulative reports. */
  derived: { from: FigureEndpoint | null; to: FigureEndpoint; days: number } | null;
  /** False when the ends of a derived figure leave it open both ways: there is no number to show. */
  known: boolean;
  /** Revisions of the running total inside a derived figure's period. */
  corrections: CorrectionMark[];
  notes: FigureNote[];
}

export interface AnswerGroup {
  claimant: { id: string; name: string; kind: string };
  figures: AnswerFigure[];
}

export interface Answer {
  kind: 'figures' | 'no_match' | 'help' | 'not_understood';
  question: string;
  /** What was understood, in one short line: "Russian personnel losses, November 2024, per the Ukrainian side". */
  interpretation: string | null;
  query: Query | null;
  groups: AnswerGroup[];
  notes: AnswerNote[];
  /** When nothing matched: the nearest claims in scope. */
  suggestions: AnswerFigure[];
  example: string | null;
  /** The language the answer is written in: the asker's, else the question's (en, uk, ru). */
  locale: Locale;
}

export interface ComposeOptions {
  /** The language of the answer; by default the question's. */
  locale?: Locale;
  /** At most this many figures (each claimant's first always among them); null shows every one. */
  limit?: number | null;
  /** Claimant -> the claimant whose series it republishes (data/claimants.yaml `republishes`). */
  republishes?: ReadonlyMap<string, string>;
}

export const DEFAULT_FIGURE_LIMIT = 6;
/** Typed after a question, shows every figure of the answer. */
export const ALL_FIGURES_WORDS = 'all figures';

export const EXAMPLE_QUESTIONS = [
  "Ukraine's claim of Russian losses in November 2024",
  'UK estimate of Russian deaths',
  'How many tanks has Russia lost?',
  'What does Russia say about its own losses?',
];

export const HELP_TEXT = `${HELP_TEXT_INTRO}\n- ${EXAMPLE_QUESTIONS.join('\n- ')}`;

const MAX_YEARS_BACK = 10;
const MAX_SUGGESTIONS = 3;
/** A series whose last report is this much older than the claimant's newest has stopped. */
const STOPPED_AFTER_DAYS = 60;

/**
 * Series the source stopped keeping, with where it counts them since and where that is documented.
 * Data about the General Staff dataset (its README, "Tracking"), not about any one answer.
 */
const SERIES_CONTINUATIONS: Record<string, { continuedAs: Metric | null; reference: string }> = {
  'general-staff-ukraine|russia|srbm_launchers': {
    continuedAs: 'cruise_missiles',
    reference: '2022-Ukraine-Russia-War-Dataset documentation: mobile SRBM systems not tracked since 1 May 2022, joined into cruise missiles',
  },
};

/** "average", "per day", "a day": the question asks for a daily average. */

function figureFromClaim(claim: Claim, dir: Directory): AnswerFigure {
  const notes: FigureNote[] = claim.note ? [{ kind: 'remark', text: claim.note }] : [];
  return {
    claimId: claim.id,
    claimant: { id: claim.claimant, name: dir.claimant(claim.claimant)?.name ?? claim.claimant },
    subject: { id: claim.subject, name: dir.party(claim.subject)?.name ?? claim.subject },
    metric: claim.metric,
    low: claim.low,
    high: claim.high,
    qualifier: claim.qualifier,
    words: claim.words,
    aggregation: claim.aggregation,
    period: { kind: claim.periodKind, start: claim.periodStart, end: claim.periodEnd, label: claim.periodLabel },
    statedOn: claim.statedOn,
    statedPrecision: claim.statedPrecision,
    source: claim.source,
    derived: null,
    known: true,
    corrections: [],
    notes,
  };
}

const endpoint = (c: SeriesEndpoint | Claim): FigureEndpoint => ({
  claimId: c.id,
  periodEnd: c.periodEnd!,
  statedOn: c.statedOn ?? null,
  low: c.low,
  high: c.high,
  qualifier: c.qualifier,
  value: c.low !== null && c.low === c.high ? c.low : null,
});

const formatValue = (v: StatedValue) => {
  const n = (x: number) => x.toLocaleString('en-US');
  const q = { exact: '', about: 'about ', nearly: 'nearly ', more_than: 'more than ', at_least: 'at least ', up_to: 'up to ', fewer_than: 'fewer than ' }[v.qualifier];
  if (v.low !== null && v.high !== null && v.low !== v.high) return `${q}${n(v.low)}-${n(v.high)}`;
  const x = v.low ?? v.high;
  return x === null ? 'no meaningful figure' : `${q}${n(x)}`;
};

/** The claimants' own differences of cumulative reports over [start, end], where their series allow one. */
function deriveAll(keys: SeriesKey[], start: string, end: string, lookup: ClaimLookup, dir: Directory): AnswerFigure[] {
  if (!keys.length) return [];
  const exact = lookup.cumulativeAt(keys, end);
  const missing = keys.filter((_, i) => !exact[i]);
  const within = lookup.latestCumulativeWithin(missing, start, end);
  const lasts: (Claim | null)[] = [...exact];
  let m = 0;
  for (let i = 0; i < keys.length; i++) if (!exact[i]) lasts[i] = within[m++] ?? null;
  // A series counted from the invasion stands at zero the day before it.
  const fromStartOfWar = lasts.map((last) => start <= INVASION_START && last !== null && last.periodStart !== null && last.periodStart >= start);
  const needStart = keys.filter((_, i) => lasts[i] && !fromStartOfWar[i]);
  const starts = lookup.endpointsAt(needStart, addDays(start, -1));
  const idx = keys.map((_, i) => i).filter((i) => lasts[i]);
  const corrections = lookup.correctionsWithin(idx.map((i) => keys[i]!), start, end);
  // Where a period ends after the last report inside it: has the series any later report?
  const shortIdx = idx.filter((i) => lasts[i]!.periodEnd! < end);
  const newest = lookup.latestCumulative(shortIdx.map((i) => keys[i]!), null);
  const figures: AnswerFigure[] = [];
  let n = 0;
  for (let i = 0, j = 0; i < keys.length; i++) {
    const last = lasts[i];
    if (!last) continue;
    const before = fromStartOfWar[i] ? null : (starts[n++] ?? null);
    const marks = corrections[j++] ?? [];
    const f = derivedFigure(last, before, start, fromStartOfWar[i]!, marks, dir);
    if (!f) continue;
    if (last.periodEnd! < end) {
      const latest = newest[shortIdx.indexOf(i)];
      f.notes.push(latest?.periodEnd && latest.periodEnd > last.periodEnd! ? { kind: 'truncated', to: last.periodEnd! } : { kind: 'partial', to: last.periodEnd! });
    }
    figures.push(f);
  }
  return figures;
}

function derivedFigure(last: Claim, before: SeriesEndpoint | null, start: string, fromStartOfWar: boolean, corrections: CorrectionMark[], dir: Directory): AnswerFigure | null {
  if (!fromStartOfWar && !before) return null;
  const diff = difference(last, before);
  const actualStart = fromStartOfWar ? (last.periodStart ?? start) : start;
  const from = before ? endpoint(before) : null;
  const to = endpoint(last);
  const base = figureFromClaim(last, dir);
  const notes: FigureNote[] = [{ kind: diff.known ? 'derived' : 'difference_unknown', from, to }];
  let value: StatedValue = { low: null, high: null, qualifier: 'exact' };
  if (diff.known) {
    value = diff;
    // A negative difference with no correction inside is not a figure of losses.
    if (!corrections.length && ((diff.high ?? 0) < 0 || (diff.low ?? 0) < 0)) return null;
  }
  if (corrections.length) {
    const sizes = corrections.map((c) => c.delta);
    const known = sizes.every((d): d is number => d !== null);
    const total = known ? sizes.reduce((a: number, d) => a + (d ?? 0), 0) : 0;
    const without = diff.known && known ? { low: diff.low === null ? null : diff.low - total, high: diff.high === null ? null : diff.high - total, qualifier: diff.qualifier } : null;
    notes.push({ kind: 'correction', corrections, without });
  }
  return {
    ...base,
    claimId: null,
    ...value,
    words: formatValue(value),
    aggregation: 'total',
    period: { kind: 'interval', start: actualStart, end: last.periodEnd, label: null },
    derived: { from, to, days: daysBetween(actualStart, last.periodEnd!) + 1 },
    known: diff.known,
    corrections,
    // The claim's own note belongs to its report, not to the derived figure; corrections say theirs.
    notes,
  };
}

/** A derived total as a daily average over its days. */
function asDailyAverage(f: AnswerFigure): AnswerFigure {
  if (!f.derived || !f.known) return f;
  const total: StatedValue = { low: f.low, high: f.high, qualifier: f.qualifier };
  const avg = perDay(total, f.derived.days);
  return { ...f, ...avg, words: formatValue(avg), aggregation: 'daily_average', notes: [...f.notes, { kind: 'daily_average', total, days: f.derived.days }] };
}

/** Claimants in scope: those named (with the bodies under them), and all who speak for a named side; never the excluded. */
function claimantScope(query: Query, dir: Directory): Set<string> | null {
  const excluded = new Set((query as { excluded?: string[] }).excluded ?? []);
  if (!query.claimants.length && !query.sides.length) {
    return excluded.size ? new Set(dir.claimants.map((c) => c.id).filter((id) => !excluded.has(id))) : null;
  }
  const scope = new Set<string>(query.claimants);
  for (const side of query.sides) for (const c of dir.claimantsOf(side)) scope.add(c.id);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of dir.claimants) if (c.parent && scope.has(c.parent) && !scope.has(c.id)) {
      scope.add(c.id);
      grew = true;
    }
  }
  for (const id of excluded) scope.delete(id);
  return scope;
}

function shiftYears(time: TimeSpec & { kind: 'range' }, years: number): TimeSpec & { kind: 'range' } {
  const shift = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const year = y - years;
    // 29 February in a year without one becomes 28 February.
    const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
    return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  };
  const start = shift(time.start);
  const end = shift(time.end);
  return { ...time, start, end, label: time.granularity === 'span' ? formatSpan(start, end) : time.label.replace(/\d{4}/, String(Number(time.label.match(/\d{4}/)?.[0]) - years)) };
}

interface Context {
  lookup: ClaimLookup;
  dir: Directory;
  average: boolean;
  republishes: ReadonlyMap<string, string>;
  locale: Locale;
  /** The period is when figures were stated, not the one they cover. */
  stated?: boolean;
}

function figuresForTime(keys: SeriesKey[], time: TimeSpec, ctx: Context): { figures: AnswerFigure[]; notes: AnswerNote[] } {
  const { lookup, dir } = ctx;
  const figures: AnswerFigure[] = [];
  const notes: AnswerNote[] = [];
  const cumulative = keys.filter((k) => k.periodKind === 'cumulative');
  const interval = keys.filter((k) => k.periodKind === 'interval');
  const found = (claims: (Claim | null)[]) => {
    for (const c of claims) if (c) figures.push(withPrecision(figureFromClaim(c, dir)));
  };
  if (time.kind === 'unspecified' || time.kind === 'latest') {
    found(lookup.latestCumulative(cumulative, null));
    // Without a time, an interval figure answers only where the claimant keeps no running total.
    if (time.kind === 'unspecified') {
      const hasCumulative = new Set(cumulative.map(seriesId));
      found(lookup.latestInterval(interval.filter((k) => !hasCumulative.has(seriesId(k)))));
    }
  } else if (time.kind === 'asOf') {
    found(lookup.latestCumulative(cumulative, time.date));
  } else if (ctx.stated) {
    // What was stated in the period: each running total last reported in it (a report dated D covers to D-1).
    found(lookup.latestCumulativeWithin(cumulative, addDays(time.start, -1), time.end));
  } else {
    // The figures reported for exactly this period, then those derived from running totals.
    const reported = lookup.intervals(interval, time.start, time.end);
    let derived = deriveAll(cumulative, time.start, time.end, lookup, dir);
    if (ctx.average) derived = derived.map(asDailyAverage);
    for (const claims of reported) found(claims);
    figures.push(...derived);
    // "in the past month" also matches a claim of its own past month ("Putin: 45,000 in the past month").
    if (time.relative) {
      const words = time.relative.replace(/^the /, '');
      const seen = new Set(figures.map((f) => seriesId({ claimant: f.claimant.id, subject: f.subject.id, metric: f.metric })));
      found(lookup.latestInterval(interval.filter((k) => !seen.has(seriesId(k)))).map((c) => (c && c.periodStart === null && c.periodLabel?.includes(words) ? c : null)));
    }
  }
  // A reported figure and the claimant's own derived one that disagree are both shown, and said so.
  for (const d of figures.filter((f) => f.derived && f.known)) {
    const direct = figures.find((f) => !f.derived && f.aggregation === d.aggregation && f.claimant.id === d.claimant.id && f.metric === d.metric && f.subject.id === d.subject.id);
    if (direct && (direct.low !== d.low || direct.high !== d.high))
      notes.push({ kind: 'own_disagreement', claimant: claimantName(ctx.locale, d.claimant.id, d.claimant.name), reported: direct.words, derived: { low: d.low, high: d.high, qualifier: d.qualifier } });
  }
  compareWithSeries(figures, ctx);
  if (time.kind !== 'range') markStoppedSeries(figures, ctx);
  return { figures, notes };
}

/** A claim dated to a month or a year says so: "as of" and "latest" took it at the last day it can mean. */
function withPrecision(f: AnswerFigure): AnswerFigure {
  if (f.period.end || !f.statedOn || f.statedPrecision === 'day') return f;
  f.notes.push({ kind: 'precision', precision: f.statedPrecision, statedOn: f.statedOn, lastDay: lastDayMeant({ periodEnd: f.period.end, statedOn: f.statedOn, statedPrecision: f.statedPrecision }) });
  return f;
}

/**
 * Figures of a claimant that republishes another's series (Ukraine's Ministry of Defence quoting
 * the General Staff) are set beside what the series gives for the same dates.
 */
function compareWithSeries(figures: AnswerFigure[], ctx: Context): void {
  const catalog = new Set(ctx.lookup.catalog().filter((k) => k.periodKind === 'cumulative').map(seriesId));
  for (const f of figures) {
    const original = ctx.republishes.get(f.claimant.id);
    if (!original || f.derived || !f.known) continue;
    const key: SeriesKey = { claimant: original, subject: f.subject.id, metric: f.metric, periodKind: 'cumulative' };
    if (!catalog.has(seriesId(key))) continue;
    const c = ctx.dir.claimant(original);
    // Its short name ("General Staff") where it has one: the note names it beside the full name above.
    const series = { id: original, name: c ? ([c.aliases[0], c.name].filter((n): n is string => !!n).sort((a, b) => a.length - b.length)[0] ?? c.name) : original };
    let value: StatedValue | null = null;
    let dayBefore: StatedValue | null = null;
    const perDayFigure = f.aggregation === 'daily_average';
    if (f.period.kind === 'cumulative' && f.period.end) {
      const at = ctx.lookup.cumulativeAt([key], f.period.end)[0];
      if (at) value = at;
    } else if (f.period.kind === 'interval' && f.period.start && f.period.end) {
      const [d] = deriveAll([key], f.period.start, f.period.end, ctx.lookup, ctx.dir);
      if (d?.known && !d.notes.some((n) => n.kind === 'partial' || n.kind === 'truncated')) value = perDayFigure ? perDay(d, d.derived!.days) : d;
      if (f.period.start === f.period.end) {
        const [p] = deriveAll([key], addDays(f.period.start, -1), addDays(f.period.end, -1), ctx.lookup, ctx.dir);
        if (p?.known) dayBefore = { low: p.low, high: p.high, qualifier: p.qualifier };
      }
    }
    if (!value) continue;
    const point = (v: StatedValue) => (v.low !== null && v.low === v.high ? v.low : null);
    const mine = point(f);
    const theirs = point(value);
    const diff = mine !== null && theirs !== null ? mine - theirs : null;
    f.notes.push({
      kind: 'republished',
      series,
      seriesValue: { low: value.low, high: value.high, qualifier: value.qualifier },
      perDay: perDayFigure,
      difference: diff,
      dayBefore: diff !== 0 && dayBefore ? dayBefore : null,
    });
  }
}

/** A latest figure from a series the claimant stopped keeping says so, and where the source counts them since. */
function markStoppedSeries(figures: AnswerFigure[], ctx: Context): void {
  const ends = figures.filter((f) => f.period.kind === 'cumulative' && f.period.end);
  if (!ends.length) return;
  const claimants = new Set(ends.map((f) => `${f.claimant.id}|${f.subject.id}`));
  const siblings = ctx.lookup.catalog().filter((k) => k.periodKind === 'cumulative' && claimants.has(`${k.claimant}|${k.subject}`));
  const newest = new Map<string, string>();
  /** Each series' own newest figure: only a figure that is its series' last can say the series stopped. */
  const ownNewest = new Map<string, string>();
  ctx.lookup.latestCumulative(siblings, null).forEach((c, i) => {
    const k = siblings[i]!;
    const id = `${k.claimant}|${k.subject}`;
    if (c?.periodEnd && (newest.get(id) ?? '') < c.periodEnd) newest.set(id, c.periodEnd);
    if (c?.periodEnd) ownNewest.set(`${id}|${k.metric}`, c.periodEnd);
  });
  for (const f of ends) {
    const latest = newest.get(`${f.claimant.id}|${f.subject.id}`) ?? null;
    const own = ownNewest.get(`${f.claimant.id}|${f.subject.id}|${f.metric}`);
    const continuation = SERIES_CONTINUATIONS[seriesId({ claimant: f.claimant.id, subject: f.subject.id, metric: f.metric })];
    if (latest === null || (own !== undefined && own > f.period.end!) || daysBetween(f.period.end!, latest) <= STOPPED_AFTER_DAYS) continue;
    f.notes.push({ kind: 'series_stopped', metric: f.metric, lastEnd: f.period.end!, claimantLatest: latest, continuedAs: continuation?.continuedAs ?? null, reference: continuation?.reference ?? null });
  }
}

function group(figures: AnswerFigure[], dir: Directory, query: Query): AnswerGroup[] {
  const groups = new Map<string, AnswerGroup>();
  for (const f of figures) {
    let g = groups.get(f.claimant.id);
    if (!g) {
      g = { claimant: { ...f.claimant, kind: dir.claimant(f.claimant.id)?.kind ?? 'unknown' }, figures: [] };
      groups.set(f.claimant.id, g);
    }
    g.figures.push(f);
  }
  // Within a claimant, the metrics in the order asked: its first figure is its direct answer.
  const rank = (m: Metric) => {
    const i = query.metrics.indexOf(m);
    return i < 0 ? query.metrics.length : i;
  };
  for (const g of groups.values()) g.figures.sort((a, b) => rank(a.metric) - rank(b.metric));
  // The most current claimant first (by the last day its direct figure covers), so an answer
  // leads with today's figure rather than one from years ago; then by name.
  const current = (g: AnswerGroup) => g.figures[0]?.period.end ?? g.figures[0]?.statedOn ?? '';
  const sorted = [...groups.values()].sort((a, b) => current(b).localeCompare(current(a)) || a.claimant.name.localeCompare(b.claimant.name));
  // Both sides' losses asked ("ukraine vs russia whose losses are bigger"): the sides take turns, so
  // a short answer never leads with one side only and hides the other in "more figures".
  const bySide = new Map<string, AnswerGroup[]>();
  for (const g of sorted) bySide.set(g.figures[0]!.subject.id, [...(bySide.get(g.figures[0]!.subject.id) ?? []), g]);
  if (bySide.size < 2) return sorted;
  const turns: AnswerGroup[] = [];
  for (let i = 0; turns.length < sorted.length; i++) for (const side of bySide.values()) if (side[i]) turns.push(side[i]!);
  return turns;
}

/** Each claimant's first figure, then the rest in order, up to `limit`; what is left out is said. */
function limitFigures(groups: AnswerGroup[], limit: number, question: string, locale: Locale): { groups: AnswerGroup[]; note: AnswerNote | null } {
  const total = groups.reduce((n, g) => n + g.figures.length, 0);
  if (total <= limit) return { groups, note: null };
  const keep = new Set<AnswerFigure>();
  for (const g of groups) if (keep.size < limit) keep.add(g.figures[0]!);
  for (const g of groups) for (const f of g.figures) if (keep.size < limit) keep.add(f);
  const hidden = groups.flatMap((g) => g.figures.filter((f) => !keep.has(f)));
  const what = [...new Set(hidden.map((f) => (locale === 'en' ? metricInfo(f.metric).label : metricName(locale, f.metric))))];
  const shown = groups.map((g) => ({ ...g, figures: g.figures.filter((f) => keep.has(f)) })).filter((g) => g.figures.length);
  return {
    groups: shown,
    note: { kind: 'more_figures', shown: keep.size, hidden: hidden.length, what, followUp: `${question.trim().replace(/[?.!\s]+$/, '')} (${locale === 'en' ? ALL_FIGURES_WORDS : t(locale, 'all-figures')})` },
  };
}

function targetDate(time: TimeSpec, today: string): string {
  if (time.kind === 'asOf') return time.date;
  if (time.kind === 'range') return time.end;
  return today;
}

export function composeAnswer(question: string, parsed: ParseResult, lookup: ClaimLookup, dir: Directory, today: string, options: ComposeOptions = {}): Answer {
  const locale: Locale = options.locale ?? (parsed.kind === 'query' ? parsed.locale : parsed.kind === 'not_understood' && parsed.reading ? parsed.reading.locale : detectLocale(question));
  const empty = { question, interpretation: null, query: null, groups: [], notes: [], suggestions: [], example: null, locale };
  if (parsed.kind === 'help') return { ...empty, kind: 'help', notes: [...(parsed.outOfScope ? [{ kind: 'out_of_scope' as const, what: parsed.outOfScope }] : []), { kind: 'help' }] };
  if (parsed.kind === 'not_understood') {
    const unheld = parsed.reading?.unknown.length ? { unheld: parsed.reading.unknown, held: dir.claimants.map((c) => ({ id: c.id, name: c.name })) } : {};
    return { ...empty, kind: 'not_understood', query: parsed.reading ?? null, notes: [{ kind: 'not_understood', reason: parsed.reason, ...unheld }, { kind: 'help' }] };
  }

  const scope = claimantScope(parsed, dir);
  const keys = lookup
    .catalog()
    .filter((k) => (!scope || scope.has(k.claimant)) && (!parsed.subjects.length || parsed.subjects.includes(k.subject)) && parsed.metrics.includes(k.metric));
  const ctx: Context = { lookup, dir, average: wantsDailyAverage(question), republishes: options.republishes ?? new Map(), locale, stated: parsed.timeRole === 'stated' };

  let time = parsed.time;
  let result = figuresForTime(keys, time, ctx);
  const notes: AnswerNote[] = [];
  if ((time.kind === 'range' || time.kind === 'asOf') && time.yearless) {
    // A date without a year: its most recent occurrence that has figures.
    for (let back = 1; !result.figures.length && back <= MAX_YEARS_BACK && time.kind === 'range'; back++) {
      const earlier = shiftYears(parsed.time as TimeSpec & { kind: 'range' }, back);
      const r = figuresForTime(keys, earlier, ctx);
      if (r.figures.length) {
        time = earlier;
        result = r;
      }
    }
    if (time.kind === 'range') {
      const month = Number(time.start.slice(5, 7));
      const which =
        locale === 'en'
          ? time.granularity === 'month' ? monthName(month) : time.granularity === 'day' ? `${Number(time.start.slice(8))} ${monthName(month)}` : 'that period'
          : time.granularity === 'month' || time.granularity === 'day' ? formatDate(locale, time.start, time.granularity).replace(/\s*\d{4}.*$/, '') : t(locale, 'year-assumed-period');
      notes.push({ kind: 'year_assumed', label: timeLabel(time, locale), which });
    }
  }

  // "Yesterday", "last week" after the newest report held (the sync is off or behind): the same length
  // of time up to that report, said as such, rather than nothing or another claimant's old estimate.
  let readingTime = time;
  // Only for a period counted back from now, running to now or within the last month ("last
  // friday"), never for an older date asked outright ("NATO's estimate in 2025") nor one still to
  // come ("in 2027").
  const recent = time.kind === 'range' && (time.relative !== undefined || time.end >= addDays(today, -31)) && time.start <= today;
  if (!result.figures.length && recent && time.kind === 'range' && !time.yearless && !ctx.stated && !parsed.otherTimes?.length) {
    const newest = newestReportEnd(parsed, scope, ctx);
    if (newest && newest < time.start) {
      const shown = rangeOf(addDays(newest, -daysBetween(time.start, time.end)), newest);
      notes.push({ kind: 'data_ends', asked: timeLabel(time, locale), shown: timeLabel(shown, locale), to: formatDate(locale, newest) });
      time = shown;
      result = figuresForTime(keys, shown, ctx);
    }
  }

  // Periods compared with the first ("2023 vs 2024"): each claimant's figure for each, side by side, never combined.
  const others = (parsed.otherTimes ?? []).map((other) => figuresForTime(keys, other, ctx));
  const figures = [...result.figures, ...others.flatMap((r) => r.figures)];
  notes.push(...result.notes, ...others.flatMap((r) => r.notes));
  // A side asked beside another with nothing held for it is said so ("russian and ukrainian losses in 2024").
  if (parsed.subjects.length > 1 && figures.length)
    for (const side of parsed.subjects) if (!figures.some((f) => f.subject.id === side)) notes.push({ kind: 'side_none', side: partyName(locale, side, dir.party(side)?.name ?? side) });
  // A compared period with nothing held is said so, never silently left out ("2027 vs 2025").
  if (others.length && figures.length)
    [result, ...others].forEach((r, i) => {
      const period = i === 0 ? time : parsed.otherTimes![i - 1]!;
      if (!r.figures.length && period.kind === 'range') notes.push({ kind: 'period_empty', label: timeLabel(period, locale) });
    });
  notes.push(...readingFallbacks(parsed, scope, figures, time, ctx));
  // "2026 so far, to 7 Aug": only a period still running is "so far"; a figure covering part of a
  // finished one ("losses 2022" beside a total to 25 March 2022) says so in its own line instead.
  const running = time.kind === 'range' && time.end >= addDays(today, -1);
  const partialTo = running ? (figures.flatMap((f) => f.notes.filter((n) => n.kind === 'partial').map((n) => n.to)).sort().at(-1) ?? null) : null;
  const reading = describeReading(parsed, dir, [readingTime, ...(parsed.otherTimes ?? [])], partialTo, ctx.average && time.kind === 'range', locale);
  if (figures.length) {
    if (new Set(figures.map((f) => f.claimant.id)).size > 1) notes.push({ kind: 'side_by_side' });
    let groups = group(figures, dir, parsed);
    const limit = options.limit === undefined ? DEFAULT_FIGURE_LIMIT : options.limit;
    if (limit !== null) {
      const limited = limitFigures(groups, limit, question, locale);
      groups = limited.groups;
      if (limited.note) notes.push(limited.note);
    }
    return { ...empty, kind: 'figures', query: parsed, interpretation: reading, groups, notes };
  }

  // Nothing for that period: the nearest claims of the same claimants, closest period first.
  const target = targetDate(parsed.time, today);
  const seen = new Set<number>();
  const candidates: { claim: Claim; gap: number }[] = [];
  for (const claims of lookup.nearest(keys, target)) {
    for (const c of claims) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      candidates.push({ claim: c, gap: c.periodEnd ? Math.abs(daysBetween(c.periodEnd, target)) : Number.MAX_SAFE_INTEGER });
    }
  }
  candidates.sort((a, b) => a.gap - b.gap || b.claim.id - a.claim.id);
  const suggestions = candidates.slice(0, MAX_SUGGESTIONS).map((c) => withPrecision(figureFromClaim(c.claim, dir)));
  markStoppedSeries(suggestions, ctx);
  return {
    ...empty,
    kind: 'no_match',
    query: parsed,
    interpretation: reading,
    notes: [{ kind: 'no_figure', reading }],
    suggestions,
    example: EXAMPLE_QUESTIONS[0]!,
  };
}

/** The newest day any running total in the question's scope runs to (its metrics and the broader ones), or null. */
function newestReportEnd(query: Query, scope: Set<string> | null, ctx: Context): string | null {
  const metrics = new Set<Metric>([...query.metrics, ...query.broader]);
  const keys = ctx.lookup.catalog().filter((k) => k.periodKind === 'cumulative' && (!scope || scope.has(k.claimant)) && (!query.subjects.length || query.subjects.includes(k.subject)) && metrics.has(k.metric));
  let newest: string | null = null;
  for (const claim of ctx.lookup.latestCumulative(keys, null)) if (claim?.periodEnd && (!newest || claim.periodEnd > newest)) newest = claim.periodEnd;
  return newest;
}

/** A plain date range, labelled as the reader would label it. */
function rangeOf(start: string, end: string): TimeSpec & { kind: 'range' } {
  return { kind: 'range', start, end, granularity: start === end ? 'day' : 'span', label: start === end ? formatDay(start) : formatSpan(start, end), yearless: false };
}

/**
 * What the reading asks beyond its metrics and scope: a broader figure, labelled, for a claimant
 * with none of the kind asked ("killed" of one that reports only personnel losses); the same side's
 * other bodies for a named body with no figure; the sources asked for that the bot holds nothing from.
 */
function readingFallbacks(query: Query, scope: Set<string> | null, figures: AnswerFigure[], time: TimeSpec, ctx: Context): AnswerNote[] {
  const notes: AnswerNote[] = [];
  // "Casualties" takes a claimant's separate killed and wounded figures only where it gives no total of them.
  if (query.metrics.includes('casualties') && query.metrics.includes('killed') && !query.metrics.includes('killed_or_missing')) {
    const totals = new Set(figures.filter((f) => f.metric === 'casualties' || f.metric === 'personnel' || f.metric === 'killed_or_wounded').map((f) => `${f.claimant.id}|${f.subject.id}`));
    for (let i = figures.length - 1; i >= 0; i--) if ((figures[i]!.metric === 'killed' || figures[i]!.metric === 'wounded') && totals.has(`${figures[i]!.claimant.id}|${figures[i]!.subject.id}`)) figures.splice(i, 1);
  }
  const catalog = ctx.lookup.catalog();
  const subjectOk = (k: SeriesKey) => !query.subjects.length || query.subjects.includes(k.subject);
  const excluded = new Set(query.excluded);
  const has = (claimant: string) => figures.some((f) => f.claimant.id === claimant);
  const fetch = (claimants: Set<string>, metrics: readonly Metric[]) => {
    const keys = catalog.filter((k) => claimants.has(k.claimant) && subjectOk(k) && metrics.includes(k.metric) && !excluded.has(k.claimant));
    return keys.length ? figuresForTime(keys, time, ctx).figures : [];
  };
  const named = [...(scope ?? (figures.length ? [] : catalog.map((k) => k.claimant)))];
  const without = new Set(named.filter((c) => !has(c)));
  // A broader figure, per claimant, where it has none of those asked.
  if (query.broader.length && without.size) {
    for (const f of fetch(without, query.broader)) {
      if (has(f.claimant.id) && !figures.some((g) => g.claimant.id === f.claimant.id && g.notes.some((n) => n.kind === 'broader'))) continue;
      // The most direct broader metric per claimant and subject, in the order the lexicon lists them.
      const rank = (m: Metric) => query.broader.indexOf(m);
      const rival = figures.find((g) => g.claimant.id === f.claimant.id && g.subject.id === f.subject.id && g.notes.some((n) => n.kind === 'broader'));
      if (rival && rank(rival.metric) <= rank(f.metric)) continue;
      if (rival) figures.splice(figures.indexOf(rival), 1);
      figures.push({ ...f, notes: [...f.notes, { kind: 'broader', asked: query.metrics }] });
    }
  }
  // A named body with nothing: its side's other bodies.
  const bodies = query.claimants.filter((c) => !has(c) && !query.groups.length);
  const party = bodies.map((c) => ctx.dir.claimant(c)?.party).find((p): p is string => !!p);
  if (bodies.length && party && !figures.length) {
    const others = new Set(ctx.dir.claimantsOf(party).map((c) => c.id).filter((id) => !bodies.includes(id) && !excluded.has(id)));
    let found = fetch(others, query.metrics);
    if (!found.length && query.broader.length) found = fetch(others, query.broader).map((f) => ({ ...f, notes: [...f.notes, { kind: 'broader' as const, asked: query.metrics }] }));
    if (found.length) {
      figures.push(...found);
      notes.push({ kind: 'same_side', asked: bodies.map((c) => claimantName(ctx.locale, c, ctx.dir.claimant(c)?.name ?? c)), others: [...new Set(found.map((f) => claimantName(ctx.locale, f.claimant.id, f.claimant.name)))] });
    }
  }
  if (query.unknown.length) notes.push({ kind: 'unheld', names: query.unknown });
  if (query.timeRole === 'stated' && time.kind === 'range') notes.push({ kind: 'stated', label: timeLabel(time, ctx.locale) });
  return notes;
}

/** Every figure of an answer in one list, in the order shown. */
export function answerFigures(answer: Answer): AnswerFigure[] {
  return answer.groups.flatMap((g) => g.figures);
}
