// Views of a claimant's daily series beside the plain answer: a chart (a ChartSpec and its caption),
// a breakdown table with its sum, records with their dates, the daily report card, and an answer's
// sources. Pure: the store is reached through ClaimLookup and SeriesLookup; words come from words.ts.
import { bucketSeries, chooseGranularity, type ChartSeries, type ChartSpecInput, type Granularity } from '../../charts/spec.ts';
import { addDays, daysBetween } from '../dates.ts';
import type { Directory } from '../directory.ts';
import { bold, doc, heading, item, italic, link, paragraph, safeLink, text, type Block, type Doc, type Span } from '../doc.ts';
import type { Claim, Source } from '../model.ts';
import type { Query } from '../query/types.ts';
import { INVASION_START, metricInfo, METRICS, type Metric } from '../vocabulary.ts';
import type { Answer, ClaimLookup, CorrectionMark, SeriesKey } from '../answer/compose.ts';
import { difference, perDay, type StatedValue } from '../answer/derive.ts';
import { timeLabel, valueWords } from '../answer/words.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { claimantName, metricName, partyName } from '../../i18n/names.ts';
import { breakdown, dailyLosses, pointOf, sumRows, worstBucket, worstDay, type BreakdownUnit, type DerivedValue, type SeriesLookup, type SeriesReport } from './series.ts';
import { capitalise, wordsFor, type TrendWords } from './words.ts';

/** The claimant whose daily reports make the card, and whose losses they count. */
export const DAILY_CARD_SERIES = { claimant: 'general-staff-ukraine', subject: 'russia' } as const;

/** A series shows day by day only where its reports come at least every few days. */
const MAX_MEDIAN_GAP_DAYS = 3;
const MAX_SERIES = 6;

export interface TrendContext {
  lookup: ClaimLookup;
  series: SeriesLookup;
  dir: Directory;
  today: string;
  /** The language of the words (the asker's, else the question's); English when absent. */
  locale?: Locale | undefined;
}

const localeOf = (ctx: { locale?: Locale | undefined }): Locale => ctx.locale ?? 'en';
const claimantWords = (id: string, dir: Directory, locale: Locale) => claimantName(locale, id, dir.claimant(id)?.name ?? id);
const metricWords = (metric: Metric, locale: Locale) => (locale === 'en' ? metricInfo(metric).label : metricName(locale, metric));
/** A party as an answer names whose losses: "Russian" in English, "Росія" in Ukrainian. */
const partyWords = (id: string, dir: Directory, locale: Locale) => (locale === 'en' ? (dir.party(id)?.adjective ?? null) : partyName(locale, id, dir.party(id)?.name ?? id));

/** One claimant's series in the period asked, with what the views need of it. */
interface SeriesInPeriod {
  key: SeriesKey;
  claimant: string;
  reports: SeriesReport[];
  start: string;
  /** The end asked for (or today) and the last report's day. */
  end: string;
  to: string;
  source: Source | null;
  corrections: CorrectionMark[];
}

function claimantScope(query: Query, dir: Directory): Set<string> | null {
  if (!query.claimants.length && !query.sides.length) return null;
  const scope = new Set<string>(query.claimants);
  for (const side of query.sides) for (const c of dir.claimantsOf(side)) scope.add(c.id);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of dir.claimants) if (c.parent && scope.has(c.parent) && !scope.has(c.id)) {
      scope.add(c.id);
      grew = true;
    }
  }
  return scope;
}

/** The cumulative series the question is about: the first metric asked that has one, per claimant in scope. */
function seriesKeys(query: Query, ctx: TrendContext): SeriesKey[] {
  const scope = claimantScope(query, ctx.dir);
  const excluded = new Set(query.excluded);
  const cumulative = ctx.lookup
    .catalog()
    .filter((k) => k.periodKind === 'cumulative' && (!scope || scope.has(k.claimant)) && !excluded.has(k.claimant) && (!query.subjects.length || query.subjects.includes(k.subject)));
  for (const metric of query.metrics) {
    const keys = cumulative.filter((k) => k.metric === metric);
    if (keys.length) return keys;
  }
  return [];
}

