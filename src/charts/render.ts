// ChartSpec -> PNG, in-process: Chart.js drawing on @napi-rs/canvas (Skia, prebuilt binaries, so
// nothing is compiled on install). The text is set in Noto Sans shipped by @fontsource/noto-sans
// (Latin and Cyrillic), registered under a family of our own, so a machine without fonts (a slim
// container) still draws every letter instead of empty boxes.
//
// The chart says whose figures it shows on the image itself: the title, a legend naming each
// claimant, and a caption with the claimant, source, period, "derived from daily reports" and the
// corrections, which are also marked on the plot.
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  SubTitle,
  Title,
  type ChartConfiguration,
  type ChartType,
  type LegendItem,
  type Plugin,
  type Scale,
} from 'chart.js';
import { t } from '../i18n/index.ts';
import { encodeOpaquePng } from './png.ts';
import { bucketEnd, bucketStart, parseChartSpec, type ChartLocale, type ChartSpec, type ChartSpecInput, type Granularity } from './spec.ts';

Chart.register(LineController, BarController, LineElement, PointElement, BarElement, CategoryScale, LinearScale, Legend, Title, SubTitle, Filler);

// ---------------------------------------------------------------------------------------------
// Fonts

/**
 * The font every chart's text is set in, registered from files and never looked up on the system:
 * each subset of Noto Sans as a family of its own, listed as fallbacks of one another (one family
 * made of several files keeps only one of them in the canvas version whose binaries every
 * platform has on the registry).
 */
const FONT_SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'] as const;
const familyOf = (subset: string) => `LossbotSans-${subset}`;
export const CHART_FONT_FAMILY = FONT_SUBSETS.map((subset) => `"${familyOf(subset)}"`).join(', ');
const FONT_FILES = FONT_SUBSETS.flatMap((subset) =>
  [400, 700].map((weight) => ({ family: familyOf(subset), file: `@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff2` })),
);

let fontsRegistered = false;

/** Registers the shipped font files once; throws if the package is missing, rather than draw tofu. */
export function registerChartFonts(): void {
  if (fontsRegistered) return;
  const require = createRequire(import.meta.url);
  for (const { family, file } of FONT_FILES) {
    const path = require.resolve(file);
    if (!GlobalFonts.registerFromPath(path, family)) throw new Error(`chart font could not be loaded: ${path}`);
  }
  fontsRegistered = true;
}

// ---------------------------------------------------------------------------------------------
// Themes

export interface Palette {
  background: string;
  text: string;
  muted: string;
  grid: string;
  /** Series colours in order: Okabe–Ito hues, told apart with the common colour-vision deficiencies. */
  series: readonly string[];
  /** Fill of the correction marks: the text colour, so it reads as a mark and not as a series. */
  mark: string;
}

export const PALETTES: Record<ChartSpec['theme'], Palette> = {
  light: {
    background: '#ffffff',
    text: '#1f2328',
    muted: '#57606a',
    grid: '#d8dee4',
    series: ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'],
    mark: '#1f2328',
  },
  dark: {
    background: '#15191e',
    text: '#e6edf3',
    muted: '#a0a9b3',
    grid: '#323a44',
    series: ['#56b4e9', '#f0a030', '#3fd0a0', '#f08cc8', '#f0e442', '#a0b4ff'],
    mark: '#f5f7fa',
  },
};

const FONT_SIZES = { title: 17, subtitle: 13, legend: 13, ticks: 12, axisTitle: 12, caption: 12 } as const;
const CAPTION_LINE_HEIGHT = 16;

// ---------------------------------------------------------------------------------------------
// Words on the image, by locale

interface Words {
  source: string;
  noSource: string;
  derived: string;
  correctionLegend: string;
  corrections: (label: string, list: string) => string;
  more: (n: number) => string;
  partialBars: Record<Exclude<Granularity, 'day'>, string>;
  partialPoints: Record<Exclude<Granularity, 'day'>, string>;
  qualified: string;
}

/** The words on the image, from the message catalogues (src/i18n/locales/*.chart.ftl). */
function chartWords(locale: ChartLocale): Words {
  const w = (key: string, args?: Record<string, string>) => t(locale, key, args);
  return {
    source: w('chart-source'),
    noSource: w('chart-no-source'),
    derived: w('chart-derived'),
    correctionLegend: w('chart-correction-legend'),
    corrections: (label, list) => w('chart-corrections', { label, list }),
    // A count of further corrections, written as a plain number as before.
    more: (n) => w('chart-more', { count: String(n) }),
    partialBars: { week: w('chart-partial-bars-week'), month: w('chart-partial-bars-month') },
    partialPoints: { week: w('chart-partial-points-week'), month: w('chart-partial-points-month') },
    qualified: w('chart-qualified'),
  };
}

