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
import { allowed, commandName, type Actor, type AnswerAction, type Audience, type CommandContext, type CommandDefinition, type CommandServices, type Reply } from '../../commands/types.ts';
import { decodeButton, encodeCancel, encodeConfirm, encodeMore, encodePage, encodeView } from './codec.ts';
import { pageDoc, ViewStore } from './views.ts';
import { wordsFor } from '../core/trends/words.ts';
import { replyDoc } from '../../commands/run.ts';
import { PreviewStore, type Pending } from './confirmations.ts';
import type { Button, Incoming, MaybePromise, Outgoing } from './types.ts';
import { localeOf, t, type Locale } from '../i18n/index.ts';
import { detectLocale } from '../core/query/language.ts';

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
  /** The language of every fixed text: the asker's (the platform's), else the question's, else English. */
  locale: Locale;
  /** The language the platform gave for the asker, when it is one the bot speaks. */
  askerLocale: Locale | null;
  /** The token a preview was remembered under. */
  token: string | null;
  /** The view a button under an earlier reply asked for, the page asked, and that reply's token. */
  view: AnswerAction | undefined;
  page: number | null;
  viewToken: string | null;
}

/** What no step has decided yet, at the start of every dispatch. */
const NOTHING_DECIDED = {
  input: undefined,
  placement: 'reply',
  quiet: false,
  reply: null,
  token: null,
  view: undefined,
  page: null,
  viewToken: null,
} as const satisfies Partial<ChainContext>;

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

/** A refusal because the command was asked wrongly: the command line exits 2 on it. */
const usageRefusal = (message: string, problems: Parameters<typeof refusal>[1] = []): Reply => ({ ...(refusal(message, problems) as Extract<Reply, { kind: 'refusal' }>), usage: true });

const actorKey = (actor: Actor) => `${actor.platform}:${actor.id}`;

// --- the middlewares -------------------------------------------------------------------------

/** The one error boundary: a handler's own error is a bug or a database fault, logged and told plainly. */
export const errorBoundary: Middleware = (ctx, next) => {
  const fail = (error: unknown) => {
    ctx.logger?.error({ err: error, command: ctx.command ? commandName(ctx.command) : null, user: ctx.actor.id }, 'command failed');
    ctx.reply = refusal(t(ctx.locale, 'error-internal'));
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
    ctx.reply = refusal(admission.kind === 'warn' ? (admission.words ? t(ctx.locale, admission.words.key, admission.words.args) : admission.message) : t(ctx.locale, 'still-too-many'));
  };
}

