// A breakdown asked by day over a long span ("daily russian losses": since 24 Feb 2022, some 1,600
// rows) is shown by week or by month instead, with one line saying so in the reader's language; a
// short span asked by day stays by day.
import { snapshotApp } from '../helpers.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { docToPlainText } from '../../src/core/doc.ts';
import { fitUnit, MAX_DAY_ROWS } from '../../src/core/trends/views.ts';
import { addDays } from '../../src/core/dates.ts';
import type { ViewReply } from '../../src/services/views-service.ts';

let app: App;

beforeAll(() => {
  app = snapshotApp();
}, 60_000);
afterAll(() => app?.close());

const viewText = (r: ViewReply) => (r.kind === 'answer' ? '' : docToPlainText(r.doc));
const rows = (text: string) => text.split('\n').filter((l) => l.startsWith('- '));

describe('the unit of a breakdown asked by day', () => {
  it.each([
    [31, 'day', null],
    [MAX_DAY_ROWS, 'day', null],
    [MAX_DAY_ROWS + 1, 'week', MAX_DAY_ROWS + 1],
    [365, 'week', 365],
    [433, 'month', 433],
    [1626, 'month', 1626],
  ])('%i days by day: by %s', (days, unit, said) => {
    expect(fitUnit('day', '2025-01-01', addDays('2025-01-01', days - 1))).toEqual({ unit, days: said });
  });

  it('other units are kept whatever the span', () => {
    expect(fitUnit('week', '2022-02-24', '2026-08-07')).toEqual({ unit: 'week', days: null });
    expect(fitUnit('month', '2022-02-24', '2026-08-07')).toEqual({ unit: 'month', days: null });
  });
});

describe('a breakdown by day in chat', () => {
  it('since the invasion: by month, said in one line', async () => {
    const text = viewText(await app.views.reply('daily russian losses'));
    expect(text).toMatch(/^Russian personnel losses by month, since 24 Feb 2022/);
    expect(text).toMatch(/\nBy day over [\d,]+ days is too long for a chat; by month instead\.\n/);
    expect(rows(text).length).toBeGreaterThan(40);
    expect(rows(text).length).toBeLessThan(70);
    expect(rows(text)[0]).toMatch(/^- Feb 2022 \(24 Feb 2022 to 28 Feb 2022, part only\): about [\d,]+/);
  });

  it('a year: by week', async () => {
    const text = viewText(await app.views.reply('daily tank losses in 2025'));
    expect(text).toMatch(/^Tanks lost by week, 2025/);
    expect(text).toContain('By day over 365 days is too long for a chat; by week instead.');
    expect(rows(text).length).toBeLessThanOrEqual(60);
  });

  it('a month asked by day stays by day, with no such line', async () => {
    const text = viewText(await app.views.reply('daily tank losses in march 2025'));
    expect(text).toMatch(/^Tanks lost by day, March 2025/);
    expect(text).not.toMatch(/too long/);
    expect(rows(text)).toHaveLength(31);
    expect(rows(text)[0]).toMatch(/^- 1 Mar 2025: \d+$/);
  });

  it.each([
    ['uk', 'втрати росії по днях', /\nПо днях за [\d\s ]+днів — задовго для чату; натомість по місяцях\.\n/],
    ['ru', 'потери россии по дням', /\nПо дням за [\d\s ]+дней — слишком длинно для чата; вместо этого по месяцам\.\n/],
  ] as const)('in %s: %s', async (locale, question, line) => {
    const text = viewText(await app.views.reply(question, undefined, locale));
    expect(text).toMatch(line);
    expect(rows(text).length).toBeLessThan(70);
  });
});
