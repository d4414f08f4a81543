// The Telegram adapter on grammY: who is asking, where, with what text. The commands decide.
import { InlineQueries } from './inline.ts';
import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize } from '@grammyjs/runner';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bot, GrammyError, HttpError, webhookCallback, InlineKeyboard, type Context } from 'grammy';
import type { BotCommand } from 'grammy/types';
import { COMMANDS, Confirmations, decodeMore, encodeMore, findCommand, refusal, replyDoc, type Actor, type Audience, type CommandDefinition, type CommandServices, type QuestionLimiter, type Reply } from '../../../commands/index.ts';
import { docToPlainText } from '../../core/doc.ts';
import type { Logger } from '../../log.ts';
import type { Access } from '../../services/access.ts';
import type { PartReporter } from '../../service/supervisor.ts';
import { boundedNetworkRetry } from './network.ts';
import { parseArguments, usage } from './arguments.ts';
import { DeliveryError } from '../../digest/scheduler.ts';
import { docToHtmlMessages, replyToHtml } from './render.ts';

export interface TelegramBotOptions {
  token: string;
  services: CommandServices;
  logger: Logger;
  /** In place of https://api.telegram.org: a self-hosted Bot API server, or the tests' emulator. */
  apiRoot?: string;
  /** How long a group's administrator list is trusted for reading (default 5 minutes). */
  adminCacheMs?: number;
  /** How long it is trusted for a command that changes something, and for a Confirm (default 15 s). */
  writeAdminCacheMs?: number;
  /** How many chats' administrator lists are kept at most (default 1000); the oldest go first. */
  adminCacheChats?: number;
  /** Limits on commands, questions and button presses per user and per chat; none when absent. */
  limiter?: QuestionLimiter;
  /** Inline-mode debouncing and quota (default: 600 ms pause, 20 answers a minute per user). */
  inline?: InlineQueries;
  /** Where the adapter reports its connection state; a fatal report ends the process. */
  status?: PartReporter | undefined;
  /** Receive updates on a webhook instead of long polling. */
  webhook?: TelegramWebhook | undefined;
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

const MORE = 'm:';

export interface TelegramMenus {
  /** Every chat. */
  everyone: BotCommand[];
  /** Chat administrators, in their chats: the digest commands too. */
  chatManagers: BotCommand[];
  /** Claim moderators, in their private chats and in the listed moderator chats. */
  moderators: BotCommand[];
  /** Owners, in their private chats: the moderators commands too. */
  owners: BotCommand[];
}

/** Telegram's command menus, one per audience: a menu lists only what its readers may run. */
export function telegramCommandMenus(commands: readonly CommandDefinition[] = COMMANDS): TelegramMenus {
  const entry = (c: CommandDefinition): BotCommand => ({ command: telegramName(c), description: c.description.slice(0, 256) });
  const menu = (audiences: Audience[]) => commands.filter((c) => audiences.includes(c.audience)).map(entry);
  return {
    everyone: menu(['everyone']),
    chatManagers: menu(['everyone', 'chat_managers']),
    moderators: menu(['everyone', 'chat_managers', 'moderators']),
    owners: menu(['everyone', 'chat_managers', 'moderators', 'owners']),
  };
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
  const access = services.access;
  // Each chat's administrators, kept a short while and for a bounded number of chats: a demoted
  // administrator loses write rights within writeAdminCacheMs.
  const adminCache = new Map<string, { ids: Set<string>; at: number }>();
  const readMaxAge = options.adminCacheMs ?? 5 * 60_000;
  const writeMaxAge = Math.min(options.writeAdminCacheMs ?? 15_000, readMaxAge);
  const maxChats = options.adminCacheChats ?? 1000;

  async function administrators(chatId: string, maxAgeMs: number): Promise<Set<string>> {
    const cached = adminCache.get(chatId);
    if (cached && Date.now() - cached.at < maxAgeMs) return cached.ids;
    let ids = new Set<string>();
    try {
      const admins = await bot.api.getChatAdministrators(Number(chatId));
      ids = new Set(admins.map((a) => String(a.user.id)));
    } catch (err) {
      // The bot is not in that chat, or Telegram is unreachable: nobody counts as its administrator.
      logger.warn({ err, chat: chatId }, 'could not read the chat administrators');
      return ids;
    }
    adminCache.delete(chatId);
    adminCache.set(chatId, { ids, at: Date.now() });
    while (adminCache.size > maxChats) adminCache.delete(adminCache.keys().next().value!);
    return ids;
  }

  /** Who is asking and where, without rights: enough for the limits and for everyone's commands. */
  function baseActor(ctx: Context): Actor {
    const user = ctx.from!;
    const name = [user.first_name, user.last_name].filter(Boolean).join(' ') || user.username || String(user.id);
    return { platform: 'telegram', id: String(user.id), name, isModerator: access.isNamedModerator('telegram', String(user.id)), chatId: ctx.chat ? String(ctx.chat.id) : null };
  }

  /** The rights an audience needs, decided by services.access and, for chats, by Telegram's administrator lists. */
  async function actorFor(ctx: Context, audience: Audience, base?: Actor): Promise<Actor> {
    const actor = base ?? baseActor(ctx);
    if (audience === 'everyone') return actor;
    const chat = ctx.chat;
    const private_ = chat?.type === 'private' && String(chat.id) === actor.id;
    const isOwner = access.isOwner('telegram', actor.id);
    if (audience === 'owners') return { ...actor, isOwner };
    const managesChat = audience === 'chat_managers' && (private_ || (chat !== undefined && chat.type !== 'channel' && (await administrators(String(chat.id), writeMaxAge)).has(actor.id)));
    // The listed moderators' chats are asked only when the answer can still matter.
    let isModerator = actor.isModerator;
    for (const listed of access.config.telegramModeratorChatIds) {
      if (isModerator || managesChat) break;
      isModerator = (await administrators(listed, writeMaxAge)).has(actor.id);
    }
    return { ...actor, isModerator, isOwner, managesChat };
  }

  /** Over a limit: told once, then silence. Returns true when the update should go unanswered. */
  async function overLimit(ctx: Context, actor: Actor): Promise<boolean> {
    const admission = options.limiter?.admit(actor) ?? { kind: 'answer' as const };
    if (admission.kind === 'answer') return false;
    if (admission.kind === 'warn') {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: admission.message.slice(0, 200), show_alert: true });
      else await send(ctx, refusal(admission.message), null);
    } else if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    return true;
  }

  /** Confirm / Cancel for a preview, or More for a long list's next page. */
  function keyboard(reply: Reply, command: CommandDefinition | null, token: string | null): InlineKeyboard | null {
    if (token) return new InlineKeyboard().text('Confirm', `${CONFIRM}${token}`).text('Cancel', `${CANCEL}${token}`);
    const more = reply.kind === 'doc' && reply.more && command ? encodeMore(command, reply.more, 64) : null;
    return more ? new InlineKeyboard().text('More', more) : null;
  }

  async function send(ctx: Context, reply: Reply, token: string | null, command: CommandDefinition | null = null): Promise<void> {
    const messages = replyToHtml(reply);
    const replyTo = ctx.callbackQuery ? undefined : ctx.msg?.message_id;
    const buttons = keyboard(reply, command, token);
    for (const [i, m] of messages.entries()) {
      const last = i === messages.length - 1;
      await ctx.reply(m.html, {
        ...HTML,
        ...(i === 0 && replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
        ...(last && buttons ? { reply_markup: buttons } : {}),
      });
    }
  }

  /** /moderators_add as a reply to someone's message, or naming them with a text mention: that user. */
  function pickedUser(ctx: Context): { id: string; name: string } | null {
    const mention = (ctx.msg?.entities ?? []).find((e) => e.type === 'text_mention');
    const user = mention && 'user' in mention ? mention.user : ctx.msg?.reply_to_message?.from;
    if (!user || user.is_bot) return null;
    return { id: String(user.id), name: [user.first_name, user.last_name].filter(Boolean).join(' ') || user.username || String(user.id) };
  }

  async function runFromText(ctx: Context, command: CommandDefinition, text: string, limited = false): Promise<void> {
    // Every command, question and usage reply counts against the limits, before anything is asked of Telegram.
    // One actor per update: baseActor reads the moderators table, so it is not read twice per question.
    const base = baseActor(ctx);
    if (!limited && (await overLimit(ctx, base))) return;
    if (command.path[0] === 'ask' && !text.trim()) return runFromText(ctx, findCommand(['help'])!, '', true);
    const args = parseArguments(command, text);
    if (!args.ok) return send(ctx, refusal(`${args.message}\nUsage: ${usage(command)}`), null);
    const userNames: Record<string, string> = {};
    const picked = 'user' in command.options.shape ? pickedUser(ctx) : null;
    if (picked && args.options.user === undefined) {
      args.options.user = picked.id;
      userNames[picked.id] = picked.name;
    }
    if (!Object.keys(args.options).length && Object.keys(command.options.shape).length && command.path[0] !== 'ask') {
      return send(ctx, refusal(`Usage: ${usage(command)}`), null);
    }
    const actor = await actorFor(ctx, command.audience, base);
    const { reply, token } = confirmations.run(command, args.options, actor, services, { logger, userNames });
    await send(ctx, reply, token, command);
  }

  // The runner handles updates concurrently; within one chat (and one user's inline queries)
  // they stay in order, so a Confirm is never handled before its preview.
  bot.use(sequentialize((ctx) => [ctx.chat?.id ?? ctx.from?.id].filter((id) => id !== undefined).map(String)));
  for (const command of COMMANDS) bot.command(telegramName(command), (ctx) => runFromText(ctx, command, ctx.match));
  bot.command('start', (ctx) => runFromText(ctx, findCommand(['help'])!, ''));

  bot.on('callback_query:data', async (ctx) => {
    const data = ctx.callbackQuery.data;
    if (await overLimit(ctx, baseActor(ctx))) return;
    const more = data.startsWith(MORE) ? decodeMore(data, COMMANDS) : null;
    if (more) {
      // The next page of a long list, as a new message; rights checked again for whoever pressed.
      await ctx.answerCallbackQuery();
      const actor = await actorFor(ctx, more.command.audience);
      const { reply } = confirmations.run(more.command, more.options, actor, services, { logger });
      return send(ctx, reply, null, more.command);
    }
    const isConfirm = data.startsWith(CONFIRM);
    if (!isConfirm && !data.startsWith(CANCEL)) return ctx.answerCallbackQuery();
    const token = data.slice(2);
    const pending = confirmations.commandFor(token);
    const actor = await actorFor(ctx, pending?.audience ?? 'everyone');
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

  const inlineQueries = options.inline ?? new InlineQueries(undefined, (err) => logger.warn({ err }, 'inline answer failed'));
  bot.on('inline_query', async (ctx) => {
    const question = ctx.inlineQuery.query.trim();
    if (!question) return ctx.answerInlineQuery([], { cache_time: 60 });
    const actor = baseActor(ctx);
    // Debounced and counted apart from /ask: a query typed letter by letter is answered once.
    inlineQueries.submit({
      actor,
      drop: () => ctx.answerInlineQuery([], { cache_time: 0, is_personal: true }),
      answer: async () => {
        const { reply } = confirmations.run(findCommand(['ask'])!, { question }, actor, services, { logger });
        const messages = replyToHtml(reply);
        const title = reply.kind === 'answer' ? (replyDoc(reply).title ?? 'lossbot') : 'lossbot';
        await ctx.answerInlineQuery(
          [{ type: 'article', id: 'answer', title: title.slice(0, 256), description: question.slice(0, 256), input_message_content: { message_text: messages[0]!.html, ...HTML } }],
          { cache_time: 60, is_personal: false },
        );
      },
    });
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
  await registerCommands(bot, logger, access);
  // A grant or revocation changes that user's menu at once.
  const unfollow = access.onChange((change) => {
    if (change.platform === 'telegram') void setUserMenu(bot, logger, access, change.userId);
  });
  let stopped: Promise<void> | null = null;
  const receiving = options.webhook ? await receiveByWebhook(bot, options.webhook, logger, options.status) : await receiveByPolling(bot, options, () => stopped !== null);
  options.status?.report('ready', `@${bot.botInfo.username}`);
  logger.info({ user: bot.botInfo.username, commands: COMMANDS.length, mode: options.webhook ? 'webhook' : 'polling' }, 'telegram connected');
  return {
    bot,
    stop: () => {
      services.digests.setSender('telegram', null);
      unfollow();
      options.status?.report('stopped');
      return (stopped ??= receiving.stop().then(() => undefined, () => undefined));
    },
  };
}

const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

/**
 * Long polling: updates run concurrently (one slow chat never holds up another), in order within
 * one chat. The runner gives up on 401/409 at once and on network errors after the offline limit.
 */
async function receiveByPolling(bot: Bot, options: TelegramBotOptions, stopping: () => boolean): Promise<{ stop(): Promise<unknown> }> {
  // Long polling takes over from any webhook, as grammY's bot.start does.
  await bot.api.deleteWebhook();
  const runner = run(bot, {
    runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, maxRetryTime: options.offlineLimitMs ?? 300_000, retryInterval: 'exponential', silent: true },
  });
  void runner.task()?.catch((err: unknown) => {
    if (stopping()) return;
    const reason = err instanceof GrammyError && (err.error_code === 401 || err.error_code === 409)
      ? err.error_code === 401 ? 'Telegram refused the token (401): it was revoked or is wrong' : 'another process is polling with this token (409 conflict)'
      : `Telegram polling stopped: ${err instanceof Error ? err.message : String(err)}`;
    options.status?.fatal(reason, err);
  });
  return { stop: async () => (runner.isRunning() ? runner.stop() : undefined) };
}

export interface TelegramWebhook {
  /** The public https address Telegram posts updates to (a reverse proxy forwards it here). */
  url: string;
  /** Sent by Telegram in X-Telegram-Bot-Api-Secret-Token with every update; others are refused. */
  secret: string;
  host: string;
  port: number;
}

/**
 * Webhook mode: Telegram posts each update to `url`; a reverse proxy forwards it to host:port,
 * where grammY's webhookCallback checks the secret token on every request before handling it.
 */
async function receiveByWebhook(bot: Bot, webhook: TelegramWebhook, logger: Logger, status: PartReporter | undefined): Promise<{ stop(): Promise<unknown> }> {
  const handle = webhookCallback(bot, 'http', { secretToken: webhook.secret, onTimeout: 'return', timeoutMilliseconds: 9_000 });
  const server = createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    handle(req, res).catch((err: unknown) => {
      logger.error({ err }, 'telegram webhook request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.on('error', (err) => status?.fatal(`the webhook server failed: ${err.message}`, err));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(webhook.port, webhook.host, () => resolve());
  });
  await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES], max_connections: 40 });
  logger.info({ listen: `${webhook.host}:${(server.address() as AddressInfo).port}` }, 'telegram webhook listening');
  return {
    // The webhook stays registered: Telegram keeps updates for the next start.
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeIdleConnections();
        server.close(() => resolve());
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      }),
  };
}

