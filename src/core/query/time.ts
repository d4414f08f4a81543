// Time in a question: our own rules for what chrono-node does not know (war-relative periods,
// quarters, bare years, trailing periods, ranges of months), then chrono-node for dates.
import * as chrono from 'chrono-node';
import { addDays, formatSpan, lastDayOfMonth, monthName, monthSpan, ymd } from '../dates.ts';
import { INVASION_START } from '../vocabulary.ts';
import type { Granularity, TimeSpec } from './types.ts';

export interface TimeResult {
  time: TimeSpec;
  /** The text with the words that named the time blanked out, for the entity rules. */
  rest: string;
}

const parser = chrono.en.casual.clone();

function ymdParts(iso: string): [number, number, number] {
  return iso.split('-').map(Number) as [number, number, number];
}

function range(start: string, end: string, granularity: Granularity, label: string, yearless = false): TimeSpec {
  return { kind: 'range', start, end, granularity, label, yearless };
}

function blank(text: string, index: number, length: number): string {
  return text.slice(0, index) + ' '.repeat(length) + text.slice(index + length);
}

const ORDINAL: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

/** The most recent year in which month/day has begun by `today`. */
function recentYear(today: string, month: number, day = 1): number {
  const [ty, tm, td] = ymdParts(today);
  return month < tm || (month === tm && day <= td) ? ty : ty - 1;
}

function quarterSpan(year: number, quarter: number) {
  const start = ymd(year, (quarter - 1) * 3 + 1, 1);
  return { start, end: lastDayOfMonth(year, quarter * 3) };
}

interface Rule {
  pattern: RegExp;
  build: (m: RegExpExecArray, today: string) => TimeSpec | null;
}

const WAR = String.raw`(?:the )?(?:full[- ]scale |russian )?(?:war|invasion|conflict|fighting)`;

const RULES: Rule[] = [
  {
    pattern: new RegExp(String.raw`\b(?:in |during |over )?the first (day|week|month|year) of ${WAR}\b`),
    build: (m) => {
      const unit = m[1]!;
      const s = INVASION_START;
      const end = unit === 'day' ? s : unit === 'week' ? addDays(s, 6) : unit === 'month' ? '2022-03-23' : '2023-02-23';
      return range(s, end, 'span', `the first ${unit} of the war`);
    },
  },
  {
    pattern: new RegExp(String.raw`\b(?:ever )?(?:since|from) (?:the )?(?:very )?(?:start|beginning|outbreak|onset) of ${WAR}\b|\bsince ${WAR}\b|\bsince (?:it|the war|the invasion) (?:began|started)\b`),
    build: () => ({ kind: 'latest' }),
  },
  {
    pattern: /\b(?:so far|to date|up to now|until now|till now|as of (?:now|today)|right now|in total|total|overall|all[- ]time|altogether|cumulative(?:ly)?|in all|latest|most recent|newest|current(?:ly)?|today'?s?|now)\b/,
    build: () => ({ kind: 'latest' }),
  },
  {
    pattern: /\b(?:in |on |for )?yesterday\b|\b(?:in |over |during )?the (?:past|last) (?:day|24 hours)\b/,
    build: (_m, today) => {
      const y = addDays(today, -1);
      return range(y, y, 'day', 'yesterday');
    },
  },
  {
    pattern: /\b(?:in |over |during |for )?(?:the )?(past|last|previous|recent|preceding) (?:(\d{1,3}|two|three|four|five|six|seven|ten|twelve) )?(day|week|month|year)s?\b/,
    build: (m, today) => {
      const words: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10, twelve: 12 };
      const which = m[1]!;
      const count = m[2] ? (words[m[2]] ?? Number(m[2])) : 1;
      const unit = m[3]! as 'day' | 'week' | 'month' | 'year';
      const yesterday = addDays(today, -1);
      const [ty, tm] = ymdParts(today);
      // "last week/month/year" without a number means the previous calendar one.
      if (which === 'last' || which === 'previous') {
        if (!m[2] && unit === 'month') {
          const y = tm === 1 ? ty - 1 : ty;
          const mo = tm === 1 ? 12 : tm - 1;
          const s = monthSpan(y, mo);
          return range(s.start, s.end, 'month', 'last month');
        }
        if (!m[2] && unit === 'year') return range(ymd(ty - 1, 1, 1), ymd(ty - 1, 12, 31), 'year', 'last year');
        if (!m[2] && unit === 'week') {
          const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
          const start = addDays(today, -weekday - 7);
          return range(start, addDays(start, 6), 'week', 'last week');
        }
      }
      const days = unit === 'day' ? count : unit === 'week' ? 7 * count : unit === 'month' ? 30 * count : 365 * count;
      const label = `the past ${m[2] ? `${count} ` : ''}${unit}${count > 1 ? 's' : ''}`;
      return range(addDays(yesterday, -(days - 1)), yesterday, unit === 'day' && count === 1 ? 'day' : 'span', label);
    },
  },
  {
    pattern: /\bthis (week|month|year)\b/,
    build: (m, today) => {
      const [ty, tm] = ymdParts(today);
      const unit = m[1]!;
      const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
      const start = unit === 'week' ? addDays(today, -weekday) : unit === 'month' ? ymd(ty, tm, 1) : ymd(ty, 1, 1);
      const end = addDays(today, -1) < start ? start : addDays(today, -1);
      return range(start, end, 'span', `this ${unit} so far`);
    },
  },
  {
    pattern: /\b(?:in |during |for |over )?(?:the )?(?:q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th|last) quarter)(?:,? (?:of )?((?:19|20)\d{2}))?\b/,
    build: (m, today) => {
      const quarter = m[1] ? Number(m[1]) : m[2] === 'last' ? 4 : ORDINAL[m[2]!]!;
      const year = m[3] ? Number(m[3]) : recentYear(today, (quarter - 1) * 3 + 1);
      const { start, end } = quarterSpan(year, quarter);
      return range(start, end, 'quarter', `Q${quarter} ${year}`, !m[3]);
    },
  },
  {
    pattern: /\b(?:in |during )?the (first|second) half of ((?:19|20)\d{2})\b/,
    build: (m) => {
      const year = Number(m[2]);
      const first = m[1] === 'first';
      return range(ymd(year, first ? 1 : 7, 1), ymd(year, first ? 6 : 12, first ? 30 : 31), 'span', `the ${m[1]} half of ${year}`);
    },
  },
];