// ---------------------------------------------------------------------------------------------
// Dates and numbers with Intl

function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Dates as the rest of the bot writes them in English ("24 Feb 2022"), numbers "45,720". */
const DATE_LOCALE: Record<ChartLocale, string> = { en: 'en-GB', uk: 'uk', ru: 'ru' };

function formatters(numberLocale: ChartLocale) {
  const locale = DATE_LOCALE[numberLocale];
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const dayYear = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const year = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 0 });
  const signed = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const compact = new Intl.NumberFormat(numberLocale, { notation: 'compact', maximumFractionDigits: 1 });
  return { day, dayYear, month, monthYear, year, number, signed, compact };
}

type Formatters = ReturnType<typeof formatters>;

/** The days a series covers: its stated period, else its first point's day to its last point's. */
function seriesSpan(s: ChartSpec['series'][number], granularity: Granularity): { from: string; to: string } {
  if (s.period) return s.period;
  const last = s.points[s.points.length - 1]!;
  const to = granularity !== 'day' && !last.partial ? bucketEnd(last.date, granularity) : last.date;
  return { from: s.points[0]!.date, to };
}

function spanText(from: string, to: string, f: Formatters): string {
  return from === to ? f.dayYear.format(utc(from)) : f.dayYear.formatRange(utc(from), utc(to));
}

/** The span of all series in words: "24 Feb 2022 – 5 Nov 2024". */
export function periodText(spec: ChartSpec): string {
  const spans = spec.series.map((s) => seriesSpan(s, spec.granularity));
  const from = spans.map((p) => p.from).sort()[0]!;
  const to = spans.map((p) => p.to).sort().at(-1)!;
  return spanText(from, to, formatters(spec.locale));
}

/**
 * Every caption line the image carries, before wrapping: for each series its claimant, source,
 * period and whether it is derived from daily reports; the corrections marked; partial buckets and
 * qualified figures explained; then the spec's own lines.
 */
export function captionLines(spec: ChartSpec): string[] {
  const w = chartWords(spec.locale);
  const f = formatters(spec.locale);
  const lines: string[] = [];
  for (const s of spec.series) {
    const span = seriesSpan(s, spec.granularity);
    const parts = [s.source ? `${w.source}: ${s.source}` : w.noSource, spanText(span.from, span.to, f)];
    if (s.derived) parts.push(w.derived);
    lines.push(`${s.label} — ${parts.join('; ')}`);
  }
  for (const s of spec.series) {
    if (s.corrections.length === 0) continue;
    const dateFmt = spec.granularity === 'month' ? f.monthYear : f.dayYear;
    const shown = s.corrections.slice(0, 3).map((c) => (c.size === undefined ? dateFmt.format(utc(c.date)) : `${dateFmt.format(utc(c.date))} (${f.signed.format(c.size)})`));
    if (s.corrections.length > 3) shown.push(w.more(s.corrections.length - 3));
    lines.push(w.corrections(s.label, shown.join(', ')));
  }
  if (spec.granularity !== 'day' && spec.series.some((s) => s.points.some((p) => p.partial))) {
    lines.push((spec.kind === 'bar' ? w.partialBars : w.partialPoints)[spec.granularity]);
  }
  if (spec.series.some((s) => s.points.some((p) => p.qualifier !== undefined && p.qualifier !== 'exact'))) lines.push(w.qualified);
  lines.push(...spec.caption);
  return lines;
}

/** Measures text in CSS pixels at the caption's font; the renderer passes the canvas's own. */
export type MeasureText = (text: string) => number;

/** A rough measure for when no canvas is at hand: Noto Sans averages a little over half an em. */
const approximateMeasure: MeasureText = (text) => text.length * FONT_SIZES.caption * 0.55;

export function wrapLines(lines: readonly string[], maxWidth: number, measure: MeasureText): string[] {
  const out: string[] = [];
  for (const line of lines) {
    let current = '';
    // Broken only at plain spaces: Intl's no-break and thin spaces keep a number or a date whole.
    for (const word of line.split(/ +/)) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && measure(candidate) > maxWidth) {
        out.push(current);
        current = `  ${word}`; // continuation lines indented so a wrapped line is not read as a new one
      } else {
        current = candidate;
      }
    }
    if (current) out.push(current);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Ticks on the time axis

