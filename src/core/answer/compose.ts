// Query + the claims it matches -> a platform-neutral answer. Pure: the store is reached only
// through the ClaimLookup interface, so this is tested with tables of cases.
import { addDays, daysBetween, formatSpan, monthName } from '../dates.ts';
import type { Directory } from '../directory.ts';
import type { Claim, Source } from '../model.ts';
import type { ParseResult, Query, TimeSpec } from '../query/types.ts';
import { INVASION_START, type Aggregation, type DatePrecision, type Metric, type PeriodKind, type Qualifier } from '../vocabulary.ts';

/** One series a claimant keeps: all its claims on one subject and metric, of one period kind. */
export interface SeriesKey {
  claimant: string;
  subject: string;
  metric: Metric;
  periodKind: PeriodKind;
}

/**
 * The reads an answer needs. Each takes all the series a question touches and answers per series,
 * in the order given, so a store can serve a broad question with a few queries.
 */
/** One name for a claimant's series of one metric on one subject, whatever its period kind. */
export const seriesId = (c: Pick<SeriesKey, 'claimant' | 'subject' | 'metric'>) => `${c.claimant}|${c.subject}|${c.metric}`;

export interface ClaimLookup {
  /** Every series that has an active claim. */
  catalog(): readonly SeriesKey[];
  /** The newest cumulative claim, covering no later than `asOf` when given; undated ones only when no dated one is newer. */
  latestCumulative(keys: readonly SeriesKey[], asOf: string | null): (Claim | null)[];
  /** The cumulative claim covering exactly to the end of `date`. */
  cumulativeAt(keys: readonly SeriesKey[], date: string): (Claim | null)[];
  /** The same, only the parts a difference needs (the start of a derived figure). */
  endpointsAt(keys: readonly SeriesKey[], date: string): (SeriesEndpoint | null)[];
  /** The newest cumulative claim ending within [start, end]. */
  latestCumulativeWithin(keys: readonly SeriesKey[], start: string, end: string): (Claim | null)[];
  /** Interval claims covering exactly [start, end]. */
  intervals(keys: readonly SeriesKey[], start: string, end: string): Claim[][];
  /** The interval claim ending latest. */
  latestInterval(keys: readonly SeriesKey[]): (Claim | null)[];
  /** The claims whose periods end closest to `date`, before and after. */
  nearest(keys: readonly SeriesKey[], date: string): Claim[][];
}

/** A cumulative claim's figure, without its source and notes. */
export type SeriesEndpoint = Pick<Claim, 'id' | 'low' | 'high' | 'qualifier' | 'periodEnd'>;

export interface FigureEndpoint {
  claimId: number;
  periodEnd: string;
  value: number;
}

export interface AnswerFigure {
  claimId: number | null;
  claimant: { id: string; name: string };
  subject: { id: string; name: string };
  metric: Metric;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  words: string;
  aggregation: Aggregation;
  period: { kind: PeriodKind; start: string | null; end: string | null; label: string | null };
  statedOn: string | null;
  statedPrecision: DatePrecision;
  source: Source;
  note: string | null;
  /** Set when the figure is the difference of two of the claimant's own cumulative reports. */
  derived: { from: FigureEndpoint | null; to: FigureEndpoint } | null;
}

export interface AnswerGroup {
  claimant: { id: string; name: string; kind: string };
  figures: AnswerFigure[];
}

export interface Answer {
  kind: 'figures' | 'no_match' | 'help' | 'not_understood';
  question: string;
  /** What was understood, in words: "Russian losses, November 2024". */
  interpretation: string | null;
  query: Query | null;
  groups: AnswerGroup[];
  notes: string[];
  /** When nothing matched: the nearest claims in scope. */
  suggestions: AnswerFigure[];
  example: string | null;
}

export const EXAMPLE_QUESTIONS = [
  "Ukraine's claim of Russian losses in November 2024",
  'UK estimate of Russian deaths',
  'How many tanks has Russia lost?',
  'What does Russia say about its own losses?',
];

export const HELP_TEXT = `Ask about losses in the war, and I answer with every figure I hold, each with who claims it, the period it covers and where it was reported. For example:
- ${EXAMPLE_QUESTIONS.join('\n- ')}`;

