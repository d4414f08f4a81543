// Time phrases the corpus holds one "today" for: seasons on either side of their start and end,
// number words in every language, day N of the war, "since new year", and labels said once.
import { describe, expect, it } from 'vitest';
import { QueryVocabulary, readQuestion } from '../../src/core/query/parse.ts';
import { extractTime } from '../../src/core/query/time.ts';
import { memoryApp } from '../helpers.ts';

const TODAY = '2026-11-23';
const vocab = new QueryVocabulary(memoryApp(new Date(`${TODAY}T12:00:00Z`)).service.directory());

function span(text: string, today = TODAY): string {
  const { time } = extractTime(text, today);
  return time.kind === 'range' ? `${time.start}..${time.end}` : time.kind === 'asOf' ? `asof:${time.date}` : time.kind;
}

function read(question: string): string {
  const r = readQuestion(question, vocab, TODAY);
  if (r.kind !== 'query') return r.kind;
  return r.time.kind === 'range' ? `${r.time.start}..${r.time.end}` : r.time.kind;
}

describe('seasons', () => {
  it.each([
    ['losses in spring 2025', '2025-03-01..2025-05-31'],
    ['losses in summer 2024', '2024-06-01..2024-08-31'],
    ['losses autumn 2023', '2023-09-01..2023-11-30'],
    // A bare "winter YEAR" is the one ending in that year; February follows leap years.
    ['losses winter 2024', '2023-12-01..2024-02-29'],
    ['losses winter 2025', '2024-12-01..2025-02-28'],
    ['losses winter 2022/23', '2022-12-01..2023-02-28'],
    ['losses winter of 2023-2024', '2023-12-01..2024-02-29'],
    ['losses in the 2023 summer', '2023-06-01..2023-08-31'],
  ])('%s -> %s', (text, expected) => expect(span(text)).toBe(expected));

  it.each([
    // In July, "this summer" is the one running and "last summer" the one before it.
    ['losses this summer', '2026-07-15', '2026-06-01..2026-08-31'],
    ['losses last summer', '2026-07-15', '2025-06-01..2025-08-31'],
    ['losses last summer', '2026-09-01', '2026-06-01..2026-08-31'],
    // In January the winter running began in December of the year before.
    ['losses this winter', '2026-01-10', '2025-12-01..2026-02-28'],
    ['losses in winter', '2026-11-23', '2025-12-01..2026-02-28'],
    ['losses last winter', '2026-02-10', '2024-12-01..2025-02-28'],
    ['losses in the fall', '2026-10-10', '2026-09-01..2026-11-30'],
  ])('%s on %s -> %s', (text, today, expected) => expect(span(text, today)).toBe(expected));

  it('marks a season still running as partial only when its year is known', () => {
    expect(extractTime('losses this summer', '2026-07-15').partial).toBe(true);
    expect(extractTime('losses in summer', '2026-07-15')).toMatchObject({ partial: false, time: { yearless: true } });
  });

  it.each(['did tank losses fall in 2024', 'losses since the fall of avdiivka', 'soviet losses in the winter war'])('%s: no season', (text) => {
    const { time } = extractTime(text, TODAY);
    expect(time.kind === 'range' ? time.label : time.kind).not.toMatch(/fall|autumn|winter/);
  });
});

describe('number words in relative periods', () => {
  it.each([
    ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6],
    ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12],
  ])('past %s days', (word, n) => expect(span(`losses in the past ${word} days`)).toBe(`${addDays('2026-11-22', 1 - n)}..2026-11-22`));

  const uk = ['один', 'два', 'три', 'чотири', "п'ять", 'шість', 'сім', 'вісім', "дев'ять", 'десять', 'одинадцять', 'дванадцять'];
  const ru = ['один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять', 'десять', 'одиннадцать', 'двенадцать'];
  it.each(uk.map((w, i) => [w, i + 1] as const))('втрати росії за останні %s днів', (word, n) => {
    expect(read(`втрати росії за останні ${word} днів`)).toBe(`${addDays('2026-11-22', 1 - n)}..2026-11-22`);
  });
  it.each(ru.map((w, i) => [w, i + 1] as const))('потери россии за последние %s дней', (word, n) => {
    expect(read(`потери россии за последние ${word} дней`)).toBe(`${addDays('2026-11-22', 1 - n)}..2026-11-22`);
  });
  it.each([
    ['втрати росії за дві доби', '2026-11-21..2026-11-22'],
    ['втрати росії за одну добу', '2026-11-22..2026-11-22'],
    ['потери россии за одну неделю', '2026-11-16..2026-11-22'],
    ['потери россии за две недели', '2026-11-09..2026-11-22'],
    ['втрати росії за останні два роки', '2024-11-23..2026-11-22'],
  ])('%s -> %s', (q, expected) => expect(read(q)).toBe(expected));

  it('leaves a number word that counts no time alone', () => {
    const r = readQuestion('чи знищено три танки вчора', vocab, TODAY);
    expect(r).toMatchObject({ kind: 'query', time: { start: '2026-11-22', end: '2026-11-22' } });
  });
});