/** Which command an event is for: a command path, free text (the text command; help when empty), or a button. */
export function resolveCommand(commands: readonly CommandDefinition[], textCommand: readonly string[], helpCommand: readonly string[], previews: PreviewStore, views: ViewStore = new ViewStore()): Middleware {
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
        ctx.reply = usageRefusal(t(ctx.locale, 'unknown-command', { help: help ? ctx.incoming!.usage(help) : 'help' }));
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
    if (button.kind === 'view') {
      // Another view or page of an earlier reply: the same command and options, through every step after this one.
      const stored = views.get(button.token);
      if (!stored) {
        ctx.placement = 'alert';
        ctx.reply = refusal(wordsFor(ctx.locale).expired);
        return;
      }
      ctx.command = stored.command;
      ctx.options = stored.options;
      if (button.page !== null) {
        // A page: the message the button is on shows it instead (edited in place).
        ctx.view = stored.action;
        ctx.page = button.page;
        ctx.viewToken = button.token;
        ctx.placement = 'replace';
      } else ctx.view = button.action ?? undefined;
      return next();
    }
    // Confirm or Cancel: the presser's rights are those the pending command needs.
    ctx.placement = 'alert';
    ctx.command = previews.peek(button.token)?.command ?? null;
    return andThen(audienceRights(ctx), () => {
      const taken = previews.take(button.token, actorKey(ctx.actor));
      if (!taken.ok) {
        ctx.reply = refusal(t(ctx.locale, taken.reason === 'expired' ? 'preview-expired' : 'preview-not-yours'));
        return;
      }
      ctx.placement = 'replace';
      if (button.kind === 'cancel') {
        ctx.reply = { kind: 'doc', private: true, doc: { title: null, blocks: [{ spans: [{ text: t(ctx.locale, 'cancelled') }] }] } };
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
      ctx.reply = refusal(t(ctx.locale, 'only-audience', { who: command.audience as Exclude<Audience, 'everyone'>, command: commandName(command) }));
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
      ctx.reply = usageRefusal(`${incoming.input.problem}\n${t(ctx.locale, 'usage', { usage: incoming.usage(command) })}`);
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
      ctx.reply = usageRefusal(t(ctx.locale, 'usage', { usage: incoming.usage(command) }));
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
    ctx.reply = usageRefusal(t(ctx.locale, 'options-not-right', { command: commandName(command) }), zodProblems(parsed.error, ctx.locale));
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
      else ctx.reply = refusal(t(ctx.locale, 'too-many-previews'));
    });
}

function runCommandStep(ctx: ChainContext): MaybePromise<void> {
  const context: CommandContext = { actor: ctx.actor, services: ctx.services, confirmed: ctx.confirmed, userNames: ctx.userNames, locale: ctx.locale, askerLocale: ctx.askerLocale, ...(ctx.view ? { view: ctx.view } : {}) };
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
  views?: ViewStore;
  /** The command free text goes to (default ask), and the one an empty message gets (default help). */
  textCommand?: readonly string[];
  helpCommand?: readonly string[];
}

export interface Chain {
  dispatch(incoming: Incoming): MaybePromise<Outgoing | null>;
  readonly previews: PreviewStore;
  readonly views: ViewStore;
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
  const views = options.views ?? new ViewStore();
  const textCommand = options.textCommand ?? ['ask'];
  const helpCommand = options.helpCommand ?? ['help'];
  const chain = compose([
    errorBoundary,
    limits(options.limiter),
    resolveCommand(options.commands, textCommand, helpCommand, previews, views),
    audience,
    helpOnEmpty(options.commands, helpCommand),
    validation,
    confirmStep(previews),
    run,
  ]);
  return {
    previews,
    views,
    commands: options.commands,
    dispatch(incoming) {
      // A question written in Ukrainian or Russian is answered in it, whatever the app's language
      // (many people keep their phone in English); otherwise the platform's language, then the text's.
      const written = eventLocale(incoming);
      const askerLocale = written !== 'en' ? written : localeOf(incoming.locale);
      const ctx: ChainContext = {
        locale: askerLocale ?? written,
        askerLocale,
        incoming,
        services: options.services,
        logger: options.logger,
        actor: baseActor(incoming),
        ...NOTHING_DECIDED,
        command: null,
        options: {},
        confirmed: false,
        userNames: incoming.userNames ?? {},
      };
      return andThen(chain(ctx), () => outgoing(ctx, incoming, views));
    },
  };
}

/** The language of an event without one from the platform: its text's, or its options'; English otherwise. */
function eventLocale(incoming: Incoming): Locale {
  const input = incoming.input;
  const text = input.kind === 'text' ? input.text : input.kind === 'command' ? Object.values(input.options).filter((v): v is string => typeof v === 'string').join(' ') : '';
  return text.trim() ? detectLocale(text) : 'en';
}

/** The neutral reply: what to say, where, and with which buttons (their data from the one codec). */
function outgoing(ctx: ChainContext, incoming: Incoming, views: ViewStore): Outgoing | null {
  if (!ctx.reply) return null;
  const buttons: Button[] = [];
  if (ctx.token) {
    buttons.push({ label: t(ctx.locale, 'button-confirm'), data: encodeConfirm(ctx.token), style: 'primary' }, { label: t(ctx.locale, 'button-cancel'), data: encodeCancel(ctx.token), style: 'secondary' });
  } else if (ctx.reply.kind === 'doc' && ctx.reply.more && ctx.command) {
    const more = encodeMore(ctx.command, ctx.reply.more, incoming.buttonBytes);
    if (more) buttons.push({ label: t(ctx.locale, 'button-more'), data: more, style: 'secondary' });
  } else if (incoming.pageChars && ctx.command) {
    const viewButtons = viewsAndPages(ctx, incoming.pageChars, views);
    buttons.push(...viewButtons);
    // A page pressed for a reply that now fits in one message: shown whole, in place.
  }
  return { reply: ctx.reply, buttons, placement: ctx.placement, quiet: ctx.quiet, command: ctx.command };
}

/**
 * A public reply on a platform that pages: one page of it when it is long (Previous / Next), and
 * the views its command offers (Chart, By month, Other claimants, Sources) as buttons, each keeping
 * only a token to the command and options that made the reply.
 */
function viewsAndPages(ctx: ChainContext, pageChars: number, views: ViewStore): Button[] {
  const reply = ctx.reply!;
  if (reply.kind !== 'answer' && reply.kind !== 'doc' && reply.kind !== 'chart') return [];
  if (reply.kind === 'doc' && reply.private) return [];
  const W = wordsFor(ctx.locale);
  const pages = reply.kind === 'chart' ? [] : pageDoc(replyDoc(reply), pageChars, ctx.locale);
  const actions = reply.actions ?? [];
  if (pages.length <= 1 && !actions.length) return [];
  const token = ctx.viewToken ?? views.remember(ctx.command!, reply.asked ?? ctx.options, ctx.view);
  const buttons: Button[] = [];
  if (pages.length > 1 && (reply.kind === 'answer' || reply.kind === 'doc')) {
    const index = Math.min(Math.max(ctx.page ?? 1, 1), pages.length);
    ctx.reply = { ...reply, page: { doc: pages[index - 1]!, index, count: pages.length } };
    if (index > 1) buttons.push({ label: W.buttons.previous, data: encodePage(token, index - 1), style: 'secondary', row: 0 });
    if (index < pages.length) buttons.push({ label: W.buttons.next, data: encodePage(token, index + 1), style: 'secondary', row: 0 });
  }
  for (const a of actions) buttons.push({ label: W.buttons[a], data: encodeView(token, a), style: 'secondary', row: 1 });
  return buttons;
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
  extra: { confirmed?: boolean; userNames?: Readonly<Record<string, string>>; logger?: Logger | undefined; locale?: Locale } = {},
): MaybePromise<Reply> {
  const ctx: ChainContext = {
    locale: extra.locale ?? 'en',
    askerLocale: extra.locale ?? null,
    incoming: null,
    services,
    logger: extra.logger,
    actor,
    ...NOTHING_DECIDED,
    command,
    options,
    confirmed: extra.confirmed ?? false,
    userNames: extra.userNames ?? {},
  };
  return andThen(EXECUTE(ctx), () => ctx.reply!);
}

const EXECUTE = compose([errorBoundary, audience, validation, run]);
