// What a command is, independent of any platform. Adapters generate their platform's commands
// from these definitions and translate replies; they never decide anything themselves.
import type { z } from 'zod';
import type { App } from '../src/app.ts';
import type { Answer } from '../src/core/answer/compose.ts';
import type { Doc } from '../src/core/doc.ts';
import type { Author } from '../src/store/moderators-repo.ts';

/**
 * Who may run a command. Moderators change the shared claims anywhere (rights granted only by the
 * operator); chat managers manage their own channel or chat (digests), as moderators may; owners
 * grant and revoke moderators.
 */
export type Audience = 'everyone' | 'moderators' | 'chat_managers' | 'owners';

export interface Actor {
  platform: 'discord' | 'telegram' | 'cli';
  /** The platform's user id. */
  id: string;
  /** A display name, for the audit log. */
  name: string;
  /** A claim moderator (see Audience), decided by the adapter with services.access; enforced by the runner. */
  isModerator: boolean;
  /** An owner named in LOSSBOT_OWNERS. */
  isOwner?: boolean;
  /** Manages the chat the command came from (Discord: Manage Channels there; Telegram: its administrator; one's own direct messages). */
  managesChat?: boolean;
  /** The channel or chat the command came from; null outside a chat (the command line). */
  chatId: string | null;
  /** The Discord server the channel belongs to; null in direct messages and on Telegram. */
  serverId?: string | null;
  /** The command line's --actor: a name the operator typed, not one a platform checked. */
  operatorGiven?: boolean;
}

/** The audit log's name for a chat user: platform, id and display name. */
export function auditActor(actor: Actor): string {
  return actor.platform === 'cli' && actor.operatorGiven ? actor.name.slice(0, 200) : `${actor.platform}:${actor.id} (${actor.name})`.slice(0, 200);
}

/** Where a command came from, in words for the audit log. */
export function originOf(actor: Actor): string {
  if (actor.platform === 'cli') return 'command line';
  if (actor.platform === 'discord') return actor.serverId ? `discord server ${actor.serverId} channel ${actor.chatId}` : `discord direct message ${actor.chatId ?? ''}`.trim();
  return actor.chatId === actor.id ? `telegram private chat ${actor.chatId}` : `telegram chat ${actor.chatId ?? 'unknown'}`;
}

/** Everything the audit rows keep of who did it. */
export function authorOf(actor: Actor): Author {
  return { platform: actor.platform, userId: actor.id.slice(0, 100) || 'unknown', name: actor.name.trim().slice(0, 200) || actor.id, origin: originOf(actor).slice(0, 300), operatorGiven: Boolean(actor.operatorGiven) };
}

/** May this actor run a command for this audience? */
export function allowed(audience: Audience, actor: Actor): boolean {
  switch (audience) {
    case 'everyone':
      return true;
    case 'moderators':
      return actor.isModerator;
    case 'chat_managers':
      return actor.isModerator || Boolean(actor.managesChat);
    case 'owners':
      return Boolean(actor.isOwner);
  }
}

export type CommandServices = Pick<App, 'service' | 'claims' | 'asker' | 'digests' | 'access'>;

export interface CommandContext {
  actor: Actor;
  services: CommandServices;
  /** True when the actor pressed Confirm on this command's preview. */
  confirmed: boolean;
  /** Display names the platform gave for user ids among the options (a mentioned or replied-to user). */
  userNames: Readonly<Record<string, string>>;
}

export type Reply =
  /** An answer to a question, rendered by each platform's answer renderer. */
  | { kind: 'answer'; answer: Answer }
  /**
   * Information; `private` replies go only to the one who asked (ephemeral on Discord). `more`
   * holds the options that show the next page of a long list, for a "More" button.
   */
  | { kind: 'doc'; doc: Doc; private: boolean; more?: Record<string, string | number> }
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
