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
  'добу': 'day', 'доба': 'day', 'сутки': 'day', 'неделю': 'week', 'днях': 'day', 'дням': 'day',
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
// Everyday ways of asking for the card, read only where the question names no date or year
// ("daily losses report for march 2025" stays a breakdown).
/** Words that may stand between "daily"/"свіжа" and "report"/"зведення": whose losses, and of whom. */
const CARD_GAP =
  "(?:the|russian|russia['’]?s|enemy|ukrainian|ukraine['’]?s|general|staff|gs|war|combat|military|losses|loss|casualty|casualties|daily|morning|official|генштаб\\S*|гш|зсу|всу|втрат\\S*|потер\\S*|рос\\S*|ворож\\S*|вражеск\\S*|окупант\\S*|оккупант\\S*|бойов\\S*|боев\\S*|щоденн\\S*|ежедневн\\S*|ранков\\S*|утренн\\S*|офіційн\\S*|официальн\\S*)";
const CARD_NOUN = '(?:звіт\\S*|зведенн\\S*|сводк\\S*|отч[её]т\\S*|report|update|summary)';
const CARD_LOOSE = rx(
  `(?:today['’]?s?|latest|newest|daily|fresh|сьогоднішн\\S*|сегодняшн\\S*|свіж\\S*|свеж\\S*|нов(?:а|е|ий|ого|ої|у|ая|ое|ый|ую)|останн\\S*|последн\\S*|щоденн\\S*|ежедневн\\S*)(?:\\s+${CARD_GAP}){0,3}\\s+${CARD_NOUN}` +
    // "що там за сьогодні", "че там по потерям сегодня": a few words between at most.
    `|(?:що|шо|че|чо|что|чё)\\s+там(?:\\s+[^\\s?!.]+){0,4}?\\s+(?:за\\s+)?(?:сьогодні|сегодня)` +
    `|(?:what['’]?s|what\\s+is|anything|any)\\s+(?:new|news|fresh)(?:\\s+[^\\s?!.]+){0,3}?\\s+today` +
    `|(?:що\\s+|что\\s+)?(?:нове|нового|новое|новин\\S*|новост\\S*)\\s+(?:від|от|у|в|з|из)\\s+генштаб\\S*|(?:new|news)\\s+from\\s+(?:the\\s+)?general\\s+staff`,
);
/** A date or a year: the question asks about a period, not the newest report. */
const NAMES_DATE = /\d/;