const MAX_YEARS_BACK = 10;
const MAX_SUGGESTIONS = 3;

function figureFromClaim(claim: Claim, dir: Directory): AnswerFigure {
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
    note: claim.note,
    derived: null,
  };
}

const isPoint = <T extends Pick<Claim, 'low' | 'high'>>(c: T): c is T & { low: number } => c.low !== null && c.low === c.high;

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
  const figures: AnswerFigure[] = [];
  let n = 0;
  for (let i = 0; i < keys.length; i++) {
    const last = lasts[i];
    if (!last) continue;
    const before = fromStartOfWar[i] ? null : (starts[n++] ?? null);
    const f = derivedFigure(last, before, start, fromStartOfWar[i]!, dir);
    if (f) figures.push(f);
  }
  return figures;
}

function derivedFigure(last: Claim, before: SeriesEndpoint | null, start: string, fromStartOfWar: boolean, dir: Directory): AnswerFigure | null {
  if (!isPoint(last)) return null;
  if (!fromStartOfWar && (!before || !isPoint(before))) return null;
  const startValue = before?.low ?? 0;
  const value = last.low - startValue;
  if (value < 0) return null;
  const actualStart = fromStartOfWar ? (last.periodStart ?? start) : start;
  const qualifier: Qualifier = last.qualifier === 'about' || before?.qualifier === 'about' ? 'about' : 'exact';
  const base = figureFromClaim(last, dir);
  const fmt = (n: number) => n.toLocaleString('en-US');
  return {
    ...base,
    claimId: null,
    low: value,
    high: value,
    qualifier,
    words: `${fmt(value)} (derived)`,
    aggregation: 'total',
    period: { kind: 'interval', start: actualStart, end: last.periodEnd, label: null },
    note: before
      ? `Derived from its own cumulative reports: ${fmt(last.low)} to ${last.periodEnd} minus ${fmt(startValue)} to ${before.periodEnd}.`
      : `Derived from its own cumulative report: ${fmt(last.low)} to ${last.periodEnd}, counted from the start of the war.`,
    derived: {
      from: before ? { claimId: before.id, periodEnd: before.periodEnd!, value: startValue } : null,
      to: { claimId: last.id, periodEnd: last.periodEnd!, value: last.low },
    },
  };
}

