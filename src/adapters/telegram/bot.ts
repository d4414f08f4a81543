// The Telegram adapter on grammY: turns updates into the chain's incoming events (who is asking,
// where, with what text) and its neutral replies into HTML messages. The chain decides.
import { InlineQueries } from './inline.ts';
import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize } from '@grammyjs/runner';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bot, GrammyError, HttpError, webhookCallback, InlineKeyboard, InputFile, type Context } from 'grammy';
import { renderChartPng } from '../../charts/render.ts';
import type { BotCommand } from 'grammy/types';
import { COMMANDS, replyDoc, type Audience, type CommandDefinition, type QuestionLimiter, type Reply } from '../../../commands/index.ts';
import { chainFor, type AdapterServices, type Incoming, type Outgoing } from '../../chain/index.ts';
import { docToPlainText } from '../../core/doc.ts';
import type { Logger } from '../../log.ts';
import type { PartReporter } from '../../service/supervisor.ts';
import { boundedNetworkRetry } from './network.ts';
import { parseArguments, usage } from './arguments.ts';
import { DeliveryError } from '../../digest/scheduler.ts';
import { docToHtmlMessages, replyToHtml } from './render.ts';
import type { Locale } from '../../i18n/index.ts';
import { commandDescription } from '../../i18n/platform.ts';

