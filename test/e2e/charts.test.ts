// Issue 20 end to end against the local servers: a chart goes out as a Telegram photo (sendPhoto,
// multipart) and as a Discord attachment shown in its embed; a long answer is paged in one message
// with Previous / Next, edited in place, on both platforms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app.ts';
import { startTelegramBot, type TelegramBot } from '../../src/adapters/telegram/bot.ts';
import { startDiscordBot, type DiscordBot } from '../../src/adapters/discord/bot.ts';
import { createLogger } from '../../src/log.ts';
import { TelegramHarness } from './telegram-harness.ts';
import { FakeDiscord, type RecordedRequest } from './fake-discord.ts';

const NOW = new Date('2026-09-01T12:00:00Z');
const TG_TOKEN = '123456789:AAFakeTokenForTestsOnly_abcdefghijklmnop';
const DC_TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.FakeTk.abcdefghijklmnopqrstuvwxyz0123';
const READER = 301;
const member = { id: '700000000000000301', username: 'reader' };

let app: App;
beforeAll(() => {
  app = openApp({ databasePath: ':memory:', snapshot: true, clock: () => NOW });
}, 60_000);
afterAll(() => app?.close());

const isPng = (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };
const buttons = (markup: unknown) => ((markup as Keyboard | undefined)?.inline_keyboard ?? []).flat();

describe('Telegram: charts as photos, pages in one message', () => {
  const harness = new TelegramHarness();
  let bot: TelegramBot;
  const client = () => harness.client(TG_TOKEN, { userId: READER, chatId: READER, type: 'private' });

  beforeAll(async () => {
    await harness.start();
    bot = await startTelegramBot({ token: TG_TOKEN, services: app, logger: createLogger('silent'), apiRoot: harness.apiRoot });
  }, 30_000);
  afterAll(async () => {
    await bot?.stop();
    await harness.stop();
  });

  it('sends "chart of russian tank losses in 2025" as a photo whose caption attributes the series', async () => {
    await client().sendMessage(client().makeMessage('chart of russian tank losses in 2025'));
    const photo = await harness.waitFor(() => harness.photos.find((p) => p.chatId === READER), 'a photo', 15_000);
    expect(isPng(photo.png)).toBe(true);
    expect(photo.png.readUInt32BE(16)).toBe(1200);
    expect(photo.png.readUInt32BE(20)).toBe(840);
    expect(photo.filename).toBe('chart.png');
    expect(photo.parseMode).toBe('HTML');
    expect(photo.caption).toContain('<b>Russian tanks lost per week, 2025</b>');
    expect(photo.caption).toContain('General Staff of the Armed Forces of Ukraine');
    expect(photo.caption).toContain('derived from daily reports');
    expect(photo.caption.length).toBeLessThanOrEqual(1024);
    expect(buttons(photo.replyMarkup).map((b) => b.text)).toEqual(['By month']);
  });

  it('pages a long breakdown with Next and Previous, editing the one message', async () => {
    await client().sendMessage(client().makeMessage('tank losses by week since 2024'));
    const first = await harness.waitFor(() => harness.botMessages(READER).find((m) => /Page 1 of \d/.test(m.text)), 'page 1', 10_000);
    const count = Number(/Page 1 of (\d+)/.exec(first.text)![1]);
    expect(count).toBeGreaterThan(1);
    const press = async (label: RegExp) => {
      const now = harness.botMessages(READER).find((m) => m.messageId === first.messageId)!;
      const data = buttons(now.replyMarkup).find((b) => label.test(b.text))!.callback_data;
      await client().sendCallback(client().makeCallbackQuery(data, { message: { message_id: first.messageId, chat: { id: READER, type: 'private' } } as never }));
    };
    const before = harness.botMessages(READER).length;
    await press(/Next/);
    await harness.waitFor(() => /Page 2 of/.test(harness.botMessages(READER).find((m) => m.messageId === first.messageId)!.text), 'page 2 in place');
    await press(/Previous/);
    await harness.waitFor(() => /Page 1 of/.test(harness.botMessages(READER).find((m) => m.messageId === first.messageId)!.text), 'page 1 again');
    // Edited in place: no new messages.
    expect(harness.botMessages(READER).length).toBe(before);
    expect(harness.calls.filter((c) => c.method === 'editMessageText').length).toBeGreaterThanOrEqual(2);
  });

  it('/today sends the daily card as one message', async () => {
    const before = harness.botMessages(READER).length;
    const c = client();
    await c.sendCommand({ ...c.makeCommand('/today'), entities: [{ offset: 0, length: 6, type: 'bot_command' }] });
    const card = await harness.waitFor(() => harness.botMessages(READER).length > before && harness.botMessages(READER).at(-1), 'the card');
    expect(card.text).toMatch(/General Staff of the Armed Forces of Ukraine: report of 8 Aug 2026/);
    expect(card.text).toMatch(/Tanks: 12,251 \(\+4\)/);
    expect(harness.botMessages(READER).length).toBe(before + 1);
  });
});

