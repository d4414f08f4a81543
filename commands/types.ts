// What a command is, independent of any platform. Adapters generate their platform's commands
// from these definitions and translate replies; they never decide anything themselves.
import type { z } from 'zod';
import type { Answer } from '../src/core/answer/compose.ts';
import type { Doc } from '../src/core/doc.ts';
import type { ChartSpecInput } from '../src/charts/spec.ts';
import type { AnswerAction } from '../src/services/views-service.ts';
import type { Author } from '../src/store/moderators-repo.ts';
import type { CommandServices } from './ports.ts';
import type { Locale } from '../src/i18n/index.ts';

export type { CommandServices } from './ports.ts';

/**
 * Who may run a command. Moderators change the shared claims anywhere (rights granted only by the
 * operator); chat managers manage their own channel or chat (digests), as moderators may; owners
 * grant and revoke moderators. The operator, at the terminal, runs the operator-only tools
 * (import, backup, doctor) and everything else.
 */
export type Audience = 'everyone' | 'moderators' | 'chat_managers' | 'owners' | 'operator';

export interface Actor {
  /** An opaque platform name: only its adapter knows what it means. */
  platform: string;
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
  /** Where the command came from, in words, as the adapter says it ("discord server 1 channel 2"). */
  origin?: string;
  /** The operator at the terminal. */
  isOperator?: boolean;
}

/** The audit log's name for a chat user: platform, id and display name. */
export function auditActor(actor: Actor): string {
  return actor.operatorGiven ? actor.name.slice(0, 200) : `${actor.platform}:${actor.id} (${actor.name})`.slice(0, 200);
}

/** Where a command came from, in words for the audit log: as the adapter said, or from the ids. */
export function originOf(actor: Actor): string {
  if (actor.origin) return actor.origin;
  if (actor.chatId === null) return `${actor.platform}`;
  if (actor.serverId) return `${actor.platform} server ${actor.serverId} channel ${actor.chatId}`;
  return actor.chatId === actor.id ? `${actor.platform} private chat ${actor.chatId}` : `${actor.platform} chat ${actor.chatId}`;
}

/** Everything the audit rows keep of who did it. */
export function authorOf(actor: Actor): Author {
  return { platform: actor.platform, userId: actor.id.slice(0, 100) || 'unknown', name: actor.name.trim().slice(0, 200) || actor.id, origin: originOf(actor).slice(0, 300), operatorGiven: Boolean(actor.operatorGiven) };
}

/** May this actor run a command for this audience? */
export function allowed(audience: Audience, actor: Actor): boolean {
  if (actor.isOperator) return true;
  switch (audience) {
    case 'everyone':
      return true;
    case 'moderators':
      return actor.isModerator;
    case 'chat_managers':
      return actor.isModerator || Boolean(actor.managesChat);
    case 'owners':
      return Boolean(actor.isOwner);
    case 'operator':
      return false;
  }
}

export interface CommandContext {
  actor: Actor;
  services: CommandServices;
  /** True when the actor pressed Confirm on this command's preview. */
  confirmed: boolean;
  /** Display names the platform gave for user ids among the options (a mentioned or replied-to user). */
  userNames: Readonly<Record<string, string>>;
  /** The language of the reply's fixed texts (src/i18n): the asker's, else the question's, else English. */
  locale?: Locale;
  /** The language the platform gave for the asker, when the bot speaks it; answers otherwise follow the question's. */
  askerLocale?: Locale | null;
  /** A button under an earlier reply asked for this view of the same command (the chain's view store). */
  view?: AnswerAction | undefined;
}

/** Views of the same question offered as buttons under a reply ("Chart", "By month", "Other claimants", "Sources"). */
export type { AnswerAction } from '../src/services/views-service.ts';

/** One page of a long reply, chosen by the chain for platforms that page (Previous / Next in one message). */
export interface ReplyPage {
  doc: Doc;
  /** 1-based. */
  index: number;
  count: number;
}

/**
 * `asked`: the options a reply answers when they differ from those typed (a follow-up completed
 * from the asker's previous question): what its buttons re-run.
 */
export type Reply =
  /** An answer to a question, rendered by each platform's answer renderer. */
  | { kind: 'answer'; answer: Answer; actions?: readonly AnswerAction[]; page?: ReplyPage; asked?: Record<string, unknown> }
  /** A chart: the spec each adapter renders to a PNG (in its theme), and the caption that attributes every series. */
  | { kind: 'chart'; chart: ChartSpecInput; doc: Doc; actions?: readonly AnswerAction[]; asked?: Record<string, unknown> }
  /**
   * Information; `private` replies go only to the one who asked (ephemeral on Discord). `more`
   * holds the options that show the next page of a long list, for a "More" button.
   */
  | { kind: 'doc'; doc: Doc; private: boolean; more?: Record<string, string | number>; actions?: readonly AnswerAction[]; page?: ReplyPage; asked?: Record<string, unknown> }
  /** Nothing was done: a refusal, bad input, a missing claim. Always private. */
  | { kind: 'refusal'; doc: Doc; /** The command was asked wrongly (unknown, options unreadable or invalid): a usage error. */ usage?: boolean }
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
  /** Synchronous for chat commands; an operator tool reading files or copying a database may take its time. */
  run(input: z.infer<S>, ctx: CommandContext): Reply | Promise<Reply>;
  /** Words given in order on the command line before any --option fill these options ("claims show 12"). */
  positionals?: readonly (keyof z.infer<S> & string)[];
}

/** Keeps each definition's input type tied to its schema. */
export function defineCommand<S extends z.ZodObject>(definition: CommandDefinition<S>): CommandDefinition<S> {
  return definition;
}

export const commandName = (c: Pick<CommandDefinition, 'path'>) => c.path.join(' ');