interface TickLevel {
  key: (iso: string) => string;
  label: (iso: string, first: boolean, f: Formatters) => string;
}

const dayLabel = (iso: string, first: boolean, f: Formatters) =>
  first || iso.slice(5) === '01-01' ? f.dayYear.format(utc(iso)) : f.day.format(utc(iso));
const monthLabel = (iso: string, first: boolean, f: Formatters) =>
  first || iso.slice(5, 7) === '01' ? f.monthYear.format(utc(iso)) : f.month.format(utc(iso));

function monthEvery(n: number): TickLevel {
  return {
    key: (iso) => `${iso.slice(0, 4)}-${Math.floor((Number(iso.slice(5, 7)) - 1) / n)}`,
    label: monthLabel,
  };
}

const TICK_LEVELS: TickLevel[] = [
  { key: (iso) => iso, label: dayLabel },
  { key: (iso) => bucketStart(iso, 'week'), label: dayLabel },
  monthEvery(1),
  monthEvery(2),
  monthEvery(3),
  monthEvery(6),
  { key: (iso) => iso.slice(0, 4), label: (iso, _first, f) => f.year.format(utc(iso)) },
];

/**
 * Which labels get a tick, and what it says: the finest of day, week, month, 2, 3 or 6 months and
 * year that gives at most `maxTicks`, each tick at the first label of its day, week, month...
 */
export function timeTicks(dates: readonly string[], maxTicks: number, locale: ChartLocale): Map<number, string> {
  const f = formatters(locale);
  for (const level of TICK_LEVELS) {
    const indices: number[] = [];
    let prev: string | undefined;
    dates.forEach((d, i) => {
      const k = level.key(d);
      if (k !== prev) indices.push(i);
      prev = k;
    });
    if (indices.length <= maxTicks || level === TICK_LEVELS.at(-1)) {
      // Years alone can still be too many for a very long span: keep every n-th.
      const step = Math.max(1, Math.ceil(indices.length / maxTicks));
      let kept = indices.filter((_, i) => i % step === 0);
      // The first label starts the axis even when it falls mid-month; dropped when the next tick
      // is too close for both labels to fit.
      const room = dates.length / maxTicks;
      if (kept.length > 1 && kept[1]! - kept[0]! < room * 0.6) kept = kept.slice(1);
      return new Map(kept.map((i, n) => [i, level.label(dates[i]!, n === 0, f)]));
    }
  }
  return new Map();
}

// ---------------------------------------------------------------------------------------------
// Our plugins: background, correction marks, caption

export interface CaptionPluginOptions {
  lines: string[];
  color: string;
  font: { family: string; size: number };
  lineHeight: number;
}
export interface MarksPluginOptions {
  /** For each dataset, the indices (into the labels) of the points its claimant corrected. */
  indices: number[][];
  color: string;
  outline: string;
}
export interface BackgroundPluginOptions {
  color: string;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    lossbotBackground?: BackgroundPluginOptions;
    lossbotMarks?: MarksPluginOptions;
    lossbotCaption?: CaptionPluginOptions;
  }
}

const backgroundPlugin: Plugin = {
  id: 'lossbotBackground',
  beforeDraw(chart, _args, options: BackgroundPluginOptions) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = options.color;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

function drawDownTriangle(ctx: CanvasRenderingContext2D, x: number, tipY: number, size: number): void {
  ctx.beginPath();
  ctx.moveTo(x, tipY);
  ctx.lineTo(x - size / 2, tipY - size);
  ctx.lineTo(x + size / 2, tipY - size);
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
}

const marksPlugin: Plugin = {
  id: 'lossbotMarks',
  afterDatasetsDraw(chart, _args, options: MarksPluginOptions) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = options.color;
    ctx.strokeStyle = options.outline;
    ctx.lineWidth = 1;
    options.indices.forEach((indices, datasetIndex) => {
      const meta = chart.getDatasetMeta(datasetIndex);
      for (const i of indices) {
        const el = meta.data[i] as unknown as { x: number; y: number; base?: number } | undefined;
        if (!el || !Number.isFinite(el.x) || !Number.isFinite(el.y)) continue;
        // Above a bar's top (or a point), tip down, pointing at the corrected figure.
        const top = el.base !== undefined ? Math.min(el.y, el.base) : el.y;
        drawDownTriangle(ctx, el.x, top - 3, 9);
      }
    });
    ctx.restore();
  },
};