describe('Discord: charts as attachments in the embed, pages in one message', () => {
  const fake = new FakeDiscord();
  let bot: DiscordBot;
  const callback = async (id: string): Promise<RecordedRequest> => {
    await fake.waitFor(() => fake.calls('POST', `/interactions/${id}/`).length > 0, `the reply to ${id}`, 15_000);
    return fake.calls('POST', `/interactions/${id}/`)[0]!;
  };
  type Data = { embeds?: { title?: string; description?: string; image?: { url: string } }[]; attachments?: { id: number | string; filename: string }[]; components?: { components: { custom_id: string; label: string }[] }[] };

  beforeAll(async () => {
    await fake.start();
    bot = await startDiscordBot({ token: DC_TOKEN, services: app, logger: createLogger('silent'), apiBase: fake.apiBase });
  }, 30_000);
  afterAll(async () => {
    await bot?.stop();
    await fake.stop();
  });

  it('answers /ask "chart of ..." with the PNG attached and shown in the embed (multipart)', async () => {
    const id = fake.slashCommand(member, 'ask', [{ name: 'question', type: 3, value: 'chart of russian tank losses in 2025' }]);
    const req = await callback(id);
    expect(req.files).toHaveLength(1);
    const file = req.files![0]!;
    expect(file.name).toBe('chart.png');
    expect(isPng(file.data)).toBe(true);
    expect(file.data.readUInt32BE(16)).toBe(1200);
    const data = (req.body as { data: Data }).data;
    const embed = data.embeds!.at(-1)!;
    expect(embed.image?.url).toBe('attachment://chart.png');
    const text = data.embeds!.map((e) => `${e.title ?? ''} ${e.description ?? ''}`).join('\n');
    expect(text).toContain('General Staff of the Armed Forces of Ukraine');
    expect(text).toContain('derived from daily reports');
    expect(data.components?.[0]?.components.map((c) => c.label)).toEqual(['By month']);
  });

  it('pages a long breakdown: Next and Previous update the same message', async () => {
    const id = fake.slashCommand(member, 'ask', [{ name: 'question', type: 3, value: 'tank losses by week since 2024' }]);
    const first = (await callback(id)).body as { type: number; data: Data };
    expect(first.type).toBe(4);
    expect(first.data.embeds![0]!.description).toMatch(/Page 1 of \d/);
    const next = first.data.components!.flatMap((r) => r.components).find((c) => /Next/.test(c.label))!;
    const nextReply = (await callback(fake.button(member, next.custom_id))).body as { type: number; data: Data };
    // 7 = UPDATE_MESSAGE: the message the button is on shows page 2.
    expect(nextReply.type).toBe(7);
    expect(nextReply.data.embeds![0]!.description).toMatch(/Page 2 of \d/);
    const prev = nextReply.data.components!.flatMap((r) => r.components).find((c) => /Previous/.test(c.label))!;
    const prevReply = (await callback(fake.button(member, prev.custom_id))).body as { type: number; data: Data };
    expect(prevReply.type).toBe(7);
    expect(prevReply.data.embeds![0]!.description).toMatch(/Page 1 of \d/);
  });
});
