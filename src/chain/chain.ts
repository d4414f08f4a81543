// The dispatch chain: one for every adapter. In the spirit of grammY's composer (small
// middlewares, each calling next, one error boundary around them all) and Sapphire's
// preconditions (a command declares its audience; it is checked here, and only here):
//
//   incoming event -> limits -> command -> audience -> help on empty -> option validation
//     -> confirm step -> run -> (error boundary around it all) -> neutral outgoing reply
//
// Middlewares may be synchronous or not: the chain stays synchronous when every step is (the
// command line and the unit tests run it without awaiting), and becomes a promise as soon as one
// step needs one (an adapter asking its platform about rights, an import reading files).
import type { z } from 'zod';
import { refusal, zodProblems, type Logger } from '../../commands/run.ts';
import type { QuestionLimiter } from '../../commands/rate-limit.ts';
import { allowed, commandName, type Actor, type Audience, type CommandContext, type CommandDefinition, type CommandServices, type Reply } from '../../commands/types.ts';
import { decodeButton, encodeCancel, encodeConfirm, encodeMore } from './codec.ts';
import { PreviewStore, type Pending } from './confirmations.ts';
import type { Button, Incoming, MaybePromise, Outgoing } from './types.ts';

/** What a middleware reads and fills in; the outgoing reply is set once, by the step that decides it. */
export interface ChainContext {
  incoming: Incoming | null;
  services: CommandServices;
  logger: Logger | undefined;
  actor: Actor;
  command: CommandDefinition | null;
  options: Record<string, unknown>;
  /** The options as the command's schema read them, once validated. */
  input: unknown;
  confirmed: boolean;
  userNames: Readonly<Record<string, string>>;
  placement: Outgoing['placement'];
  quiet: boolean;
  /** The reply, once a step has decided it. */
  reply: Reply | null;
  /** The token a preview was remembered under. */
  token: string | null;
}

export type Next = () => MaybePromise<void>;
export type Middleware = (ctx: ChainContext, next: Next) => MaybePromise<void>;

const isPromise = <T>(v: MaybePromise<T>): v is Promise<T> => typeof (v as { then?: unknown } | null)?.then === 'function';

/** Runs `after` once `value` is there, without making a synchronous value a promise. */
export function andThen<T, U>(value: MaybePromise<T>, after: (v: T) => MaybePromise<U>): MaybePromise<U> {
  return isPromise(value) ? value.then(after) : after(value);
}

/** Middlewares in order, each calling next() to go on: grammY's composer, without forcing promises. */
export function compose(middlewares: readonly Middleware[]): (ctx: ChainContext) => MaybePromise<void> {
  return (ctx) => {
    const dispatch = (i: number): MaybePromise<void> => (i < middlewares.length ? middlewares[i]!(ctx, () => dispatch(i + 1)) : undefined);
    return dispatch(0);
  };
}

const WHO: Record<Exclude<Audience, 'everyone'>, string> = {
  moderators: "the bot's claim moderators",
  chat_managers: "this chat's managers (Discord: Manage Channels here; Telegram: its administrators) and the bot's claim moderators",
  owners: "the bot's owners",
  operator: 'the operator, on the command line',
};

/** A refusal because the command was asked wrongly: the command line exits 2 on it. */
const usageRefusal = (message: string, problems: Parameters<typeof refusal>[1] = []): Reply => ({ ...(refusal(message, problems) as Extract<Reply, { kind: 'refusal' }>), usage: true });

const actorKey = (actor: Actor) => `${actor.platform}:${actor.id}`;

// --- the middlewares -------------------------------------------------------------------------

/** The one error boundary: a handler's own error is a bug or a database fault, logged and told plainly. */
export const errorBoundary: Middleware = (ctx, next) => {
  const fail = (error: unknown) => {
    ctx.logger?.error({ err: error, command: ctx.command ? commandName(ctx.command) : null, user: ctx.actor.id }, 'command failed');
    ctx.reply = refusal('Something went wrong on my side; nothing was changed. The moderators can find it in the log.');
  };
  try {
    const r = next();
    return isPromise(r) ? r.catch(fail) : r;
  } catch (error) {
    fail(error);
  }
};

/** Per-user and per-chat limits on every command, question and button press. */
export function limits(limiter: QuestionLimiter | undefined): Middleware {
  return (ctx, next) => {
    if (!limiter || ctx.incoming?.counted) return next();
    const admission = limiter.admit(ctx.actor);
    if (admission.kind === 'answer') return next();
    if (ctx.incoming?.input.kind === 'button') ctx.placement = 'alert';
    ctx.quiet = admission.kind === 'silent';
    ctx.reply = refusal(admission.kind === 'warn' ? admission.message : 'Still too many requests; please wait a little.');
  };
}