describe('day N of the war', () => {
  it.each([
    ['losses on day 1 of the war', '2022-02-24..2022-02-24'],
    ['losses on day 1000 of the invasion', '2024-11-19..2024-11-19'],
    ['losses on the 365th day of the war', '2023-02-23..2023-02-23'],
    ['losses by day 1000 of the war', 'asof:2024-11-19'],
  ])('%s -> %s', (text, expected) => expect(span(text)).toBe(expected));
});

describe('since the new year', () => {
  it.each(['since new year', 'since the new year', "since new year's", 'since new years day'])('%s', (phrase) => {
    expect(extractTime(`russian losses ${phrase}`, TODAY)).toMatchObject({ partial: true, time: { start: '2026-01-01', end: '2026-11-22' } });
  });
  it('on 1 January is that day', () => expect(span('losses since new year', '2026-01-01')).toBe('2026-01-01..2026-01-01'));
});

describe('weekdays', () => {
  // "monday", "on monday", "last monday": the most recent one before today, never today (its
  // report is not out); "this monday": the one of the current week (Monday first), today included.
  it.each([
    // Tuesday 24 November 2026
    ['russian losses last monday', '2026-11-24', '2026-11-23..2026-11-23'],
    ['russian losses on monday', '2026-11-24', '2026-11-23..2026-11-23'],
    ['russian losses last tuesday', '2026-11-24', '2026-11-17..2026-11-17'],
    ['russian losses last friday', '2026-11-24', '2026-11-20..2026-11-20'],
    ['russian losses this tuesday', '2026-11-24', '2026-11-24..2026-11-24'],
    ['russian losses this monday', '2026-11-24', '2026-11-23..2026-11-23'],
    ['russian losses last sunday', '2026-11-24', '2026-11-22..2026-11-22'],
    // Monday 23 November 2026
    ['russian losses last monday', '2026-11-23', '2026-11-16..2026-11-16'],
    ['russian losses on sunday', '2026-11-23', '2026-11-22..2026-11-22'],
    ['russian losses since last friday', '2026-11-23', '2026-11-20..2026-11-22'],
    ['total russian losses by last monday', '2026-11-23', 'asof:2026-11-16'],
  ])('%s on %s -> %s', (text, today, expected) => expect(span(text, today)).toBe(expected));

  it.each(['russian losses on monday 3 march 2025', 'russian losses monday, march 3 2025'])('%s: the date, not the weekday', (text) => expect(span(text)).toBe('2025-03-03..2025-03-03'));
  it('leaves "mondays" alone', () => expect(span('russian losses on mondays')).toBe('unspecified'));

  it.each([
    ['втрати росії минулого понеділка', '2026-11-16..2026-11-16'],
    ['втрати росії у минулу пʼятницю', '2026-11-20..2026-11-20'],
    ['втрати росії в неділю', '2026-11-22..2026-11-22'],
    ['потери россии в прошлую пятницу', '2026-11-20..2026-11-20'],
    ['потери россии в понедельник', '2026-11-16..2026-11-16'],
    ['потери россии в воскресенье', '2026-11-22..2026-11-22'],
  ])('%s -> %s', (q, expected) => expect(read(q)).toBe(expected));
});

