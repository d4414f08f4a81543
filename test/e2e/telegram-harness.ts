// The Telegram Bot API emulator (npm telegram-test-api) on 127.0.0.1, behind a small proxy that
// adds what the emulator lacks and the bot needs (say so in the note):
// - setMyCommands / deleteMyCommands: recorded, so the tests can check the generated menus;
// - getChatAdministrators: answered from the test's list of each group's administrators;
// - answerInlineQuery, and inline_query updates (the emulator has no inline mode);
// - sendPhoto (multipart, as grammY uploads a file): the photo is kept in `photos` and stored as a
//   bot message whose text is its caption, so the tests read it like any other reply;
// - getUpdates waits briefly for a user update instead of answering at once, as Telegram's long
//   polling does; without it the bot would poll in a tight loop.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';

export const BOT_USERNAME = 'TestNameBot'; // what the emulator's getMe answers
export const BOT_USER_ID = 666;

async function freePort(): Promise<number> {
  const s = createNetServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

export interface MethodCall {
  method: string;
  body: Record<string, unknown>;
}

export interface SentPhoto {
  chatId: number;
  png: Buffer;
  filename: string;
  caption: string;
  parseMode: string | undefined;
  replyMarkup: unknown;
}

export class TelegramHarness {
  readonly calls: MethodCall[] = [];
  readonly photos: SentPhoto[] = [];
  readonly admins = new Map<number, number[]>();
  emulator!: TelegramServer;
  private proxy!: Server;
  private readonly injected: object[] = [];
  private nextInjectedId = 1_000_000;
  /** Fails the next `count` calls of `method` with 429 retry_after `seconds`. */
  private readonly throttles = new Map<string, { count: number; seconds: number }>();
  apiRoot = '';

  async start(): Promise<void> {
    const emulatorPort = await freePort();
    this.emulator = new TelegramServer({ port: emulatorPort, host: '127.0.0.1', storeTimeout: 600 });
    await this.emulator.start();
    // A request still in flight when the test stops the emulator (a bot's last long poll) is
    // answered 502, never left as an unhandled rejection.
    this.proxy = createServer((req, res) =>
      void this.handle(req, res, emulatorPort).catch(() => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error_code: 502, description: 'emulator stopped' }));
        else res.destroy();
      }),
    );
    this.proxy.listen(0, '127.0.0.1');
    await once(this.proxy, 'listening');
    this.apiRoot = `http://127.0.0.1:${(this.proxy.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.proxy.closeAllConnections();
    await new Promise((r) => this.proxy.close(r));
    await this.emulator.stop();
  }

  client(token: string, options: { userId: number; chatId: number; type: 'private' | 'group' | 'supergroup'; userName?: string; firstName?: string }) {
    return this.emulator.getClient(token, { timeout: 3000, interval: 20, chatTitle: 'Test group', firstName: options.firstName ?? `User${options.userId}`, userName: options.userName ?? `user${options.userId}`, ...options });
  }

  inlineQuery(from: { id: number; username: string }, query: string): string {
    const id = String(this.nextInjectedId);
    this.injected.push({ update_id: this.nextInjectedId++, inline_query: { id, from: { id: from.id, is_bot: false, first_name: from.username, username: from.username }, query, offset: '', chat_type: 'private' } });
    this.emulator.emit('AddedUserMessage');
    return id;
  }

  throttle(method: string, count: number, seconds: number): void {
    this.throttles.set(method, { count, seconds });
  }

  /** The bot's messages in a chat, as the emulator stored them (edits applied). */
  botMessages(chatId: number): { messageId: number; text: string; parseMode: unknown; replyMarkup: unknown }[] {
    return this.emulator.storage.botMessages
      .filter((u) => Number(u.message.chat_id) === chatId)
      .map((u) => ({ messageId: u.messageId, text: String(u.message.text), parseMode: u.message.parse_mode, replyMarkup: u.message.reply_markup }));
  }

  async waitFor<T>(get: () => T | undefined | false, what: string, ms = 5000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = get();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse, emulatorPort: number): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
    const method = match?.[2] ?? '';
    if (method === 'sendPhoto') return this.sendPhoto(match![1]!, bytes, req, res);
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      body = Object.fromEntries(new URLSearchParams(raw));
    }
    if (method !== 'getUpdates') this.calls.push({ method, body });
    const json = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const throttle = this.throttles.get(method);
    if (throttle && throttle.count > 0) {
      throttle.count--;
      return json(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${throttle.seconds}`, parameters: { retry_after: throttle.seconds } });
    }
    switch (method) {
      case 'setMyCommands':
      case 'deleteMyCommands':
      case 'answerInlineQuery':
        return json(200, { ok: true, result: true });
      case 'getChatAdministrators': {
        const ids = this.admins.get(Number(body.chat_id)) ?? [];
        return json(200, { ok: true, result: ids.map((id) => ({ status: 'administrator', user: { id, is_bot: false, first_name: `Admin${id}` } })) });
      }
      case 'getUpdates': {
        // Long polling, briefly: wait for a user update (at most 250 ms) before asking the emulator.
        if (!this.injected.length && !this.emulator.storage.userMessages.some((u) => !u.isRead)) {
          await Promise.race([this.emulator.waitUserMessage(), new Promise((r) => setTimeout(r, 250))]);
        }
        const injected = this.injected.splice(0);
        const forwarded = await this.forward(req, raw, emulatorPort);
        const parsed = JSON.parse(forwarded.body) as { ok: boolean; result: object[] };
        return json(200, { ok: true, result: [...parsed.result, ...injected] });
      }
      default: {
        const forwarded = await this.forward(req, raw, emulatorPort);
        res.writeHead(forwarded.status, { 'content-type': 'application/json' });
        res.end(forwarded.body);
      }
    }
  }

  /** sendPhoto as Telegram takes it: multipart/form-data with the file, or JSON with a file_id or URL. */
  private async sendPhoto(token: string, bytes: Buffer, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const type = req.headers['content-type'] ?? '';
    const fields: Record<string, string> = {};
    let png = Buffer.alloc(0);
    let filename = '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }).formData();
      for (const [k, v] of form) {
        if (typeof v === 'string') fields[k] = v;
        else {
          png = Buffer.from(await v.arrayBuffer());
          filename = v.name;
        }
      }
    } else Object.assign(fields, JSON.parse(bytes.toString('utf8') || '{}'));
    // grammY names the attached file in `photo` as attach://<id>: the part's name.
    const replyMarkup = fields.reply_markup ? JSON.parse(fields.reply_markup) : undefined;
    const chatId = Number(fields.chat_id);
    this.calls.push({ method: 'sendPhoto', body: { ...fields, bytes: png.length } });
    this.photos.push({ chatId, png, filename, caption: fields.caption ?? '', parseMode: fields.parse_mode, replyMarkup });
    const message = this.emulator.addBotMessage({ chat_id: chatId, text: fields.caption ?? '', caption: fields.caption, parse_mode: fields.parse_mode, reply_markup: replyMarkup } as never, token) as Record<string, unknown>;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, result: { ...message, photo: [{ file_id: `photo-${message.message_id}`, file_unique_id: `u${message.message_id}`, width: 1200, height: 840, file_size: png.length }] } }));
  }

  private async forward(req: IncomingMessage, raw: string, port: number): Promise<{ status: number; body: string }> {
    const response = await fetch(`http://127.0.0.1:${port}${req.url}`, {
      method: req.method,
      headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
      ...(req.method === 'GET' ? {} : { body: raw }),
    });
    return { status: response.status, body: await response.text() };
  }
}
