// `npm run bench`: answer time (parse + lookup + render) on synthetic databases of 10k, 100k and
// 1M claims, beside chrono-node's parse alone on the same questions.
import * as chrono from 'chrono-node';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../src/app.ts';
import { importUaGeneralStaff } from '../src/ingest/import-ua-gs.ts';
import { PROJECT_ROOT } from '../src/paths.ts';
import { addDays } from '../src/core/dates.ts';
import { renderAnswerText } from '../src/core/answer/render-text.ts';
import { parseQuestion, QueryVocabulary } from '../src/core/query/parse.ts';
import { METRICS } from '../src/core/vocabulary.ts';

const QUESTIONS = [
  "Ukraine's claim of Russian losses in November",
  'UK estimate of Russian deaths',
  'How many tanks has Russia lost?',
  'Russian losses between September and November 2024',
  'Russian losses on 11 November 2024',
  'Putin on Ukrainian losses',
  'Russian losses as of 5 Nov 2024',
  'Russian drones in Q1 2025',
  'What does Russia say about its own losses?',
  'General Staff artillery in 2023',
  'Russian losses in the past week',
  'Zelenksy on Ukrainian deaths',
];
const SIZES = [10_000, 100_000, 1_000_000];
const ROUNDS = 200;
const NOW = new Date('2026-11-23T12:00:00Z');

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p99: at(0.99) };
}

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function fill(path: string, total: number): void {
  const app = openApp({ databasePath: path });
  const claimants = app.reference.claimants().map((c) => c.id);
  const series = claimants.flatMap((c) => METRICS.map((m) => [c, m] as const));
  const perSeries = Math.ceil(total / series.length);
  const insert = app.db.prepare(`INSERT INTO claims (id, lineage_id, version, claimant_id, source_id, subject_id, conflict_id, metric, low, high,
    qualifier, words, period_kind, period_start, period_end, stated_on, created_at, created_by)
    VALUES (@id, @id, 1, @claimant, 1, 'russia', 'russia-ukraine-2022', @metric, @v, @v, 'about', @words, @kind, @start, @end, @stated, 'bench', 'bench')`);
  let id = (app.db.prepare('SELECT max(id) AS n FROM claims').get() as { n: number }).n;
  const existing = id;
  app.db.transaction(() => {
    for (const [claimant, metric] of series) {
      for (let day = 0; day < perSeries && id - existing < total; day++) {
        id++;
        const end = addDays('2022-02-24', day);
        // Every 30th claim is a one-day interval figure; the rest form a cumulative daily series.
        const interval = day % 30 === 29;
        insert.run({ id, claimant, metric, v: interval ? 1000 : 1000 * (day + 1), words: 'bench', kind: interval ? 'interval' : 'cumulative', start: interval ? end : '2022-02-24', end, stated: addDays(end, 1) });
      }
    }
    app.db.prepare(`INSERT INTO audit_log (at, actor, action, claim_id, lineage_id, reason) VALUES ('bench', 'bench', 'import', 1, 1, 'synthetic')`).run();
  })();
  app.db.exec('ANALYZE');
  app.close();
}

// The General Staff import: the whole shared dataset into a new database, then again unchanged.
async function benchImport(): Promise<void> {
  const dir = join(PROJECT_ROOT, '..', 'shared', 'data', 'ua-general-staff');
  if (!existsSync(dir)) {
    console.log(`General Staff import: skipped, no dataset at ${dir}`);
    return;
  }
  const path = join(tmpdir(), `lossbot-bench-import-${process.pid}.db`);
  const app = openApp({ databasePath: path });
  const files = { personnel: join(dir, 'russia_losses_personnel.json'), equipment: join(dir, 'russia_losses_equipment.json'), corrections: join(dir, 'russia_losses_equipment_correction.json') };
  let start = performance.now();
  const first = await importUaGeneralStaff(app.db, files, { actor: 'bench' });
  const full = performance.now() - start;
  start = performance.now();
  const again = await importUaGeneralStaff(app.db, files, { actor: 'bench' });
  const unchanged = performance.now() - start;
  console.log(`General Staff import (read + validate + write): full ${(full / 1000).toFixed(2)} s for ${first.added} claims from ${first.reports} reports (target < 2 s); unchanged re-import ${(unchanged / 1000).toFixed(2)} s, ${again.unchanged} unchanged (target < 0.3 s)`);
  app.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
await benchImport();
{
  // The same series as the bot syncs it: through DailySync, the import in a worker thread.
  const { benchSyncBlocking } = await import('./blocking.ts');
  const r = await benchSyncBlocking();
  console.log(`event loop held during a sync (1 ms ticker; floor with nothing running ${r.floorMs.toFixed(1)} ms): full import of ${r.full.added.toLocaleString('en-US')} claims ${r.full.longestMs.toFixed(1)} ms, unchanged (304) ${r.unchanged.longestMs.toFixed(1)} ms (target < 50)`);
}
{
  // The first digest after a full import: 25,000 new claims in one digest.
  const { benchDigest } = await import('./digest.ts');
  const r = await benchDigest();
  console.log(`digest for ${r.claims.toLocaleString('en-US')} new claims: built in ${r.buildMs.toFixed(0)} ms (target well under 1000), longest synchronous stretch ${r.longestSliceMs.toFixed(0)} ms (target < 50)`);
}

const chronoSamples: number[] = [];
const ref = NOW;
for (let r = 0; r < ROUNDS; r++) for (const q of QUESTIONS) chronoSamples.push(time(() => chrono.parse(q, ref)));
const chronoStats = stats(chronoSamples);

console.log(`questions: ${QUESTIONS.length}, rounds: ${ROUNDS}`);
console.log(`chrono-node parse alone: median ${chronoStats.median.toFixed(3)} ms, p99 ${chronoStats.p99.toFixed(3)} ms`);
{
  // Our parser alone (it calls chrono-node once inside), on the shipped vocabulary.
  const app = openApp({ databasePath: ':memory:' });
  const vocab = new QueryVocabulary(app.service.directory());
  const today = NOW.toISOString().slice(0, 10);
  const parseSamples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) for (const q of QUESTIONS) parseSamples.push(time(() => parseQuestion(q, vocab, today)));
  const p = stats(parseSamples);
  console.log(`lossbot parse alone:     median ${p.median.toFixed(3)} ms, p99 ${p.p99.toFixed(3)} ms; median / chrono median = ${(p.median / chronoStats.median).toFixed(2)}x`);
  app.close();
}
for (const size of SIZES) {
  const path = join(tmpdir(), `lossbot-bench-${size}-${process.pid}.db`);
  const built = time(() => fill(path, size));
  // No answer cache: every round composes its answer, as a question asked for the first time does.
  const app = openApp({ databasePath: path, clock: () => NOW, answerCache: 0 });
  const count = app.claims.count();
  for (const q of QUESTIONS) renderAnswerText(app.asker.ask(q)); // warm caches and statements
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) for (const q of QUESTIONS) samples.push(time(() => renderAnswerText(app.asker.ask(q))));
  const s = stats(samples);
  const shown = QUESTIONS.map((q) => app.asker.ask(q).groups.reduce((n, g) => n + g.figures.length, 0));
  console.log(
    `${count.toLocaleString('en-US').padStart(10)} claims (built in ${(built / 1000).toFixed(1)} s): answer median ${s.median.toFixed(3)} ms, p99 ${s.p99.toFixed(3)} ms; median / chrono median = ${(s.median / chronoStats.median).toFixed(2)}x; figures per answer ${Math.min(...shown)}-${Math.max(...shown)}`,
  );
  app.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