export interface TelegramBotOptions {
  token: string;
  services: AdapterServices;
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

/**
 * Each chat's administrators, kept a short while and for a bounded number of chats: a demoted
 * administrator loses write rights within writeAdminCacheMs.
 */
function adminLists(bot: Bot, logger: Logger, options: Pick<TelegramBotOptions, 'adminCacheMs' | 'writeAdminCacheMs' | 'adminCacheChats'>): (chatId: string, use: 'read' | 'write') => Promise<Set<string>> {
  const cache = new Map<string, { ids: Set<string>; at: number }>();
  const readMaxAge = options.adminCacheMs ?? 5 * 60_000;
  const writeMaxAge = Math.min(options.writeAdminCacheMs ?? 15_000, readMaxAge);
  const maxChats = options.adminCacheChats ?? 1000;
  return async (chatId, use) => {
    const cached = cache.get(chatId);
    if (cached && Date.now() - cached.at < (use === 'write' ? writeMaxAge : readMaxAge)) return cached.ids;
    let ids = new Set<string>();
    try {
      const admins = await bot.api.getChatAdministrators(Number(chatId));
      ids = new Set(admins.map((a) => String(a.user.id)));
    } catch (err) {
      // The bot is not in that chat, or Telegram is unreachable: nobody counts as its administrator.
      logger.warn({ err, chat: chatId }, 'could not read the chat administrators');
      return ids;
    }
    cache.delete(chatId);
    cache.set(chatId, { ids, at: Date.now() });
    while (cache.size > maxChats) cache.delete(cache.keys().next().value!);
    return ids;
  };
}
/** Every message: HTML, with link previews off (a source link would otherwise fill the chat). */
const HTML = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;
/** A reply as plain text, for the places Telegram shows no markup (callback alerts). */
const replyText = (reply: Reply) => docToPlainText(replyDoc(reply));

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

/**
 * The menus' languages: the default menu (no language_code, English) and one per language_code
 * whose descriptions come from the catalogues. Telegram shows a user the menu of their app's language.
 */
export const MENU_LANGUAGES: readonly (Exclude<Locale, 'en'> | undefined)[] = [undefined, 'uk', 'ru'];
const languageOption = (language: Exclude<Locale, 'en'> | undefined) => (language ? { language_code: language } : {});

/** Telegram's command menus, one per audience: a menu lists only what its readers may run; descriptions in `locale`. */
export function telegramCommandMenus(commands: readonly CommandDefinition[] = COMMANDS.filter((c) => c.audience !== 'operator'), locale: Locale = 'en'): TelegramMenus {
  const entry = (c: CommandDefinition): BotCommand => ({ command: telegramName(c), description: commandDescription(locale, c).slice(0, 256) });
  const menu = (audiences: Audience[]) => commands.filter((c) => audiences.includes(c.audience)).map(entry);
  return {
    everyone: menu(['everyone']),
    chatManagers: menu(['everyone', 'chat_managers']),
    moderators: menu(['everyone', 'chat_managers', 'moderators']),
    owners: menu(['everyone', 'chat_managers', 'moderators', 'owners']),
  };
}

const PLATFORM = 'telegram';
/** About this much text a page; a long answer is paged in one message (Telegram allows 4096 characters of HTML). */
const PAGE_CHARS = 3000;
const nameOf = (user: { first_name: string; last_name?: string; username?: string; id: number }) => [user.first_name, user.last_name].filter(Boolean).join(' ') || user.username || String(user.id);

/** /moderators_add as a reply to someone's message, or naming them with a text mention: that user. */
function pickedUser(ctx: Context): { id: string; name: string } | null {
  const mention = (ctx.msg?.entities ?? []).find((e) => e.type === 'text_mention');
  const user = mention && 'user' in mention ? mention.user : ctx.msg?.reply_to_message?.from;
  if (!user || user.is_bot) return null;
  return { id: String(user.id), name: nameOf(user) };
}

/** "/claim_add a=1 b=2" -> the chain's command event: options read from key=value, a replied-to user as `user`. */
function commandInput(ctx: Context, command: CommandDefinition, text: string): { input: Incoming['input']; userNames: Record<string, string> } {
  const args = parseArguments(command, text);
  if (!args.ok) return { input: { kind: 'command', path: command.path, options: {}, problem: args.message }, userNames: {} };
  const picked = 'user' in command.options.shape && args.options.user === undefined ? pickedUser(ctx) : null;
  if (picked) args.options.user = picked.id;
  return { input: { kind: 'command', path: command.path, options: args.options }, userNames: picked ? { [picked.id]: picked.name } : {} };
}

/** The chain's neutral reply as Telegram messages: HTML, a keyboard under the last one. */
async function deliver(ctx: Context, out: Outgoing | null): Promise<void> {
  const press = ctx.callbackQuery !== undefined;
  if (!out || (out.quiet && !press)) return;
  if (press && (out.placement === 'alert' || out.quiet)) {
    await ctx.answerCallbackQuery(out.quiet ? {} : { text: replyText(out.reply).slice(0, 200), show_alert: true });
    return;
  }
  if (press) await ctx.answerCallbackQuery();
  const messages = replyToHtml(out.reply);
  const keyboard = keyboardOf(out);
  if (out.placement === 'replace') {
    // The preview turns into the outcome (its buttons go away); a page of a long answer takes its message's place, with its own buttons.
    const [first, ...rest] = messages;
    await ctx.editMessageText(first!.html, { ...HTML, ...(keyboard && !rest.length ? { reply_markup: keyboard } : {}) });
    for (const [i, m] of rest.entries()) await ctx.reply(m.html, { ...HTML, ...(i === rest.length - 1 && keyboard ? { reply_markup: keyboard } : {}) });
    return;
  }
  const replyTo = press ? undefined : ctx.msg?.message_id;
  if (out.reply.kind === 'chart') {
    await sendChart(ctx.api, ctx.chat!.id, out.reply, { keyboard, replyTo });
    return;
  }
  for (const [i, m] of messages.entries()) {
    await ctx.reply(m.html, {
      ...HTML,
      ...(i === 0 && replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
      ...(i === messages.length - 1 && keyboard ? { reply_markup: keyboard } : {}),
    });
  }
}

/** Buttons in their rows (the pages of a long answer above the views of it). */
function keyboardOf(out: Outgoing): InlineKeyboard | null {
  if (!out.buttons.length) return null;
  const keyboard = new InlineKeyboard();
  let row = out.buttons[0]!.row ?? 0;
  for (const b of out.buttons) {
    if ((b.row ?? 0) !== row) {
      keyboard.row();
      row = b.row ?? 0;
    }
    keyboard.text(b.label, b.data);
  }
  return keyboard;
}

/** Telegram's limit on a photo's caption. */
const CAPTION_LIMIT = 1024;

/**
 * A chart as a photo (light theme, as Telegram's default): its caption attributes every series; a
 * caption over Telegram's 1024 characters goes as messages after the photo, the buttons under the last.
 */
export async function sendChart(api: Bot['api'], chatId: number, reply: Extract<Reply, { kind: 'chart' }>, options: { keyboard?: InlineKeyboard | null; replyTo?: number | undefined } = {}): Promise<void> {
  const png = await renderChartPng({ ...reply.chart, theme: 'light' });
  const html = docToHtmlMessages(reply.doc);
  const fits = html.length === 1 && html[0]!.length <= CAPTION_LIMIT;
  const caption = fits ? html[0]! : docToHtmlMessages({ title: null, blocks: reply.doc.blocks.slice(0, 1) }, CAPTION_LIMIT)[0];
  const markup = options.keyboard ? { reply_markup: options.keyboard } : {};
  await api.sendPhoto(chatId, new InputFile(png, 'chart.png'), {
    ...(caption ? { caption, parse_mode: 'HTML' as const } : {}),
    ...(options.replyTo ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } } : {}),
    ...(fits ? markup : {}),
  });
  if (fits) return;
  const rest = docToHtmlMessages({ title: null, blocks: reply.doc.blocks.slice(1) });
  for (const [i, m] of rest.entries()) await api.sendMessage(chatId, m, { ...HTML, ...(i === rest.length - 1 ? markup : {}) });
}

