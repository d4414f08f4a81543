// `npx tsx bench/digest.ts`: the digest for 25,000 new claims (the first digest after a full General
// Staff import): how long one build takes, and the longest synchronous stretch of it.
import { openApp } from '../src/app.ts';
import { addDays } from '../src/core/dates.ts';
import { ImportRepo, type SeriesClaim } from '../src/store/import-repo.ts';
import { EQUIPMENT_METRICS } from '../src/core/vocabulary.ts';
import { longestBlock } from './blocking.ts';

export async function benchDigest(total = 25_000): Promise<{ buildMs: number; longestSliceMs: number; claims: number }> {
  const now = new Date('2026-11-23T12:00:00Z');
  const app = openApp({ databasePath: ':memory:', clock: () => now });
  const sub = app.digests.repo.subscribe({ platform: 'telegram', chatId: '-1', frequency: 'daily', weekday: null, localTime: '09:00', timezone: 'UTC', claimants: [], parties: [], metrics: [], postEmpty: false, createdBy: 'bench' }, now);
  const metrics = ['personnel', 'captured', ...EQUIPMENT_METRICS] as const;
  const days = Math.ceil(total / metrics.length);
  const claims: SeriesClaim[] = [];
  for (const metric of metrics) {
    for (let d = 1; d <= days && claims.length < total; d++) {
      const stated = addDays('2022-02-24', d);
      claims.push({
        seriesKey: `bench:${metric}:${stated}`,
        fields: {
          claimant: 'general-staff-ukraine', subject: 'russia', conflict: 'russia-ukraine-2022', metric, low: d * 10, high: d * 10, qualifier: 'exact', words: String(d * 10),
          aggregation: 'total', periodKind: 'cumulative', periodStart: '2022-02-24', periodEnd: addDays(stated, -1), periodLabel: null, statedOn: stated, statedPrecision: 'day',
          note: null, isCorrection: false, source: { publisher: 'General Staff of the Armed Forces of Ukraine', title: 'bench', url: null, publishedOn: stated },
        },
      });
    }
  }
  new ImportRepo(app.db, () => now).importSeries(claims, { importer: 'bench', actor: 'bench', inputs: {} });
  // Let the import's garbage be collected before measuring.
  await new Promise((resolve) => setTimeout(resolve, 200));
  // The longest stretch without a turn of the event loop, measured by a 1 ms ticker.
  const { result: digest, longestMs, elapsedMs } = await longestBlock(() => app.digests.buildAsync(app.digests.repo.get(sub.id)!, app.digests.repo.maxAudit(), now));
  if (!digest) throw new Error('the digest came out empty');
  app.close();
  return { buildMs: elapsedMs, longestSliceMs: longestMs, claims: claims.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchDigest();
  console.log(`digest for ${r.claims.toLocaleString('en-US')} new claims: built in ${r.buildMs.toFixed(0)} ms (target well under 1000), longest synchronous stretch ${r.longestSliceMs.toFixed(0)} ms (target < 50)`);
}
