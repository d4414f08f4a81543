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