/** Claimants in scope: those named (with the bodies under them), and all who speak for a named side. */
function claimantScope(query: Query, dir: Directory): Set<string> | null {
  if (!query.claimants.length && !query.sides.length) return null;
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

function figuresForTime(keys: SeriesKey[], time: TimeSpec, lookup: ClaimLookup, dir: Directory): { figures: AnswerFigure[]; notes: string[] } {
  const figures: AnswerFigure[] = [];
  const notes: string[] = [];
  const cumulative = keys.filter((k) => k.periodKind === 'cumulative');
  const interval = keys.filter((k) => k.periodKind === 'interval');
  const found = (claims: (Claim | null)[]) => {
    for (const c of claims) if (c) figures.push(figureFromClaim(c, dir));
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
  } else {
    // The figures reported for exactly this period, then those derived from running totals.
    const reported = lookup.intervals(interval, time.start, time.end);
    const derived = deriveAll(cumulative, time.start, time.end, lookup, dir);
    for (const claims of reported) found(claims);
    figures.push(...derived);
  }
  // A reported figure and the claimant's own derived one that disagree are both shown, and said so.
  for (const d of figures.filter((f) => f.derived)) {
    const direct = figures.find((f) => !f.derived && f.aggregation === 'total' && f.claimant.id === d.claimant.id && f.metric === d.metric && f.subject.id === d.subject.id);
    if (direct && (direct.low !== d.low || direct.high !== d.high))
      notes.push(`${d.claimant.name} reported ${direct.words}, but its own cumulative reports give ${d.words.replace(' (derived)', '')}; both are shown.`);
  }
  return { figures, notes };
}

function describeTime(time: TimeSpec): string {
  switch (time.kind) {
    case 'unspecified':
      return 'latest figures';
    case 'latest':
      return 'since the start of the war, latest figures';
    case 'asOf':
      return `as of ${formatSpan(time.date, time.date)}`;
    case 'range':
      return time.label;
  }
}

function interpretation(query: Query, dir: Directory, time: TimeSpec): string {
  const subjects = query.subjects.map((s) => dir.party(s)?.adjective ?? s);
  const what = query.metricWords.length ? query.metricWords.join(', ') : 'losses';
  const whose = subjects.length ? `${subjects.join(' and ')} ` : '';
  // "according to the UK Ministry of Defence"; a whole side reads "according to the Ukrainian side".
  const by = [...query.claimants.map((c) => dir.claimant(c)?.name ?? c), ...query.sides.map((s) => `the ${dir.party(s)?.adjective ?? s} side`)];
  return `${whose}${what}${by.length ? ` according to ${by.join(' and ')}` : ''}, ${describeTime(time)}`;
}

function group(figures: AnswerFigure[], dir: Directory): AnswerGroup[] {
  const groups = new Map<string, AnswerGroup>();
  for (const f of figures) {
    let g = groups.get(f.claimant.id);
    if (!g) {
      g = { claimant: { ...f.claimant, kind: dir.claimant(f.claimant.id)?.kind ?? 'unknown' }, figures: [] };
      groups.set(f.claimant.id, g);
    }
    g.figures.push(f);
  }
  return [...groups.values()].sort((a, b) => a.claimant.name.localeCompare(b.claimant.name));
}

function targetDate(time: TimeSpec, today: string): string {
  if (time.kind === 'asOf') return time.date;
  if (time.kind === 'range') return time.end;
  return today;
}

export function composeAnswer(question: string, parsed: ParseResult, lookup: ClaimLookup, dir: Directory, today: string): Answer {
  const empty = { question, interpretation: null, query: null, groups: [], notes: [], suggestions: [], example: null };
  if (parsed.kind === 'help') return { ...empty, kind: 'help', notes: [HELP_TEXT] };
  if (parsed.kind === 'not_understood') return { ...empty, kind: 'not_understood', notes: [parsed.reason, HELP_TEXT] };

  const scope = claimantScope(parsed, dir);
  const keys = lookup
    .catalog()
    .filter((k) => (!scope || scope.has(k.claimant)) && (!parsed.subjects.length || parsed.subjects.includes(k.subject)) && parsed.metrics.includes(k.metric));

  let time = parsed.time;
  let result = figuresForTime(keys, time, lookup, dir);
  const notes: string[] = [];
  if ((time.kind === 'range' || time.kind === 'asOf') && time.yearless) {
    // A date without a year: its most recent occurrence that has figures.
    for (let back = 1; !result.figures.length && back <= MAX_YEARS_BACK && time.kind === 'range'; back++) {
      const earlier = shiftYears(parsed.time as TimeSpec & { kind: 'range' }, back);
      const r = figuresForTime(keys, earlier, lookup, dir);
      if (r.figures.length) {
        time = earlier;
        result = r;
      }
    }
    if (time.kind === 'range') {
      const month = Number(time.start.slice(5, 7));
      const which = time.granularity === 'month' ? monthName(month) : time.granularity === 'day' ? `${Number(time.start.slice(8))} ${monthName(month)}` : 'that period';
      notes.push(`No year was given, so I took ${time.label}, the most recent ${which} with figures.`);
    }
  }

  const figures = result.figures;
  notes.push(...result.notes);
  if (figures.length) {
    if (new Set(figures.map((f) => f.claimant.id)).size > 1) notes.push('Figures of different claimants are shown side by side and never combined.');
    return { ...empty, kind: 'figures', query: parsed, interpretation: interpretation(parsed, dir, time), groups: group(figures, dir), notes };
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
  return {
    ...empty,
    kind: 'no_match',
    query: parsed,
    interpretation: interpretation(parsed, dir, parsed.time),
    notes: [`I hold no figure for ${interpretation(parsed, dir, parsed.time)}.`],
    suggestions: candidates.slice(0, MAX_SUGGESTIONS).map((c) => figureFromClaim(c.claim, dir)),
    example: EXAMPLE_QUESTIONS[0]!,
  };
}

/** Every figure of an answer in one list, in the order shown. */
export function answerFigures(answer: Answer): AnswerFigure[] {
  return answer.groups.flatMap((g) => g.figures);
}