function periodOf(query: Query, today: string): { start: string | null; end: string } {
  const t = query.time;
  if (t.kind === 'range') return { start: t.start, end: t.end < today ? t.end : today };
  if (t.kind === 'asOf') return { start: null, end: t.date };
  return { start: null, end: today };
}

function medianGap(reports: readonly SeriesReport[]): number {
  if (reports.length < 3) return Infinity;
  const gaps = reports.slice(1).map((r, i) => daysBetween(reports[i]!.periodEnd, r.periodEnd)).sort((a, b) => a - b);
  return gaps[gaps.length >> 1]!;
}

function loadSeries(query: Query, ctx: TrendContext): { series: SeriesInPeriod[]; sparse: string[] } {
  const { start: asked, end } = periodOf(query, ctx.today);
  const out: SeriesInPeriod[] = [];
  const sparse: string[] = [];
  for (const key of seriesKeys(query, ctx)) {
    const claimant = claimantWords(key.claimant, ctx.dir, localeOf(ctx));
    const reports = ctx.series.reportsWithin(key, '0001-01-01', end);
    if (!reports.length) continue;
    const start = asked ?? (reports[0]!.periodEnd > INVASION_START ? INVASION_START : reports[0]!.periodEnd);
    const inside = reports.filter((r) => r.periodEnd >= start);
    if (!inside.length) continue;
    if (medianGap(reports.filter((r) => r.periodEnd >= addDays(start, -31))) > MAX_MEDIAN_GAP_DAYS) {
      sparse.push(claimant);
      continue;
    }
    const to = inside[inside.length - 1]!.periodEnd;
    const latest = ctx.lookup.cumulativeAt([key], to)[0] ?? null;
    out.push({ key, claimant, reports, start, end, to, source: latest?.source ?? null, corrections: ctx.lookup.correctionsWithin([key], start, to)[0] ?? [] });
    if (out.length >= MAX_SERIES) break;
  }
  return { series: out, sparse };
}

/** Where a series was reported; the publisher is left out when it is the claimant itself (`ownName`, as held), as in answers. */
function sourceSpans(W: TrendWords, source: Source | null, ownName: string | null, capital = false): Span[] {
  if (!source) return [text(W.sourceNotGiven)];
  const words = [source.publisher === ownName ? null : source.publisher, source.title ? t(W.locale, 'quoted', { text: source.title }) : null].filter((s): s is string => !!s).join(', ') || W.sourceNotGiven;
  const url = safeLink(source.url);
  return [text(capital ? W.sourceCapital : W.source), url ? link(words, url) : text(words)];
}

const correctionSize = (c: CorrectionMark): number | null => c.delta ?? (c.fellFrom !== null && c.fellTo !== null ? c.fellTo - c.fellFrom : null);

function correctionsLine(W: TrendWords, corrections: readonly CorrectionMark[]): Block | null {
  if (!corrections.length) return null;
  return paragraph(italic(W.corrections(corrections.map((c) => W.correction(correctionSize(c), c.statedOn ?? addDays(c.periodEnd, 1))))));
}

function whatWords(W: TrendWords, query: Query, metric: Metric, dir: Directory): string {
  const whose = query.subjects.length === 1 ? partyWords(query.subjects[0]!, dir, W.locale) : null;
  return W.lost(whose, metricWords(metric, W.locale));
}

function periodWords(W: TrendWords, query: Query, s: { start: string; end: string; to: string }): string {
  const base = query.time.kind === 'range' ? timeLabel(query.time, W.locale) : W.since(s.start);
  return s.to < s.end && query.time.kind === 'range' ? W.periodSoFar(base, s.to) : base;
}

function derivationWords(W: TrendWords, total: DerivedValue): string {
  if (!total.value) return W.total(null);
  const to: StatedValue = total.to;
  return W.totalDerivation(W.total(total.value), W.derivation(to, total.to.periodEnd, total.from, total.from?.periodEnd ?? null));
}

