// Telegram webhook mode with the real grammY: the bot registers its webhook with the secret token,
// answers updates posted to it, and refuses every request without the right secret.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTelegramBot, type TelegramBot } from '../../src/adapters/telegram/bot.ts';
import { createLogger } from '../../src/log.ts';
import { memoryApp } from '../helpers.ts';

const TOKEN = '4242:WebhookTestTokenOnlyForTheLocalServer_abc';
const SECRET = 'webhook-secret-for-tests_0123456789';

/** Just enough Bot API for a bot in webhook mode: records every call. */
class FakeBotApi {
  readonly calls: { method: string; body: Record<string, unknown> }[] = [];
  private server!: Server;
  root = '';

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      let raw = '';
      for await (const chunk of req) raw += String(chunk);
      const method = /\/bot[^/]+\/(\w+)/.exec(req.url ?? '')?.[1] ?? '';
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      this.calls.push({ method, body });
      const result =
        method === 'getMe'
          ? { id: 1, is_bot: true, first_name: 'Bot', username: 'WebhookBot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true }
          : method === 'sendMessage'
            ? { message_id: this.calls.length, date: 0, chat: { id: body.chat_id, type: 'private' }, text: body.text }
            : true;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.root = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  sent(chatId: number) {
    return this.calls.filter((c) => c.method === 'sendMessage' && c.body.chat_id === chatId);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

const update = (id: number, chatId: number, text: string) => ({
  update_id: id,
  message: { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private', first_name: 'U' }, from: { id: chatId, is_bot: false, first_name: 'U' }, text },
});

describe('Telegram webhook mode', () => {
  const api = new FakeBotApi();
  let app: App;
  let bot: TelegramBot;
  let port: number;

  beforeAll(async () => {
    await api.start();
    app = memoryApp();
    port = await freePort();
    bot = await startTelegramBot({
      token: TOKEN,
      services: app,
      logger: createLogger('silent'),
      apiRoot: api.root,
      webhook: { url: 'https://bot.example.org/telegram', secret: SECRET, host: '127.0.0.1', port },
    });
  }, 20_000);

  afterAll(async () => {
    await bot?.stop();
    await api.stop();
    app?.close();
  });

  const post = (body: unknown, secret?: string) =>
    fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(body),
    });

  it('registers the webhook with its secret token instead of polling', () => {
    const set = api.calls.find((c) => c.method === 'setWebhook');
    expect(set?.body).toMatchObject({ url: 'https://bot.example.org/telegram', secret_token: SECRET });
    expect(api.calls.some((c) => c.method === 'getUpdates' || c.method === 'deleteWebhook')).toBe(false);
  });

  it('answers an update posted with the secret', async () => {
    const res = await post(update(1, 501, 'How many tanks has Russia lost?'), SECRET);
    expect(res.status).toBe(200);
    const sent = api.sent(501);
    expect(sent.length).toBeGreaterThan(0);
    expect(String(sent[0]!.body.text)).toMatch(/tank/i);
  });

  it('refuses an update without the secret, or with a wrong one, and handles nothing', async () => {
    expect((await post(update(2, 502, 'tanks'))).status).toBe(401);
    expect((await post(update(3, 502, 'tanks'), 'not-the-secret-at-all-0000')).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(405);
    await new Promise((r) => setTimeout(r, 100));
    expect(api.sent(502)).toEqual([]);
  });
});
