// Who runs a command-line write, and the terminal's input and output. The claim commands
// themselves are commands (commands/operator.ts), run through the chain like every other.
import { hostname } from 'node:os';
import type { Author } from '../../store/moderators-repo.ts';
import { OPERATOR_COMMANDS } from '../../../commands/operator.ts';
import type { CommandServices } from '../../../commands/ports.ts';
import { cliAdapter, cliCommands, osUser, type CliAdapter, type CliIo } from './chain-cli.ts';

export type { CliIo } from './chain-cli.ts';

export class UsageError extends Error {}

/**
 * Who runs a command-line write: the operating-system user on this host; a name given with
 * --actor is kept as the name and marked as the operator's word, not checked by any platform.
 */
export function operatorAuthor(given: string | undefined): { actor: string; author: Author } {
  const user = osUser();
  const name = given?.trim();
  const author: Author = { platform: 'cli', userId: user.slice(0, 100), name: (name || user).slice(0, 200), origin: `command line on ${hostname()}`.slice(0, 300), operatorGiven: Boolean(name) };
  return { actor: name ? name.slice(0, 200) : `cli:${user}`.slice(0, 200), author };
}

/** Output written to lists, for operations that print through an io. */
export function captureIo(): CliIo & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return { out_, err_, out: (t) => out_.push(t), err: (t) => err_.push(t) };
}

/**
 * The claims command line on an open application, through the chain (for tests and tools that
 * hold an App): `new ClaimsCli(app, io).run(['claims', 'add', ...])`. Throws UsageError where the
 * command line would exit 2.
 */
export class ClaimsCli {
  private readonly adapter: CliAdapter;

  constructor(
    app: CommandServices,
    private readonly io: CliIo,
  ) {
    this.adapter = cliAdapter({ ...app, operator: { author: operatorAuthor, doctor: unavailable, backup: unavailable, importUaGeneralStaff: unavailable } }, cliCommands(OPERATOR_COMMANDS, []));
  }

  run(args: string[]): number {
    const err: string[] = [];
    const code = this.adapter.run(args, { out: this.io.out, err: (t) => err.push(t) });
    if (code === null) throw new UsageError(`unknown command "${args.slice(0, 2).join(' ')}"`);
    if (code instanceof Promise) throw new UsageError(`${args.slice(0, 2).join(' ')} runs asynchronously: use runCli`);
    if (code === 2) throw new UsageError(err.join('\n'));
    for (const e of err) this.io.err(e);
    return code;
  }
}

function unavailable(): never {
  throw new UsageError('not available here: use npm run cli');
}