// --- chart -----------------------------------------------------------------------------------

export interface ChartView {
  spec: ChartSpecInput;
  /** The caption sent with the image: every series attributed, with its total and corrections. */
  doc: Doc;
}

/** Day, week or month as the unit asked (a quarter or a year draws by month) or as fits the span. */
function chartGranularity(unit: BreakdownUnit | null, start: string, to: string): Granularity {
  if (unit === 'day' || unit === 'week' || unit === 'month') return unit;
  if (unit === 'quarter' || unit === 'year') return 'month';
  return chooseGranularity(start, to);
}

export function chartView(query: Query, options: { unit: BreakdownUnit | null; bar: boolean; locale?: Locale }, context: TrendContext): ChartView | { none: Doc } {
  const ctx: TrendContext = { ...context, locale: options.locale ?? context.locale };
  const W = wordsFor(localeOf(ctx));
  const { series, sparse } = loadSeries(query, ctx);
  const metric = series[0]?.key.metric ?? query.metrics[0] ?? 'personnel';
  if (!series.length) return { none: doc(null, [paragraph(text(W.noSeries(whatWords(W, query, metric, ctx.dir)))), ...sparse.map((c) => paragraph(italic(W.sparse(c))))]) };
  const start = series.map((s) => s.start).sort()[0]!;
  const to = series.map((s) => s.to).sort().at(-1)!;
  const granularity = chartGranularity(options.unit, start, to);
  const multi = new Set(series.map((s) => s.key.claimant)).size < series.length;
  const chartSeries: ChartSeries[] = series.map((s) => {
    const daily = dailyLosses(s.reports, s.start, s.to, s.corrections);
    const dates = new Set(daily.map((d) => d.date));
    const source = s.source ? [s.source.publisher === s.claimant ? null : s.source.publisher, s.source.title].filter(Boolean).join(', ') : undefined;
    return bucketSeries(
      {
        label: multi ? W.seriesLabel(s.claimant, W.locale === 'en' ? s.key.subject : partyName(W.locale, s.key.subject, s.key.subject)) : s.claimant,
        ...(source ? { source: source.slice(0, 200) } : {}),
        derived: true,
        points: daily.map((d) => ({ date: d.date, value: d.value, qualifier: d.qualifier })),
        corrections: s.corrections.filter((c) => dates.has(c.periodEnd)).map((c) => {
          const size = correctionSize(c);
          return size === null ? { date: c.periodEnd } : { date: c.periodEnd, size };
        }),
      },
      granularity,
      'sum',
      { from: s.start, to: s.to },
    );
  });
  const what = whatWords(W, query, metric, ctx.dir);
  const period = periodWords(W, query, series[0]!);
  const title = W.title(capitalise(what, W.locale), W.per[granularity], period);
  const spec: ChartSpecInput = {
    kind: options.bar || granularity === 'month' ? 'bar' : 'line',
    granularity,
    series: chartSeries,
    title: title.slice(0, 160),
    unit: metricWords(metric, W.locale).slice(0, 60),
    locale: W.locale,
  };
  const blocks: Block[] = [paragraph(bold(title))];
  for (const s of series) {
    const { total } = breakdown(s.reports, s.start, s.to, 'year', s.corrections);
    blocks.push(heading(bold(s.claimant), text('; '), ...sourceSpans(W, s.source, ctx.dir.claimant(s.key.claimant)?.name ?? null)));
    blocks.push(item(text(W.derivedCoverage(W.coverage(s.start, s.to, s.to < s.end)))));
    if (total) blocks.push(item(text(derivationWords(W, total))));
    const c = correctionsLine(W, s.corrections);
    if (c) blocks.push(c);
  }
  if (new Set(series.map((s) => s.key.claimant)).size > 1) blocks.push(paragraph(italic(W.sideBySide)));
  return { spec, doc: doc(null, blocks) };
}

// --- breakdown -------------------------------------------------------------------------------

