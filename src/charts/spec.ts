// A chart as data: what to draw and whose figures they are, with no drawing library in sight.
// The answer composer builds a ChartSpec; render.ts turns it into a PNG. Every series carries its
// claimant's name and source, so the image can never show a figure without saying who claims it.
import { z } from 'zod';
import { addDays, daysBetween, isIsoDate } from '../core/dates.ts';
import { cleanText } from '../core/text.ts';
import { QUALIFIERS, type Qualifier } from '../core/vocabulary.ts';

export const CHART_KINDS = ['line', 'bar'] as const;
export const GRANULARITIES = ['day', 'week', 'month'] as const;
export const CHART_THEMES = ['light', 'dark'] as const;
export const CHART_LOCALES = ['en', 'uk', 'ru'] as const;

export type ChartKind = (typeof CHART_KINDS)[number];
export type Granularity = (typeof GRANULARITIES)[number];
export type ChartTheme = (typeof CHART_THEMES)[number];
export type ChartLocale = (typeof CHART_LOCALES)[number];

/** Series on one chart; more would be unreadable on a phone. */
export const MAX_SERIES = 6;
/** Points in one series: nearly fourteen years of days, far beyond any span the bot charts. */
export const MAX_POINTS = 5000;
export const MAX_CAPTION_LINES = 6;

const IsoDate = z.string().trim().refine(isIsoDate, { message: 'must be a calendar date written YYYY-MM-DD' });

function text(max: number) {
  return z
    .string()
    .overwrite(cleanText)
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` });
}

const FiniteNumber = z.number({ message: 'must be a number' }).refine(Number.isFinite, { message: 'must be a finite number' });

export const ChartPointSchema = z.strictObject({
  /** The first day the point stands for: the day itself, the Monday of its week, the 1st of its month. */
  date: IsoDate,
  value: FiniteNumber,
  /** As the claimant put it ("about", "more than"); absent or exact for a plain figure. */
  qualifier: z.enum(QUALIFIERS).optional(),
  /** A week or month bucket the series covers only in part (the period starts or ends inside it). */
  partial: z.boolean().optional(),
});

export const CorrectionMarkSchema = z.strictObject({
  /** The point the correction falls on; must be one of the series' dates. */
  date: IsoDate,
  /** How far the claimant revised its figure (negative when it lowered a running total). */
  size: FiniteNumber.optional(),
});

export const ChartSeriesSchema = z
  .strictObject({
    /** The claimant's name as the asker should read it: the legend shows it. */
    label: text(120),
    /** Where the figures were reported ("General Staff of the Armed Forces of Ukraine, daily reports"). */
    source: text(200).optional(),
    points: z
      .array(ChartPointSchema)
      .min(1, { message: 'must hold at least one point' })
      .max(MAX_POINTS, { message: `must hold at most ${MAX_POINTS} points` }),
    /** True when the values are computed from the claimant's cumulative reports, not stated as such. */
    derived: z.boolean(),
    /**
     * The days the figures cover, first and last, when they differ from the points' own dates: a
     * weekly or monthly series starting mid-week covers less than its first bucket's start says.
     */
    period: z.strictObject({ from: IsoDate, to: IsoDate }).optional(),
    corrections: z.array(CorrectionMarkSchema).max(MAX_POINTS).default([]),
  })
  .superRefine((series, ctx) => {
    if (series.period && series.period.to < series.period.from) {
      ctx.addIssue({ code: 'custom', path: ['period', 'to'], message: `must not be before period.from (${series.period.from})` });
    }
    for (let i = 1; i < series.points.length; i++) {
      const prev = series.points[i - 1]!.date;
      const cur = series.points[i]!.date;
      if (cur <= prev) {
        ctx.addIssue({
          code: 'custom',
          path: ['points', i, 'date'],
          message: `must come after the point before it (${prev}); dates must be in order without repeats`,
        });
        return;
      }
    }
    const dates = new Set(series.points.map((p) => p.date));
    series.corrections.forEach((c, i) => {
      if (!dates.has(c.date)) {
        ctx.addIssue({ code: 'custom', path: ['corrections', i, 'date'], message: `must be the date of one of the series' points, not ${c.date}` });
      }
    });
  });

