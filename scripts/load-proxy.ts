// For `npm run load`: the Telegram Bot API emulator (npm telegram-test-api) on 127.0.0.1, behind a
// proxy that adds a fixed latency to every Bot API call and what the emulator lacks:
// - half the latency before the call reaches the emulator, half before its answer reaches the bot,
//   as a network between the bot and Telegram would (so an answer appears to the user latency/2
//   after the bot sends it);
// - getUpdates as Telegram's long polling does it: honours offset and limit (the emulator ignores
//   both and hands out every unread update) and waits for an update (at most 1 s here) instead of
//   answering an empty list at once;
// - sendMessage: handed to the emulator's own addBotMessage in this process, as its HTTP route does,
//   without the route: the emulator's express front costs more CPU per call than a bot does, and on
//   a shared machine it, not the bot, would set the floor;
// - setMyCommands, deleteMyCommands, getChatAdministrators and answerInlineQuery: answered here.
// Everything else (getMe, deleteWebhook, ...) goes to the emulator over HTTP.
// Only 127.0.0.1; stop() closes every connection.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';

const LONG_POLL_CAP_MS = 1_000;
/** The emulator's own update format (a private static of TelegramServer). */
const formatUpdate = (TelegramServer as unknown as { formatUpdate(u: unknown): object }).formatUpdate;

type StoredUpdate = { updateId: number; isRead: boolean };

export interface BotMessageSeen {
  chatId: number;
  replyTo: number | undefined;
  text: string;
  at: number;
}

export class LatencyEmulator {
  emulator!: TelegramServer;
  apiRoot = '';
  /** Bot API calls by method (getUpdates included). */
  readonly calls = new Map<string, number>();
  private proxy!: Server;
  private emulatorRoot = '';
  private cursor = 0;
  private closing = false;
  /** The emulator numbers a message only after an await: users' messages go in one at a time. */
  private injecting: Promise<unknown> = Promise.resolve();

  /**
   * @param latencyMs added to every Bot API call's round trip
   * @param onBotMessage called when a bot's message reaches the emulator, i.e. when the user sees it
   */
  constructor(
    private readonly latencyMs: number,
    private readonly onBotMessage: (m: BotMessageSeen) => void,
  ) {}

  async start(): Promise<void> {
    this.emulator = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 3_600 });
    await this.emulator.start();
    this.emulatorRoot = this.emulator.config.apiURL;
    const add = this.emulator.addBotMessage.bind(this.emulator);
    this.emulator.addBotMessage = (raw, token) => {
      const r = raw as { chat_id?: unknown; text?: unknown; reply_parameters?: { message_id?: number } | string; reply_to_message_id?: number };
      const params = typeof r.reply_parameters === 'string' ? (JSON.parse(r.reply_parameters) as { message_id?: number }) : r.reply_parameters;
      this.onBotMessage({ chatId: Number(r.chat_id), replyTo: params?.message_id ?? r.reply_to_message_id, text: String(r.text ?? ''), at: performance.now() });
      return add(raw, token);
    };
    this.proxy = createServer((req, res) => void this.handle(req, res).catch(() => res.destroy()));
    this.proxy.keepAliveTimeout = 30_000;
    this.proxy.listen(0, '127.0.0.1');
    await once(this.proxy, 'listening');
    this.apiRoot = `http://127.0.0.1:${(this.proxy.address() as AddressInfo).port}`;
  }

  /** A user's message, stored in the emulator as its /sendMessage route would; returns its message id. */
  userMessage(token: string, user: { id: number; name: string }, text: string): Promise<number> {
    const added = this.injecting.then(() => this.addUserMessage(token, user, text));
    this.injecting = added;
    return added;
  }

  private async addUserMessage(token: string, user: { id: number; name: string }, text: string): Promise<number> {
    const id = (this.emulator as unknown as { messageId: number }).messageId;
    await this.emulator.addUserMessage({
      botToken: token,
      from: { id: user.id, is_bot: false, first_name: user.name, username: user.name.toLowerCase() },
      chat: { id: user.id, first_name: user.name, username: user.name.toLowerCase(), type: 'private' },
      date: Math.floor(Date.now() / 1000),
      text,
    } as never);
    return id;
  }

  async stop(): Promise<void> {
    this.closing = true;
    this.emulator.emit('AddedUserMessage'); // ends waiting long polls
    this.proxy.closeAllConnections();
    await new Promise((r) => this.proxy.close(r));
    await this.emulator.stop();
  }

  private delay(): Promise<void> | null {
    return this.latencyMs > 0 ? new Promise((r) => setTimeout(r, this.latencyMs / 2)) : null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const [, token = '', method = ''] = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '') ?? [];
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    await this.delay(); // the request's way to Telegram
    let status = 200;
    let body: string;
    switch (method) {
      case 'setMyCommands':
      case 'deleteMyCommands':
      case 'answerInlineQuery':
        body = '{"ok":true,"result":true}';
        break;
      case 'getChatAdministrators':
        body = '{"ok":true,"result":[]}';
        break;
      case 'sendMessage': {
        const message = parseBody(raw, req.headers['content-type']);
        if (message.chat_id === undefined || typeof message.text !== 'string') {
          status = 400;
          body = '{"ok":false,"error_code":400,"description":"Bad Request: chat_id and text are required"}';
        } else body = JSON.stringify({ ok: true, result: this.emulator.addBotMessage(message as never, token) });
        break;
      }
      case 'getUpdates':
        body = JSON.stringify({ ok: true, result: await this.updates(parseBody(raw, req.headers['content-type']) as { offset?: number; limit?: number; timeout?: number }) });
        break;
      default: {
        const response = await fetch(`${this.emulatorRoot}${req.url}`, {
          method: req.method ?? 'POST',
          headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
          ...(req.method === 'GET' ? {} : { body: raw }),
        });
        status = response.status;
        body = await response.text();
      }
    }
    await this.delay(); // the answer's way back
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  }

  /** Unread updates from offset on, at most limit, waiting for one up to the poll's timeout (capped). */
  private async updates(args: { offset?: number; limit?: number; timeout?: number }): Promise<object[]> {
    const offset = args.offset ?? 0;
    const limit = Math.max(1, Math.min(args.limit ?? 100, 100));
    const deadline = performance.now() + Math.min((args.timeout ?? 0) * 1000, LONG_POLL_CAP_MS);
    for (;;) {
      const stored = this.emulator.storage.userMessages as unknown as StoredUpdate[];
      // Updates are stored in update_id order and only appended: skip what is below the offset once.
      while (this.cursor < stored.length && stored[this.cursor]!.updateId < offset) this.cursor++;
      const out: object[] = [];
      for (let i = this.cursor; i < stored.length && out.length < limit; i++) {
        const u = stored[i]!;
        u.isRead = true;
        out.push(formatUpdate(u));
      }
      const left = deadline - performance.now();
      if (out.length || left <= 0 || this.closing) return out;
      await Promise.race([this.emulator.waitUserMessage(), new Promise((r) => setTimeout(r, left))]);
    }
  }
}

/** A Bot API call's parameters: JSON, as grammY sends them, or a form. */
function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (type?.includes('json')) return JSON.parse(raw) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw));
}

async function freePort(): Promise<number> {
  const s = createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}
