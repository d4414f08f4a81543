// Issue 20: a chart's PNG for a fixed series has the expected size and is not blank, and its title,
// legend and caption name the claimant; both themes; Ukrainian labels drawn with real glyphs.
import { crc32 } from 'node:zlib';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { Chart, type LegendItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { CHART_FONT_FAMILY, captionLines, registerChartFonts, renderChartPng, timeTicks, toChartConfig, withChartCanvas } from '../../src/charts/render.ts';
import { bucketSeries, ChartSpecError, parseChartSpec, type ChartSpecInput } from '../../src/charts/spec.ts';
import { addDays } from '../../src/core/dates.ts';

const CLAIMANT = "Ukraine's General Staff";
const SOURCE = 'General Staff of the Armed Forces of Ukraine, daily reports';

/** 120 days of a running total of tanks, with one correction. */
function fixedSpec(extra: Partial<ChartSpecInput> = {}): ChartSpecInput {
  let total = 8000;
  const points = Array.from({ length: 120 }, (_, i) => ({ date: addDays('2024-09-01', i), value: (total += 3 + ((i * 7) % 11)) }));
  return {
    kind: 'line',
    granularity: 'day',
    title: 'Russian tank losses',
    unit: 'tanks',
    series: [{ label: CLAIMANT, source: SOURCE, derived: false, points, corrections: [{ date: '2024-10-15', size: -4 }] }],
    ...extra,
  };
}

interface PngInfo {
  width: number;
  height: number;
  chunks: string[];
}

/** Reads the chunk list and IHDR, checking the signature and every chunk's CRC. */
function readPng(png: Buffer): PngInfo {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: string[] = [];
  let off = 8;
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString('latin1', off + 4, off + 8);
    expect(png.readUInt32BE(off + 8 + len), `CRC of ${type}`).toBe(crc32(png.subarray(off + 4, off + 8 + len)) >>> 0);
    chunks.push(type);
    off += 12 + len;
  }
  expect(chunks[0]).toBe('IHDR');
  expect(chunks.at(-1)).toBe('IEND');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), chunks };
}

/** The decoded pixels, by the canvas library's own PNG decoder. */
async function decode(png: Buffer): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { width: img.width, height: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data };
}

function distinctColours(data: Uint8ClampedArray): number {
  const seen = new Set<number>();
  for (let i = 0; i < data.length; i += 4) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
  return seen.size;
}

function pixel(img: { width: number; data: Uint8ClampedArray }, x: number, y: number): [number, number, number] {
  const i = (y * img.width + x) * 4;
  return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
}

describe('renderChartPng', () => {
  it('renders a fixed series to a PNG of the expected size that is not blank', async () => {
    const png = await renderChartPng(fixedSpec());
    const info = readPng(png);
    expect(info).toMatchObject({ width: 1200, height: 840 }); // 600 x 420 at scale 2
    const img = await decode(png);
    expect([img.width, img.height]).toEqual([1200, 840]);
    expect(distinctColours(img.data)).toBeGreaterThan(50); // text antialiasing, the line, the grid
    expect(pixel(img, 3, 3)).toEqual([255, 255, 255]); // light background
    // The series' colour is drawn somewhere in the plot.
    let blue = 0;
    for (let i = 0; i < img.data.length; i += 4) if (img.data[i] === 0x00 && img.data[i + 1] === 0x72 && img.data[i + 2] === 0xb2) blue++;
    expect(blue).toBeGreaterThan(500);
  });

  it('honours the size and scale asked for', async () => {
    const info = readPng(await renderChartPng(fixedSpec({ width: 500, height: 320, scale: 1 })));
    expect([info.width, info.height]).toEqual([500, 320]);
  });

  it('draws the dark theme on a dark background with light text', async () => {
    const light = await decode(await renderChartPng(fixedSpec({ theme: 'light' })));
    const dark = await decode(await renderChartPng(fixedSpec({ theme: 'dark' })));
    const lum = ([r, g, b]: [number, number, number]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
    expect(lum(pixel(dark, 3, 3))).toBeLessThan(40);
    expect(lum(pixel(light, 3, 3))).toBeGreaterThan(250);
    expect(distinctColours(dark.data)).toBeGreaterThan(50);
    // The title's text is light on dark: the brightest pixel of the title band is near white.
    let brightest = 0;
    for (let y = 20; y < 70; y++) for (let x = 20; x < 400; x++) brightest = Math.max(brightest, lum(pixel(dark, x, y)));
    expect(brightest).toBeGreaterThan(200);
  });

  it('renders a Ukrainian-labelled bar chart by month', async () => {
    const daily = Array.from({ length: 400 }, (_, i) => ({ date: addDays('2024-03-10', i), value: 5 + (i % 9) }));
    const series = bucketSeries({ label: 'Генштаб ЗСУ', source: 'Генеральний штаб ЗСУ, щоденні звіти', derived: true, points: daily }, 'month', 'sum');
    const input: ChartSpecInput = { kind: 'bar', granularity: 'month', title: 'Втрати танків росії по місяцях', locale: 'uk', theme: 'dark', series: [series] };
    const png = await renderChartPng(input);
    expect(readPng(png)).toMatchObject({ width: 1200, height: 840 });
    expect(distinctColours((await decode(png)).data)).toBeGreaterThan(50);

    const spec = parseChartSpec(input);
    const config = toChartConfig(spec);
    expect(config.options?.plugins?.title?.text).toBe('Втрати танків росії по місяцях');
    expect(config.data.datasets.map((d) => d.label)).toEqual(['Генштаб ЗСУ']);
    const caption = captionLines(spec).join('\n');
    expect(caption).toContain('Генштаб ЗСУ — джерело: Генеральний штаб ЗСУ, щоденні звіти');
    expect(caption).toContain('обчислено з щоденних звітів');
    expect(caption).toContain('Бліді стовпці: неповний місяць'); // March 2024 and April 2025 are partial
    expect(config.options?.plugins?.subtitle?.text).toBe('10 бер. 2024 – 13 квіт. 2025\u202fрр.');
    // Numbers grouped the Ukrainian way (a no-break space between thousands).
    const yTick = (config.options?.scales?.y?.ticks as { callback: (v: number) => string }).callback(12000);
    expect(yTick).toBe('12\u00a0000');
  });

  it('draws Cyrillic and Latin with real glyphs from the shipped font, not empty boxes', () => {
    registerChartFonts();
    const ink = (ch: string) => {
      const canvas = createCanvas(40, 40);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 40, 40);
      ctx.fillStyle = '#000';
      ctx.font = `28px ${CHART_FONT_FAMILY}`;
      ctx.fillText(ch, 6, 30);
      return Buffer.from(ctx.getImageData(0, 0, 40, 40).data).toString('base64');
    };
    // Tofu draws every missing letter as the same box; real glyphs all differ.
    const letters = ['Ж', 'И', 'Ї', 'Ґ', 'ы', 'A', 'g', '–', '—', '«', '»', '№'];
    const images = new Set(letters.map(ink));
    expect(images.size).toBe(letters.length);
    // The spaces Intl puts in Ukrainian and Russian numbers and dates draw nothing, not a box.
    const blank = ink(' ');
    expect(ink('\u00a0')).toBe(blank);
    expect(ink('\u202f')).toBe(blank);
    expect(ink('\u2009')).toBe(blank);
  });

  it('refuses a bad spec, naming the field', async () => {
    const bad = fixedSpec();
    (bad.series[0]!.points[2] as { date: string }).date = '2024-13-01';
    await expect(renderChartPng(bad)).rejects.toThrow(ChartSpecError);
    await expect(renderChartPng(bad)).rejects.toThrow(/series\.0\.points\.2\.date/);
  });
});