interface DateMention {
  index: number;
  length: number;
  year: number | null;
  month: number;
  day: number | null;
  /** chrono found a range inside the mention itself ("October 1-15 2024"). */
  end: { year: number | null; month: number; day: number | null } | null;
}

function chronoMentions(text: string, today: string): DateMention[] {
  const ref = new Date(`${today}T12:00:00Z`);
  return parser
    .parse(text, ref)
    .filter((r) => r.start.isCertain('month'))
    .map((r) => ({
      index: r.index,
      length: r.text.length,
      year: r.start.isCertain('year') ? r.start.get('year')! : null,
      month: r.start.get('month')!,
      day: r.start.isCertain('day') ? r.start.get('day')! : null,
      end:
        r.end && r.end.isCertain('month')
          ? { year: r.end.isCertain('year') ? r.end.get('year')! : null, month: r.end.get('month')!, day: r.end.isCertain('day') ? r.end.get('day')! : null }
          : null,
    }));
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

export function extractTime(text: string, today: string): TimeResult {
  let rest = text;
  for (const rule of RULES) {
    const m = rule.pattern.exec(rest);
    if (!m) continue;
    const time = rule.build(m, today);
    if (time) return { time, rest: blank(rest, m.index, m[0].length) };
  }

  const mentions = chronoMentions(rest, today);
  for (const m of mentions) rest = blank(rest, m.index, m.length);
  const years = [...rest.matchAll(YEAR)].map((y) => ({ year: Number(y[1]), index: y.index!, length: y[0].length }));

  // A range: "between September and November 2024", "from 1 Oct to 15 Oct 2024", "from 2023 to 2024".
  const connector = /\b(between|from)\b.*\b(and|to|until|till|through|thru)\b|\s[-–]\s/;
  if (mentions.length >= 2 && connector.test(text)) {
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
    if (start <= end) return { time: range(start, end, 'span', formatSpan(start, end), yearless), rest };
  }
  if (mentions.length === 0 && years.length >= 2 && connector.test(text)) {
    const [a, b] = [years[0]!.year, years[1]!.year];
    if (a <= b) {
      for (const y of years.slice(0, 2)) rest = blank(rest, y.index, y.length);
      return { time: range(ymd(a, 1, 1), ymd(b, 12, 31), 'span', `${a} to ${b}`), rest };
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
      if (start <= end) return { time: range(start, end, 'span', formatSpan(start, end), noYear), rest };
    }
    if (/\b(?:as of|as at|by|until|till|up to|up until|through|to the end of|at the end of|end of)\s*(?:the\s+)?$/.test(before)) {
      return { time: { kind: 'asOf', date: mentionEnd(first, year), yearless }, rest };
    }
    if (/\bsince\s*$/.test(before)) {
      const start = mentionStart(first, year);
      const yesterday = addDays(today, -1);
      if (start <= yesterday) return { time: range(start, yesterday, 'span', `since ${describeMention(first, year)}`, yearless), rest };
    }
    const start = mentionStart(first, year);
    const end = mentionEnd(first, year);
    return { time: range(start, end, first.day ? 'day' : 'month', describeMention(first, year), yearless), rest };
  }

  const y = years[0];
  if (y) {
    rest = blank(rest, y.index, y.length);
    const before = text.slice(0, y.index);
    if (/\b(?:as of|by|until|up to|through|end of)\s*(?:the\s+)?$/.test(before))
      return { time: { kind: 'asOf', date: ymd(y.year, 12, 31), yearless: false }, rest };
    if (/\bsince\s*$/.test(before)) return { time: range(ymd(y.year, 1, 1), addDays(today, -1), 'span', `since ${y.year}`), rest };
    return { time: range(ymd(y.year, 1, 1), ymd(y.year, 12, 31), 'year', String(y.year)), rest };
  }

  return { time: { kind: 'unspecified' }, rest };
}
