// Running a command: the audience check, option validation and the confirm step live here, so
// no adapter can skip them.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { bold, doc, item, paragraph, text, type Doc } from '../src/core/doc.ts';
import type { Finding } from '../src/core/plausibility.ts';
import { answerToDoc } from '../src/core/answer/to-doc.ts';
import type { Actor, CommandContext, CommandDefinition, CommandServices, Reply } from './types.ts';
import { commandName } from './types.ts';

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
}

export function runCommand(command: CommandDefinition, rawOptions: Record<string, unknown>, actor: Actor, services: CommandServices, options: RunOptions = {}): Reply {
  if (command.audience === 'moderators' && !actor.isModerator) {
    return refusal(`Only moderators may use ${commandName(command)}. Nothing was changed.`);
  }
  const parsed = command.options.safeParse(rawOptions);
  if (!parsed.success) return refusal(`${commandName(command)}: some options are not right. Nothing was changed.`, zodProblems(parsed.error));
  const ctx: CommandContext = { actor, services, confirmed: options.confirmed ?? false };
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
  actorId: string;
  expires: number;
}

export type ConfirmResult = { ok: true; reply: Reply } | { ok: false; reply: Reply };

/**
 * Previews waiting for Confirm. In memory on purpose: a preview from before a restart should be
 * looked at again, not written blind. Bounded in size and time.
 */
export class Confirmations {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly ttlMs = 10 * 60_000,
    private readonly maxPending = 1000,
  ) {}

  /** Runs the command; a preview reply is remembered under a token for the Confirm button. */
  run(command: CommandDefinition, options: Record<string, unknown>, actor: Actor, services: CommandServices, run: RunOptions = {}): { reply: Reply; token: string | null } {
    const reply = runCommand(command, options, actor, services, run);
    if (reply.kind !== 'preview') return { reply, token: null };
    this.sweep();
    if (this.pending.size >= this.maxPending) this.pending.delete(this.pending.keys().next().value!);
    const token = randomBytes(9).toString('base64url');
    this.pending.set(token, { command, options, actorId: actor.id, expires: this.clock() + this.ttlMs });
    return { reply, token };
  }

  confirm(token: string, actor: Actor, services: CommandServices, run: RunOptions = {}): ConfirmResult {
    const p = this.take(token, actor);
    if (!p.ok) return p;
    return { ok: true, reply: runCommand(p.pending.command, p.pending.options, actor, services, { ...run, confirmed: true }) };
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
    if (p.actorId !== actor.id) return { ok: false, reply: refusal('Only the moderator who asked for this preview can confirm or cancel it.') };
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
