// Helpers every command uses (refusals, reply docs), and the synchronous entry points the tests
// and the digest use. The decisions themselves (audience, validation, the confirm step, the error
// boundary) live in the dispatch chain, src/chain/chain.ts, and only there.
import type { z } from 'zod';
import { bold, doc, item, paragraph, text, type Doc } from '../src/core/doc.ts';
import type { Finding } from '../src/core/plausibility.ts';
import { answerToDoc } from '../src/core/answer/to-doc.ts';
import { executeCommand } from '../src/chain/chain.ts';
import { PreviewStore } from '../src/chain/confirmations.ts';
import type { Actor, CommandDefinition, CommandServices, Reply } from './types.ts';
import { t, type Locale } from '../src/i18n/index.ts';

export { encodeMore, decodeMore } from '../src/chain/codec.ts';

/** What a reply shows, as a neutral doc: an answer's, or the reply's own. */
export function replyDoc(reply: Reply): Doc {
  // A page of a long reply, where the chain chose one.
  if ((reply.kind === 'answer' || reply.kind === 'doc') && reply.page) return reply.page.doc;
  return reply.kind === 'answer' ? answerToDoc(reply.answer) : reply.doc;
}

/** Refusals, previews and private docs go only to the one who asked. */
export function isPrivateReply(reply: Reply): boolean {
  return reply.kind === 'refusal' || reply.kind === 'preview' || (reply.kind === 'doc' && reply.private);
}

export function refusal(message: string, problems: Finding[] = []): Reply {
  return { kind: 'refusal', doc: doc(null, [paragraph(text(message)), ...problems.map((p) => item(...(p.field ? [bold(p.field)] : []), text(`${p.field ? ': ' : ''}${p.message}`)))]) };
}

/**
 * Each option's problem. In English, the command's own words ("must be a time like 09:00"); in
 * another language, the kind of problem in the catalogue's words (option-*), with its limit or
 * allowed values.
 */
export function zodProblems(error: z.ZodError, locale: Locale = 'en'): Finding[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: locale === 'en' ? i.message : optionProblem(i, locale) }));
}

function optionProblem(issue: z.core.$ZodIssue, locale: Locale): string {
  switch (issue.code) {
    case 'invalid_type':
      return t(locale, 'option-wrong-type', { expected: issue.expected === 'number' || issue.expected === 'int' ? 'number' : issue.expected === 'boolean' ? 'boolean' : 'other' });
    case 'too_small':
      // An exclusive bound on a whole number (positive(): more than 0) reads as the least it may be.
      return t(locale, 'option-too-small', { origin: issue.origin === 'string' ? 'string' : 'other', limit: String(issue.inclusive === false && typeof issue.minimum === 'number' ? issue.minimum + 1 : issue.minimum) });
    case 'too_big':
      return t(locale, 'option-too-big', { origin: issue.origin === 'string' ? 'string' : 'other', limit: String(issue.inclusive === false && typeof issue.maximum === 'number' ? issue.maximum - 1 : issue.maximum) });
    case 'invalid_value':
      return t(locale, 'option-one-of', { values: issue.values.map(String).join(', ') });
    case 'invalid_format':
      return t(locale, 'option-bad-format');
    default:
      return t(locale, 'option-invalid');
  }
}

export interface Logger {
  error(details: object, message: string): void;
}

export interface RunOptions {
  confirmed?: boolean;
  logger?: Logger;
  /** Display names the platform gave for user ids among the options. */
  userNames?: Readonly<Record<string, string>>;
  /** The language of the reply's fixed texts (default English). */
  locale?: Locale;
}

/**
 * A synchronous command for an actor whose rights are known: the chain's audience, validation and
 * run steps inside its error boundary. An operator tool that takes its time goes through the chain.
 */
export function runCommand(command: CommandDefinition, rawOptions: Record<string, unknown>, actor: Actor, services: CommandServices, options: RunOptions = {}): Reply {
  const reply = executeCommand(command, rawOptions, actor, services, options);
  if (reply instanceof Promise) throw new Error(`${command.path.join(' ')} runs asynchronously: dispatch it through the chain`);
  return reply;
}

const actorKey = (actor: Actor) => `${actor.platform}:${actor.id}`;

export type ConfirmResult = { ok: true; reply: Reply } | { ok: false; reply: Reply };

const EXPIRED = 'That preview has expired or was already used. Nothing was written; run the command again.';
const NOT_YOURS = 'Only the moderator who asked for this preview can confirm or cancel it.';

/**
 * The chain's preview store with a synchronous face, for tests and tools that hold an actor with
 * known rights: run a command (a preview is remembered under a token), then confirm or cancel it.
 */
export class Confirmations {
  readonly store: PreviewStore;

  constructor(clock: () => number = Date.now, ttlMs = 10 * 60_000, maxPending = 1000, maxPerActor = 5) {
    this.store = new PreviewStore(clock, ttlMs, maxPending, maxPerActor);
  }

  run(command: CommandDefinition, options: Record<string, unknown>, actor: Actor, services: CommandServices, run: RunOptions = {}): { reply: Reply; token: string | null } {
    const reply = runCommand(command, options, actor, services, run);
    if (reply.kind !== 'preview') return { reply, token: null };
    const remembered = this.store.remember(command, options, run.userNames ?? {}, actorKey(actor));
    if (!remembered.ok) return { reply: refusal('Too many previews are waiting for a Confirm right now. Nothing was written; please try again in a few minutes.'), token: null };
    return { reply, token: remembered.token };
  }

  commandFor(token: string): CommandDefinition | null {
    return this.store.peek(token)?.command ?? null;
  }

  pendingFor(actor: Actor): number {
    return this.store.pendingFor(actorKey(actor));
  }

  confirm(token: string, actor: Actor, services: CommandServices, run: RunOptions = {}): ConfirmResult {
    const taken = this.store.take(token, actorKey(actor));
    if (!taken.ok) return { ok: false, reply: refusal(taken.reason === 'expired' ? EXPIRED : NOT_YOURS) };
    // Rights are checked again now: a moderator revoked since the preview cannot confirm it.
    return { ok: true, reply: runCommand(taken.pending.command, taken.pending.options, actor, services, { ...run, userNames: taken.pending.userNames, confirmed: true }) };
  }

  cancel(token: string, actor: Actor): ConfirmResult {
    const taken = this.store.take(token, actorKey(actor));
    if (!taken.ok) return { ok: false, reply: refusal(taken.reason === 'expired' ? EXPIRED : NOT_YOURS) };
    return { ok: true, reply: { kind: 'doc', private: true, doc: doc(null, [paragraph(text('Cancelled. Nothing was written.'))]) } };
  }
}
