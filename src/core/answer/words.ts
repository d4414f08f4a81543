// Words for an answer's parts, in the answer's language: the reading, a figure's line, its notes
// and the answer's notes. The only place notes (data) become sentences, every sentence a message of
// the catalogues (src/i18n/locales/*.ftl); every renderer (text, Discord, Telegram) uses these and
// escapes them for its platform. Each function takes the locale last, English by default.
import type { Directory } from '../directory.ts';
import type { Source } from '../model.ts';
import type { ParseResult, TimeSpec } from '../query/types.ts';
import { formatDate, formatNumber, formatShortDate, formatSpan, t, type Locale } from '../../i18n/index.ts';
import { claimantName, metricCounted, metricName, partyName } from '../../i18n/names.ts';
import type { StatedValue } from './derive.ts';
import type { AnswerNote, FigureEndpoint, FigureNote } from './notes.ts';
import type { AnswerFigure } from './compose.ts';

export const HELP_TEXT_INTRO = t('en', 'help-intro');

/** Items joined with "and" / "or" / ", " in the locale: "A and B and C". */
export function joinWith(locale: Locale, key: 'list-and' | 'list-or' | 'list-comma', items: readonly string[]): string {
  return items.reduce((a, b) => (a === '' ? b : t(locale, key, { a, b })), '');
}

/** "about 45,720", "175,000-200,000", "more than 1,000". */
export function valueWords(v: StatedValue, locale: Locale = 'en'): string {
  if (v.low !== null && v.high !== null && v.low !== v.high)
    return t(locale, 'qualified', { qualifier: v.qualifier, value: t(locale, 'value-range', { low: formatNumber(locale, v.low), high: formatNumber(locale, v.high) }) });
  const x = v.low ?? v.high;
  return x === null ? t(locale, 'value-none') : t(locale, 'qualified', { qualifier: v.qualifier, value: formatNumber(locale, x) });
}

/** A signed number: "+1,650", "-85". */
const signed = (n: number, locale: Locale) => `${n > 0 ? '+' : n < 0 ? '-' : ''}${formatNumber(locale, Math.abs(n))}`;

/** Short dates for a phone: "4 Nov 2024". */
export function shortDate(iso: string, locale: Locale = 'en'): string {
  return formatShortDate(locale, iso);
}

/** The label of a period in the locale: the reader's own words in English, the dates otherwise. */
export function timeLabel(time: TimeSpec & { kind: 'range' }, locale: Locale): string {
  return locale === 'en' ? time.label : formatSpan(locale, time.start, time.end);
}

function describeTime(time: TimeSpec, partialTo: string | null, locale: Locale): string {
  switch (time.kind) {
    case 'unspecified':
      return t(locale, 'time-unspecified');
    case 'latest':
      return t(locale, 'time-latest');
    case 'asOf':
      return t(locale, 'time-as-of', { date: formatDate(locale, time.date) });
    case 'range':
      return partialTo && partialTo < time.end ? t(locale, 'time-so-far', { label: timeLabel(time, locale), date: formatDate(locale, partialTo) }) : timeLabel(time, locale);
  }
}

/** The metrics of a reading: as typed in English; by their names in another language. */
function readingMetrics(query: ParseResult & { kind: 'query' }, locale: Locale): string[] {
  if (locale === 'en') return query.metricWords;
  const metrics = query.metrics.length <= 3 ? query.metrics : [];
  return [...new Set(metrics.map((m) => metricName(locale, m)))];
}

/** The reading in one short line: "Russian losses, November 2024, per the Ukrainian side". */
export function describeReading(query: ParseResult & { kind: 'query' }, dir: Directory, time: TimeSpec | readonly TimeSpec[], partialTo: string | null, average = false, locale: Locale = 'en'): string {
  const party = (s: string) => (locale === 'en' ? (dir.party(s)?.adjective ?? s) : partyName(locale, s, dir.party(s)?.name ?? s));
  const claimant = (c: string) => claimantName(locale, c, dir.claimant(c)?.name ?? c);
  const subjects = query.subjects.map(party);
  const metrics = readingMetrics(query, locale);
  let what = metrics.length ? joinWith(locale, 'list-comma', metrics) : t(locale, 'reading-losses');
  if (average) what = t(locale, 'reading-average', { what });
  if (subjects.length) what = t(locale, 'reading-whose', { whose: joinWith(locale, 'list-and', subjects), what });
  const times = Array.isArray(time) ? (time as readonly TimeSpec[]) : [time as TimeSpec];
  let reading = t(locale, 'reading', { what, time: joinWith(locale, 'list-and', times.map((one) => describeTime(one, partialTo, locale))) });
  const by = [...query.claimants.map(claimant), ...query.sides.map((s) => t(locale, 'reading-side', { adjective: party(s) }))];
  const except = ((query as { excluded?: string[] }).excluded ?? []).map(claimant);
  if (by.length) reading = t(locale, 'reading-by', { reading, names: joinWith(locale, 'list-and', by) });
  if (except.length) reading = t(locale, 'reading-except', { reading, names: joinWith(locale, 'list-or', except) });
  return reading;
}