describe('toChartConfig', () => {
  it('names the claimant in the legend and caption, with source, period, derivation and corrections', () => {
    const spec = parseChartSpec(
      fixedSpec({
        series: [
          ...fixedSpec().series,
          { label: 'UK Ministry of Defence', derived: true, points: [{ date: '2024-09-01', value: 7900 }, { date: '2024-12-29', value: 8700, qualifier: 'about' }] },
        ],
      }),
    );
    const config = toChartConfig(spec);
    expect(config.type).toBe('line');
    expect(config.options?.plugins?.title).toMatchObject({ display: true, text: 'Russian tank losses' });
    expect(config.options?.plugins?.subtitle?.text).toBe('1 Sept\u2009–\u200929 Dec 2024'); // Intl sets the dash between thin spaces
    expect(config.options?.plugins?.legend?.display).toBe(true);
    expect(config.data.datasets.map((d) => d.label)).toEqual([CLAIMANT, 'UK Ministry of Defence']);

    const lines = captionLines(spec);
    expect(lines[0]).toBe(`${CLAIMANT} — source: ${SOURCE}; 1 Sept\u2009–\u200929 Dec 2024`);
    expect(lines[1]).toBe('UK Ministry of Defence — source not given; 1 Sept\u2009–\u200929 Dec 2024; derived from daily reports');
    expect(lines).toContain(`Triangles mark corrections by ${CLAIMANT}: 15 Oct 2024 (-4)`);
    expect(lines).toContain('Some figures are approximate as the claimant gave them ("about", "more than").');
    // What the caption plugin draws: the same lines, wrapped to the image's width.
    const drawn = (config.options?.plugins?.lossbotCaption?.lines ?? []).join(' ').replace(/ +/g, ' ');
    for (const line of lines) expect(drawn).toContain(line);
    // Corrections are marked on the plot: the correction's point, in the first series.
    const labels = config.data.labels as string[];
    expect(config.options?.plugins?.lossbotMarks?.indices).toEqual([[labels.indexOf('2024-10-15')], []]);
  });

  it('adds a legend entry for the correction mark beside each claimant', async () => {
    const items = await withChartCanvas(fixedSpec(), () => {
      const chart = Object.values(Chart.instances)[0] as Chart;
      return (chart.options.plugins!.legend!.labels!.generateLabels as (c: Chart) => LegendItem[])(chart);
    });
    expect(items.map((i) => i.text)).toEqual([CLAIMANT, 'correction']);
  });

  it('keeps the spec caption lines after the attribution', () => {
    const lines = captionLines(parseChartSpec(fixedSpec({ caption: ['Figures as of the 5 November report.'] })));
    expect(lines[0]).toContain(CLAIMANT);
    expect(lines.at(-1)).toBe('Figures as of the 5 November report.');
  });
});

describe('timeTicks', () => {
  it('puts at most the ticks that fit, at month starts for two years of days', () => {
    const dates = Array.from({ length: 731 }, (_, i) => addDays('2023-01-01', i));
    const ticks = timeTicks(dates, 6, 'en');
    expect(ticks.size).toBeLessThanOrEqual(6);
    expect([...ticks.values()]).toEqual(['Jan 2023', 'Jul', 'Jan 2024', 'Jul']);
    for (const i of ticks.keys()) expect(dates[i]!.slice(8)).toBe('01');
  });

  it('labels days and their year in Ukrainian', () => {
    const dates = Array.from({ length: 5 }, (_, i) => addDays('2024-12-30', i));
    expect([...timeTicks(dates, 6, 'uk').values()]).toEqual(['30 груд. 2024 р.', '31 груд.', '1 січ. 2025 р.', '2 січ.', '3 січ.']);
  });
});