/** Free text in a private chat, or a group message that mentions the bot or replies to it: the question in it. */
function questionIn(ctx: Context & { msg: { text: string } }): string | null {
  const text = ctx.msg.text;
  if (text.startsWith('/')) return null; // a command for another bot, or one we do not have
  if (ctx.chat?.type === 'private') return text;
  const me = ctx.me.username.toLowerCase();
  const mentioned = text.toLowerCase().includes(`@${me}`);
  const repliesToBot = ctx.msg.reply_to_message?.from?.id === ctx.me.id;
  if (!mentioned && !repliesToBot) return null;
  return text.replace(new RegExp(`@${me}\\b`, 'gi'), ' ');
}

export async function startTelegramBot(options: TelegramBotOptions): Promise<TelegramBot> {
  const { services, logger } = options;
  const bot = new Bot(options.token, options.apiRoot ? { client: { apiRoot: options.apiRoot } } : {});
  // Network failures: a few retries with backoff, each reported to the supervisor (installed
  // first, so it sits inside auto-retry). 429 "retry after" and 5xx: auto-retry, a bounded number of
  // times; auto-retry's own endless retrying of network errors is off.
  bot.api.config.use(boundedNetworkRetry({ retries: 3, firstDelayMs: options.networkRetryDelayMs ?? 1_000, status: options.status }));
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }));
  const chain = chainFor(services, { limiter: options.limiter, logger });
  const access = services.access;
  const administrators = adminLists(bot, logger, options);

  /** Who is asking and where; their rights from services.access and, for chats, Telegram's administrator lists. */
  function incoming(ctx: Context, input: Incoming['input'], userNames: Record<string, string> = {}, counted = false): Incoming {
    const user = ctx.from!;
    const id = String(user.id);
    const chat = ctx.chat;
    const chatId = chat ? String(chat.id) : null;
    return {
      platform: PLATFORM,
      user: { id, name: nameOf(user) },
      chatId,
      origin: chatId === id ? `telegram private chat ${chatId}` : `telegram chat ${chatId ?? 'unknown'}`,
      locale: user.language_code ?? '',
      input,
      userNames,
      counted,
      buttonBytes: 64,
      // Inline answers go out as one message without buttons.
      ...(counted ? {} : { pageChars: PAGE_CHARS }),
      usage,
      rights: async (audience) => {
        let isModerator = access.isNamedModerator(PLATFORM, id);
        if (audience === 'everyone') return { isModerator };
        const isOwner = access.isOwner(PLATFORM, id);
        if (audience === 'owners') return { isModerator, isOwner };
        const privateChat = chat?.type === 'private' && chatId === id;
        const managesChat = audience === 'chat_managers' && (privateChat || (chat !== undefined && chat.type !== 'channel' && (await administrators(chatId!, 'write')).has(id)));
        // The listed moderators' chats are asked only when the answer can still matter.
        for (const listed of access.config.telegramModeratorChatIds) {
          if (isModerator || managesChat) break;
          isModerator = (await administrators(listed, 'write')).has(id);
        }
        return { isModerator, isOwner, managesChat };
      },
    };
  }

  const dispatch = async (ctx: Context, event: Incoming) => deliver(ctx, await chain.dispatch(event));

  // The runner handles updates concurrently; within one chat (and one user's inline queries)
  // they stay in order, so a Confirm is never handled before its preview.
  bot.use(sequentialize((ctx) => [ctx.chat?.id ?? ctx.from?.id].filter((id) => id !== undefined).map(String)));
  for (const command of chain.commands) {
    bot.command(telegramName(command), (ctx) => {
      const { input, userNames } = commandInput(ctx, command, ctx.match);
      return dispatch(ctx, incoming(ctx, input, userNames));
    });
  }
  bot.command('start', (ctx) => dispatch(ctx, incoming(ctx, { kind: 'text', text: '' })));
  bot.on('callback_query:data', (ctx) => dispatch(ctx, incoming(ctx, { kind: 'button', data: ctx.callbackQuery.data })));
  bot.on('message:text', (ctx) => {
    const question = questionIn(ctx);
    return question === null ? undefined : dispatch(ctx, incoming(ctx, { kind: 'text', text: question }));
  });

  // Inline mode: debounced, and counted on its own quota apart from /ask, so a query typed letter
  // by letter is answered once; the answer comes from the chain like any other.
  const inlineQueries = options.inline ?? new InlineQueries(undefined, (err) => logger.warn({ err }, 'inline answer failed'));
  bot.on('inline_query', async (ctx) => {
    const question = ctx.inlineQuery.query.trim();
    if (!question) return ctx.answerInlineQuery([], { cache_time: 60 });
    const event = incoming(ctx, { kind: 'text', text: question }, {}, true);
    inlineQueries.submit({
      actor: { platform: PLATFORM, id: event.user.id, name: event.user.name, isModerator: false, chatId: null },
      drop: () => ctx.answerInlineQuery([], { cache_time: 0, is_personal: true }),
      answer: async () => {
        const out = await chain.dispatch(event);
        if (!out) return ctx.answerInlineQuery([], { cache_time: 0, is_personal: true });
        const messages = replyToHtml(out.reply);
        const title = out.reply.kind === 'answer' ? (replyDoc(out.reply).title ?? 'lossbot') : 'lossbot';
        await ctx.answerInlineQuery(
          [{ type: 'article', id: 'answer', title: title.slice(0, 256), description: question.slice(0, 256), input_message_content: { message_text: messages[0]!.html, ...HTML } }],
          { cache_time: 60, is_personal: false },
        );
      },
    });
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
async function registerCommands(bot: Bot, logger: Logger, access: AdapterServices['access']): Promise<void> {
  for (const language of MENU_LANGUAGES) {
    const menus = telegramCommandMenus(undefined, language ?? 'en');
    const lang = languageOption(language);
    await bot.api.setMyCommands(menus.everyone, { scope: { type: 'default' }, ...lang });
    await bot.api.setMyCommands(menus.chatManagers, { scope: { type: 'all_chat_administrators' }, ...lang });
    for (const chatId of access.config.telegramModeratorChatIds) {
      await bot.api.setMyCommands(menus.moderators, { scope: { type: 'chat_administrators', chat_id: Number(chatId) }, ...lang }).catch((err: unknown) => logger.warn({ err, chat: chatId }, 'could not set the moderator chat command menu'));
    }
  }
  const { owners, configured, granted } = access.named();
  const users = new Set([...owners.filter((o) => o.platform === 'telegram').map((o) => o.id), ...configured.map((u) => u.id), ...granted.filter((m) => m.platform === 'telegram').map((m) => m.userId)]);
  for (const id of users) await setUserMenu(bot, logger, access, id);
}

/** A user's menu in their private chat with the bot, as their rights are now. */
async function setUserMenu(bot: Bot, logger: Logger, access: AdapterServices['access'], userId: string): Promise<void> {
  const scope = { type: 'chat' as const, chat_id: Number(userId) };
  for (const language of MENU_LANGUAGES) {
    const menus = telegramCommandMenus(undefined, language ?? 'en');
    const lang = languageOption(language);
    // Works only once the user has started a chat with the bot; not fatal otherwise.
    const done = access.isOwner('telegram', userId)
      ? bot.api.setMyCommands(menus.owners, { scope, ...lang })
      : access.isNamedModerator('telegram', userId)
        ? bot.api.setMyCommands(menus.moderators, { scope, ...lang })
        : bot.api.deleteMyCommands({ scope, ...lang });
    const failed = await done.then(() => false, (err: unknown) => {
      logger.warn({ err, user: userId, language: language ?? 'default' }, 'could not set the command menu of a moderator');
      return true;
    });
    // A user who has not started a chat with the bot: the other languages would fail alike.
    if (failed) return;
  }
}