export const ChartSpecSchema = z
  .strictObject({
    kind: z.enum(CHART_KINDS),
    granularity: z.enum(GRANULARITIES),
    series: z
      .array(ChartSeriesSchema)
      .min(1, { message: 'must hold at least one series' })
      .max(MAX_SERIES, { message: `must hold at most ${MAX_SERIES} series` }),
    /** In the asker's language, naming what is counted ("Russian tank losses, 2025"). */
    title: text(160),
    /** The period in words; when absent the renderer writes the span of the points' dates. */
    subtitle: text(200).optional(),
    /** Name of the values' unit for the vertical axis ("tanks", "personnel"). */
    unit: text(60).optional(),
    /**
     * Lines added under the attribution lines the renderer always writes (claimant, source, period,
     * "derived from daily reports", corrections), for anything else the caption must say.
     */
    caption: z.array(text(300)).max(MAX_CAPTION_LINES, { message: `must hold at most ${MAX_CAPTION_LINES} lines` }).default([]),
    theme: z.enum(CHART_THEMES).default('light'),
    locale: z.enum(CHART_LOCALES).default('en'),
    /** Layout size in CSS pixels; the PNG is `scale` times larger. */
    width: z.number().int().min(320).max(2000).default(600),
    height: z.number().int().min(240).max(2000).default(420),
    scale: z.number().min(1).max(3).default(2),
  })
  .superRefine((spec, ctx) => {
    const labels = new Set<string>();
    spec.series.forEach((s, i) => {
      if (labels.has(s.label)) {
        ctx.addIssue({ code: 'custom', path: ['series', i, 'label'], message: `must differ from the other series' labels ("${s.label}" is used twice)` });
      }
      labels.add(s.label);
    });
  });

/** What callers write: defaults may be left out. */
export type ChartSpecInput = z.input<typeof ChartSpecSchema>;
/** What the renderer reads: validated, defaults filled in. */
export type ChartSpec = z.output<typeof ChartSpecSchema>;
export type ChartSeries = z.output<typeof ChartSeriesSchema>;
export type ChartPoint = z.output<typeof ChartPointSchema>;
export type CorrectionMark = z.output<typeof CorrectionMarkSchema>;

export interface SpecProblem {
  /** Dotted path of the field, like `series.0.points.3.date`. */
  path: string;
  message: string;
}

export class ChartSpecError extends Error {
  readonly problems: SpecProblem[];
  constructor(problems: SpecProblem[]) {
    super(`invalid chart: ${problems.map((p) => `${p.path || '(spec)'}: ${p.message}`).join('; ')}`);
    this.name = 'ChartSpecError';
    this.problems = problems;
  }
}