/** Which command an event is for: a command path, free text (the text command; help when empty), or a button. */
export function resolveCommand(commands: readonly CommandDefinition[], textCommand: readonly string[], helpCommand: readonly string[], previews: PreviewStore): Middleware {
  const find = (path: readonly string[]) => commands.find((c) => c.path.length === path.length && c.path.every((p, i) => p === path[i]));
  return (ctx, next) => {
    const input = ctx.incoming!.input;
    if (input.kind === 'text') {
      const text = input.text.trim();
      ctx.command = find(text ? textCommand : helpCommand) ?? null;
      ctx.options = text && ctx.command?.freeText ? { [ctx.command.freeText]: text } : {};
      return next();
    }
    if (input.kind === 'command') {
      ctx.command = find(input.path) ?? null;
      if (!ctx.command) {
        const help = find(helpCommand);
        ctx.reply = usageRefusal(`I do not know that command; try ${help ? ctx.incoming!.usage(help) : 'help'}.`);
        return;
      }
      ctx.options = input.options;
      return next();
    }
    const button = decodeButton(input.data, commands);
    if (!button) return; // not ours: nothing to say
    if (button.kind === 'more') {
      ctx.placement = 'page';
      ctx.command = button.command;
      ctx.options = button.options;
      return next();
    }
    // Confirm or Cancel: the presser's rights are those the pending command needs.
    ctx.placement = 'alert';
    ctx.command = previews.peek(button.token)?.command ?? null;
    return andThen(audienceRights(ctx), () => {
      const taken = previews.take(button.token, actorKey(ctx.actor));
      if (!taken.ok) {
        ctx.reply = refusal(taken.reason === 'expired' ? 'That preview has expired or was already used. Nothing was written; run the command again.' : 'Only the moderator who asked for this preview can confirm or cancel it.');
        return;
      }
      ctx.placement = 'replace';
      if (button.kind === 'cancel') {
        ctx.reply = { kind: 'doc', private: true, doc: { title: null, blocks: [{ spans: [{ text: 'Cancelled. Nothing was written.' }] }] } };
        return;
      }
      restorePending(ctx, taken.pending);
      // Rights are checked again now: a moderator revoked since the preview cannot confirm it.
      return next();
    });
  };
}

function restorePending(ctx: ChainContext, pending: Pending): void {
  ctx.command = pending.command;
  ctx.options = pending.options;
  ctx.userNames = pending.userNames;
  ctx.confirmed = true;
}

/** Asks the adapter (once) for the rights the command's audience needs. */
function audienceRights(ctx: ChainContext): MaybePromise<void> {
  if (!ctx.incoming) return;
  return andThen(ctx.incoming.rights(ctx.command?.audience ?? 'everyone'), (rights) => {
    ctx.actor = { ...ctx.actor, ...rights };
  });
}

/** Sapphire's preconditions: the command declares who may run it; this is the only place that checks. */
export const audience: Middleware = (ctx, next) => {
  const check = () => {
    const command = ctx.command!;
    if (!allowed(command.audience, ctx.actor)) {
      ctx.reply = refusal(`Only ${WHO[command.audience as Exclude<Audience, 'everyone'>]} may use ${commandName(command)}. Nothing was changed.`);
      return;
    }
    return next();
  };
  // A confirmed button press asked for its rights already.
  return ctx.incoming && !ctx.confirmed ? andThen(audienceRights(ctx), check) : check();
};

/** A command sent without the options it needs: its free-text command's help, or its usage. */
export function helpOnEmpty(commands: readonly CommandDefinition[], helpCommand: readonly string[]): Middleware {
  return (ctx, next) => {
    const incoming = ctx.incoming;
    const command = ctx.command!;
    if (!incoming || incoming.input.kind !== 'command') return next();
    if (incoming.input.problem) {
      ctx.reply = usageRefusal(`${incoming.input.problem}\nUsage: ${incoming.usage(command)}`);
      return;
    }
    if (Object.keys(ctx.options).length) return next();
    if (command.freeText) {
      // "/ask" with no question: what the bot does, and how to ask.
      ctx.command = commands.find((c) => c.path.join(' ') === helpCommand.join(' ')) ?? command;
      return next();
    }
    const required = Object.values(command.options.shape).some((s) => !(s as z.ZodType).safeParse(undefined).success);
    if (required) {
      ctx.reply = usageRefusal(`Usage: ${incoming.usage(command)}`);
      return;
    }
    return next();
  };
}

/** Option validation: the command's own zod schema judges what the platform gave. */
export const validation: Middleware = (ctx, next) => {
  const command = ctx.command!;
  const parsed = command.options.safeParse(ctx.options);
  if (!parsed.success) {
    ctx.reply = usageRefusal(`${commandName(command)}: some options are not right. Nothing was changed.`, zodProblems(parsed.error));
    return;
  }
  ctx.input = parsed.data;
  return next();
};