const CHART = rx(
  '(?:a\\s+|the\\s+)?(?:(bar|line)\\s+)?(?:charts?|graphs?|plots?|trends?|visuali[sz]ations?)(?:\\s+(?:of|for|on|showing))?|plot|graph|chart|visuali[sz]e|(?:стовпчаст\\S*\\s+)?(?:графік\\S*|діаграм\\S*|тренд\\S*|динамік\\S*)|(?:столбчат\\S*\\s+)?(?:график\\S*|диаграмм\\S*|тренд\\S*|динамик\\S*)',
);
const UNIT = rx(
  "(?:(?:per|by|each|every|a|for\\s+each)\\s+(week|month|quarter|year)(?:\\s+of)?|by\\s+(day)|(day|week|month|quarter|year)\\s+by\\s+(?:day|week|month|quarter|year)|(daily|weekly|monthly|quarterly|yearly|annual)(?:\\s+(?:breakdown|figures|totals|losses))?|(?:breakdown|broken\\s+down)\\s+by\\s+(day|week|month|quarter|year)|по\\s+(днях|дням)|(?:по|за)\\s+(тижнях|тижнями|місяцях|місяцями|кварталах|кварталами|роках|неделям|месяцам|кварталам|годам)|(?:кожн\\S*|щ\\S*|каждый|каждую|каждого|за\\s+каждый)\\s+(тиждень|місяць|квартал|рік|неделя|месяц|квартал|год)|(щомісяця|щомісячно|помісячно|щотижня|щокварталу|помесячно|понедельно|поквартально|ежемесячно|еженедельно))",
);
const UK_MOST = 'сам(?:ий|а|е|і|ого|ої|им|ому|их)|найбільш';
const RU_MOST = 'сам(?:ый|ая|ое|ые|ых|ого|ой|ом|ым|ую|ыми)|наиболее';
// "The worst day", "record month", "найкривавіший день", "самый кровавый день": a record on its own.
// "Most" is not the "most" of "most recent" or "most likely".
const RECORD = rx(
  '(?:the\\s+)?(?:worst|deadliest|bloodiest|heaviest|biggest|highest|largest|record|peak|most(?!\\s+(?:recent|recently|likely|reliable|accurate|up[\\s-]to[\\s-]date|current|latest|trusted|credible))|(?:max|maximum)(?=\\s+(?:single\\s+)?(?:day|week|month|quarter|year)\\b))(?:\\s+(?:single\\s+)?(day|week|month|quarter|year))?(?:\\s+(?:ever|so\\s+far|on\\s+record))?(?:\\s+(?:of|for|in))?|records?' +
    `|(?:(?:${UK_MOST})\\s+)?(?:найгірш\\S*|найкривав\\S*|найтяжч\\S*|найважч\\S*|рекордн\\S*|рекорд)(?:\\s+(день|добу|доба|тиждень|місяць|рік))?|(?:${UK_MOST})\\s+кривав\\S*(?:\\s+(день|добу|доба|тиждень|місяць|рік))?` +
    `|(?:(?:${RU_MOST})\\s+)?(?:худш\\S*|наикровавейш\\S*|кровавейш\\S*|тяжелейш\\S*|рекордн\\S*|рекорд)(?:\\s+(день|сутки|неделя|неделю|месяц|год))?|(?:${RU_MOST})\\s+кровав\\S*(?:\\s+(день|сутки|неделя|неделю|месяц|год))?`,
);
/** "max", "найбільше", "больше всего": a record only with a unit ("max losses in one day", "найбільше втрат за добу"). */
const RECORD_WEAK = rx(`(?:the\\s+)?(?:max|maximum)|найбільш\\S*|максимальн\\S*|больше\\s+всего|наибольш\\S*|(?:(?:${RU_MOST})\\s+)?(?:больш(?:ие|их)|крупн(?:ые|ых))(?=\\s+потер)`);
/** The unit of a record said apart from its word: "in one day", "in a single month", "за добу", "в один день". */
const RECORD_UNIT = rx(
  '(?:in|on|during|over|within)\\s+(?:a|one|1)\\s+(?:single\\s+)?(day|week|month|quarter|year)|(?:за|в|у|на)\\s+(?:(?:один|одну|одни|одна|одного|одні)\\s+)?(день|добу|сутки|тиждень|неделю|місяць|месяц|квартал|рік|год)',
);
/** "The best day for Ukraine": the record of Russia's losses (and the other way round). */
const BEST_FOR = rx(
  '(?:the\\s+)?best\\s+(?:single\\s+)?(day|week|month|quarter|year)(?:\\s+(?:ever|so\\s+far))?\\s+for\\s+(?:the\\s+)?(ukraine|ukrainians|ukrainian\\s+(?:forces|army|military|troops)|kyiv|afu|zsu|russia|russians|russian\\s+(?:forces|army|military|troops)|moscow)(?:\\s+in\\s+terms\\s+of)?(?:\\s+(?:the\\s+)?enemy)?',
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
  CARD_LOOSE.lastIndex = 0;
  if (!NAMES_DATE.test(q.replace(/@\S+/g, '')) && CARD_LOOSE.test(q)) return { view: 'card', unit: null, bar: false, text: strip(q, CARD_LOOSE) };

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
  const best = new RegExp(BEST_FOR.source, 'giu').exec(text);
  if (best && !chart) {
    record = true;
    unit = UNIT_WORDS[best[1]!.toLowerCase()] ?? unit;
    const enemy = /^(?:ukrain|kyiv|afu|zsu)/i.test(best[2]!) ? 'russian' : 'ukrainian';
    text = `${text.slice(0, best.index)} ${enemy} ${text.slice(best.index + best[0].length)}`.replace(/\s+/g, ' ').trim();
  }
  const r = new RegExp(RECORD.source, 'giu').exec(text);
  const weak = r ? null : new RegExp(RECORD_WEAK.source, 'giu').exec(text);
  const apart = r || weak ? new RegExp(RECORD_UNIT.source, 'giu').exec(text) : null;
  if ((r || (weak && (apart || unit))) && !chart) {
    record = true;
    const u = (r && firstUnit(r)) || (apart && firstUnit(apart));
    if (u) unit = u;
    text = strip(text, r ? RECORD : RECORD_WEAK);
    if (apart) text = strip(text, RECORD_UNIT);
  }
  text = text.replace(/^(?:of|for|in|show(?:\s+me)?|give\s+me|the)\s+/i, '').trim();
  if (chart) return { view: 'chart', unit, bar: bar || unit !== null, text };
  if (record) return { view: 'record', unit, bar: false, text };
  if (unit) return { view: 'breakdown', unit, bar: false, text };
  return null;
}
