// A second writer for the import race test: takes the write lock, tells the test, waits a moment
// (the test's import is then waiting for the lock), and commits a claim under the same series key.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
db.exec('BEGIN IMMEDIATE');
parentPort.postMessage('locked');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
const id = db.prepare('SELECT max(id) + 1 AS id FROM claims').get().id;
db.prepare(
  `INSERT INTO claims (id, lineage_id, version, claimant_id, source_id, subject_id, conflict_id, metric, low, high, qualifier, words,
     period_kind, period_start, period_end, stated_on, created_at, created_by, series_key)
   VALUES (?, ?, 1, 'general-staff-ukraine', ?, 'russia', 'russia-ukraine-2022', 'tanks', 2, 2, 'exact', '2', 'cumulative', '2022-02-24', '2022-04-28', '2022-04-29', 'x', 'worker', ?)`,
).run(id, id, workerData.sourceId, workerData.seriesKey);
db.prepare("INSERT INTO audit_log (at, actor, action, claim_id, lineage_id, reason) VALUES ('x', 'worker', 'import', ?, ?, NULL)").run(id, id);
db.exec('COMMIT');
db.close();