export interface BreakdownTable {
  claimant: string;
  rows: { label: string; value: StatedValue | null; corrections: CorrectionMark[] }[];
  sum: StatedValue | null;
  total: DerivedValue | null;
}

/** Rows by day over more days than this are too many for a chat message. */
export const MAX_DAY_ROWS = 62;
/** Past this many weeks, a long span by day is shown by month instead. */
const MAX_WEEK_ROWS = 60;

/**
 * The unit a breakdown is shown by: the one asked, except a span of more than MAX_DAY_ROWS days asked
 * by day, which is shown by week (up to MAX_WEEK_ROWS weeks) or else by month. `days` is the span's
 * length when the unit was changed, for the line that says so.
 */
export function fitUnit(unit: BreakdownUnit, start: string, to: string): { unit: BreakdownUnit; days: number | null } {
  const days = daysBetween(start, to) + 1;
  if (unit !== 'day' || days <= MAX_DAY_ROWS) return { unit, days: null };
  return { unit: Math.ceil(days / 7) + 1 <= MAX_WEEK_ROWS ? 'week' : 'month', days };
}

/** The breakdown's numbers, for the doc and for tests: rows, their sum, and the period's derived total. */
export function breakdownTables(query: Query, unit: BreakdownUnit, ctx: TrendContext): { tables: BreakdownTable[]; series: SeriesInPeriod[]; sparse: string[] } {
  return tablesOf(loadSeries(query, ctx), unit, ctx);
}

function tablesOf({ series, sparse }: { series: SeriesInPeriod[]; sparse: string[] }, unit: BreakdownUnit, ctx: TrendContext): { tables: BreakdownTable[]; series: SeriesInPeriod[]; sparse: string[] } {
  const W = wordsFor(localeOf(ctx));
  const tables = series.map((s) => {
    const b = breakdown(s.reports, s.start, s.to, unit, s.corrections);
    return {
      claimant: s.claimant,
      rows: b.rows.map((r) => ({ label: W.rowLabel(r.start, r.end, unit, r.partial), value: r.derived.value, corrections: r.corrections, days: r.days })),
      sum: sumRows(b.rows),
      total: b.total,
    };
  });
  return { tables, series, sparse };
}

/** A breakdown, or `none` (what there is no daily series of) when no series answers: the caller shows the plain answer after it. */
export function breakdownView(query: Query, asked: BreakdownUnit, ctx: TrendContext): Doc | { none: Doc } {
  const W = wordsFor(localeOf(ctx));
  const loaded = loadSeries(query, ctx);
  const metric = loaded.series[0]?.key.metric ?? query.metrics[0] ?? 'personnel';
  const what = whatWords(W, query, metric, ctx.dir);
  if (!loaded.series.length) return { none: doc(null, [paragraph(text(W.noSeries(what))), ...loaded.sparse.map((c) => paragraph(italic(W.sparse(c))))]) };
  // A long span asked by day (since the invasion: well over a thousand rows) is shown by week or month.
  const fit = fitUnit(asked, loaded.series.map((s) => s.start).sort()[0]!, loaded.series.map((s) => s.to).sort().at(-1)!);
  const unit = fit.unit;
  const { tables, series } = tablesOf(loaded, unit, ctx);
  const blocks: Block[] = [paragraph(bold(W.title(capitalise(what, W.locale), W.by[unit], periodWords(W, query, series[0]!))))];
  if (fit.days !== null) blocks.push(paragraph(italic(W.tooLongByDay(fit.days, unit))));
  tables.forEach((t, i) => {
    const s = series[i]!;
    blocks.push(heading(bold(t.claimant), text('; '), ...sourceSpans(W, s.source, ctx.dir.claimant(s.key.claimant)?.name ?? null), text(`; ${W.derivedFromDaily}`)));
    const b = breakdown(s.reports, s.start, s.to, unit, s.corrections);
    for (const r of b.rows) {
      const avg = r.derived.value && unit !== 'day' && pointOf(r.derived.value) !== null ? perDay(r.derived.value, r.days) : null;
      const marks = r.corrections.length ? ` — ${r.corrections.map((c) => W.correction(correctionSize(c), c.statedOn ?? addDays(c.periodEnd, 1))).join('; ')}` : '';
      blocks.push(item(text(W.row(W.rowLabel(r.start, r.end, unit, r.partial), r.derived.value, avg) + marks)));
    }
    const same = t.sum && t.total?.value && pointOf(t.total.value) === pointOf(t.sum);
    const label = query.time.kind === 'range' ? timeLabel(query.time, W.locale) : W.coverage(s.start, s.to, false);
    blocks.push(paragraph(bold(W.sum(t.sum)), text(same ? W.sumEqualsTotal(label) : t.total?.value ? W.sumDiffers(valueWords(t.total.value, W.locale)) : '')));
    if (t.total) blocks.push(paragraph(italic(derivationWords(W, t.total))));
  });
  if (new Set(series.map((s) => s.key.claimant)).size > 1) blocks.push(paragraph(italic(W.sideBySide)));
  return doc(null, blocks);
}

