// Running a command: the audience check, option validation and the confirm step live here, so
// no adapter can skip them.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { bold, doc, item, paragraph, text, type Doc } from '../src/core/doc.ts';
import type { Finding } from '../src/core/plausibility.ts';
import { answerToDoc } from '../src/core/answer/to-doc.ts';
import type { Actor, Audience, CommandContext, CommandDefinition, CommandServices, Reply } from './types.ts';
import { allowed, commandName } from './types.ts';
import { coerceOption, optionSpecs } from './options.ts';

/** What a reply shows, as a neutral doc: an answer's, or the reply's own. */
export function replyDoc(reply: Reply): Doc {
  return reply.kind === 'answer' ? answerToDoc(reply.answer) : reply.doc;
}

/** Refusals, previews and private docs go only to the one who asked. */
export function isPrivateReply(reply: Reply): boolean {
  return reply.kind === 'refusal' || reply.kind === 'preview' || (reply.kind === 'doc' && reply.private);
}

export function refusal(message: string, problems: Finding[] = []): Reply {
  return { kind: 'refusal', doc: doc(null, [paragraph(text(message)), ...problems.map((p) => item(...(p.field ? [bold(p.field)] : []), text(`${p.field ? ': ' : ''}${p.message}`)))]) };
}

export function zodProblems(error: z.ZodError): Finding[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
}

export interface Logger {
  error(details: object, message: string): void;
}

export interface RunOptions {
  confirmed?: boolean;
  logger?: Logger;
  /** Display names the platform gave for user ids among the options. */
  userNames?: Readonly<Record<string, string>>;
}

const WHO: Record<Exclude<Audience, 'everyone'>, string> = {
  moderators: "the bot's claim moderators",
  chat_managers: "this chat's managers (Discord: Manage Channels here; Telegram: its administrators) and the bot's claim moderators",
  owners: "the bot's owners",
};

export function runCommand(command: CommandDefinition, rawOptions: Record<string, unknown>, actor: Actor, services: CommandServices, options: RunOptions = {}): Reply {
  if (!allowed(command.audience, actor)) {
    return refusal(`Only ${WHO[command.audience as Exclude<Audience, 'everyone'>]} may use ${commandName(command)}. Nothing was changed.`);
  }
  const parsed = command.options.safeParse(rawOptions);
  if (!parsed.success) return refusal(`${commandName(command)}: some options are not right. Nothing was changed.`, zodProblems(parsed.error));
  const ctx: CommandContext = { actor, services, confirmed: options.confirmed ?? false, userNames: options.userNames ?? {} };
  try {
    return command.run(parsed.data, ctx);
  } catch (error) {
    // The handler's own errors are bugs or a database fault: logged, and the user told plainly.
    options.logger?.error({ err: error, command: commandName(command), user: actor.id }, 'command failed');
    return refusal('Something went wrong on my side; nothing was changed. The moderators can find it in the log.');
  }
}

interface Pending {
  command: CommandDefinition;
  options: Record<string, unknown>;
  userNames: Readonly<Record<string, string>>;
  actorKey: string;
  expires: number;
}

const actorKey = (actor: Actor) => `${actor.platform}:${actor.id}`;

export type ConfirmResult = { ok: true; reply: Reply } | { ok: false; reply: Reply };

/**
 * Previews waiting for Confirm. In memory on purpose: a preview from before a restart should be
 * looked at again, not written blind. Bounded in time, per person and in all: a new preview
 * replaces only its own author's oldest, and when every slot is taken by others it is refused,
 * so no one can push out another moderator's pending Confirm.
 */
export class Confirmations {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly ttlMs = 10 * 60_000,
    private readonly maxPending = 1000,
    private readonly maxPerActor = 5,
  ) {}

  /** Runs the command; a preview reply is remembered under a token for the Confirm button. */
  run(command: CommandDefinition, options: Record<string, unknown>, actor: Actor, services: CommandServices, run: RunOptions = {}): { reply: Reply; token: string | null } {
    const reply = runCommand(command, options, actor, services, run);
    if (reply.kind !== 'preview') return { reply, token: null };
    this.sweep();
    const key = actorKey(actor);
    const own = [...this.pending].filter(([, p]) => p.actorKey === key);
    // One's own oldest previews make room; nobody else's.
    while (own.length >= this.maxPerActor) this.pending.delete(own.shift()![0]);
    if (this.pending.size >= this.maxPending) {
      return { reply: refusal('Too many previews are waiting for a Confirm right now. Nothing was written; please try again in a few minutes.'), token: null };
    }
    const token = randomBytes(9).toString('base64url');
    this.pending.set(token, { command, options, userNames: run.userNames ?? {}, actorKey: key, expires: this.clock() + this.ttlMs });
    return { reply, token };
  }

  /** The command a pending preview would run, so the adapter can work out the presser's rights for it. */
  commandFor(token: string): CommandDefinition | null {
    return this.pending.get(token)?.command ?? null;
  }

  /** How many previews are waiting for this actor's Confirm. */
  pendingFor(actor: Actor): number {
    this.sweep();
    return [...this.pending.values()].filter((p) => p.actorKey === actorKey(actor)).length;
  }

  confirm(token: string, actor: Actor, services: CommandServices, run: RunOptions = {}): ConfirmResult {
    const p = this.take(token, actor);
    if (!p.ok) return p;
    // Rights are checked again now: a moderator revoked since the preview cannot confirm it.
    return { ok: true, reply: runCommand(p.pending.command, p.pending.options, actor, services, { ...run, userNames: p.pending.userNames, confirmed: true }) };
  }

  cancel(token: string, actor: Actor): ConfirmResult {
    const p = this.take(token, actor);
    if (!p.ok) return p;
    return { ok: true, reply: { kind: 'doc', private: true, doc: cancelledDoc() } };
  }

  private take(token: string, actor: Actor): { ok: true; pending: Pending } | { ok: false; reply: Reply } {
    this.sweep();
    const p = this.pending.get(token);
    if (!p) return { ok: false, reply: refusal('That preview has expired or was already used. Nothing was written; run the command again.') };
    if (p.actorKey !== actorKey(actor)) return { ok: false, reply: refusal('Only the moderator who asked for this preview can confirm or cancel it.') };
    this.pending.delete(token);
    return { ok: true, pending: p };
  }

  private sweep(): void {
    const now = this.clock();
    for (const [token, p] of this.pending) if (p.expires <= now) this.pending.delete(token);
  }
}

function cancelledDoc(): Doc {
  return doc(null, [paragraph(text('Cancelled. Nothing was written.'))]);
}

/** A "More" button's data: the command and its next page's options, in at most `limit` bytes. */
export function encodeMore(command: CommandDefinition, options: Record<string, string | number>, limit = 64): string | null {
  const data = `m:${command.path.join('_')}?${new URLSearchParams(Object.entries(options).map(([k, v]) => [k, String(v)])).toString()}`;
  return Buffer.byteLength(data) <= limit ? data : null;
}

/** A "More" button's data back to a command and options typed as its specs say; null if not ours. */
export function decodeMore(data: string, commands: readonly CommandDefinition[]): { command: CommandDefinition; options: Record<string, unknown> } | null {
  const m = /^m:([a-z_]+)\?(.*)$/.exec(data);
  const command = m ? commands.find((c) => c.path.join('_') === m[1]) : undefined;
  if (!m || !command) return null;
  const specs = optionSpecs(command);
  const options: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(m[2]!)) {
    const spec = specs.find((s) => s.name === k);
    if (spec) options[k] = coerceOption(spec, v);
  }
  return { command, options };
}
