// Every user-visible word of charts, breakdowns, records, the daily card, the answer buttons and
// paging, in the asker's language: each sentence a message of the catalogues
// (src/i18n/locales/<lang>.trends.ftl, keys trend-*), numbers and dates formatted for the locale.
// `trendWords(locale)` gives the words of one language; TREND_WORDS is English's.
import { formatDate, formatNumber, INTL_TAGS, t, type Locale } from '../../i18n/index.ts';
import { shortDate, valueWords } from '../answer/words.ts';
import type { StatedValue } from '../answer/derive.ts';
import type { BreakdownUnit } from './series.ts';

const monthFormats = new Map<Locale, Intl.DateTimeFormat>();
/** "Jan 2025", "січ. 2025 р.", "янв. 2025 г.". */
function shortMonth(locale: Locale, iso: string): string {
  let f = monthFormats.get(locale);
  if (!f) monthFormats.set(locale, (f = new Intl.DateTimeFormat(INTL_TAGS[locale], { month: 'short', year: 'numeric', timeZone: 'UTC' })));
  return f.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** A signed change: "+1,650", "-85". */
const signed = (locale: Locale, n: number) => `${n > 0 ? '+' : ''}${formatNumber(locale, n)}`;

export type TrendWords = ReturnType<typeof trendWords>;

export function trendWords(locale: Locale) {
  const L = locale;
  const d = (iso: string) => shortDate(iso, L);
  const v = (value: StatedValue) => valueWords(value, L);
  const units = (key: 'trend-per' | 'trend-by') =>
    Object.fromEntries((['day', 'week', 'month', 'quarter', 'year'] as const).map((u) => [u, t(L, key, { unit: u })])) as Record<BreakdownUnit, string>;
  const rowLabel = (start: string, end: string, unit: BreakdownUnit, partial: boolean) => {
    const y = start.slice(0, 4);
    const m = Number(start.slice(5, 7));
    let label: string;
    if (unit === 'day') label = d(start);
    else if (unit === 'month') label = shortMonth(L, start);
    else if (unit === 'quarter') label = t(L, 'trend-quarter', { quarter: Math.floor((m - 1) / 3) + 1, year: y });
    else if (unit === 'year') label = y;
    else label = t(L, 'trend-week-of', { date: d(start) });
    if (!partial || unit === 'day') return label;
    return t(L, 'trend-row-partial', { label, from: d(start), to: d(end) });
  };
  return {
    locale: L,
    buttons: {
      chart: t(L, 'trend-button-chart'),
      by_month: t(L, 'trend-button-by-month'),
      others: t(L, 'trend-button-others'),
      sources: t(L, 'trend-button-sources'),
      previous: t(L, 'trend-button-previous'),
      next: t(L, 'trend-button-next'),
    },
    page: (index: number, count: number) => t(L, 'trend-page', { index, count }),
    expired: t(L, 'trend-expired'),
    per: units('trend-per'),
    by: units('trend-by'),
    /** What is counted: "Russian tanks lost", "Russian personnel losses"; "танки (Росія)". */
    lost: (whose: string | null, metric: string) => t(L, whose ? 'trend-lost-whose' : 'trend-lost', { whose, metric, ends: /\blosses$/.test(metric) ? 'losses' : 'other' }),
    title: (what: string, per: string, period: string) => t(L, 'trend-title', { what, per, period }),
    titleRecord: (what: string, period: string) => t(L, 'trend-title-record', { what, period }),
    since: (date: string) => t(L, 'trend-since', { date: d(date) }),
    soFar: (to: string) => t(L, 'trend-so-far', { date: d(to) }),
    periodSoFar: (period: string, to: string) => t(L, 'trend-period-so-far', { period, so_far: t(L, 'trend-so-far', { date: d(to) }) }),
    derivedFromDaily: t(L, 'trend-derived-from-daily'),
    derivedCoverage: (coverage: string) => t(L, 'trend-derived-coverage', { derived: t(L, 'trend-derived-from-daily'), coverage }),
    source: t(L, 'trend-source-prefix'),
    sourceCapital: t(L, 'trend-source-prefix-capital'),
    sourceNotGiven: t(L, 'trend-source-not-given'),
    coverage: (from: string, to: string, soFar: boolean) => t(L, soFar ? 'trend-coverage-so-far' : 'trend-coverage', { from: d(from), to: d(to) }),
    total: (value: StatedValue | null) => (value ? t(L, 'trend-total', { value: v(value) }) : t(L, 'trend-total-none')),
    totalDerivation: (total: string, derivation: string) => t(L, 'trend-total-derivation', { total, derived: t(L, 'trend-derived-from-daily'), derivation }),
    derivation: (to: StatedValue, toDate: string, from: StatedValue | null, fromDate: string | null) =>
      from && fromDate
        ? t(L, 'trend-derivation', { to: v(to), to_date: d(toDate), from: v(from), from_date: d(fromDate) })
        : t(L, 'trend-derivation-from-start', { to: v(to), to_date: d(toDate) }),
    correction: (size: number | null, reportDate: string) =>
      size === null ? t(L, 'trend-correction-unsized', { date: d(reportDate) }) : t(L, 'trend-correction', { size: signed(L, size), date: d(reportDate) }),
    // A date abbreviated with a dot ("4 трав. 2025 р.") ends the sentence with it, not with two.
    corrections: (list: string[]) => t(L, 'trend-corrections', { list: list.join('; ') }).replace(/\.\.$/, '.'),
    sideBySide: t(L, 'side-by-side'),
    noSeries: (what: string) => t(L, 'trend-no-series', { what }),
    sparse: (claimant: string) => t(L, 'trend-sparse', { claimant }),
    seriesLabel: (claimant: string, party: string) => t(L, 'trend-series-label', { claimant, party }),
    rowLabel,
    row: (label: string, value: StatedValue | null, perDay: StatedValue | null) =>
      perDay && value ? t(L, 'trend-row-per-day', { label, value: v(value), per_day: v(perDay) }) : t(L, 'trend-row', { label, value: value ? v(value) : t(L, 'value-none') }),
    sum: (value: StatedValue | null) => (value ? t(L, 'trend-sum', { value: v(value) }) : t(L, 'trend-sum-none')),
    sumEqualsTotal: (_label: string) => t(L, 'trend-sum-equals-total'),
    sumDiffers: (total: string) => t(L, 'trend-sum-differs', { total }),
    recordDay: (value: StatedValue, day: string, report: string | null) =>
      report ? t(L, 'trend-record-day-report', { value: v(value), date: d(day), report: d(report) }) : t(L, 'trend-record-day', { value: v(value), date: d(day) }),
    recordBucket: (unit: BreakdownUnit, value: StatedValue, label: string) => t(L, 'trend-record-bucket', { unit, value: v(value), label }),
    average: (value: StatedValue, days: number, from: string, to: string) => t(L, 'trend-average', { value: v(value), days, from: d(from), to: d(to) }),
    skippedCorrections: (n: number) => t(L, 'trend-skipped-corrections', { count: n }),
    noRecord: t(L, 'trend-no-record'),
    /** A long span asked by day, shown by `unit` instead. */
    tooLongByDay: (days: number, unit: BreakdownUnit) => t(L, 'trend-day-too-long', { days, by: t(L, 'trend-by', { unit }) }),
    cardTitle: (claimant: string, reportDate: string | null) => (reportDate ? t(L, 'trend-card-title', { claimant, date: d(reportDate) }) : t(L, 'trend-card-title-undated', { claimant })),
    cardCovers: (whose: string, to: string) => t(L, 'trend-card-covers', { whose, date: d(to) }),
    cardRow: (metric: string, total: StatedValue, change: StatedValue | null) =>
      change
        ? t(L, 'trend-card-row-change', { metric, total: v(total), change: (change.low ?? 0) >= 0 ? v(change).replace(/\d/, (x) => `+${x}`) : v(change) })
        : t(L, 'trend-card-row', { metric, total: v(total) }),
    cardNone: t(L, 'trend-card-none'),
    cardUnavailable: t(L, 'trend-card-unavailable'),
    sourcesTitle: t(L, 'trend-sources-title'),
    sourceLine: (claimant: string, figures: number) => t(L, 'trend-source-line', { claimant, count: figures }),
    noSources: t(L, 'trend-no-sources'),
    stated: (date: string) => t(L, 'trend-stated', { date: d(date) }),
    /** A month as a breakdown's row names it. */
    month: (iso: string) => shortMonth(L, iso),
    /** A whole date, for labels that are not short. */
    date: (iso: string) => formatDate(L, iso),
  };
}

const cache = new Map<Locale, TrendWords>();
/** The words of one language (built once). */
export function wordsFor(locale: Locale | null | undefined): TrendWords {
  const l: Locale = locale ?? 'en';
  let w = cache.get(l);
  if (!w) cache.set(l, (w = trendWords(l)));
  return w;
}

/** English's words. */
export const TREND_WORDS = wordsFor('en');

/** The first letter in upper case, in the locale's rules. */
export const capitalise = (s: string, locale: Locale = 'en') => (s ? s[0]!.toLocaleUpperCase(INTL_TAGS[locale]) + s.slice(1) : s);
