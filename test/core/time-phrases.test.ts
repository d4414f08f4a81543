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
