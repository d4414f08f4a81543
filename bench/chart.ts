// Time to render a chart of two years of daily points (target: under 200 ms), beside a floor
// measured in the same run: a blank canvas of the same size encoded to PNG by the same encoder,
// which every chart pays. Skia's own PNG encoder is timed on the same chart for comparison.
//
//   npm run bench:chart [-- --runs 30]
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { registerChartFonts, renderChartPng, withChartCanvas } from '../src/charts/render.ts';
import { encodeOpaquePng } from '../src/charts/png.ts';
import { parseChartSpec, type ChartSpecInput } from '../src/charts/spec.ts';
import { addDays } from '../src/core/dates.ts';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 25;
const WARMUP = 3;
const TARGET_MS = 200;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

// Two years of daily points for two claimants: a running total with "about" figures and two
// corrections, and a daily series derived from it, as the General Staff's data would give.
const DAYS = 731;
const start = '2023-01-01';
let total = 98_000;
const cumulative = Array.from({ length: DAYS }, (_, i) => {
  total += 700 + Math.round(400 * Math.sin(i / 35)) + ((i * 7919) % 113);
  return { date: addDays(start, i), value: total, qualifier: 'about' as const };
});
const other = cumulative.map((p) => ({ date: p.date, value: Math.round(p.value * 0.55) }));

const input: ChartSpecInput = {
  kind: 'line',
  granularity: 'day',
  title: 'Russian personnel losses, 2023–2024',
  unit: 'personnel',
  series: [
    {
      label: "Ukraine's General Staff",
      source: 'General Staff of the Armed Forces of Ukraine, daily reports',
      derived: false,
      points: cumulative,
      corrections: [
        { date: '2023-06-10', size: -120 },
        { date: '2024-03-02', size: 40 },
      ],
    },
    { label: 'UK Ministry of Defence', source: 'Defence Intelligence updates', derived: true, points: other },
  ],
};
const spec = parseChartSpec(input);

let t0 = performance.now();
registerChartFonts();
const fontsMs = performance.now() - t0;
t0 = performance.now();
const png = await renderChartPng(spec);
const firstMs = performance.now() - t0;
const out = join(tmpdir(), 'lossbot-bench-chart.png');
writeFileSync(out, png);

const chart = await time(() => renderChartPng(spec));
const drawOnly = await time(() => withChartCanvas(spec, (canvas) => canvas.width));
const skia = await time(() => withChartCanvas(spec, (canvas) => canvas.encode('png')));
const floor = await time(async () => {
  const canvas = createCanvas(spec.width * spec.scale, spec.height * spec.scale);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  return encodeOpaquePng(canvas.data(), canvas.width, canvas.height);
});

const m = median(chart);
const f = median(floor);
const pixels = `${spec.width * spec.scale}x${spec.height * spec.scale}`;
console.log(`chart: ${spec.series.length} series x ${DAYS} daily points, ${pixels} PNG (${(png.length / 1024).toFixed(0)} KiB, ${out}), ${RUNS} runs after ${WARMUP} warm-up`);
console.log(`  once per process: fonts registered in ${fontsMs.toFixed(1)} ms, first chart in ${firstMs.toFixed(1)} ms`);
console.log(`  render chart (validate + draw + encode PNG): median ${m.toFixed(1)} ms, max ${Math.max(...chart).toFixed(1)} ms`);
console.log(`  of which drawing (validate + Chart.js on the canvas, no PNG): median ${median(drawOnly).toFixed(1)} ms`);
console.log(`  the same chart encoded by Skia's PNG encoder instead: median ${median(skia).toFixed(1)} ms`);
console.log(`  floor (blank ${pixels} canvas encoded to PNG): median ${f.toFixed(1)} ms`);
console.log(`  ratio to floor: ${(m / f).toFixed(1)}x; target under ${TARGET_MS} ms: ${m < TARGET_MS ? 'met' : 'NOT met'}`);
