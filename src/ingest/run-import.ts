// Where an import runs: in a worker thread for a database in a file (the bot's event loop stays
// free), in this thread for an in-memory one (tests, which a worker could not share).
import { Worker } from 'node:worker_threads';
import type { Db } from '../store/database.ts';
import { importUaGeneralStaffInputs, type UaGsImportResult, type UaGsLocations } from './import-ua-gs.ts';
import { ImportInputError, type InputFile } from './ua-general-staff.ts';
import type { ImportReply } from './import-worker.ts';

export interface ImportJob {
  databasePath: string;
  locations: UaGsLocations;
  inputs: { personnel: InputFile; equipment: InputFile; corrections?: InputFile | undefined };
  actor: string;
}

/** Compiled, the worker is a .js file beside this one; from the sources (tests, tsx) it needs tsx. */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './import-worker.ts' : './import-worker.js', import.meta.url);
const WORKER_EXEC_ARGV = import.meta.url.endsWith('.ts') ? ['--import', 'tsx'] : [];

export function runImportOffThread(db: Db, job: Omit<ImportJob, 'databasePath'>): Promise<UaGsImportResult> {
  if (db.memory || !db.name) return Promise.resolve(importUaGeneralStaffInputs(db, job.locations, job.inputs, { actor: job.actor }));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { ...job, databasePath: db.name } satisfies ImportJob, execArgv: WORKER_EXEC_ARGV });
    let settled = false;
    worker.once('message', (reply: ImportReply) => {
      settled = true;
      if (reply.ok) resolve(reply.result);
      else reject(reply.input ? new ImportInputError(reply.message) : new Error(reply.message));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the import worker stopped (exit code ${code}) without an answer`));
    });
  });
}