/**
 * The command menus: everyone's commands for all; the digest commands for chat administrators; the
 * claim commands only in moderators' own private chats and in the listed moderator chats, never to
 * every chat administrator; the moderators commands in owners' private chats.
 */
async function registerCommands(bot: Bot, logger: Logger, access: Access): Promise<void> {
  const menus = telegramCommandMenus();
  await bot.api.setMyCommands(menus.everyone, { scope: { type: 'default' } });
  await bot.api.setMyCommands(menus.chatManagers, { scope: { type: 'all_chat_administrators' } });
  for (const chatId of access.config.telegramModeratorChatIds) {
    await bot.api.setMyCommands(menus.moderators, { scope: { type: 'chat_administrators', chat_id: Number(chatId) } }).catch((err: unknown) => logger.warn({ err, chat: chatId }, 'could not set the moderator chat command menu'));
  }
  const { owners, configured, granted } = access.named();
  const users = new Set([...owners.filter((o) => o.platform === 'telegram').map((o) => o.id), ...configured.map((u) => u.id), ...granted.filter((m) => m.platform === 'telegram').map((m) => m.userId)]);
  for (const id of users) await setUserMenu(bot, logger, access, id);
}

/** A user's menu in their private chat with the bot, as their rights are now. */
async function setUserMenu(bot: Bot, logger: Logger, access: Access, userId: string): Promise<void> {
  const menus = telegramCommandMenus();
  const scope = { type: 'chat' as const, chat_id: Number(userId) };
  // Works only once the user has started a chat with the bot; not fatal otherwise.
  const done = access.isOwner('telegram', userId)
    ? bot.api.setMyCommands(menus.owners, { scope })
    : access.isNamedModerator('telegram', userId)
      ? bot.api.setMyCommands(menus.moderators, { scope })
      : bot.api.deleteMyCommands({ scope });
  await done.catch((err: unknown) => logger.warn({ err, user: userId }, 'could not set the command menu of a moderator'));
}
