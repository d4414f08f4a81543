// Every user-visible word of charts, breakdowns, records, the daily card, the answer buttons and
// paging, in one place, so they move to the message catalogues (src/i18n) in one step once those
// exist. English for now; the chart image itself already speaks en/uk/ru (src/charts/render.ts).
import { formatNumber } from '../format.ts';
import { shortDate, valueWords } from '../answer/words.ts';
import type { StatedValue } from '../answer/derive.ts';
import type { BreakdownUnit } from './series.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const TREND_WORDS = {
  buttons: { chart: 'Chart', by_month: 'By month', others: 'Other claimants', sources: 'Sources', previous: '◀ Previous', next: 'Next ▶' },
  page: (index: number, count: number) => `Page ${index} of ${count}`,
  expired: 'That answer has expired; please ask again.',
  per: { day: 'per day', week: 'per week', month: 'per month', quarter: 'per quarter', year: 'per year' } as Record<BreakdownUnit, string>,
  by: { day: 'by day', week: 'by week', month: 'by month', quarter: 'by quarter', year: 'by year' } as Record<BreakdownUnit, string>,
  lost: (whose: string | null, metric: string) => `${whose ? `${whose} ` : ''}${metric}${/\blosses$/.test(metric) ? '' : ' lost'}`,
  since: (date: string) => `since ${shortDate(date)}`,
  soFar: (to: string) => `so far, to ${shortDate(to)}`,
  derivedFromDaily: 'derived from daily reports',
  source: 'source: ',
  sourceCapital: 'Source: ',
  sourceNotGiven: 'source not given',
  coverage: (from: string, to: string, soFar: boolean) => `${shortDate(from)} to ${shortDate(to)}${soFar ? ' (so far)' : ''}`,
  total: (v: StatedValue | null) => (v ? `In all: ${valueWords(v)}` : 'In all: no meaningful figure (the reports at both ends leave it open)'),
  derivation: (to: StatedValue, toDate: string, from: StatedValue | null, fromDate: string | null) =>
    from && fromDate ? `${valueWords(to)} to ${shortDate(toDate)} minus ${valueWords(from)} to ${shortDate(fromDate)}` : `${valueWords(to)} to ${shortDate(toDate)}, counted from the start`,
  correction: (size: number | null, reportDate: string) => (size === null ? `a correction in the report of ${shortDate(reportDate)}` : `a correction of ${size > 0 ? '+' : ''}${formatNumber(size)} in the report of ${shortDate(reportDate)}`),
  corrections: (list: string[]) => `Corrections inside: ${list.join('; ')}.`,
  sideBySide: 'Figures of different claimants are shown side by side and never combined.',
  noSeries: (what: string) => `I hold no daily series of ${what} to chart or break down; here is what I hold instead.`,
  sparse: (claimant: string) => `${claimant}: reports too far apart to show by day, week or month.`,
  rowLabel: (start: string, end: string, unit: BreakdownUnit, partial: boolean) => {
    const y = start.slice(0, 4);
    const m = Number(start.slice(5, 7));
    let label: string;
    if (unit === 'day') label = shortDate(start);
    else if (unit === 'month') label = `${MONTHS[m - 1]} ${y}`;
    else if (unit === 'quarter') label = `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
    else if (unit === 'year') label = y;
    else label = `week of ${shortDate(start)}`;
    if (!partial || unit === 'day') return label;
    return `${label} (${shortDate(start)} to ${shortDate(end)}, part only)`;
  },
  row: (label: string, v: StatedValue | null, perDay: StatedValue | null) => `${label}: ${v ? valueWords(v) : 'no meaningful figure'}${perDay && v ? ` (${valueWords(perDay)} a day)` : ''}`,
  sum: (v: StatedValue | null) => `Sum: ${v ? valueWords(v) : 'not a number (some rows have none)'}`,
  sumEqualsTotal: (_label: string) => ', the same as the derived total for the whole period',
  sumDiffers: (total: string) => `; the derived total for the whole period is ${total}`,
  recordDay: (v: StatedValue, day: string, report: string | null) => `Most in one day: ${valueWords(v)} on ${shortDate(day)}${report ? ` (report of ${shortDate(report)})` : ''}`,
  recordBucket: (unit: BreakdownUnit, v: StatedValue, label: string) => `Most in one ${unit}: ${valueWords(v)} in ${label}`,
  average: (v: StatedValue, days: number, from: string, to: string) => `Average: ${valueWords(v)} a day over ${formatNumber(days)} days, ${shortDate(from)} to ${shortDate(to)}`,
  skippedCorrections: (n: number) => `Days whose report includes a correction were left out of the record (${n}).`,
  noRecord: 'No whole period in the span to compare.',
  cardTitle: (claimant: string, reportDate: string | null) => `${claimant}: report of ${reportDate ? shortDate(reportDate) : 'date not given'}`,
  cardCovers: (whose: string, to: string) => `${whose} losses to the end of ${shortDate(to)}, with the change since the report before:`,
  cardRow: (metric: string, total: StatedValue, change: StatedValue | null) =>
    `${metric}: ${valueWords(total)}${change ? ` (${(change.low ?? 0) >= 0 ? valueWords(change).replace(/\d/, (d) => `+${d}`) : valueWords(change)})` : ''}`,
  cardNone: 'I hold no General Staff report yet.',
  sourcesTitle: 'Sources of this answer',
  sourceLine: (claimant: string, figures: number) => `${claimant} (${figures} figure${figures === 1 ? '' : 's'}): `,
  noSources: 'This answer shows no figures, so it has no sources.',
  stated: (date: string) => `stated ${shortDate(date)}`,
};

export const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
