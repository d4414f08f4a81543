// The Telegram adapter on grammY: who is asking, where, with what text. The commands decide.
import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize } from '@grammyjs/runner';
import { Bot, GrammyError, HttpError, InlineKeyboard, type Context } from 'grammy';
import type { BotCommand } from 'grammy/types';
import { COMMANDS, Confirmations, findCommand, refusal, replyDoc, type Actor, type CommandDefinition, type CommandServices, type QuestionLimiter, type Reply } from '../../../commands/index.ts';
import { docToPlainText } from '../../core/doc.ts';
import type { Logger } from '../../log.ts';
import type { PartReporter } from '../../service/supervisor.ts';
import { boundedNetworkRetry } from './network.ts';
import { parseArguments, usage } from './arguments.ts';
import { DeliveryError } from '../../digest/scheduler.ts';
import { docToHtmlMessages, replyToHtml } from './render.ts';

export interface TelegramBotOptions {
  token: string;
  services: CommandServices;
  /** User ids that may moderate everywhere, beside each group's administrators. */
  moderatorIds: readonly string[];
  logger: Logger;
  /** In place of https://api.telegram.org: a self-hosted Bot API server, or the tests' emulator. */
  apiRoot?: string;
  /** How long a group's administrator list is trusted before it is asked for again. */
  adminCacheMs?: number;
  /** Limits on questions per user and per chat; none when absent. */
  limiter?: QuestionLimiter;
  /** Where the adapter reports its connection state; a fatal report ends the process. */
  status?: PartReporter | undefined;
  /** How long polling may fail before the adapter gives up (default 5 minutes). */
  offlineLimitMs?: number;
  /** The first wait before retrying a failed call (tests shorten it). */
  networkRetryDelayMs?: number;
}

export interface TelegramBot {
  bot: Bot;
  stop(): Promise<void>;
}

const telegramName = (c: CommandDefinition) => c.path.join('_');
/** Every message: HTML, with link previews off (a source link would otherwise fill the chat). */
const HTML = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;
const CONFIRM = 'c:';
/** A reply as plain text, for the places Telegram shows no markup (callback alerts). */
const replyText = (reply: Reply) => docToPlainText(replyDoc(reply));
const CANCEL = 'x:';

/** Telegram's command menu: everyone's commands for all, every command for administrators. */
export function telegramCommandMenus(commands: readonly CommandDefinition[] = COMMANDS): { everyone: BotCommand[]; moderators: BotCommand[] } {
  const entry = (c: CommandDefinition): BotCommand => ({ command: telegramName(c), description: c.description.slice(0, 256) });
  return { everyone: commands.filter((c) => c.audience === 'everyone').map(entry), moderators: commands.map(entry) };
}