/** The confirm step: a preview waits for Confirm (or runs at once when the asker already agreed). */
export function confirmStep(previews: PreviewStore): Middleware {
  return (ctx, next) =>
    andThen(next(), () => {
      if (ctx.reply?.kind !== 'preview' || ctx.confirmed) return;
      if (ctx.incoming?.confirmed) {
        ctx.confirmed = true;
        return runCommandStep(ctx);
      }
      const remembered = previews.remember(ctx.command!, ctx.options, ctx.userNames, actorKey(ctx.actor));
      if (remembered.ok) ctx.token = remembered.token;
      else ctx.reply = refusal('Too many previews are waiting for a Confirm right now. Nothing was written; please try again in a few minutes.');
    });
}

function runCommandStep(ctx: ChainContext): MaybePromise<void> {
  const context: CommandContext = { actor: ctx.actor, services: ctx.services, confirmed: ctx.confirmed, userNames: ctx.userNames };
  return andThen(ctx.command!.run(ctx.input as never, context), (reply) => {
    ctx.reply = reply;
  });
}

/** Runs the command. */
export const run: Middleware = (ctx) => runCommandStep(ctx);

// --- the chain -------------------------------------------------------------------------------

export interface ChainOptions {
  commands: readonly CommandDefinition[];
  services: CommandServices;
  logger?: Logger | undefined;
  limiter?: QuestionLimiter | undefined;
  previews?: PreviewStore;
  /** The command free text goes to (default ask), and the one an empty message gets (default help). */
  textCommand?: readonly string[];
  helpCommand?: readonly string[];
}

export interface Chain {
  dispatch(incoming: Incoming): MaybePromise<Outgoing | null>;
  readonly previews: PreviewStore;
  readonly commands: readonly CommandDefinition[];
}

export function baseActor(incoming: Incoming): Actor {
  return {
    platform: incoming.platform,
    id: incoming.user.id,
    name: incoming.user.name,
    isModerator: false,
    chatId: incoming.chatId,
    serverId: incoming.serverId ?? null,
    origin: incoming.origin,
    ...(incoming.user.operatorGiven ? { operatorGiven: true } : {}),
  };
}

export function createChain(options: ChainOptions): Chain {
  const previews = options.previews ?? new PreviewStore();
  const textCommand = options.textCommand ?? ['ask'];
  const helpCommand = options.helpCommand ?? ['help'];
  const chain = compose([
    errorBoundary,
    limits(options.limiter),
    resolveCommand(options.commands, textCommand, helpCommand, previews),
    audience,
    helpOnEmpty(options.commands, helpCommand),
    validation,
    confirmStep(previews),
    run,
  ]);
  return {
    previews,
    commands: options.commands,
    dispatch(incoming) {
      const ctx: ChainContext = {
        incoming,
        services: options.services,
        logger: options.logger,
        actor: baseActor(incoming),
        command: null,
        options: {},
        input: undefined,
        confirmed: false,
        userNames: incoming.userNames ?? {},
        placement: 'reply',
        quiet: false,
        reply: null,
        token: null,
      };
      return andThen(chain(ctx), () => outgoing(ctx, incoming.buttonBytes));
    },
  };
}

/** The neutral reply: what to say, where, and with which buttons (their data from the one codec). */
function outgoing(ctx: ChainContext, buttonBytes: number): Outgoing | null {
  if (!ctx.reply) return null;
  const buttons: Button[] = [];
  if (ctx.token) {
    buttons.push({ label: 'Confirm', data: encodeConfirm(ctx.token), style: 'primary' }, { label: 'Cancel', data: encodeCancel(ctx.token), style: 'secondary' });
  } else if (ctx.reply.kind === 'doc' && ctx.reply.more && ctx.command) {
    const more = encodeMore(ctx.command, ctx.reply.more, buttonBytes);
    if (more) buttons.push({ label: 'More', data: more, style: 'secondary' });
  }
  return { reply: ctx.reply, buttons, placement: ctx.placement, quiet: ctx.quiet, command: ctx.command };
}

/**
 * One command for an actor whose rights are known (tests, digests, the confirm of a store kept
 * outside the chain): audience, validation and run inside the same error boundary. Synchronous
 * for synchronous commands.
 */
export function executeCommand(
  command: CommandDefinition,
  options: Record<string, unknown>,
  actor: Actor,
  services: CommandServices,
  extra: { confirmed?: boolean; userNames?: Readonly<Record<string, string>>; logger?: Logger | undefined } = {},
): MaybePromise<Reply> {
  const ctx: ChainContext = {
    incoming: null,
    services,
    logger: extra.logger,
    actor,
    command,
    options,
    input: undefined,
    confirmed: extra.confirmed ?? false,
    userNames: extra.userNames ?? {},
    placement: 'reply',
    quiet: false,
    reply: null,
    token: null,
  };
  return andThen(EXECUTE(ctx), () => ctx.reply!);
}

const EXECUTE = compose([errorBoundary, audience, validation, run]);
