// A pre-pass before the question reader, as the ask service does for "average": words asking for a
// chart, a breakdown by month or quarter, a record, or the daily report card. It says what view was
// asked for and hands the rest of the question to the reader (src/core/query), which never sees
// these words. English, with the commonest Ukrainian and Russian forms.
import type { BreakdownUnit } from './series.ts';
import { wantsDailyAverage } from '../query/average.ts';

export type TrendView = 'chart' | 'breakdown' | 'record' | 'card';

export interface TrendIntent {
  view: TrendView;
  /** The unit asked for outright ("by month", "weekly", "each quarter of"); null to choose by span. */
  unit: BreakdownUnit | null;
  /** A bar chart was asked for, or a unit ("per month") that reads as bars. */
  bar: boolean;
  /** The question without the words that asked for the view, for the reader. */
  text: string;
}

const UNIT_WORDS: Record<string, BreakdownUnit> = {
  day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year',
  daily: 'day', weekly: 'week', monthly: 'month', quarterly: 'quarter', yearly: 'year', annual: 'year',
  // uk / ru
  'день': 'day', 'тиждень': 'week', 'тижнях': 'week', 'тижнями': 'week', 'місяць': 'month', 'місяцях': 'month', 'місяцями': 'month', 'квартал': 'quarter', 'кварталах': 'quarter', 'кварталами': 'quarter', 'рік': 'year', 'роках': 'year',
  'неделя': 'week', 'неделям': 'week', 'месяц': 'month', 'месяцам': 'month', 'кварталам': 'quarter', 'год': 'year', 'годам': 'year',
  'щомісяця': 'month', 'щомісячно': 'month', 'помісячно': 'month', 'щотижня': 'week', 'щокварталу': 'quarter', 'помесячно': 'month', 'понедельно': 'week', 'поквартально': 'quarter', 'ежемесячно': 'month', 'еженедельно': 'week',
};

const L = '[\\p{L}\\p{M}]';
const B = `(?<!${L})`;
const E = `(?!${L})`;
const rx = (body: string) => new RegExp(`${B}(?:${body})${E}`, 'giu');

/** "today's report", "latest report", "the daily card", "/today". */
const CARD = rx(
  "(?:today'?s?|todays|latest|newest|last|most\\s+recent|daily)\\s+(?:general\\s+staff\\s+)?(?:report|card|update|summary|figures\\s+card)|(?:звіт|зведення)\\s+(?:за\\s+)?сьогодні|сьогоднішн\\S*\\s+(?:звіт|зведення)|(?:отчёт|отчет|сводка)\\s+(?:за\\s+)?сегодня|сегодняшн\\S*\\s+(?:отчёт|отчет|сводка)|останн\\S*\\s+(?:звіт|зведення)|последн\\S*\\s+(?:отчёт|отчет|сводка)",
);
const CHART = rx(
  '(?:a\\s+|the\\s+)?(?:(bar|line)\\s+)?(?:charts?|graphs?|plots?|trends?|visuali[sz]ations?)(?:\\s+(?:of|for|on|showing))?|plot|graph|chart|visuali[sz]e|(?:стовпчаст\\S*\\s+)?(?:графік\\S*|діаграм\\S*|тренд\\S*|динамік\\S*)|(?:столбчат\\S*\\s+)?(?:график\\S*|диаграмм\\S*|тренд\\S*|динамик\\S*)',
);
const UNIT = rx(
  "(?:(?:per|by|each|every|a|for\\s+each)\\s+(week|month|quarter|year)(?:\\s+of)?|by\\s+(day)|(day|week|month|quarter|year)\\s+by\\s+(?:day|week|month|quarter|year)|(daily|weekly|monthly|quarterly|yearly|annual)(?:\\s+(?:breakdown|figures|totals|losses))?|(?:breakdown|broken\\s+down)\\s+by\\s+(day|week|month|quarter|year)|(?:по|за)\\s+(тижнях|тижнями|місяцях|місяцями|кварталах|кварталами|роках|неделям|месяцам|кварталам|годам)|(?:кожн\\S*|щ\\S*|каждый|каждую|каждого|за\\s+каждый)\\s+(тиждень|місяць|квартал|рік|неделя|месяц|квартал|год)|(щомісяця|щомісячно|помісячно|щотижня|щокварталу|помесячно|понедельно|поквартально|ежемесячно|еженедельно))",
);
const RECORD = rx(
  '(?:the\\s+)?(?:worst|deadliest|heaviest|biggest|highest|largest|record|most)(?:\\s+(?:single\\s+)?(day|week|month|quarter|year))?(?:\\s+(?:ever|so\\s+far|on\\s+record))?(?:\\s+(?:of|for|in))?|records?|(?:найгірш\\S*|рекордн\\S*|рекорд)(?:\\s+(день|тиждень|місяць|рік))?|(?:худш\\S*|рекордн\\S*|рекорд)(?:\\s+(день|неделя|месяц|год))?',
);

function strip(text: string, re: RegExp): string {
  return text.replace(re, ' ').replace(/\s+/g, ' ').trim();
}

function firstUnit(m: RegExpExecArray): BreakdownUnit | null {
  for (const g of m.slice(1)) if (g && UNIT_WORDS[g.toLowerCase()]) return UNIT_WORDS[g.toLowerCase()]!;
  return null;
}

/** The view a question asks for beyond its figures, or null for a plain question. */
export function readTrendIntent(question: string): TrendIntent | null {
  const q = question.trim();
  if (/^\/?today[!?.]*$/i.test(q) || /^(?:сьогодні|сегодня)[!?.]*$/iu.test(q)) return { view: 'card', unit: null, bar: false, text: '' };
  CARD.lastIndex = 0;
  if (CARD.test(q)) return { view: 'card', unit: null, bar: false, text: strip(q, CARD) };

  let text = q;
  let unit: BreakdownUnit | null = null;
  let bar = false;
  let chart = false;
  let record = false;
  const m = new RegExp(UNIT.source, 'giu').exec(text);
  // "avg daily KIA", "daily average": the ask service's daily average, never a breakdown by day.
  if (m && !(firstUnit(m) === 'day' && wantsDailyAverage(q))) {
    unit = firstUnit(m);
    text = strip(text, UNIT);
  }
  const c = new RegExp(CHART.source, 'giu').exec(text);
  if (c) {
    chart = true;
    bar = /^(?:bar|стовпчаст|столбчат)/iu.test(c[1] ?? c[0]);
    text = strip(text, CHART);
  }
  const r = new RegExp(RECORD.source, 'giu').exec(text);
  if (r && !chart) {
    record = true;
    const u = firstUnit(r);
    if (u) unit = u;
    text = strip(text, RECORD);
  }
  text = text.replace(/^(?:of|for|in|show(?:\s+me)?|give\s+me|the)\s+/i, '').trim();
  if (chart) return { view: 'chart', unit, bar: bar || unit !== null, text };
  if (record) return { view: 'record', unit, bar: false, text };
  if (unit) return { view: 'breakdown', unit, bar: false, text };
  return null;
}
