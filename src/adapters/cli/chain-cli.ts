// The command line as an adapter on the dispatch chain: `npm run cli -- <command> [words] [--options]`.
// Options come from each command's own zod schema (--as-of for as_of, --flag for booleans), words
// fill its positional options in order, `--yes` is the confirm step, and the operator at the
// terminal holds every right, including the operator-only tools. Exit 0 done, 1 refused, 2 asked
// wrongly.
import { hostname, userInfo } from 'node:os';
import { coerceOption, optionSpecs, type CommandDefinition, type CommandServices } from '../../../commands/index.ts';
import { createChain, type Chain, type Incoming, type Outgoing } from '../../chain/index.ts';
import { renderAnswerText } from '../../core/answer/render-text.ts';
import { docToPlainText } from '../../core/doc.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const PLATFORM = 'cli';
const kebab = (name: string) => name.replace(/_/g, '-');

export function osUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The command line's table: operator tools first; a chat command of the same words stays the chat's. */
export function cliCommands(operator: readonly CommandDefinition[], chat: readonly CommandDefinition[]): CommandDefinition[] {
  const taken = new Set(operator.map((c) => c.path.join(' ')));
  return [...operator, ...chat.filter((c) => !taken.has(c.path.join(' ')))];
}

/** The words that name a command: two ("claims show"), one ("doctor"), or a chat name with an underscore ("claim_add"). */
function findCommand(commands: readonly CommandDefinition[], args: readonly string[]): { command: CommandDefinition; rest: string[] } | null {
  for (const n of [2, 1]) {
    const words = args.slice(0, n);
    if (words.length < n) continue;
    const command = commands.find((c) => c.path.join(' ') === words.join(' ') || (n === 1 && c.path.join('_') === words[0]));
    if (command) return { command, rest: args.slice(n) };
  }
  return null;
}

export function cliUsage(command: CommandDefinition): string {
  const specs = optionSpecs(command);
  const positionals = positionalsOf(command);
  const parts = [
    ...positionals.map((p) => p.toUpperCase()),
    ...specs.filter((s) => !positionals.includes(s.name)).map((s) => {
      const flag = s.type === 'boolean' ? `--${kebab(s.name)}` : `--${kebab(s.name)} ${s.choices && s.choices.length <= 8 ? s.choices.join('|') : s.name.toUpperCase()}`;
      return s.required ? flag : `[${flag}]`;
    }),
  ];
  return `npm run cli -- ${command.path.join(' ')} ${parts.join(' ')}`.trim();
}

/** The options filled by words before any --option: declared, the free-text option, or a lone required option ("claim_show 12"). */
function positionalsOf(command: CommandDefinition): readonly string[] {
  if (command.positionals) return command.positionals;
  if (command.freeText) return [command.freeText];
  const required = optionSpecs(command).filter((s) => s.required);
  return required.length === 1 ? [required[0]!.name] : [];
}

/** argv after the command's words -> options typed as the command's specs say, or the problem. */
export function parseCliOptions(command: CommandDefinition, rest: readonly string[]): { options: Record<string, unknown>; yes: boolean; actor: string | undefined; problem?: string } {
  const specs = optionSpecs(command);
  const options: Record<string, unknown> = {};
  const words: string[] = [];
  let yes = false;
  let actor: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      words.push(arg);
      continue;
    }
    const [rawName, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const name = rawName.replace(/-/g, '_');
    if (name === 'yes' && !specs.some((s) => s.name === 'yes')) {
      yes = true;
      continue;
    }
    const spec = specs.find((s) => s.name === name);
    // --actor names the operator for commands that do not take it themselves.
    if (!spec && name === 'actor') {
      actor = inline ?? rest[++i];
      if (actor === undefined) return { options, yes, actor, problem: 'option --actor needs a value' };
      continue;
    }
    if (!spec) return { options, yes, actor, problem: `unknown option --${rawName}` };
    if (spec.type === 'boolean' && inline === undefined) {
      options[name] = true;
      continue;
    }
    const value = inline ?? rest[++i];
    if (value === undefined) return { options, yes, actor, problem: `option --${rawName} needs a value` };
    options[name] = coerceOption(spec, value);
  }
  const positionals = positionalsOf(command);
  if (command.freeText && positionals.length === 1 && positionals[0] === command.freeText && words.length) options[command.freeText] = words.join(' ');
  else {
    if (words.length > positionals.length) return { options, yes, actor, problem: `unexpected argument "${words[positionals.length]}"` };
    words.forEach((w, i) => {
      const spec = specs.find((s) => s.name === positionals[i]);
      if (spec) options[spec.name] = coerceOption(spec, w);
    });
  }
  return { options, yes, actor };
}

/** The operator at this terminal: the system user, with every right. */
function incoming(command: CommandDefinition, parsed: ReturnType<typeof parseCliOptions>, locale: string): Incoming {
  const user = osUser();
  const given = parsed.actor?.trim();
  return {
    platform: PLATFORM,
    user: { id: user.slice(0, 100), name: (given || user).slice(0, 200), ...(given ? { operatorGiven: true } : {}) },
    chatId: null,
    origin: `command line on ${hostname()}`,
    locale,
    input: { kind: 'command', path: command.path, options: parsed.options, ...(parsed.problem ? { problem: parsed.problem } : {}) },
    confirmed: parsed.yes,
    buttonBytes: 1000,
    usage: cliUsage,
    rights: () => ({ isOperator: true, isModerator: true, isOwner: true, managesChat: false }),
  };
}

/** The neutral reply on the terminal: answers as `npm run ask` prints them, refusals on stderr. */
function print(out: Outgoing | null, io: CliIo): number {
  if (!out) return 0;
  const { reply } = out;
  if (reply.kind === 'refusal') {
    io.err(docToPlainText(reply.doc));
    return reply.usage ? 2 : 1;
  }
  io.out(reply.kind === 'answer' ? renderAnswerText(reply.answer) : docToPlainText(reply.doc));
  if (reply.kind === 'preview') io.out('Nothing was done yet: run the same command again with --yes to do it.');
  if (reply.kind === 'doc' && reply.more && out.command) {
    io.out(`More: npm run cli -- ${out.command.path.join(' ')} ${Object.entries(reply.more).map(([k, v]) => `--${kebab(k)} ${v}`).join(' ')}`);
  }
  return 0;
}

export interface CliAdapter {
  chain: Chain;
  commands: readonly CommandDefinition[];
  /** Runs one command line; synchronous unless the command takes its time (backup, import). */
  run(args: readonly string[], io: CliIo): number | Promise<number> | null;
}

/** The command line on the chain: null from run() when the words name no command. */
export function cliAdapter(services: CommandServices, commands: readonly CommandDefinition[], locale = 'en'): CliAdapter {
  const chain = createChain({ commands, services });
  return {
    chain,
    commands,
    run(args, io) {
      const found = findCommand(commands, args);
      if (!found) return null;
      const result = chain.dispatch(incoming(found.command, parseCliOptions(found.command, found.rest), locale));
      return result instanceof Promise ? result.then((out) => print(out, io)) : print(result, io);
    },
  };
}
