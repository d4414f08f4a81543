// Time in a question. Explicit periods and dates first (our rules for what chrono-node does not
// know: war-relative periods, halves, quarters, weeks of a month, day ranges, bare years; then
// chrono-node for dates), and only when none is named the words for "now" (total, so far, latest).
import * as chrono from 'chrono-node';
import { addDays, formatDate, formatSpan, lastDayOfMonth, monthName, monthSpan, ymd } from '../dates.ts';
import { INVASION_START } from '../vocabulary.ts';
import type { Granularity, TimeSpec } from './types.ts';

export interface TimeResult {
  time: TimeSpec;
  /** The text with the words that named the time blanked out, for the entity rules. */
  rest: string;
  /** The period runs to the latest report ("in 2026 so far", "since june"). */
  partial: boolean;
  /** Where in the text the time expression starts (-1 when none). */
  index: number;
  /** How long the expression is from `index` (0 when none). */
  length: number;
}

const parser = chrono.en.casual.clone();

function ymdParts(iso: string): [number, number, number] {
  return iso.split('-').map(Number) as [number, number, number];
}

function range(start: string, end: string, granularity: Granularity, label: string, yearless = false, relative?: string): TimeSpec {
  return relative ? { kind: 'range', start, end, granularity, label, yearless, relative } : { kind: 'range', start, end, granularity, label, yearless };
}

function blank(text: string, index: number, length: number): string {
  return text.slice(0, index) + ' '.repeat(length) + text.slice(index + length);
}

const ORDINAL: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, last: 4, final: 4, fifth: 5, '5th': 5 };
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fourteen: 14, thirty: 30 };
/** A count as typed: digits or a number word ("the past three months"); "a"/"an" are left to each rule. */
const COUNT_WORDS = Object.keys(NUMBER_WORDS).filter((w) => w.length > 2).join('|');

/** The most recent year in which month/day has begun by `today`. */
function recentYear(today: string, month: number, day = 1): number {
  const [ty, tm, td] = ymdParts(today);
  return month < tm || (month === tm && day <= td) ? ty : ty - 1;
}

function quarterSpan(year: number, quarter: number) {
  return { start: ymd(year, (quarter - 1) * 3 + 1, 1), end: lastDayOfMonth(year, quarter * 3) };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = `(${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)`;
function monthNumber(word: string): number {
  const w = word.toLowerCase();
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3))) + 1;
}
const YEAR_RE = String.raw`((?:19|20)\d{2})`;
const DAY_RE = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;

interface Rule {
  pattern: RegExp;
  build: (m: RegExpExecArray, today: string) => TimeSpec | null;
  /** The period runs to the latest report; a function when only some matches do ("since summer 2025"). */
  partial?: boolean | ((m: RegExpExecArray) => boolean);
}

const WAR = String.raw`(?:the )?(?:full[- ]scale |russian |special military )?(?:war|invasion|conflict|fighting|operation|smo)`;
const yesterdayOf = (today: string) => addDays(today, -1);

/** Meteorological seasons by the month they start in; "fall" is autumn. */
const SEASON_START: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };

/** "since summer 2025", "after last winter": from the season's start (or end) to the latest report. */
const sinceSeason = (m: RegExpExecArray) => /\b(?:since|after)\s*$/.test(m.input.slice(0, m.index));

/** The season that starts in `year`: winter runs on into February of the next year. */
function seasonSpan(season: string, year: number) {
  const first = SEASON_START[season]!;
  const endYear = first === 12 ? year + 1 : year;
  const endMonth = first === 12 ? 2 : first + 2;
  return { start: ymd(year, first, 1), end: lastDayOfMonth(endYear, endMonth) };
}

