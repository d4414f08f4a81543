// English words for an answer's parts: the reading, a figure's line, its notes and the answer's
// notes. The only place notes (data) become sentences; every renderer (text, Discord, Telegram)
// uses these and escapes them for its platform.
import { formatDate, formatSpan } from '../dates.ts';
import type { Directory } from '../directory.ts';
import type { Source } from '../model.ts';
import type { ParseResult, TimeSpec } from '../query/types.ts';
import { METRIC_INFO, QUALIFIER_WORDS } from '../vocabulary.ts';
import { formatNumber } from '../format.ts';
import type { StatedValue } from './derive.ts';
import type { AnswerNote, FigureEndpoint, FigureNote } from './notes.ts';
import type { AnswerFigure } from './compose.ts';

export const HELP_TEXT_INTRO =
  'Ask about losses in the war, and I answer with every figure I hold, each with who claims it, the period it covers and where it was reported. For example:';

/** "about 45,720", "175,000-200,000", "more than 1,000". */
export function valueWords(v: StatedValue): string {
  const q = QUALIFIER_WORDS[v.qualifier];
  const prefix = q ? `${q} ` : '';
  if (v.low !== null && v.high !== null && v.low !== v.high) return `${prefix}${formatNumber(v.low)}-${formatNumber(v.high)}`;
  const x = v.low ?? v.high;
  return x === null ? 'no meaningful figure' : `${prefix}${formatNumber(x)}`;
}

/** A signed number: "+1,650", "-85". */
const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '-' : ''}${formatNumber(Math.abs(n))}`;

/** Short dates for a phone: "4 Nov 2024". */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;
}

function describeTime(time: TimeSpec, partialTo: string | null): string {
  switch (time.kind) {
    case 'unspecified':
      return 'latest figures';
    case 'latest':
      return 'latest, since the start of the war';
    case 'asOf':
      return `as of ${formatDate(time.date)}`;
    case 'range':
      return partialTo && partialTo < time.end ? `${time.label} so far, to ${formatDate(partialTo)}` : time.label;
  }
}

/** The reading in one short line: "Russian losses, November 2024, per the Ukrainian side". */
export function describeReading(query: ParseResult & { kind: 'query' }, dir: Directory, time: TimeSpec, partialTo: string | null, average = false): string {
  const subjects = query.subjects.map((s) => dir.party(s)?.adjective ?? s);
  const what = `${query.metricWords.length ? query.metricWords.join(', ') : 'losses'}${average ? ' a day on average' : ''}`;
  const whose = subjects.length ? `${subjects.join(' and ')} ` : '';
  const by = [...query.claimants.map((c) => dir.claimant(c)?.name ?? c), ...query.sides.map((s) => `the ${dir.party(s)?.adjective ?? s} side`)];
  const except = ((query as { excluded?: string[] }).excluded ?? []).map((c) => dir.claimant(c)?.name ?? c);
  return `${whose}${what}, ${describeTime(time, partialTo)}${by.length ? `, per ${by.join(' and ')}` : ''}${except.length ? `, not ${except.join(' or ')}` : ''}`;
}

/** The figure's value with its metric, never either twice: "45,720 personnel losses", "between 175,000 and 200,000". */
export function figureValue(f: AnswerFigure): string {
  if (!f.known) return `no meaningful number of ${METRIC_INFO[f.metric].label}`;
  // The words as said when they carry the figure; the metric's name only when they end in a number.
  const said = f.derived || !/\d/.test(f.words) ? valueWords(f) : f.words;
  return /[\d\]]$/.test(said) ? `${said} ${METRIC_INFO[f.metric].label}` : said;
}

/** What the figure covers, in few words: "November 2024", "to 4 Nov 2024", "2026 so far, to 7 Aug 2026". */
export function figurePeriod(f: AnswerFigure): string {
  const perDay = f.aggregation === 'daily_average' ? 'a day on average, ' : '';
  const partial = f.notes.find((n) => n.kind === 'partial' || n.kind === 'truncated');
  const precision = f.notes.find((n) => n.kind === 'precision');
  const { start, end, label, kind } = f.period;
  let period: string;
  if (kind === 'cumulative') {
    if (end) period = `to ${shortDate(end)}`;
    else if (precision?.kind === 'precision') period = `as of ${formatDate(precision.statedOn, precision.precision)} (${precision.precision} only)`;
    else period = label ?? 'period not given';
  } else if (start && end) {
    period = partial ? `${shortDate(start)} to ${shortDate(end)}` : start === end ? shortDate(start) : formatSpan(start, end);
  } else period = label ?? 'period not given';
  if (partial?.kind === 'partial') period = `${period}, so far`;
  if (partial?.kind === 'truncated') period = `${period} (its last report in the period)`;
  return `${perDay}${period}`;
}

const endpointWords = (e: FigureEndpoint) => `${valueWords(e)} to ${shortDate(e.periodEnd)}`;

/** A figure's note as a sentence; null for notes the figure's line already says. */
export function figureNoteWords(n: FigureNote, f: AnswerFigure): string | null {
  switch (n.kind) {
    case 'remark':
      return n.text;
    case 'derived':
      return n.from ? `Derived from its reports: ${endpointWords(n.to)} minus ${endpointWords(n.from)}.` : `Derived from its report of ${endpointWords(n.to)}, counted from the start of the war.`;
    case 'difference_unknown':
      return `Its reports give ${endpointWords(n.to)}${n.from ? ` and ${endpointWords(n.from)}` : ''}: with those qualifiers the difference could be anything, so no number is given.`;
    case 'correction': {
      const parts = n.corrections.map((c) => {
        const when = `report of ${shortDate(c.statedOn ?? c.periodEnd)}`;
        if (c.delta !== null) return `a correction of ${signed(c.delta)} in the ${when}`;
        return `a correction in the ${when} (the total fell from ${formatNumber(c.fellFrom ?? 0)} to ${formatNumber(c.fellTo ?? 0)}; its size is not given)`;
      });
      const without = n.without ? ` Without ${n.corrections.length > 1 ? 'them' : 'it'}: ${valueWords(n.without)}.` : '';
      return `Includes ${parts.join(' and ')}.${without}`;
    }
    case 'partial':
    case 'truncated':
    case 'precision':
      return null; // said in the period
    case 'daily_average':
      return `${valueWords(n.total)} over ${n.days} days.`;
    case 'republished': {
      const what = `The ${n.series.name}'s own series gives ${valueWords(n.seriesValue)}${n.perDay ? ' a day' : ''} for the same ${f.period.kind === 'cumulative' ? 'date' : 'period'}`;
      if (n.difference === 0) return `${what}: the same figure.`;
      const by = n.difference === null ? 'they differ' : `this figure differs by ${signed(n.difference)}`;
      const before = n.dayBefore ? ` (${valueWords(n.dayBefore)} for the day before)` : '';
      return `${what}${before}; ${by}.`;
    }
    case 'broader':
      return `Broader than ${n.asked.map((m) => METRIC_INFO[m].label).join(' or ')}: the claimant reports only ${METRIC_INFO[f.metric].label}${f.metric === 'personnel' ? ' (killed, wounded, captured and missing)' : ''}.`;
    case 'series_stopped': {
      const since = n.claimantLatest ? `; its other series run to ${shortDate(n.claimantLatest)}` : '';
      const where = n.continuedAs ? ` It has counted them with ${METRIC_INFO[n.continuedAs].label} since (per the dataset's documentation).` : '';
      return `This series stopped with its figure to ${shortDate(n.lastEnd)}${since}.${where}`;
    }
  }
}

