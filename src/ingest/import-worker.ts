// Runs one General Staff import in a worker thread, on its own connection to the database, so the
// bot's event loop keeps answering while 20,000 rows are compared and written (a full import
// holds a thread for seconds; Discord allows 3 s to acknowledge a command).
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/database.ts';
import { importUaGeneralStaffInputs, type UaGsImportResult } from './import-ua-gs.ts';
import { ImportInputError } from './ua-general-staff.ts';
import type { ImportJob } from './run-import.ts';

/** `input`: the data was refused (an ImportInputError), not the machinery. */
export type ImportReply = { ok: true; result: UaGsImportResult } | { ok: false; input: boolean; message: string };

const job = workerData as ImportJob;
let reply: ImportReply;
try {
  const db = openDatabase(job.databasePath, { backupBeforeMigration: false });
  try {
    reply = { ok: true, result: importUaGeneralStaffInputs(db, job.locations, job.inputs, { actor: job.actor }) };
  } finally {
    db.close();
  }
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  reply = { ok: false, input: error instanceof ImportInputError, message: e.message };
}
parentPort!.postMessage(reply);
