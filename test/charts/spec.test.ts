// Issue 20: the chart spec -- granularity by span, bucketing daily points, and zod refusing bad
// specs with the field named.
import { describe, expect, it } from 'vitest';
import {
  bucketCorrections,
  bucketPoints,
  bucketSeries,
  bucketStart,
  checkChartSpec,
  chooseGranularity,
  parseChartSpec,
  ChartSpecError,
  type ChartSpecInput,
} from '../../src/charts/spec.ts';
import { addDays } from '../../src/core/dates.ts';

function days(from: string, n: number, value: (i: number) => number = (i) => i + 1) {
  return Array.from({ length: n }, (_, i) => ({ date: addDays(from, i), value: value(i) }));
}

const good: ChartSpecInput = {
  kind: 'line',
  granularity: 'day',
  title: 'Russian tank losses',
  series: [{ label: "Ukraine's General Staff", derived: true, points: days('2025-01-01', 5), corrections: [{ date: '2025-01-03', size: -2 }] }],
};

describe('chooseGranularity', () => {
  it('draws up to about three months by day, up to a year and a half by week, longer by month', () => {
    expect(chooseGranularity('2025-01-01', '2025-01-01')).toBe('day');
    expect(chooseGranularity('2025-01-01', '2025-03-31')).toBe('day'); // 90 days
    expect(chooseGranularity('2025-01-01', '2025-04-30')).toBe('week');
    expect(chooseGranularity('2025-01-01', '2025-12-31')).toBe('week');
    expect(chooseGranularity('2024-01-01', '2025-07-01')).toBe('week'); // 548 days, about a year and a half
    expect(chooseGranularity('2024-01-01', '2025-07-02')).toBe('month');
    expect(chooseGranularity('2022-02-24', '2025-11-05')).toBe('month');
  });
});

describe('bucketing', () => {
  it('starts weeks on Monday and months on the 1st', () => {
    expect(bucketStart('2024-11-07', 'week')).toBe('2024-11-04'); // Thursday
    expect(bucketStart('2024-11-10', 'week')).toBe('2024-11-04'); // Sunday
    expect(bucketStart('2024-11-04', 'week')).toBe('2024-11-04'); // Monday
    expect(bucketStart('2025-01-01', 'week')).toBe('2024-12-30'); // a week across New Year
    expect(bucketStart('2024-02-29', 'month')).toBe('2024-02-01');
    expect(bucketStart('2024-02-29', 'day')).toBe('2024-02-29');
  });

  it('sums daily figures into weeks and months, the total unchanged, partial buckets marked', () => {
    // 1 Jan 2025 (Wednesday) to 15 Mar 2025, values 1..74
    const daily = days('2025-01-01', 74);
    const total = daily.reduce((s, p) => s + p.value, 0);

    const months = bucketPoints(daily, 'month', 'sum');
    expect(months.map((p) => p.date)).toEqual(['2025-01-01', '2025-02-01', '2025-03-01']);
    expect(months.map((p) => p.value)).toEqual([
      (31 * 32) / 2, // 1..31
      ((32 + 59) * 28) / 2, // 32..59
      ((60 + 74) * 15) / 2, // 60..74 (1-15 March)
    ]);
    expect(months.map((p) => p.partial ?? false)).toEqual([false, false, true]);

    const weeks = bucketPoints(daily, 'week', 'sum');
    expect(weeks[0]).toMatchObject({ date: '2024-12-30', value: 1 + 2 + 3 + 4 + 5, partial: true }); // Wed-Sun
    expect(weeks[1]).toMatchObject({ date: '2025-01-06', value: 6 + 7 + 8 + 9 + 10 + 11 + 12 });
    expect(weeks[1]!.partial).toBeUndefined();
    expect(weeks.reduce((s, p) => s + p.value, 0)).toBe(total);
    expect(months.reduce((s, p) => s + p.value, 0)).toBe(total);
    expect(bucketPoints(daily, 'day', 'sum')).toEqual(daily);
  });

  it('takes the last report of each bucket for a running total', () => {
    const running = days('2025-01-01', 59, (i) => 1000 + 10 * i);
    expect(bucketPoints(running, 'month', 'last').map((p) => [p.date, p.value])).toEqual([
      ['2025-01-01', 1300],
      ['2025-02-01', 1580],
    ]);
  });

  it('marks a bucket partial against the range asked for, and keeps qualifiers honest', () => {
    const daily = [
      { date: '2025-02-01', value: 10, qualifier: 'about' as const },
      { date: '2025-02-02', value: 20 },
      { date: '2025-03-01', value: 5, qualifier: 'more_than' as const },
      { date: '2025-03-02', value: 5, qualifier: 'more_than' as const },
    ];
    const buckets = bucketPoints(daily, 'month', 'sum', { from: '2025-02-01', to: '2025-03-31' });
    expect(buckets).toEqual([
      { date: '2025-02-01', value: 30, qualifier: 'about' },
      { date: '2025-03-01', value: 10, qualifier: 'more_than' },
    ]);
  });

  it('moves corrections onto their buckets, sizes added up', () => {
    expect(
      bucketCorrections(
        [
          { date: '2025-01-03', size: -5 },
          { date: '2025-01-20', size: 2 },
          { date: '2025-02-02' },
        ],
        'month',
      ),
    ).toEqual([{ date: '2025-01-01', size: -3 }, { date: '2025-02-01' }]);
  });

  it('buckets a whole series into a valid spec series with its period', () => {
    const s = bucketSeries({ label: 'Генштаб ЗСУ', derived: true, points: days('2025-01-01', 74), corrections: [{ date: '2025-02-10', size: 4 }] }, 'month', 'sum');
    expect(s.period).toEqual({ from: '2025-01-01', to: '2025-03-15' });
    expect(s.corrections).toEqual([{ date: '2025-02-01', size: 4 }]);
    expect(checkChartSpec({ kind: 'bar', granularity: 'month', title: 'Втрати', series: [s] }).ok).toBe(true);
  });
});