export function checkChartSpec(input: unknown): { ok: true; spec: ChartSpec } | { ok: false; problems: SpecProblem[] } {
  const parsed = ChartSpecSchema.safeParse(input);
  if (parsed.success) return { ok: true, spec: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}

/** The validated spec, or a ChartSpecError naming each bad field. */
export function parseChartSpec(input: unknown): ChartSpec {
  const checked = checkChartSpec(input);
  if (!checked.ok) throw new ChartSpecError(checked.problems);
  return checked.spec;
}

// ---------------------------------------------------------------------------------------------
// Granularity and bucketing

/** Spans up to this many days are drawn day by day (about three months). */
export const DAILY_MAX_DAYS = 92;
/** Spans up to this many days are drawn week by week (about a year and a half); longer by month. */
export const WEEKLY_MAX_DAYS = 548;

/** Day, week or month for a span given by its first and last day (both counted). */
export function chooseGranularity(from: string, to: string): Granularity {
  const days = daysBetween(from, to) + 1;
  if (days <= DAILY_MAX_DAYS) return 'day';
  if (days <= WEEKLY_MAX_DAYS) return 'week';
  return 'month';
}

/** The first day of the bucket holding `date`: the date itself, its ISO week's Monday, or the 1st. */
export function bucketStart(date: string, granularity: Granularity): string {
  if (granularity === 'day') return date;
  if (granularity === 'month') return `${date.slice(0, 7)}-01`;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The last day of the bucket starting on `start`. */
export function bucketEnd(start: string, granularity: Granularity): string {
  if (granularity === 'day') return start;
  if (granularity === 'week') return addDays(start, 6);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/**
 * How a bucket's value follows from its days: `sum` for daily figures (losses per day add up to
 * losses per week), `last` for running totals (a week's total is its last report's).
 */
export type BucketAggregate = 'sum' | 'last';

export interface DailyPoint {
  date: string;
  value: number;
  qualifier?: Qualifier | undefined;
}

function bucketQualifier(qualifiers: (Qualifier | undefined)[], aggregate: BucketAggregate): Qualifier | undefined {
  if (aggregate === 'last') {
    const q = qualifiers[qualifiers.length - 1];
    return q === 'exact' ? undefined : q;
  }
  const inexact = [...new Set(qualifiers.filter((q): q is Qualifier => q !== undefined && q !== 'exact'))];
  if (inexact.length === 0) return undefined;
  // A sum of figures all qualified alike keeps the qualifier ("more than" each day: more than in
  // sum); a mixture is only known roughly.
  return inexact.length === 1 ? inexact[0] : 'about';
}

/**
 * Daily points (in date order) gathered into days, weeks or months. A bucket whose days lie partly
 * outside [from, to] (by default the points' own first and last day) is marked partial, so a chart
 * never passes off half a month as a whole one.
 */
export function bucketPoints(
  points: readonly DailyPoint[],
  granularity: Granularity,
  aggregate: BucketAggregate,
  range?: { from: string; to: string },
): ChartPoint[] {
  if (points.length === 0) return [];
  const from = range?.from ?? points[0]!.date;
  const to = range?.to ?? points[points.length - 1]!.date;
  const out: ChartPoint[] = [];
  let start: string | undefined;
  let value = 0;
  let qualifiers: (Qualifier | undefined)[] = [];
  const flush = () => {
    if (start === undefined) return;
    const point: ChartPoint = { date: start, value };
    const q = bucketQualifier(qualifiers, aggregate);
    if (q) point.qualifier = q;
    if (granularity !== 'day' && (start < from || bucketEnd(start, granularity) > to)) point.partial = true;
    out.push(point);
  };
  for (const p of points) {
    const b = bucketStart(p.date, granularity);
    if (b !== start) {
      flush();
      start = b;
      value = 0;
      qualifiers = [];
    }
    value = aggregate === 'sum' ? value + p.value : p.value;
    qualifiers.push(p.qualifier);
  }
  flush();
  return out;
}

/** Correction marks moved onto the buckets that hold them; sizes in one bucket add up. */
export function bucketCorrections(corrections: readonly CorrectionMark[], granularity: Granularity): CorrectionMark[] {
  const byBucket = new Map<string, CorrectionMark>();
  for (const c of corrections) {
    const date = bucketStart(c.date, granularity);
    const had = byBucket.get(date);
    if (!had) {
      byBucket.set(date, c.size === undefined ? { date } : { date, size: c.size });
    } else if (c.size !== undefined) {
      had.size = (had.size ?? 0) + c.size;
    }
  }
  return [...byBucket.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A series of daily points, bucketed as `granularity` asks, with its corrections moved along. */
export function bucketSeries(
  series: { label: string; source?: string | undefined; derived: boolean; points: readonly DailyPoint[]; corrections?: readonly CorrectionMark[] },
  granularity: Granularity,
  aggregate: BucketAggregate,
  range?: { from: string; to: string },
): ChartSeries {
  const out: ChartSeries = {
    label: series.label,
    derived: series.derived,
    points: bucketPoints(series.points, granularity, aggregate, range),
    corrections: bucketCorrections(series.corrections ?? [], granularity),
  };
  const first = series.points[0];
  const last = series.points[series.points.length - 1];
  if (range) out.period = { from: range.from, to: range.to };
  else if (first && last) out.period = { from: first.date, to: last.date };
  if (series.source !== undefined) out.source = series.source;
  return out;
}
