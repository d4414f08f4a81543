// Entry point of `npm run cli`.
import { openApp } from '../../app.ts';
import { accessConfig, loadConfig } from '../../config.ts';
import { ClaimsCli, CLAIMS_USAGE, UsageError, type CliIo } from './claims-cli.ts';
import { IMPORT_USAGE, runImportCli } from './import-cli.ts';
import { runBackup, runDoctor } from './ops-cli.ts';
import { MODERATORS_USAGE, runModeratorsCli } from './moderators-cli.ts';

export function runCli(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): number {
  if (!args.length || args[0] === '--help' || args[0] === 'help') {
    io.out(`${CLAIMS_USAGE}\n${IMPORT_USAGE.replace(/^usage:\n/, '')}\n${MODERATORS_USAGE}\n  backup PATH\n  doctor`);
    return args.length ? 0 : 2;
  }
  const config = loadConfig(env);
  const app = openApp({ databasePath: config.DATABASE_PATH, access: accessConfig(config) });
  try {
    return args[0] === 'moderators' ? runModeratorsCli(app, args.slice(1), io) : new ClaimsCli(app, io).run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${args[0] === 'moderators' ? `Usage: npm run cli --\n${MODERATORS_USAGE}` : CLAIMS_USAGE}`);
      return 2;
    }
    throw error;
  } finally {
    app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const io = { out: (t: string) => process.stdout.write(`${t}\n`), err: (t: string) => process.stderr.write(`${t}\n`) };
  const args = process.argv.slice(2);
  try {
    if (args[0] === 'import') process.exitCode = await runImportCli(args.slice(1), { ...io, progress: process.stderr.isTTY ? process.stderr : null });
    else if (args[0] === 'backup') process.exitCode = await runBackup(args.slice(1), io);
    else if (args[0] === 'doctor') process.exitCode = runDoctor(io);
    else process.exitCode = runCli(args, io);
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
