// What flows through the dispatch chain: an incoming event, in the same shape from every adapter,
// and the neutral outgoing reply each adapter turns into its platform's messages. Nothing here
// names a platform: a platform is an opaque name that only its adapter gives meaning to.
import type { Audience, CommandDefinition, Reply } from '../../commands/types.ts';

export type MaybePromise<T> = T | Promise<T>;

/** What the platform says about the asker's rights for an audience (asked only when a command needs them). */
export interface Rights {
  isModerator: boolean;
  isOwner?: boolean;
  managesChat?: boolean;
  /** The operator at the terminal: every audience, including operator-only tools. */
  isOperator?: boolean;
}

export type IncomingInput =
  /**
   * A command with its options as the platform gave them (typed by the platform, or read from
   * text by the adapter). `problem` is set when the adapter could not read the options at all.
   */
  | { kind: 'command'; path: readonly string[]; options: Record<string, unknown>; problem?: string }
  /** Free text addressed to the bot (a mention, a private message, a console line). */
  | { kind: 'text'; text: string }
  /** A button pressed under one of the bot's messages; its data is the chain's own encoding. */
  | { kind: 'button'; data: string };

export interface Incoming {
  /** An opaque platform name, e.g. the adapter's folder name. */
  platform: string;
  user: { id: string; name: string; operatorGiven?: boolean };
  /** The channel or chat; null outside a chat (the command line). */
  chatId: string | null;
  /** A server the chat belongs to, when the platform has servers. */
  serverId?: string | null;
  /** Where it came from, in words for the audit log ("telegram private chat 5"). */
  origin: string;
  /** The asker's language (BCP 47) as the platform gives it (Telegram's language_code, Discord's
   * interaction.locale); empty when it gives none: then the question's language is used. */
  locale: string;
  input: IncomingInput;
  /** Display names the platform gave for user ids among the options (a picked or replied-to user). */
  userNames?: Readonly<Record<string, string>>;
  /** The asker already agreed (the command line's --yes): a preview runs at once. */
  confirmed?: boolean;
  /** Counted already on a quota of the adapter's own (Telegram's debounced inline queries). */
  counted?: boolean;
  /** How many bytes the platform allows in a button's data. */
  buttonBytes: number;
  /**
   * The platform shows buttons under answers and pages long replies in one message: about this many
   * characters of text a page. Absent (the command line): whole replies, no view buttons.
   */
  pageChars?: number;
  /** The platform's answer about rights for an audience; may ask the platform (roles, administrators). */
  rights(audience: Audience): MaybePromise<Rights>;
  /** How the command is written on this platform, for a usage line. */
  usage(command: CommandDefinition): string;
}

export interface Button {
  /** Confirm, Cancel, More; the views of an answer (Chart, By month, Other claimants, Sources); Previous / Next page. */
  label: string;
  /** Buttons of one row go together (paging above the views); absent is row 0. */
  row?: number;
  /** Encoded by the chain's codec; the adapter passes it back as an incoming button event. */
  data: string;
  style: 'primary' | 'secondary';
}

export interface Outgoing {
  reply: Reply;
  /** Under the last message of the reply. */
  buttons: Button[];
  /**
   * - reply: a new message answering the event (private replies only to the asker where the platform can);
   * - replace: the message the pressed button was on becomes this reply (a confirmed or cancelled preview);
   * - alert: only the one who pressed a button is told (a refused press); nothing else changes;
   * - page: the next page of a list, for whoever pressed More.
   */
  placement: 'reply' | 'replace' | 'alert' | 'page';
  /** Nothing needs saying (still over a limit): platforms that must answer an event show the reply quietly; others say nothing. */
  quiet: boolean;
  /** The command that produced the reply, when there is one. */
  command: CommandDefinition | null;
}