/** The number a metric's plural form follows. */
const countOf = (v: StatedValue) => v.high ?? v.low;

/** The figure's value with its metric, never either twice: "45,720 personnel losses", "between 175,000 and 200,000". */
export function figureValue(f: AnswerFigure, locale: Locale = 'en'): string {
  if (!f.known) return t(locale, 'no-meaningful-number', { metric: metricCounted(locale, f.metric, null) });
  // English: the words as said when they carry the figure; the metric's name only when they end in
  // a number. Another language: the figure from its numbers, in that language.
  const said = locale !== 'en' || f.derived || !/\d/.test(f.words) ? valueWords(f, locale) : f.words;
  return /[\d\]]$/.test(said) ? t(locale, 'figure-with-metric', { value: said, metric: metricCounted(locale, f.metric, countOf(f)) }) : said;
}

/** A period held only as the words a source used (English): quoted as said in another language. */
const labelAsSaid = (label: string, locale: Locale) => (locale === 'en' ? label : t(locale, 'period-as-said', { label }));

/** What the figure covers, in few words: "November 2024", "to 4 Nov 2024", "2026 so far, to 7 Aug 2026". */
export function figurePeriod(f: AnswerFigure, locale: Locale = 'en'): string {
  const partial = f.notes.find((n) => n.kind === 'partial' || n.kind === 'truncated');
  const precision = f.notes.find((n) => n.kind === 'precision');
  const { start, end, label, kind } = f.period;
  let period: string;
  if (kind === 'cumulative') {
    if (end) period = t(locale, 'period-to', { date: shortDate(end, locale) });
    else if (precision?.kind === 'precision') period = t(locale, precision.precision === 'month' ? 'period-as-of-month' : 'period-as-of-year', { date: formatDate(locale, precision.statedOn, precision.precision) });
    else period = label ? labelAsSaid(label, locale) : t(locale, 'period-not-given');
  } else if (start && end) {
    period = partial ? t(locale, 'period-dates', { from: shortDate(start, locale), to: shortDate(end, locale) }) : start === end ? shortDate(start, locale) : formatSpan(locale, start, end);
  } else period = label ? labelAsSaid(label, locale) : t(locale, 'period-not-given');
  if (partial?.kind === 'partial') period = t(locale, 'period-so-far', { period });
  if (partial?.kind === 'truncated') period = t(locale, 'period-truncated', { period });
  // A figure shown in its own words that already say "per day" ("an average of 1,307 a day") is not said to be per day twice.
  const saidPerDay = locale === 'en' && !f.derived && /\d/.test(f.words) && /\b(?:average|avg|per day|a day|daily)\b/i.test(f.words);
  return f.aggregation === 'daily_average' && !saidPerDay ? t(locale, 'period-per-day', { period }) : period;
}

const endpointWords = (e: FigureEndpoint, locale: Locale) => t(locale, 'endpoint', { value: valueWords(e, locale), date: shortDate(e.periodEnd, locale) });