describe('holidays', () => {
  it.each([
    ['russian losses christmas 2024', '2024-12-25..2024-12-25'],
    ['russian losses on christmas eve 2024', '2024-12-24..2024-12-24'],
    ['russian losses on orthodox christmas 2024', '2024-01-07..2024-01-07'],
    ['russian losses on new year\'s eve 2024', '2024-12-31..2024-12-31'],
    ['russian losses on new years day 2025', '2025-01-01..2025-01-01'],
    ['russian losses on new year 2025', '2025-01-01..2025-01-01'],
    ['russian losses on independence day 2023', '2023-08-24..2023-08-24'],
    ['russian losses on victory day 2024', '2024-05-09..2024-05-09'],
    ['russian losses on christmas in 2023', '2023-12-25..2023-12-25'],
    // "new year YEAR" without "on" or "'s" is the year; "since new year" the year to date.
    ['russian losses new year 2025', '2025-01-01..2025-12-31'],
    ['russian losses since new year', '2026-01-01..2026-11-22'],
    ['russian losses since new year\'s eve', '2025-12-31..2026-11-22'],
    ['total russian losses on christmas 2024', 'asof:2024-12-25'],
  ])('%s -> %s', (text, expected) => expect(span(text)).toBe(expected));

  it.each([
    // Without a year: the latest one before today, read as a date without a year is.
    ['russian losses on christmas', '2026-11-24', '2025-12-25..2025-12-25'],
    ['russian losses on christmas', '2026-12-26', '2026-12-25..2026-12-25'],
    ['russian losses on christmas', '2026-12-25', '2025-12-25..2025-12-25'],
    ['russian losses on new year\'s day', '2026-11-24', '2026-01-01..2026-01-01'],
    ['russian losses on independence day', '2026-11-24', '2026-08-24..2026-08-24'],
    ['russian losses on independence day', '2026-08-01', '2025-08-24..2025-08-24'],
    ['russian losses on victory day', '2026-05-09', '2025-05-09..2025-05-09'],
  ])('%s on %s -> %s', (text, today, expected) => {
    expect(span(text, today)).toBe(expected);
    expect(extractTime(text, today).time).toMatchObject({ yearless: true });
  });

  it.each([
    ['втрати росії на Різдво 2024', '2024-12-25..2024-12-25'],
    ['втрати росії на Різдво', '2025-12-25..2025-12-25'],
    ['втрати росії на православне Різдво 2025', '2025-01-07..2025-01-07'],
    ['втрати росії на новий рік', '2026-01-01..2026-01-01'],
    ['втрати росії на день незалежності 2024 року', '2024-08-24..2024-08-24'],
    ['втрати росії 9 травня 2025', '2025-05-09..2025-05-09'],
    ['потери россии на Рождество 2024 года', '2024-12-25..2024-12-25'],
    ['потери россии в новый год', '2026-01-01..2026-01-01'],
    ['потери россии в канун нового года 2024', '2024-12-31..2024-12-31'],
    ['потери россии в день независимости', '2026-08-24..2026-08-24'],
    ['потери россии в день победы 2024', '2024-05-09..2024-05-09'],
    ['потери россии 9 мая 2024', '2024-05-09..2024-05-09'],
  ])('%s -> %s', (q, expected) => expect(read(q)).toBe(expected));
});

describe('a whole past year', () => {
  // The reader does not mark 2022 partial; "so far, to DATE" in an answer comes from a claimant's figure.
  it.each(['losses 2022', 'russian losses in 2022', 'losses during 2022'])('%s', (text) => {
    expect(extractTime(text, TODAY)).toMatchObject({ partial: false, time: { start: '2022-01-01', end: '2022-12-31' } });
  });
});

describe('a second period asked after the first', () => {
  function periods(question: string): string[] {
    const r = readQuestion(question, vocab, TODAY);
    if (r.kind !== 'query') return [r.kind];
    return [r.time, ...(r.otherTimes ?? [])].map((t) => (t.kind === 'range' ? `${t.start.slice(0, 4)}` : t.kind));
  }
  it.each([
    'russian losses in 2024 and what about 2025',
    'russian losses in 2024, what about 2025?',
    'russian losses in 2024 and how about in 2025',
    'russian losses in 2024 and in 2025',
    'russian losses in 2024 and for 2025',
    'втрати росії у 2024 і що по 2025',
    'втрати росії у 2024 а у 2025',
    'втрати росії у 2024 а що з 2025',
    'втрати росії у 2024 а як щодо 2025',
    'потери россии в 2024 а в 2025',
    'потери россии в 2024 и что по 2025',
    'потери россии за 2024 а за 2025',
    'потери россии в 2024 а что с 2025',
  ])('%s', (q) => expect(periods(q)).toEqual(['2024', '2025']));
});

describe('labels', () => {
  // The answer adds "so far, to DATE" to a partial period: the label must not say it already.
  it.each(['losses this year so far', 'losses in 2026 so far', 'losses ytd', 'losses this month so far', 'losses this week'])('%s: no "so far" in the label', (text) => {
    const { time, partial } = extractTime(text, TODAY);
    expect(partial).toBe(true);
    expect(time.kind === 'range' && time.label).not.toMatch(/so far/);
  });
});

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
