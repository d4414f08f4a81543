// Entry point of `npm run cli`: the command line as an adapter on the dispatch chain.
import { COMMANDS } from '../../../commands/index.ts';
import { OPERATOR_COMMANDS } from '../../../commands/operator.ts';
import type { OperatorPort } from '../../../commands/ports.ts';
import { openApp } from '../../app.ts';
import { accessConfig, loadConfig } from '../../config.ts';
import { captureIo, operatorAuthor } from './claims-cli.ts';
import { cliAdapter, cliCommands, cliUsage, type CliIo } from './chain-cli.ts';
import { runImportCli } from './import-cli.ts';
import { runBackup, runDoctor } from './ops-cli.ts';

const COMMAND_LINE = cliCommands(OPERATOR_COMMANDS, COMMANDS);

export function usageText(): string {
  return `Usage: npm run cli -- <command>\n\n${COMMAND_LINE.map((c) => `  ${cliUsage(c).replace(/^npm run cli -- /, '')}`).join('\n')}\n\n--yes runs a command that would show a preview. Writes are recorded in the audit log as the system user on this host; a name given with --actor is recorded as given by the operator.`;
}

/** The operator's tools, wired to this configuration. */
function operatorPort(env: NodeJS.ProcessEnv, progress: NodeJS.WriteStream | null): OperatorPort {
  const done = (io: ReturnType<typeof captureIo>, code: number) => ({ code, out: io.out_, err: io.err_ });
  return {
    author: operatorAuthor,
    doctor: () => {
      const io = captureIo();
      return done(io, runDoctor(io, env));
    },
    backup: async (path) => {
      const io = captureIo();
      return done(io, await runBackup([path], io, env));
    },
    importUaGeneralStaff: async (files) => {
      const io = captureIo();
      const args = ['ua-general-staff', '--personnel', files.personnel, '--equipment', files.equipment, ...(files.corrections ? ['--corrections', files.corrections] : []), ...(files.actor ? ['--actor', files.actor] : [])];
      return done(io, await runImportCli(args, { ...io, progress }, env));
    },
  };
}

/** Runs one command line; a number at once unless the command takes its time (backup, import). */
export function runCli(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env, progress: NodeJS.WriteStream | null = null): number | Promise<number> {
  if (!args.length || args[0] === '--help' || args[0] === 'help') {
    io.out(usageText());
    return args.length ? 0 : 2;
  }
  const config = loadConfig(env);
  const app = openApp({ databasePath: config.DATABASE_PATH, access: accessConfig(config) });
  let result: number | Promise<number> | null;
  try {
    result = cliAdapter({ ...app, operator: operatorPort(env, progress) }, COMMAND_LINE).run(args, io);
  } catch (error) {
    app.close();
    throw error;
  }
  if (result instanceof Promise) return result.finally(() => app.close());
  app.close();
  if (result === null) {
    io.err(`unknown command "${args.slice(0, 2).join(' ')}"\n\n${usageText()}`);
    return 2;
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const io = { out: (t: string) => process.stdout.write(`${t}\n`), err: (t: string) => process.stderr.write(`${t}\n`) };
  try {
    process.exitCode = await runCli(process.argv.slice(2), io, process.env, process.stderr.isTTY ? process.stderr : null);
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