describe('ChartSpecSchema', () => {
  it('accepts a good spec and fills in the defaults', () => {
    const spec = parseChartSpec(good);
    expect(spec).toMatchObject({ theme: 'light', locale: 'en', width: 600, height: 420, scale: 2, caption: [] });
  });

  const refusals: [string, (s: any) => void, string][] = [
    ['a missing title', (s) => delete s.title, 'title'],
    ['an empty title', (s) => (s.title = '   '), 'title'],
    ['an unknown kind', (s) => (s.kind = 'pie'), 'kind'],
    ['an unknown granularity', (s) => (s.granularity = 'year'), 'granularity'],
    ['an unknown theme', (s) => (s.theme = 'sepia'), 'theme'],
    ['an unknown locale', (s) => (s.locale = 'de'), 'locale'],
    ['no series', (s) => (s.series = []), 'series'],
    ['a series without a label', (s) => delete s.series[0].label, 'series.0.label'],
    ['a series without points', (s) => (s.series[0].points = []), 'series.0.points'],
    ['a bad date', (s) => (s.series[0].points[1].date = '2025-02-30'), 'series.0.points.1.date'],
    ['dates out of order', (s) => (s.series[0].points[3].date = '2025-01-02'), 'series.0.points.3.date'],
    ['a value that is not a number', (s) => (s.series[0].points[2].value = '12'), 'series.0.points.2.value'],
    ['an infinite value', (s) => (s.series[0].points[2].value = Infinity), 'series.0.points.2.value'],
    ['an unknown qualifier', (s) => (s.series[0].points[0].qualifier = 'roughly'), 'series.0.points.0.qualifier'],
    ['a correction off the series', (s) => (s.series[0].corrections[0].date = '2025-02-01'), 'series.0.corrections.0.date'],
    ['derived not said', (s) => delete s.series[0].derived, 'series.0.derived'],
    ['an unknown field', (s) => (s.series[0].colour = 'red'), 'series.0'],
    ['two series with one label', (s) => s.series.push(structuredClone(s.series[0])), 'series.1.label'],
    ['a period ending before it starts', (s) => (s.series[0].period = { from: '2025-01-05', to: '2025-01-01' }), 'series.0.period.to'],
    ['a tiny image', (s) => (s.width = 100), 'width'],
  ];

  it.each(refusals)('refuses %s, naming the field', (_what, spoil, path) => {
    const input = structuredClone(good) as any;
    spoil(input);
    const checked = checkChartSpec(input);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => p.path)).toContain(path);
    expect(() => parseChartSpec(input)).toThrow(ChartSpecError);
    expect(() => parseChartSpec(input)).toThrow(new RegExp(`${path.replace(/\./g, '\\.')}: `));
  });
});