/** A figure's note as a sentence; null for notes the figure's line already says. */
export function figureNoteWords(n: FigureNote, f: AnswerFigure, locale: Locale = 'en'): string | null {
  switch (n.kind) {
    case 'remark':
      return n.text;
    case 'derived':
      return n.from ? t(locale, 'note-derived', { to: endpointWords(n.to, locale), from: endpointWords(n.from, locale) }) : t(locale, 'note-derived-from-start', { to: endpointWords(n.to, locale) });
    case 'difference_unknown':
      return n.from ? t(locale, 'note-difference-unknown-two', { to: endpointWords(n.to, locale), from: endpointWords(n.from, locale) }) : t(locale, 'note-difference-unknown', { to: endpointWords(n.to, locale) });
    case 'correction': {
      const parts = n.corrections.map((c) => {
        const date = shortDate(c.statedOn ?? c.periodEnd, locale);
        if (c.delta !== null) return t(locale, 'correction-delta', { delta: signed(c.delta, locale), date });
        return t(locale, 'correction-fell', { date, from: formatNumber(locale, c.fellFrom ?? 0), to: formatNumber(locale, c.fellTo ?? 0) });
      });
      const all = joinWith(locale, 'list-and', parts);
      return n.without ? t(locale, 'note-correction-without', { parts: all, count: n.corrections.length, without: valueWords(n.without, locale) }) : t(locale, 'note-correction', { parts: all });
    }
    case 'partial':
    case 'truncated':
    case 'precision':
      return null; // said in the period
    case 'daily_average':
      return t(locale, 'note-daily-average', { total: valueWords(n.total, locale), days: String(n.days), count: n.days });
    case 'republished': {
      const series = claimantName(locale, n.series.id, n.series.name);
      const what = f.period.kind === 'cumulative' ? 'date' : 'period';
      const gives = t(locale, n.perDay ? 'republished-gives-per-day' : 'republished-gives', { series, value: valueWords(n.seriesValue, locale), what });
      if (n.difference === 0) return t(locale, 'note-republished-same', { gives });
      const before = n.dayBefore ? valueWords(n.dayBefore, locale) : null;
      if (n.difference === null) return t(locale, before ? 'note-republished-unknown-before' : 'note-republished-unknown', { gives, before });
      return t(locale, before ? 'note-republished-differs-before' : 'note-republished-differs', { gives, before, difference: signed(n.difference, locale) });
    }
    case 'broader':
      return t(locale, f.metric === 'personnel' ? 'note-broader-personnel' : 'note-broader', {
        asked: joinWith(locale, 'list-or', n.asked.map((m) => metricName(locale, m))),
        metric: metricName(locale, f.metric),
      });
    case 'series_stopped': {
      const date = shortDate(n.lastEnd, locale);
      const stopped = n.claimantLatest ? t(locale, 'note-series-stopped-latest', { date, latest: shortDate(n.claimantLatest, locale) }) : t(locale, 'note-series-stopped', { date });
      return n.continuedAs ? `${stopped} ${t(locale, 'note-series-continued', { metric: metricName(locale, n.continuedAs) })}` : stopped;
    }
  }
}

/** The example questions, in the locale (the reader understands each). */
export function exampleQuestions(locale: Locale = 'en'): string[] {
  return [1, 2, 3, 4].map((i) => t(locale, `example-${i}`));
}

export function answerNoteWords(n: AnswerNote, examples: readonly string[], locale: Locale = 'en'): string {
  switch (n.kind) {
    case 'out_of_scope':
      return t(locale, `out-of-scope-${n.what === 'other_war' ? 'other-war' : n.what}`);
    case 'help':
      return `${t(locale, 'help-intro')}\n- ${(locale === 'en' ? examples : exampleQuestions(locale)).join('\n- ')}`;
    case 'not_understood':
      // The reader's reasons are English; another language says which sources are not held, or the catalogue's general reason.
      if (locale === 'en') return n.reason;
      if (n.unheld?.length) return `${t(locale, 'unheld', { names: joinWith(locale, 'list-comma', n.unheld) })} ${t(locale, 'held-from', { names: joinWith(locale, 'list-comma', (n.held ?? []).map((c) => claimantName(locale, c.id, c.name))) })}`;
      return t(locale, 'not-understood');
    case 'no_figure':
      return t(locale, 'no-figure', { reading: n.reading });
    case 'year_assumed':
      return t(locale, 'year-assumed', { label: n.label, which: n.which });
    case 'side_none':
      return t(locale, 'side-none', { side: n.side });
    case 'period_empty':
      return t(locale, 'period-empty', { label: n.label });
    case 'data_ends':
      return t(locale, 'data-ends', { asked: n.asked, shown: n.shown, to: n.to });
    case 'side_by_side':
      return t(locale, 'side-by-side');
    case 'unheld':
      return t(locale, 'unheld', { names: joinWith(locale, 'list-comma', n.names) });
    case 'same_side':
      return t(locale, 'same-side', { asked: joinWith(locale, 'list-and', n.asked), count: n.asked.length, others: joinWith(locale, 'list-comma', n.others), others_count: n.others.length });
    case 'stated':
      return t(locale, 'stated', { label: n.label });
    case 'own_disagreement':
      return t(locale, 'own-disagreement', { claimant: n.claimant, reported: n.reported, derived: valueWords(n.derived, locale) });
    case 'more_figures':
      return t(locale, 'more-figures', { hidden: formatNumber(locale, n.hidden), count: n.hidden, what: joinWith(locale, 'list-comma', n.what), follow_up: n.followUp });
  }
}

/** Where figures were reported: 'Newsweek, "Russia rapidly approaching ..."'; the claimant's own name is not repeated. */
export function sourceWords(source: Source, claimantName: string, withDate: boolean, locale: Locale = 'en'): string {
  const parts: string[] = [];
  if (source.publisher && source.publisher !== claimantName) parts.push(source.publisher);
  if (source.title) parts.push(t(locale, 'quoted', { text: source.title }));
  if (withDate && source.publishedOn) parts.push(formatDate(locale, source.publishedOn));
  if (!parts.length) parts.push(t(locale, source.publisher ? 'source-own-statement' : 'source-not-recorded'));
  return parts.join(', ');
}