export function answerNoteWords(n: AnswerNote, examples: readonly string[]): string {
  switch (n.kind) {
    case 'help':
      return `${HELP_TEXT_INTRO}\n- ${examples.join('\n- ')}`;
    case 'not_understood':
      return n.reason;
    case 'no_figure':
      return `I hold no figure for ${n.reading}.`;
    case 'year_assumed':
      return `No year was given, so I took ${n.label}, the most recent ${n.which} with figures.`;
    case 'side_by_side':
      return 'Figures of different claimants are shown side by side and never combined.';
    case 'unheld':
      return `I hold no figures from ${n.names.join(', ')}.`;
    case 'same_side':
      return `${n.asked.join(' and ')} ${n.asked.length > 1 ? 'have' : 'has'} none for that; ${n.others.join(', ')} ${n.others.length > 1 ? 'report' : 'reports'} these.`;
    case 'stated':
      return `What was stated in ${n.label}, running totals included.`;
    case 'own_disagreement':
      return `${n.claimant} reported ${n.reported}, but its own cumulative reports give ${valueWords(n.derived)}; both are shown.`;
    case 'more_figures':
      return `${n.hidden} more figure${n.hidden === 1 ? '' : 's'} (${n.what.join(', ')}). To see all, ask: ${n.followUp}`;
  }
}

/** Where figures were reported: 'Newsweek, "Russia rapidly approaching ..."'; the claimant's own name is not repeated. */
export function sourceWords(source: Source, claimantName: string, withDate: boolean): string {
  const parts: string[] = [];
  if (source.publisher && source.publisher !== claimantName) parts.push(source.publisher);
  if (source.title) parts.push(`"${source.title}"`);
  if (withDate && source.publishedOn) parts.push(formatDate(source.publishedOn));
  if (!parts.length) parts.push(source.publisher ? 'its own statement' : 'not recorded');
  return parts.join(', ');
}
