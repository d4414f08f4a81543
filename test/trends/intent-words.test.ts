// Words that ask for a record (the worst day, the bloodiest month) in the three languages, and
// the words near them that must not: "most recent", "за добу" on its own, "найбільше" with no unit.
import { describe, expect, it } from 'vitest';
import { readTrendIntent } from '../../src/core/trends/intent.ts';

describe('records asked in words', () => {
  it.each([
    ['deadliest day', 'day', ''],
    ['bloodiest month', 'month', ''],
    ['bloodiest week for russia', 'week', 'russia'],
    ['max losses in one day', 'day', 'losses'],
    ['maximum russian losses in a single day', 'day', 'russian losses'],
    ['most russians killed in one day', 'day', 'russians killed'],
    ['peak day for russian losses', 'day', 'russian losses'],
    ['найкривавіший день для окупантів', 'day', 'для окупантів'],
    ['самий кривавий місяць для росії', 'month', 'для росії'],
    ['найбільше втрат за день у 2025', 'day', 'втрат у 2025'],
    ['максимальні втрати за добу', 'day', 'втрати'],
    ['самый кровавый день для россии', 'day', 'для россии'],
    ['больше всего потерь за день', 'day', 'потерь'],
    ['самые большие потери за сутки', 'day', 'потери'],
    ['максимальные потери россии за месяц', 'month', 'потери россии'],
  ])('%s: a record by %s, the rest read as "%s"', (question, unit, text) => {
    expect(readTrendIntent(question)).toEqual({ view: 'record', unit, bar: false, text });
  });

  it('"the best day for Ukraine" is the record of Russian losses, and the other way round', () => {
    expect(readTrendIntent('best day for ukraine in terms of enemy kills')).toMatchObject({ view: 'record', unit: 'day', text: 'russian kills' });
    expect(readTrendIntent('best month for russia')).toMatchObject({ view: 'record', unit: 'month', text: 'ukrainian' });
  });

  it.each([
    'most recent russian losses',
    'most recent figures on ukrainian losses',
    'скільки росіян вбито за добу',
    'сколько россиян убито за сутки',
    'найбільше втрат',
    'больше всего потерь',
    'max russian losses',
    'кривава війна: скільки загинуло росіян',
  ])('leaves a plain question alone: %s', (question) => {
    expect(readTrendIntent(question)).toBeNull();
  });
});

describe('the daily report card asked in everyday words', () => {
  it.each([
    'що там за сьогодні',
    'бот, що там за сьогодні по бавовні',
    'що там по бавовні сьогодні 💥',
    '@lossbot че там по потерям сегодня',
    'шо там сьогодні',
    'что там сегодня',
    "what's new today",
    'what’s new today',
    'any news today',
    'latest daily report',
    'daily russian losses report',
    "today's russian losses update",
    'latest general staff report',
    'свіжа сводка генштабу',
    'свіже зведення генштабу',
    'свежая сводка генштаба',
    'нова зведення',
    'нове зведення втрат ворога',
    'новое от генштаба',
    'що нового від генштабу',
    "today's report",
    '/today',
    'сьогоднішнє зведення',
    'сегодняшняя сводка',
  ])('%s', (question) => {
    expect(readTrendIntent(question)).toMatchObject({ view: 'card', unit: null });
  });

  it.each([
    'russian losses today',
    'how many tanks so far today',
    'tanks lost today',
    'скільки втратила росія сьогодні',
    'сколько потеряла россия сегодня',
    'latest UK report',
    "last year's report",
    'latest russian tank losses',
    'нові втрати росії',
    'что там с ураганом',
    'що там по втратах за тиждень',
  ])('leaves a plain question alone: %s', (question) => {
    expect(readTrendIntent(question)).toBeNull();
  });

  it.each([
    ['daily tank losses in march 2025', 'tank losses in march 2025'],
    ['daily losses report for march 2025', 'report for march 2025'],
    ['втрати по днях', 'втрати'],
    ['потери по дням в марте 2025', 'потери в марте 2025'],
  ])('a period asked by day stays a breakdown: %s', (question, text) => {
    expect(readTrendIntent(question)).toEqual({ view: 'breakdown', unit: 'day', bar: false, text });
  });
});