// --- records ---------------------------------------------------------------------------------

/** Records, or `none` as breakdownView. */
export function recordView(query: Query, unit: BreakdownUnit | null, ctx: TrendContext): Doc | { none: Doc } {
  const W = wordsFor(localeOf(ctx));
  const { series, sparse } = loadSeries(query, ctx);
  const metric = series[0]?.key.metric ?? query.metrics[0] ?? 'personnel';
  const what = whatWords(W, query, metric, ctx.dir);
  if (!series.length) return { none: doc(null, [paragraph(text(W.noSeries(what))), ...sparse.map((c) => paragraph(italic(W.sparse(c))))]) };
  const blocks: Block[] = [paragraph(bold(W.titleRecord(capitalise(what, W.locale), periodWords(W, query, series[0]!))))];
  for (const s of series) {
    blocks.push(heading(bold(s.claimant), text('; '), ...sourceSpans(W, s.source, ctx.dir.claimant(s.key.claimant)?.name ?? null), text(`; ${W.derivedFromDaily}`)));
    const days = dailyLosses(s.reports, s.start, s.to, s.corrections);
    if (unit === null || unit === 'day') {
      const { record, skipped } = worstDay(days);
      if (record) {
        const report = s.reports.find((r) => r.periodEnd === record.start)?.statedOn ?? null;
        blocks.push(item(text(W.recordDay(record.value, record.start, report))));
      }
      if (skipped) blocks.push(paragraph(italic(W.skippedCorrections(skipped))));
    }
    for (const u of unit === null ? (['month'] as const) : unit === 'day' ? [] : [unit]) {
      const b = breakdown(s.reports, s.start, s.to, u, s.corrections);
      const best = worstBucket(b.rows);
      blocks.push(item(text(best ? W.recordBucket(u, best.value, W.rowLabel(best.start, best.end, u, false)) : W.noRecord)));
    }
    const { total } = breakdown(s.reports, s.start, s.to, 'year', s.corrections);
    if (total?.value) {
      const daysCovered = daysBetween(total.from?.periodEnd ? addDays(total.from.periodEnd, 1) : s.start, s.to) + 1;
      const from = total.from ? addDays(total.from.periodEnd, 1) : s.start;
      blocks.push(item(text(W.average(perDay(total.value, daysCovered), daysCovered, from, s.to))));
    }
    const c = correctionsLine(W, s.corrections);
    if (c) blocks.push(c);
  }
  if (new Set(series.map((s) => s.key.claimant)).size > 1) blocks.push(paragraph(italic(W.sideBySide)));
  return doc(null, blocks);
}

// --- the daily card --------------------------------------------------------------------------

export interface CardRow {
  metric: Metric;
  total: StatedValue;
  change: StatedValue | null;
  claimId: number;
}