export async function startTelegramBot(options: TelegramBotOptions): Promise<TelegramBot> {
  const { services, logger } = options;
  const bot = new Bot(options.token, options.apiRoot ? { client: { apiRoot: options.apiRoot } } : {});
  // Network failures: a few retries with backoff, each reported to the supervisor (installed
  // first, so it sits inside auto-retry). 429 "retry after" and 5xx: auto-retry, a bounded number of
  // times; auto-retry's own endless retrying of network errors is off.
  bot.api.config.use(boundedNetworkRetry({ retries: 3, firstDelayMs: options.networkRetryDelayMs ?? 1_000, status: options.status }));
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }));
  const confirmations = new Confirmations();
  const adminCache = new Map<number, { ids: Set<string>; until: number }>();
  const adminCacheMs = options.adminCacheMs ?? 5 * 60_000;

  async function isModerator(ctx: Context): Promise<boolean> {
    const user = ctx.from;
    if (!user) return false;
    if (options.moderatorIds.includes(String(user.id))) return true;
    const chat = ctx.chat;
    if (!chat || chat.type === 'private' || chat.type === 'channel') return false;
    const cached = adminCache.get(chat.id);
    if (cached && cached.until > Date.now()) return cached.ids.has(String(user.id));
    const admins = await ctx.api.getChatAdministrators(chat.id);
    const ids = new Set(admins.map((a) => String(a.user.id)));
    adminCache.set(chat.id, { ids, until: Date.now() + adminCacheMs });
    return ids.has(String(user.id));
  }

  async function actorOf(ctx: Context, needsModeration: boolean): Promise<Actor> {
    const user = ctx.from!;
    const name = user.username ?? [user.first_name, user.last_name].filter(Boolean).join(' ');
    return { platform: 'telegram', id: String(user.id), name, isModerator: needsModeration ? await isModerator(ctx) : false, chatId: ctx.chat ? String(ctx.chat.id) : null };
  }

  async function send(ctx: Context, reply: Reply, token: string | null): Promise<void> {
    const messages = replyToHtml(reply);
    const replyTo = ctx.msg?.message_id;
    for (const [i, m] of messages.entries()) {
      const last = i === messages.length - 1;
      await ctx.reply(m.html, {
        ...HTML,
        ...(i === 0 && replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
        ...(last && token ? { reply_markup: new InlineKeyboard().text('Confirm', `${CONFIRM}${token}`).text('Cancel', `${CANCEL}${token}`) } : {}),
      });
    }
  }

  async function runFromText(ctx: Context, command: CommandDefinition, text: string): Promise<void> {
    const args = parseArguments(command, text);
    if (!args.ok) return send(ctx, refusal(`${args.message}\nUsage: ${usage(command)}`), null);
    if (!Object.keys(args.options).length && Object.keys(command.options.shape).length && command.path[0] !== 'ask') {
      return send(ctx, refusal(`Usage: ${usage(command)}`), null);
    }
    if (command.path[0] === 'ask' && !text.trim()) return runFromText(ctx, findCommand(['help'])!, '');
    const actor = await actorOf(ctx, command.audience === 'moderators');
    if (command.path[0] === 'ask' && options.limiter) {
      const admission = options.limiter.admit(actor);
      if (admission.kind === 'silent') return;
      if (admission.kind === 'warn') return send(ctx, refusal(admission.message), null);
    }
    const { reply, token } = confirmations.run(command, args.options, actor, services, { logger });
    await send(ctx, reply, token);
  }

  // The runner handles updates concurrently; within one chat (and one user's inline queries)
  // they stay in order, so a Confirm is never handled before its preview.
  bot.use(sequentialize((ctx) => [ctx.chat?.id ?? ctx.from?.id].filter((id) => id !== undefined).map(String)));
  for (const command of COMMANDS) bot.command(telegramName(command), (ctx) => runFromText(ctx, command, ctx.match));
  bot.command('start', (ctx) => runFromText(ctx, findCommand(['help'])!, ''));

  bot.on('callback_query:data', async (ctx) => {
    const data = ctx.callbackQuery.data;
    const isConfirm = data.startsWith(CONFIRM);
    if (!isConfirm && !data.startsWith(CANCEL)) return ctx.answerCallbackQuery();
    const actor = await actorOf(ctx, true);
    const token = data.slice(2);
    const result = isConfirm ? confirmations.confirm(token, actor, services, { logger }) : confirmations.cancel(token, actor);
    if (!result.ok) {
      await ctx.answerCallbackQuery({ text: replyText(result.reply).slice(0, 200), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    const [first, ...rest] = replyToHtml(result.reply);
    // The preview turns into the outcome; its buttons go away.
    await ctx.editMessageText(first!.html, HTML);
    for (const m of rest) await ctx.reply(m.html, HTML);
  });

  bot.on('inline_query', async (ctx) => {
    const question = ctx.inlineQuery.query.trim();
    if (!question) return ctx.answerInlineQuery([], { cache_time: 60 });
    const actor = await actorOf(ctx, false);
    if (options.limiter && options.limiter.admit(actor).kind !== 'answer') return ctx.answerInlineQuery([], { cache_time: 5 });
    const { reply } = confirmations.run(findCommand(['ask'])!, { question }, actor, services, { logger });
    const messages = replyToHtml(reply);
    const title = reply.kind === 'answer' ? (replyDoc(reply).title ?? 'lossbot') : 'lossbot';
    await ctx.answerInlineQuery(
      [{ type: 'article', id: 'answer', title: title.slice(0, 256), description: question.slice(0, 256), input_message_content: { message_text: messages[0]!.html, ...HTML } }],
      { cache_time: 60, is_personal: false },
    );
  });

  bot.on('message:text', async (ctx) => {
    const chat = ctx.chat;
    const text = ctx.msg.text;
    if (text.startsWith('/')) return; // a command for another bot, or one we do not have
    if (chat.type === 'private') return runFromText(ctx, findCommand(['ask'])!, text);
    const me = ctx.me.username.toLowerCase();
    const mentioned = text.toLowerCase().includes(`@${me}`);
    const repliesToBot = ctx.msg.reply_to_message?.from?.id === ctx.me.id;
    if (!mentioned && !repliesToBot) return;
    const question = text.replace(new RegExp(`@${me}\\b`, 'gi'), ' ').trim();
    return runFromText(ctx, findCommand(['ask'])!, question);
  });

  // One bad update never stops the bot: it is logged (without the token) and the next one runs.
  bot.catch((error) => {
    const cause = error.error;
    const kind = cause instanceof GrammyError ? 'telegram refused' : cause instanceof HttpError ? 'network' : 'handler';
    logger.error({ err: cause, update: error.ctx.update.update_id, kind }, 'telegram update failed');
  });

  // Digests: HTML messages split under the limit; a chat that is gone or blocked the bot stops its subscription.
  services.digests.setSender('telegram', {
    send: async (subscription, digest) => {
      for (const html of docToHtmlMessages(digest)) {
        try {
          await bot.api.sendMessage(Number(subscription.chatId), html, HTML);
        } catch (err) {
          if (err instanceof GrammyError) {
            const permanent = err.error_code === 403 || (err.error_code === 400 && /chat not found|not enough rights|CHAT_WRITE_FORBIDDEN/i.test(err.description));
            throw new DeliveryError(`Telegram refused: ${err.description}`, permanent);
          }
          throw new DeliveryError(err instanceof Error ? err.message : String(err), false);
        }
      }
    },
  });

  await bot.init();
  await registerCommands(bot, logger, options.moderatorIds);
  // Long polling takes over from any webhook, as grammY's bot.start does.
  await bot.api.deleteWebhook();
  let stopped: Promise<void> | null = null;
  // Updates run concurrently (one slow chat never holds up another), in order within one chat.
  // The runner gives up on 401/409 at once and on network errors after the offline limit.
  const runner = run(bot, {
    runner: { fetch: { allowed_updates: ['message', 'callback_query', 'inline_query'] }, maxRetryTime: options.offlineLimitMs ?? 300_000, retryInterval: 'exponential', silent: true },
  });
  void runner.task()?.catch((err: unknown) => {
    if (stopped) return;
    const reason = err instanceof GrammyError && (err.error_code === 401 || err.error_code === 409)
      ? err.error_code === 401 ? 'Telegram refused the token (401): it was revoked or is wrong' : 'another process is polling with this token (409 conflict)'
      : `Telegram polling stopped: ${err instanceof Error ? err.message : String(err)}`;
    options.status?.fatal(reason, err);
  });
  options.status?.report('ready', `@${bot.botInfo.username}`);
  logger.info({ user: bot.botInfo.username, commands: COMMANDS.length }, 'telegram connected');
  return {
    bot,
    stop: () => {
      services.digests.setSender('telegram', null);
      options.status?.report('stopped');
      return (stopped ??= Promise.resolve(runner.isRunning() ? runner.stop() : undefined).then(() => undefined, () => undefined));
    },
  };
}

async function registerCommands(bot: Bot, logger: Logger, moderatorIds: readonly string[]): Promise<void> {
  const menus = telegramCommandMenus();
  await bot.api.setMyCommands(menus.everyone, { scope: { type: 'default' } });
  await bot.api.setMyCommands(menus.moderators, { scope: { type: 'all_chat_administrators' } });
  for (const id of moderatorIds) {
    // Works only once the moderator has started a chat with the bot; not fatal otherwise.
    await bot.api.setMyCommands(menus.moderators, { scope: { type: 'chat', chat_id: Number(id) } }).catch((err: unknown) => logger.warn({ err, moderator: id }, 'could not set the moderator command menu'));
  }
}
