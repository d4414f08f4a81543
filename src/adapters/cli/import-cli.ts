// `npm run cli -- import ua-general-staff --personnel P --equipment E [--corrections C]`
import { parseArgs } from 'node:util';
import { openApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { importUaGeneralStaff } from '../../ingest/import-ua-gs.ts';
import { ImportInputError } from '../../ingest/ua-general-staff.ts';
import { operatorAuthor, type CliIo } from './claims-cli.ts';

export const IMPORT_USAGE = `usage:
  import ua-general-staff --personnel FILE|URL --equipment FILE|URL [--corrections FILE|URL] [--actor NAME]`;

export interface ImportIo extends CliIo {
  /** A terminal to draw a progress bar on, if there is one. */
  progress?: NodeJS.WriteStream | null;
}

/** The import's audit name: the operating-system user, or a name given with --actor, marked as the operator's word. */
function importActor(given: string | undefined): string {
  const { actor, author } = operatorAuthor(given);
  return (author.operatorGiven ? `${actor} (given by the operator; cli:${author.userId})` : actor).slice(0, 200);
}

function progressBar(stream: NodeJS.WriteStream): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const percent = total ? Math.floor((done / total) * 100) : 100;
    if (percent === last) return;
    last = percent;
    const width = 30;
    const filled = Math.round((percent / 100) * width);
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${done}/${total} claims`);
    if (done >= total) stream.write('\n');
  };
}

export async function runImportCli(args: string[], io: ImportIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values: Record<string, string | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { personnel: { type: 'string' }, equipment: { type: 'string' }, corrections: { type: 'string' }, actor: { type: 'string' } },
      allowPositionals: true,
    }) as { values: Record<string, string | undefined>; positionals: string[] });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  if (positionals[0] !== 'ua-general-staff' || !values.personnel || !values.equipment) {
    io.err(`${positionals[0] && positionals[0] !== 'ua-general-staff' ? `unknown importer "${positionals[0]}"` : 'name the importer and both files'}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  const config = loadConfig(env);
  const app = openApp({ databasePath: config.DATABASE_PATH });
  try {
    const started = performance.now();
    const result = await importUaGeneralStaff(
      app.db,
      { personnel: values.personnel, equipment: values.equipment, corrections: values.corrections },
      { actor: importActor(values.actor), onProgress: io.progress ? progressBar(io.progress) : undefined },
    );
    const ignored = Object.entries(result.ignoredFields).map(([k, n]) => `${k} (${n})`);
    io.out(
      `ua-general-staff: ${result.reports} reports, ${result.claims} figures: ${result.added} added, ${result.changed} changed, ${result.unchanged} unchanged in ${((performance.now() - started) / 1000).toFixed(2)} s` +
        (ignored.length ? `; fields not imported: ${ignored.join(', ')}` : ''),
    );
    return 0;
  } catch (error) {
    if (error instanceof ImportInputError) {
      io.err(`import refused, nothing was written: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    app.close();
  }
}