export interface DailyCard {
  claimant: string;
  /** The day the report was published, and the last day it covers. */
  reportDate: string | null;
  covers: string;
  rows: CardRow[];
  source: Source;
  corrections: CorrectionMark[];
}

/** The newest General Staff report: every category it still counts, its running total and the day's change. */
export function dailyCard(lookup: ClaimLookup, dir: Directory, locale: Locale = 'en'): DailyCard | null {
  const keys = lookup.catalog().filter((k) => k.claimant === DAILY_CARD_SERIES.claimant && k.subject === DAILY_CARD_SERIES.subject && k.periodKind === 'cumulative');
  if (!keys.length) return null;
  const latest = lookup.latestCumulative(keys, null);
  const covers = latest.map((c) => c?.periodEnd ?? '').sort().at(-1);
  if (!covers) return null;
  const current = keys.map((k, i) => ({ key: k, claim: latest[i] })).filter((x): x is { key: SeriesKey; claim: Claim } => x.claim?.periodEnd === covers);
  current.sort((a, b) => METRICS.indexOf(a.key.metric) - METRICS.indexOf(b.key.metric));
  const before = lookup.endpointsAt(current.map((c) => c.key), addDays(covers, -1));
  const rows: CardRow[] = current.map((c, i) => {
    const prev = before[i];
    const d = prev ? difference(c.claim, prev) : null;
    const change: StatedValue | null = d?.known ? { low: d.low, high: d.high, qualifier: d.qualifier } : null;
    return { metric: c.key.metric, total: { low: c.claim.low, high: c.claim.high, qualifier: c.claim.qualifier }, change, claimId: c.claim.id };
  });
  const first = current[0]!.claim;
  return {
    claimant: claimantWords(DAILY_CARD_SERIES.claimant, dir, locale),
    reportDate: first.statedOn,
    covers,
    rows,
    source: first.source,
    corrections: lookup.correctionsWithin(current.map((c) => c.key), covers, covers).flat(),
  };
}

export function cardDoc(card: DailyCard | null, dir: Directory, locale: Locale = 'en'): Doc {
  const W = wordsFor(locale);
  if (!card) return doc(null, [paragraph(text(W.cardNone))]);
  const whose = partyWords(DAILY_CARD_SERIES.subject, dir, locale) ?? DAILY_CARD_SERIES.subject;
  const blocks: Block[] = [paragraph(text(W.cardCovers(whose, card.covers)))];
  for (const r of card.rows) blocks.push(item(text(W.cardRow(capitalise(metricWords(r.metric, locale), locale), r.total, r.change))));
  blocks.push(paragraph(...sourceSpans(W, card.source, dir.claimant(DAILY_CARD_SERIES.claimant)?.name ?? null, true)));
  const c = correctionsLine(W, card.corrections);
  if (c) blocks.push(c);
  return doc(W.cardTitle(card.claimant, card.reportDate), blocks);
}

// --- sources ---------------------------------------------------------------------------------

/** Every source an answer's figures rest on, once each, under the claimant that gave it. */
export function sourcesDoc(answer: Answer, locale: Locale = answer.locale ?? 'en'): Doc {
  const W = wordsFor(locale);
  const seen = new Map<string, { claimant: string; own: string; source: Source; figures: number }>();
  for (const g of answer.groups) for (const f of g.figures) {
    const id = `${g.claimant.id}|${f.source.publisher}|${f.source.title}|${f.source.url}`;
    const had = seen.get(id);
    if (had) had.figures++;
    else seen.set(id, { claimant: claimantName(locale, g.claimant.id, g.claimant.name), own: g.claimant.name, source: f.source, figures: 1 });
  }
  if (!seen.size) return doc(W.sourcesTitle, [paragraph(text(W.noSources))]);
  const blocks = [...seen.values()].map((s) => item(bold(W.sourceLine(s.claimant, s.figures)), ...sourceSpans(W, s.source, s.own).slice(1), ...(s.source.publishedOn ? [text(`, ${W.stated(s.source.publishedOn)}`)] : [])));
  return doc(W.sourcesTitle, blocks);
}