function weekday(iso: string): number {
  return (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAY_RE = `(${WEEKDAYS.join('|')})`;
const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * The day a weekday names, from `today`: "monday", "on monday", "last monday" are the most recent
 * one before today (never today: its report is not out; on a Monday "last monday" is a week ago);
 * "this monday" is the one of the current week (Monday first, as "this week"), today or later included.
 */
function weekdayDate(name: string, which: string | undefined, today: string): string {
  const target = WEEKDAYS.indexOf(name);
  if (which === 'this') return addDays(today, target - weekday(today));
  const back = (weekday(today) - target + 7) % 7 || 7;
  return addDays(today, -back);
}

/** Fixed-date holidays: month and day, and the label's name. */
const HOLIDAYS: { re: RegExp; month: number; day: number; name: string }[] = [
  { re: /^orthodox (?:christmas|xmas) eve$/, month: 1, day: 6, name: 'Orthodox Christmas Eve' },
  { re: /^orthodox (?:christmas|xmas)(?: day)?$/, month: 1, day: 7, name: 'Orthodox Christmas' },
  { re: /^(?:christmas|xmas) eve$/, month: 12, day: 24, name: 'Christmas Eve' },
  { re: /^(?:christmas|xmas)(?: day)?$/, month: 12, day: 25, name: 'Christmas Day' },
  { re: /^new year'?s'? eve$/, month: 12, day: 31, name: "New Year's Eve" },
  { re: /^new year/, month: 1, day: 1, name: "New Year's Day" },
  { re: /independence day$/, month: 8, day: 24, name: 'Independence Day' },
  { re: /^victory day$/, month: 5, day: 9, name: 'Victory Day' },
];

/**
 * One day a rule named (a weekday, a holiday): the day itself; after "since" from it to the
 * latest report; after "by", "as of" or with a total ("total losses on christmas 2024") the
 * running total that day, as for a date.
 */
function namedDay(m: RegExpExecArray, date: string, label: string, today: string, yearless = false): TimeSpec | null {
  const before = m.input.slice(0, m.index);
  if (/\bsince\s*$/.test(before)) {
    const yesterday = yesterdayOf(today);
    return date > yesterday ? null : range(date, yesterday, 'span', `since ${label}`);
  }
  if (AS_OF_BEFORE.test(before) || TOTAL_WORDS.test(m.input)) return { kind: 'asOf', date, yearless };
  return range(date, date, 'day', label, yearless);
}
const afterSince = (m: RegExpExecArray) => /\bsince\s*$/.test(m.input.slice(0, m.index));

/** Rules for explicit periods, tried in order before chrono-node. */
const RULES: Rule[] = [
  {
    pattern: new RegExp(String.raw`\b(?:in |during |over )?the (first|1st) (day|week|month|year|(?:\d{1,4}|${COUNT_WORDS}) (?:days|weeks|months)) of ${WAR}\b`),
    build: (m) => {
      const unit = m[2]!;
      const s = INVASION_START;
      const counted = /^(\S+) (days|weeks|months)$/.exec(unit);
      if (counted) {
        const n = NUMBER_WORDS[counted[1]!] ?? Number(counted[1]);
        const end = counted[2] === 'days' ? addDays(s, n - 1) : counted[2] === 'weeks' ? addDays(s, 7 * n - 1) : addDays(ymd(2022, 2 + n, 24), -1);
        return range(s, end, 'span', `the first ${unit} of the war`);
      }
      const end = unit === 'day' ? s : unit === 'week' ? addDays(s, 6) : unit === 'month' ? '2022-03-23' : '2023-02-23';
      return range(s, end, 'span', `the first ${unit} of the war`);
    },
  },
  {
    pattern: new RegExp(String.raw`\b(?:ever )?(?:since|from) (?:the )?(?:very )?(?:start|beginning|outbreak|onset) of ${WAR}\b|\bsince ${WAR}(?: (?:began|started))?\b|\bsince (?:it|the war|the invasion) (?:began|started)\b|\bsince (?:24 feb(?:ruary)?|feb(?:ruary)? 24)(?:,? 2022)?\b|\bsince (?:day one|the start|the beginning)\b(?! of)|\b(?:in|during|over) the (?:whole|entire) (?:war|invasion|conflict)\b|\bof the (?:whole|entire) war\b`),
    build: () => ({ kind: 'latest' }),
  },
  {
    // "day 1000 of the war", "the 1000th day of the invasion": day 1 is 24 February 2022. With a
    // total ("total losses on day 1000") or "by", the running total that day, as for a date.
    pattern: new RegExp(String.raw`\b(?:on |in |for |during )?(?:the )?(?:day (?:no\.? |number |#)?(\d{1,4})|(\d{1,4})(?:st|nd|rd|th)?[- ]day) of ${WAR}\b`),
    build: (m) => {
      const n = Number(m[1] ?? m[2]);
      if (n < 1) return null;
      const date = addDays(INVASION_START, n - 1);
      if (AS_OF_BEFORE.test(m.input.slice(0, m.index)) || TOTAL_WORDS.test(m.input)) return { kind: 'asOf', date, yearless: false };
      return range(date, date, 'day', `day ${n} of the war (${formatDate(date)})`);
    },
  },
  {
    // "between 3 and 9 june 2025", "from 3 to 9 june", "3-9 june 2025", "june 3-9"
    pattern: new RegExp(String.raw`\b(?:between |from )?${DAY_RE}(?: ?(?:and|to|until|till|through|-) ?)${DAY_RE}(?: of)? ${MONTH_RE}\b(?:,? ${YEAR_RE})?|\b(?:between |from )?${MONTH_RE} ${DAY_RE}(?: ?(?:and|to|until|till|through|-) ?)${DAY_RE}\b(?:,? ${YEAR_RE})?`),
    build: (m, today) => {
      const [d1, d2, mon, yr] = m[1] ? [m[1], m[2], m[3], m[4]] : [m[6], m[7], m[5], m[8]];
      const month = monthNumber(mon!);
      const a = Number(d1);
      const b = Number(d2);
      if (!month || a < 1 || b > 31 || a > b) return null;
      const year = yr ? Number(yr) : recentYear(today, month, a);
      const start = ymd(year, month, a);
      const last = lastDayOfMonth(year, month);
      const end = ymd(year, month, b) > last ? last : ymd(year, month, b);
      return range(start, end, 'span', formatSpan(start, end), !yr);
    },
  },
  {
    // "the week of 10 march 2025", "week starting 10 march", "the week beginning march 10"
    pattern: new RegExp(String.raw`\b(?:in |during |for )?(?:the )?week (of|starting|beginning|commencing|from|ending|to) (?:the )?(?:${DAY_RE}(?: of)? ${MONTH_RE}|${MONTH_RE} ${DAY_RE})\b(?:,? ${YEAR_RE})?`),
    build: (m, today) => {
      const day = Number(m[2] ?? m[5]);
      const month = monthNumber((m[3] ?? m[4])!);
      if (!month) return null;
      const year = m[6] ? Number(m[6]) : recentYear(today, month, day);
      const date = ymd(year, month, day);
      let start: string;
      if (m[1] === 'ending' || m[1] === 'to') start = addDays(date, -6);
      else if (m[1] === 'of') start = addDays(date, -weekday(date));
      else start = date;
      const end = addDays(start, 6);
      return range(start, end, 'week', `the week of ${formatDate(start)}`, !m[6]);
    },
  },
  {
    // "the first week of february 2025", "last week of march"
    pattern: new RegExp(String.raw`\b(?:in |during |for )?(?:the )?(first|1st|second|2nd|third|3rd|fourth|4th|last|final) (week|half|fortnight) of ${MONTH_RE}\b(?:,? ${YEAR_RE})?`),
    build: (m, today) => {
      const month = monthNumber(m[3]!);
      if (!month) return null;
      const year = m[4] ? Number(m[4]) : recentYear(today, month);
      const last = lastDayOfMonth(year, month);
      const lastDay = Number(last.slice(8));
      let start: number;
      let end: number;
      if (m[2] === 'half') {
        [start, end] = m[1] === 'first' || m[1] === '1st' ? [1, 15] : [16, lastDay];
      } else if (m[2] === 'fortnight') {
        [start, end] = m[1] === 'last' || m[1] === 'final' || m[1] === 'second' || m[1] === '2nd' ? [lastDay - 13, lastDay] : [1, 14];
      } else if (m[1] === 'last' || m[1] === 'final') {
        [start, end] = [lastDay - 6, lastDay];
      } else {
        const n = ORDINAL[m[1]!]!;
        [start, end] = [(n - 1) * 7 + 1, Math.min(n * 7, lastDay)];
      }
      const s = ymd(year, month, start);
      const e = ymd(year, month, end);
      return range(s, e, 'span', `the ${m[1]} ${m[2]} of ${monthName(month)} ${year}`, !m[4]);
    },
  },
  {
    // "spring 2025", "the summer of 2024", "last summer", "in winter 2024/25". Meteorological
    // seasons (spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter Dec-Feb). A bare "winter
    // 2024" is the winter that ends in 2024 (1 Dec 2023 to 29 Feb 2024); "winter 2024/25" or
    // "2024-2025" starts in December 2024. No year: the latest season that has begun ("this" too);
    // "last" the latest that has ended. "fall" only where it cannot be the verb or "the fall of X".
    pattern: new RegExp(
      String.raw`\b(?:(?:in|during|over|for|through(?:out)?) )?(?:the )?(?:(?<which>this|last|past|previous) )?(?:(?<before>(?:19|20)\d{2}) )?` +
        String.raw`(?<season>spring|summer|autumn|winter(?! war)|fall(?:(?<=\b(?:in|during|over|this|last|past|previous|\d{4}) (?:the )?fall)(?! of (?!(?:19|20)\d{2}))|(?=,? (?:of )?(?:19|20)\d{2})))(?:time)?\b` +
        String.raw`(?:,? (?:of )?(?:(?<year>(?:19|20)\d{2})(?: ?[/-] ?(?<next>(?:19|20)?\d{2}))?|(?<rel>this|last) year)\b)?`,
    ),
    build: (m, today) => {
      const g = m.groups!;
      const season = g.season!;
      const first = SEASON_START[season]!;
      const written = g.year ?? g.before;
      let year: number;
      if (written) {
        year = Number(written);
        if (g.next) {
          // "winter 2024/25": the winter starting in the first year; other seasons have one year.
          const next = Number(g.next.length === 2 ? `${written.slice(0, 2)}${g.next}` : g.next);
          if (first !== 12 || next !== year + 1) return null;
        } else if (first === 12) year -= 1;
      } else if (g.rel) {
        year = Number(today.slice(0, 4)) - (g.rel === 'last' ? 1 : 0) - (first === 12 ? 1 : 0);
      } else {
        year = recentYear(today, first);
        // "last summer": the latest one that has ended, not one still running.
        if (g.which && g.which !== 'this' && seasonSpan(season, year).end >= today) year -= 1;
      }
      const { start, end } = seasonSpan(season, year);
      const label = first === 12 ? `${season} ${year}/${String(year + 1).slice(2)}` : `${season} ${year}`;
      if (sinceSeason(m)) {
        const after = /\bafter\s*$/.test(m.input.slice(0, m.index));
        const from = after ? addDays(end, 1) : start;
        const yesterday = yesterdayOf(today);
        return from > yesterday ? null : range(from, yesterday, 'span', `${after ? 'after' : 'since'} ${label}`);
      }
      return range(start, end, 'span', label, !written && !g.rel && !g.which);
    },
    partial: sinceSeason,
  },
  {
    // "in 2026 so far", "2026 to date", "this year to date", "ytd"
    pattern: new RegExp(String.raw`\b(?:in |during |for )?${YEAR_RE}(?: so far| to date| until now| up to now| till now| thus far| ytd| year to date)\b|\b(?:ytd|year to date|this year(?: so far| to date)?|so far this year|to date this year)\b`),
    build: (m, today) => {
      const year = m[1] ? Number(m[1]) : Number(today.slice(0, 4));
      const start = ymd(year, 1, 1);
      const yesterday = yesterdayOf(today);
      const end = ymd(year, 12, 31) < yesterday ? ymd(year, 12, 31) : yesterday < start ? start : yesterday;
      // The answer adds "so far, to DATE" to a partial period; the label does not say it again.
      return range(start, end, 'span', String(year));
    },
    partial: true,
  },
  {
    pattern: /\b(?:in |on |for )?yesterday'?s?\b|\b(?:in |over |during )?the (?:past|last) (?:day|24 hours|24h)\b/,
    build: (_m, today) => {
      const y = yesterdayOf(today);
      return range(y, y, 'day', 'yesterday', false, 'the past day');
    },
  },
  {
    pattern: new RegExp(String.raw`\b(?:in |over |during |for |within )?(?:the )?(past|last|previous|recent|preceding) (?:(\d{1,3}|${COUNT_WORDS}) )?(day|week|month|year|fortnight)s?\b`),
    build: (m, today) => {
      const which = m[1]!;
      const count = m[2] ? (NUMBER_WORDS[m[2]] ?? Number(m[2])) : 1;
      const unit = m[3]! as 'day' | 'week' | 'month' | 'year' | 'fortnight';
      const yesterday = yesterdayOf(today);
      const [ty, tm] = ymdParts(today);
      // "last week/month/year" without a number means the previous calendar one.
      if (which === 'last' || which === 'previous') {
        if (!m[2] && unit === 'month') {
          const y = tm === 1 ? ty - 1 : ty;
          const mo = tm === 1 ? 12 : tm - 1;
          const s = monthSpan(y, mo);
          return range(s.start, s.end, 'month', 'last month', false, 'the past month');
        }
        if (!m[2] && unit === 'year') return range(ymd(ty - 1, 1, 1), ymd(ty - 1, 12, 31), 'year', 'last year', false, 'the past year');
        if (!m[2] && unit === 'week') {
          const start = addDays(today, -weekday(today) - 7);
          return range(start, addDays(start, 6), 'week', 'last week', false, 'the past week');
        }
      }
      const days = unit === 'day' ? count : unit === 'week' ? 7 * count : unit === 'fortnight' ? 14 * count : unit === 'month' ? 30 * count : 365 * count;
      const label = `the past ${count > 1 ? `${count} ` : ''}${unit}${count > 1 ? 's' : ''}`;
      return range(addDays(yesterday, -(days - 1)), yesterday, unit === 'day' && count === 1 ? 'day' : 'span', label, false, label);
    },
  },
  {
    pattern: /\b(?:so far )?this (week|month)(?: so far| to date)?\b/,
    build: (m, today) => {
      const [ty, tm] = ymdParts(today);
      const unit = m[1]!;
      const start = unit === 'week' ? addDays(today, -weekday(today)) : ymd(ty, tm, 1);
      const end = yesterdayOf(today) < start ? start : yesterdayOf(today);
      return range(start, end, 'span', `this ${unit}`);
    },
    partial: true,
  },
  {
    // "since the start of 2025", "since the beginning of the year", "since (the) new year('s)"
    pattern: new RegExp(String.raw`\bsince (?:the )?(?:start|beginning) of (?:${YEAR_RE}|(the|this) year)\b|\bsince (?:the )?new ?year(?!(?:'?s)? ?eve)(?:'?s)?(?: day)?(?:,? (?:of )?${YEAR_RE})?\b`),
    build: (m, today) => {
      const written = m[1] ?? m[3];
      const year = written ? Number(written) : Number(today.slice(0, 4));
      const start = ymd(year, 1, 1);
      const end = yesterdayOf(today) < start ? start : yesterdayOf(today);
      return range(start, end, 'span', `since the start of ${year}`);
    },
    partial: true,
  },
  {
    // "last monday", "on friday", "this tuesday", "monday's losses", "since last friday". Not a
    // weekday with a date ("monday 3 march 2025": chrono's), "mondays" or "the last monday of march".
    pattern: new RegExp(String.raw`\b(?:(?:on|for|during) )?(?:(last|past|previous|this) )?${WEEKDAY_RE}(?:'s)?(?!'|,? (?:the )?\d|,? ${MONTH_RE}\b| of\b)\b`),
    build: (m, today) => {
      const name = m[2]!;
      const which = m[1] === 'past' || m[1] === 'previous' ? 'last' : m[1];
      const date = weekdayDate(name, which, today);
      return namedDay(m, date, `${capitalise(name)}, ${formatDate(date)}`, today);
    },
    partial: afterSince,
  },
  {
    // "christmas 2024", "on new year's eve", "independence day", "victory day 2025", "orthodox
    // christmas". Without a year the latest one before today ("this christmas": this year's), read
    // as a date without a year is. A bare "new year" is the day only after "on", "at" or "over":
    // "new year 2025" stays the year. Not "the christmas holidays", "the christmas truce".
    pattern: new RegExp(
      String.raw`\b(?:(?<on>on|at|over|for|during|around) )?(?:(?<which>last|this|past|previous) )?(?:(?<before>(?:19|20)\d{2}) )?(?:the )?` +
        String.raw`(?<name>(?:orthodox )?(?:christmas|xmas)(?: day| eve)?|new year'?s'? eve|new years?'?s?(?: day)?|(?:(?:ukraine'?s?|ukrainian) )?independence day|victory day)` +
        String.raw`(?! (?:holiday|holidays|break|period|season|week|weekend|truce|ceasefire|ceasefires|address|speech|message)\b)(?:,? (?:of |in )?(?<year>(?:19|20)\d{2}))?\b`,
    ),
    build: (m, today) => {
      const g = m.groups!;
      const name = g.name!;
      if (/^new year$/.test(name) && !g.on) return null;
      const holiday = HOLIDAYS.find((h) => h.re.test(name))!;
      const written = g.year ?? g.before;
      let year: number;
      if (written) year = Number(written);
      else if (g.which === 'this') year = Number(today.slice(0, 4));
      else {
        const [ty] = ymdParts(today);
        year = ymd(ty, holiday.month, holiday.day) < today ? ty : ty - 1;
      }
      const date = ymd(year, holiday.month, holiday.day);
      return namedDay(m, date, `${holiday.name}, ${formatDate(date)}`, today, !written && g.which !== 'this');
    },
    partial: afterSince,
  },
  {
    pattern: /\b(?:in |during |for |over )?(?:the )?(?:q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th|last|final) quarter)(?:,? (?:of )?(?:(?:19|20)?(\d{2}))?)?\b/,
    build: (m, today) => {
      const quarter = m[1] ? Number(m[1]) : ORDINAL[m[2]!]!;
      const year = m[3] ? 2000 + Number(m[3]) : recentYear(today, (quarter - 1) * 3 + 1);
      const { start, end } = quarterSpan(year, quarter);
      return range(start, end, 'quarter', `Q${quarter} ${year}`, !m[3]);
    },
  },
  {
    // "the second half of 2024", "H1 2025", "h2 of 2024", "first half of the year"
    pattern: new RegExp(String.raw`\b(?:in |during |for |over )?(?:the )?(?:(first|second|1st|2nd|latter|last) half|h([12]))(?:,? (?:of )?(?:${YEAR_RE}|(?:the |this )year))?\b`),
    build: (m, today) => {
      const first = m[2] ? m[2] === '1' : m[1] === 'first' || m[1] === '1st';
      const year = m[3] ? Number(m[3]) : recentYear(today, first ? 1 : 7);
      const start = ymd(year, first ? 1 : 7, 1);
      const end = ymd(year, first ? 6 : 12, first ? 30 : 31);
      return range(start, end, 'span', `the ${first ? 'first' : 'second'} half of ${year}`, !m[3]);
    },
  },
  {
    // "early 2024", "mid-2023", "late 2022", "the start of 2024"
    pattern: new RegExp(String.raw`\b(?:in )?(?:the )?(early|mid|middle of|late|end of|start of|beginning of)[- ]?${YEAR_RE}\b`),
    build: (m) => {
      const year = Number(m[2]);
      const part = m[1]!;
      if (part === 'end of') return { kind: 'asOf', date: ymd(year, 12, 31), yearless: false };
      const [s, e] = part === 'early' || part === 'start of' || part === 'beginning of' ? [1, 4] : part === 'late' ? [9, 12] : [5, 8];
      return range(ymd(year, s, 1), lastDayOfMonth(year, e), 'span', `${part.replace(' of', '')} ${year}`);
    },
  },
];

interface DateMention {
  index: number;
  length: number;
  text: string;
  year: number | null;
  month: number;
  day: number | null;
  /** chrono found a range inside the mention itself ("October 1-15 2024"). */
  end: { year: number | null; month: number; day: number | null } | null;
}

function chronoMentions(text: string, today: string): DateMention[] {
  const ref = new Date(`${today}T12:00:00Z`);
  let results: chrono.ParsedResult[];
  try {
    results = parser.parse(text, ref);
  } catch {
    return [];
  }
  return results
    .filter((r) => r.start.isCertain('month'))
    .map((r) => ({
      index: r.index,
      length: r.text.length,
      text: r.text,
      year: r.start.isCertain('year') ? r.start.get('year')! : null,
      month: r.start.get('month')!,
      day: r.start.isCertain('day') ? r.start.get('day')! : null,
      end:
        r.end && r.end.isCertain('month')
          ? { year: r.end.isCertain('year') ? r.end.get('year')! : null, month: r.end.get('month')!, day: r.end.isCertain('day') ? r.end.get('day')! : null }
          : null,
    }))
    .filter((m) => !/^(?:(?:right |just )?now|today|tonight|this (?:morning|evening|afternoon))$/.test(m.text.trim()))
    .filter((m) => m.month >= 1 && m.month <= 12 && (m.year === null || (m.year >= 1900 && m.year <= 2100)));
}

function mentionStart(m: { year: number | null; month: number; day: number | null }, year: number): string {
  return ymd(year, m.month, m.day ?? 1);
}
function mentionEnd(m: { year: number | null; month: number; day: number | null }, year: number): string {
  return m.day ? ymd(year, m.month, m.day) : lastDayOfMonth(year, m.month);
}

function describeMention(m: { month: number; day: number | null }, year: number | null): string {
  return `${m.day ? `${m.day} ` : ''}${monthName(m.month)}${year ? ` ${year}` : ''}`;
}

const YEAR = /\b((?:19[7-9]|20[0-9])\d)\b/g;
const AS_OF_BEFORE = /\b(?:as of|as at|as on|by|until|till|til|up to|up until|upto|through|thru|to the end of|at the end of|by the end of|end of|before|prior to|as at the end of|on or before)\s*(?:the\s+)?$/;
const TOTAL_WORDS = /\b(?:latest|current|total|totals|overall|altogether|cumulative(?:ly)?|running total|in all|all[- ]time|so far|to date|grand total|sum)\b/;
const LATEST_WORDS =
  /\b(?:so far|to date|up to now|until now|till now|thus far|as of (?:now|today)|right now|in total|total|overall|all[- ]time|altogether|cumulative(?:ly)?|in all|latest|most recent|newest|current(?:ly)?|today'?s?|now|at present|presently|as it stands|up to date|updated|recent(?:ly)?|lately|nowadays|these days)\b/;
const OPEN_END = /\b(?:so far|to date|up to now|until now|till now|thus far|yet)\b/;

/** Marks a period that runs past yesterday as partial: the answer says "so far, to DATE". */
function finish(time: TimeSpec, rest: string, index: number, length: number, today: string, partial = false): TimeResult {
  const open = partial || (time.kind === 'range' && !time.yearless && time.end > yesterdayOf(today));
  return { time, rest, partial: open, index, length };
}

/**
 * Words joining two periods a question compares: "2023 vs 2024", "in March or in April 2025",
 * "у 2023 і 2024", "в 2024 году по сравнению с 2023". "to" and "and" after "between"/"from" make a
 * range instead, which extractTime reads first.
 */
const PERIOD_LINK = /^[\s,]*(?:(?:year|рік|року|році|роках|роки|год|году|года|годах|годы)[\s,]+)?(?:(?:(?:and|but|or)\s+)?(?:what|how)\s+about|vs\.?|versus|v\.?|compared\s+(?:to|with)|against|or|and|than|as\s+against|і|та|й|чи|або|проти|порівняно\s+з|у\s+порівнянні\s+з|и|или|против|по\s+сравнению\s+с|чем|а)[\s,]+(?:(?:in|on|for|during|of|у|в|во|за|на)\s+)?(?:the\s+)?$/iu;

/**
 * The periods a question compares with the one `first` read: "russian losses in 2023 vs 2024" ->
 * 2024. Only dated periods, each joined to the one before by a comparing word; at most `max`.
 */
export function comparedPeriods(text: string, first: TimeResult, today: string, max = 3): TimeResult[] {
  const found: TimeResult[] = [];
  let previous = first;
  let rest = text;
  // "october and november 2024": the first period may lack a year the next one gives.
  const dated = (r: TimeResult) => r.time.kind === 'asOf' || (r.time.kind === 'range' && (!r.time.yearless || (r === first && (r.time.granularity === 'month' || r.time.granularity === 'day'))));
  while (found.length < max && (previous.time.kind === 'range' || previous.time.kind === 'asOf') && dated(previous) && previous.length > 0) {
    rest = blank(rest, previous.index, previous.length);
    const next = extractTime(rest, today);
    if ((next.time.kind !== 'range' && next.time.kind !== 'asOf') || next.time.yearless || next.index < previous.index + previous.length) break;
    // A comma alone links periods in a list: "in 2023, 2024 and 2025".
    const gap = text.slice(previous.index + previous.length, next.index);
    if (!PERIOD_LINK.test(gap) && !/^\s*,\s*(?:(?:in|on|for|during|у|в|во|за|на)\s+)?$/iu.test(gap)) break;
    if (previous.time.kind === 'range' && previous.time.yearless) previous.time = inYearOf(previous.time, next.time.kind === 'range' ? next.time.start : next.time.date);
    found.push(next);
    previous = next;
  }
  return found;
}

/** A yearless month or day in the year of the date after it (the year before, if it would fall after that date). */
function inYearOf(time: TimeSpec & { kind: 'range' }, after: string): TimeSpec {
  const [, sm, sd] = ymdParts(time.start);
  const [, em, ed] = ymdParts(time.end);
  let year = ymdParts(after)[0];
  if (ymd(year, sm, sd) > after) year--;
  const end = time.granularity === 'month' ? lastDayOfMonth(year, em) : ymd(year, em, ed);
  return { ...time, start: ymd(year, sm, sd), end, label: `${time.label} ${year}`, yearless: false };
}

export function extractTime(text: string, today: string): TimeResult {
  let rest = text;
  for (const rule of RULES) {
    const m = rule.pattern.exec(rest);
    if (!m) continue;
    const time = rule.build(m, today);
    const partial = typeof rule.partial === 'function' ? rule.partial(m) : rule.partial;
    if (time) return finish(time, blank(rest, m.index, m[0].length), m.index, m[0].length, today, partial);
  }

  const mentions = chronoMentions(rest, today);
  for (const m of mentions) rest = blank(rest, m.index, m.length);
  const years = [...rest.matchAll(YEAR)].map((y) => ({ year: Number(y[1]), index: y.index!, length: y[0].length }));
  const open = OPEN_END.test(text);

  // A range: "between September and November 2024", "from 1 Oct to 15 Oct 2024", "from 2023 to 2024".
  const connector = /\b(between|from)\b.*\b(and|to|until|till|through|thru)\b|\s[-–]\s|\b(?:to|until|till|through|thru)\b/;
  // A range's joining word stands between its two ends, not anywhere ("... according to the general staff").
  const joins = (a: { index: number; length: number }, b: { index: number }) => {
    const between = text.slice(a.index + a.length, b.index);
    return between.length <= 24 && /^\s*,?\s*(?:(?:right\s+|all\s+the\s+way\s+)?up\s+)?(?:and|to|until|till|through|thru|[-–])(?:\s|$)/.test(between) && connector.test(text.slice(0, b.index));
  };
  if (mentions.length >= 2 && joins(mentions[0]!, mentions[1]!)) {
    const [a, b] = [mentions[0]!, mentions[1]!];
    const yearless = b.year === null && a.year === null;
    let endYear = b.year ?? a.year ?? recentYear(today, b.month, b.day ?? 1);
    let startYear = a.year ?? endYear;
    if (mentionStart(a, startYear) > mentionEnd(b, endYear)) {
      if (a.year === null) startYear -= 1;
      else if (b.year === null) endYear += 1;
    }
    const start = mentionStart(a, startYear);
    const end = mentionEnd(b, endYear);
    if (start <= end) return finish(range(start, end, 'span', formatSpan(start, end), yearless), rest, a.index, b.index + b.length - a.index, today, open);
  }
  if (mentions.length === 0 && years.length >= 2 && joins(years[0]!, years[1]!)) {
    const [a, b] = [years[0]!.year, years[1]!.year];
    if (a <= b) {
      for (const y of years.slice(0, 2)) rest = blank(rest, y.index, y.length);
      return finish(range(ymd(a, 1, 1), ymd(b, 12, 31), 'span', `${a} to ${b}`), rest, years[0]!.index, years[1]!.index + years[1]!.length - years[0]!.index, today, open);
    }
  }

  const first = mentions[0];
  if (first) {
    const before = text.slice(0, first.index);
    const yearless = first.year === null;
    const year = first.year ?? recentYear(today, first.month, first.day ?? 1);
    if (first.end) {
      const endYear = first.end.year ?? year;
      let startYear = first.year ?? endYear;
      if (first.year === null && mentionStart(first, startYear) > mentionEnd(first.end, endYear)) startYear -= 1;
      const start = mentionStart(first, startYear);
      const end = mentionEnd(first.end, endYear);
      const noYear = first.year === null && first.end.year === null;
      if (start <= end) return finish(range(start, end, 'span', formatSpan(start, end), noYear), rest, first.index, first.length, today, open);
    }
    // "at the end of march 2024": chrono reads "end of march" as its last day.
    const endOf = /^(?:the )?end of\b/.test(first.text);
    if (endOf || AS_OF_BEFORE.test(before)) {
      const date = endOf ? lastDayOfMonth(year, first.month) : mentionEnd(first, year);
      return finish({ kind: 'asOf', date, yearless }, rest, first.index, first.length, today);
    }
    if (/\b(?:since|from|starting|starting from|beginning|after)\s*(?:the\s+)?$/.test(before) && !/\b(?:update|report|statement|briefing|bulletin|post|tweet|figures?|numbers?)s? from\s*$/.test(before)) {
      const start = mentionStart(first, year);
      const yesterday = yesterdayOf(today);
      if (start <= yesterday) return finish(range(start, yesterday, 'span', `since ${describeMention(first, year)}`), rest, first.index, first.length, today, true);
    }
    // "total losses on 3 march 2025": the running total as of that day.
    if (first.day && TOTAL_WORDS.test(text)) return finish({ kind: 'asOf', date: mentionEnd(first, year), yearless }, rest, first.index, first.length, today);
    const start = mentionStart(first, year);
    const end = mentionEnd(first, year);
    return finish(range(start, end, first.day ? 'day' : 'month', describeMention(first, year), yearless), rest, first.index, first.length, today, open);
  }

  const y = years[0];
  if (y) {
    rest = blank(rest, y.index, y.length);
    const before = text.slice(0, y.index);
    if (AS_OF_BEFORE.test(before)) return finish({ kind: 'asOf', date: ymd(y.year, 12, 31), yearless: false }, rest, y.index, y.length, today);
    if (/\b(?:since|from|starting|after)\s*(?:the\s+)?$/.test(before)) {
      const start = ymd(y.year, 1, 1);
      const end = yesterdayOf(today) < start ? start : yesterdayOf(today);
      return finish(range(start, end, 'span', `since ${y.year}`), rest, y.index, y.length, today, true);
    }
    return finish(range(ymd(y.year, 1, 1), ymd(y.year, 12, 31), 'year', String(y.year)), rest, y.index, y.length, today, open);
  }

  const latest = LATEST_WORDS.exec(rest);
  if (latest) return { time: { kind: 'latest' }, rest: blank(rest, latest.index, latest[0].length), partial: false, index: latest.index, length: latest[0].length };
  return { time: { kind: 'unspecified' }, rest, partial: false, index: -1, length: 0 };
}
