// What a command is, independent of any platform. Adapters generate their platform's commands
// from these definitions and translate replies; they never decide anything themselves.
import type { z } from 'zod';
import type { App } from '../src/app.ts';
import type { Answer } from '../src/core/answer/compose.ts';
import type { Doc } from '../src/core/doc.ts';

export type Audience = 'everyone' | 'moderators';

export interface Actor {
  platform: 'discord' | 'telegram' | 'cli';
  /** The platform's user id. */
  id: string;
  /** A display name, for the audit log. */
  name: string;
  /** Decided by the adapter from the platform's roles; enforced by the runner. */
  isModerator: boolean;
  /** The channel or chat the command came from; null outside a chat (the command line). */
  chatId: string | null;
}

/** The audit log's name for a chat user: platform, id and display name. */
export function auditActor(actor: Actor): string {
  return `${actor.platform}:${actor.id} (${actor.name})`.slice(0, 200);
}

export type CommandServices = Pick<App, 'service' | 'claims' | 'asker' | 'digests'>;

export interface CommandContext {
  actor: Actor;
  services: CommandServices;
  /** True when the actor pressed Confirm on this command's preview. */
  confirmed: boolean;
}

export type Reply =
  /** An answer to a question, rendered by each platform's answer renderer. */
  | { kind: 'answer'; answer: Answer }
  /** Information; `private` replies go only to the one who asked (ephemeral on Discord). */
  | { kind: 'doc'; doc: Doc; private: boolean }
  /** Nothing was done: a refusal, bad input, a missing claim. Always private. */
  | { kind: 'refusal'; doc: Doc }
  /** Nothing was done yet: show this with Confirm / Cancel, and run again with `confirmed`. */
  | { kind: 'preview'; doc: Doc };

export interface Choice {
  name: string;
  value: string;
}

export interface CommandDefinition<S extends z.ZodObject = z.ZodObject> {
  /** ["ask"] or ["claim", "add"]: Discord's command and subcommand; Telegram's /claim_add. */
  path: readonly [string] | readonly [string, string];
  description: string;
  /** Every option with .describe(); enums become choices. */
  options: S;
  audience: Audience;
  /** The option a command's free text fills on Telegram ("/ask how many tanks"). */
  freeText?: keyof z.infer<S> & string;
  /** Options whose values are suggested as the user types. */
  autocomplete?: Partial<Record<keyof z.infer<S> & string, (services: CommandServices, typed: string) => Choice[]>>;
  run(input: z.infer<S>, ctx: CommandContext): Reply;
}

/** Keeps each definition's input type tied to its schema. */
export function defineCommand<S extends z.ZodObject>(definition: CommandDefinition<S>): CommandDefinition<S> {
  return definition;
}

export const commandName = (c: Pick<CommandDefinition, 'path'>) => c.path.join(' ');
