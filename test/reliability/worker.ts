// A child process for the crash and concurrency tests: writes to DATABASE_PATH and reports on
// stdout, so the parent can kill it at a known point.
import { openApp } from '../../src/app.ts';
import { importUaGeneralStaff } from '../../src/ingest/import-ua-gs.ts';

const [mode, dbPath, ...rest] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);

if (mode === 'import') {
  const [personnel, equipment] = rest as [string, string];
  const app = openApp({ databasePath: dbPath!, seed: false });
  say('ready');
  const result = await importUaGeneralStaff(app.db, { personnel, equipment }, {
    actor: 'worker',
    onProgress: (done) => say(`progress ${done}`),
    // The synthetic dataset runs daily reports for 11 years from the invasion: a clock past its
    // last report, so the importer's "not in the future" rule does not refuse it.
    clock: () => new Date('2035-01-01T00:00:00Z'),
  });
  say(`done ${result.added}`);
  app.close();
} else if (mode === 'edits') {
  const app = openApp({ databasePath: dbPath! });
  const count = Number(rest[0] ?? 1000);
  say('ready');
  for (let i = 0; i < count; i++) {
    const active = app.claims.list({ claimant: 'nato', limit: 1 })[0]!;
    const outcome = app.service.edit(active.id, { note: `edit ${i}` }, 'crash test edit', { actor: 'worker', confirm: true });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    say(`edited ${outcome.claim.id}`);
  }
  app.close();
} else if (mode === 'adds') {
  const app = openApp({ databasePath: dbPath! });
  const count = Number(rest[0] ?? 100);
  say('ready');
  for (let i = 0; i < count; i++) {
    const outcome = app.service.add({ claimant: 'CSIS', subject: 'Ukraine', metric: 'deserters', value: String(1000 + i), asOf: '2025-01-01', note: `child ${i}` }, { actor: 'child', confirm: true });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  }
  say(`added ${count}`);
  app.close();
} else throw new Error(`unknown mode ${mode}`);