const captionPlugin: Plugin = {
  id: 'lossbotCaption',
  afterDraw(chart, _args, options: CaptionPluginOptions) {
    if (options.lines.length === 0) return;
    const { ctx, height } = chart;
    ctx.save();
    ctx.fillStyle = options.color;
    ctx.font = `${options.font.size}px ${options.font.family}`;
    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'left';
    const x = 12;
    let y = height - 10 - (options.lines.length - 1) * options.lineHeight;
    for (const line of options.lines) {
      ctx.fillText(line, x, y);
      y += options.lineHeight;
    }
    ctx.restore();
  },
};

const PLUGINS = [backgroundPlugin, marksPlugin, captionPlugin];

// ---------------------------------------------------------------------------------------------
// Spec -> Chart.js configuration

type Kind = ChartSpec['kind'];
export type LossbotChartConfig = ChartConfiguration<Kind, (number | null)[], string>;

function withAlpha(hex: string, alpha: number): string {
  const a = Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex}${a}`;
}

/**
 * The Chart.js configuration for a validated spec: pure data and a few small callbacks, so tests
 * can read the title, legend and caption it will draw. `measure` wraps the caption to the width.
 */
export function toChartConfig(spec: ChartSpec, measure: MeasureText = approximateMeasure): LossbotChartConfig {
  const palette = PALETTES[spec.theme];
  const words = chartWords(spec.locale);
  const f = formatters(spec.locale);
  const family = CHART_FONT_FAMILY;

  const labels = [...new Set(spec.series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const index = new Map(labels.map((d, i) => [d, i]));
  const many = labels.length > 60;

  const datasets = spec.series.map((s, si) => {
    const color = palette.series[si % palette.series.length]!;
    const data: (number | null)[] = labels.map(() => null);
    const partial: boolean[] = labels.map(() => false);
    for (const p of s.points) {
      const i = index.get(p.date)!;
      data[i] = p.value;
      partial[i] = p.partial === true;
    }
    if (spec.kind === 'bar') {
      return {
        type: 'bar' as const,
        label: s.label,
        data,
        backgroundColor: partial.map((pt) => (pt ? withAlpha(color, 0.35) : color)),
        borderColor: color,
        borderWidth: partial.map((pt) => (pt ? 1 : 0)),
        categoryPercentage: 0.85,
        barPercentage: 0.9,
      };
    }
    const corrected = new Set(s.corrections.map((c) => index.get(c.date)!));
    return {
      type: 'line' as const,
      label: s.label,
      data,
      borderColor: color,
      backgroundColor: color,
      borderWidth: many ? 2 : 2.5,
      tension: 0,
      spanGaps: true,
      pointRadius: partial.map((pt, i) => (pt ? 3.5 : many || corrected.has(i) ? 0 : 2.5)),
      pointBackgroundColor: partial.map((pt) => (pt ? palette.background : color)),
      pointBorderColor: color,
      pointBorderWidth: 1.5,
    };
  });

  const marks = spec.series.map((s) => s.corrections.map((c) => index.get(c.date)!));
  const anyCorrections = marks.some((m) => m.length > 0);

  const maxAbs = Math.max(0, ...spec.series.flatMap((s) => s.points.map((p) => Math.abs(p.value))));
  const yFormat = maxAbs >= 100_000 ? f.compact : f.number;

  const maxTicks = Math.max(3, Math.floor((spec.width - 80) / 95));
  const ticks = timeTicks(labels, maxTicks, spec.locale);

  const captionWidth = spec.width - 24;
  const caption = wrapLines(captionLines(spec), captionWidth, measure);

  const legendLabels = (chart: Chart): LegendItem[] => {
    const items = Chart.defaults.plugins.legend.labels.generateLabels(chart);
    for (const item of items) {
      item.pointStyle = spec.kind === 'bar' ? 'rect' : 'line';
      // A bar series' first bar may be a pale partial one; the legend shows the series' own colour.
      const color = palette.series[(item.datasetIndex ?? 0) % palette.series.length]!;
      item.fillStyle = color;
      item.strokeStyle = color;
    }
    if (anyCorrections) {
      items.push({
        text: words.correctionLegend,
        fillStyle: palette.mark,
        strokeStyle: palette.background,
        fontColor: palette.text,
        lineWidth: 1,
        pointStyle: 'triangle',
        rotation: 180,
        hidden: false,
        datasetIndex: undefined,
      } as LegendItem);
    }
    return items;
  };

  return {
    type: spec.kind,
    data: { labels, datasets: datasets as LossbotChartConfig['data']['datasets'] },
    options: {
      responsive: false,
      animation: false,
      events: [],
      devicePixelRatio: spec.scale,
      layout: { padding: { top: 4, left: 8, right: 16, bottom: caption.length * CAPTION_LINE_HEIGHT + 12 } },
      scales: {
        x: {
          type: 'category',
          grid: { color: palette.grid, drawTicks: true, display: spec.kind === 'line' },
          border: { color: palette.grid },
          ticks: {
            color: palette.muted,
            font: { family, size: FONT_SIZES.ticks },
            autoSkip: false,
            maxRotation: 0,
            callback: (value) => ticks.get(Number(value)) ?? '',
          },
          afterBuildTicks: (scale: Scale) => {
            scale.ticks = [...ticks.keys()].map((value) => ({ value }));
          },
        },
        y: {
          type: 'linear',
          beginAtZero: spec.kind === 'bar',
          grace: '4%',
          grid: { color: palette.grid },
          border: { display: false },
          ticks: {
            color: palette.muted,
            font: { family, size: FONT_SIZES.ticks },
            maxTicksLimit: 7,
            callback: (value) => yFormat.format(Number(value)),
          },
          title: spec.unit
            ? { display: true, text: spec.unit, color: palette.muted, font: { family, size: FONT_SIZES.axisTitle } }
            : { display: false },
        },
      },
      plugins: {
        title: {
          display: true,
          text: spec.title,
          color: palette.text,
          align: 'start',
          font: { family, size: FONT_SIZES.title, weight: 'bold' },
          padding: { top: 10, bottom: 2 },
        },
        subtitle: {
          display: true,
          text: spec.subtitle ?? periodText(spec),
          color: palette.muted,
          align: 'start',
          font: { family, size: FONT_SIZES.subtitle },
          padding: { bottom: 6 },
        },
        legend: {
          display: true,
          position: 'top',
          align: 'start',
          labels: {
            color: palette.text,
            font: { family, size: FONT_SIZES.legend },
            usePointStyle: true,
            boxWidth: 18,
            boxHeight: 10,
            padding: 10,
            generateLabels: legendLabels,
          },
        },
        lossbotBackground: { color: palette.background },
        lossbotMarks: { indices: marks, color: palette.mark, outline: palette.background },
        lossbotCaption: { lines: caption, color: palette.muted, font: { family, size: FONT_SIZES.caption }, lineHeight: CAPTION_LINE_HEIGHT },
      },
    },
    plugins: PLUGINS,
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering

/**
 * Draws the chart on a canvas of `width * scale` by `height * scale` pixels (synchronously: Chart.js
 * draws at once with animation off), hands the canvas to `use`, then frees the chart. Chart.js
 * clears the canvas when the chart is destroyed, so whatever reads the pixels does it in `use`.
 */
export async function withChartCanvas<T>(input: ChartSpecInput | ChartSpec, use: (canvas: Canvas) => T | Promise<T>): Promise<T> {
  const spec = parseChartSpec(input);
  registerChartFonts();
  const canvas = createCanvas(spec.width, spec.height);
  const ctx = canvas.getContext('2d');
  const config = toChartConfig(spec, measurer(ctx));
  // Chart.js takes the canvas's size as the layout size and scales the canvas by devicePixelRatio.
  const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, config);
  try {
    return await use(canvas);
  } finally {
    chart.destroy();
  }
}

/**
 * The chart as a PNG of `width * scale` by `height * scale` pixels. The canvas is opaque (the
 * background plugin paints every pixel), so it is encoded as RGB by png.ts, whose deflate runs on
 * libuv's thread pool, off the event loop.
 */
export function renderChartPng(input: ChartSpecInput | ChartSpec): Promise<Buffer> {
  return withChartCanvas(input, (canvas) => encodeOpaquePng(canvas.data(), canvas.width, canvas.height));
}

function measurer(ctx: SKRSContext2D): MeasureText {
  return (text) => {
    ctx.save();
    ctx.font = `${FONT_SIZES.caption}px ${CHART_FONT_FAMILY}`;
    const width = ctx.measureText(text).width;
    ctx.restore();
    return width;
  };
}
