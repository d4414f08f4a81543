// The real grammY bot against the Telegram Bot API emulator on 127.0.0.1.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startTelegramBot, type TelegramBot } from '../../src/adapters/telegram/bot.ts';
import { createLogger } from '../../src/log.ts';
import { QuestionLimiter } from '../../commands/index.ts';
import { METRICS } from '../../src/core/vocabulary.ts';
import { dumpDatabase, memoryApp } from '../helpers.ts';
import { BOT_USERNAME, TelegramHarness } from './telegram-harness.ts';

const TOKEN = '123456789:AAFakeTokenForTestsOnly_abcdefghijklmnop';
const READER = 101;
const MODERATOR = 102; // listed in TELEGRAM_MODERATOR_IDS
const GROUP_ADMIN = 103;
const GROUP = -1001;

/** Telegram HTML the bot may send: these tags only, balanced. */
function assertValidTelegramHtml(html: string): void {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    expect(['b', 'i', 'a', 'code']).toContain(m[2]);
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
  // Every & starts an entity; no stray < or >.
  expect(html.replace(/<\/?(?:b|i|code|a(?: href="[^"]*")?)>/g, '')).not.toMatch(/[<>]|&(?!amp;|lt;|gt;|quot;)/);
}

describe('Telegram, end to end through grammY and the Bot API emulator', () => {
  const harness = new TelegramHarness();
  const logs = new PassThrough();
  let logText = '';
  logs.on('data', (c) => (logText += String(c)));
  let app: App;
  let bot: TelegramBot;
  const reader = () => harness.client(TOKEN, { userId: READER, chatId: READER, type: 'private' });
  const moderator = () => harness.client(TOKEN, { userId: MODERATOR, chatId: MODERATOR, type: 'private' });
  const inGroup = (userId: number) => harness.client(TOKEN, { userId, chatId: GROUP, type: 'supergroup' });

  async function say(client: ReturnType<typeof reader>, text: string, extra: object = {}): Promise<void> {
    if (text.startsWith('/')) {
      const command = text.split(' ')[0]!;
      await client.sendCommand({ ...client.makeCommand(text), entities: [{ offset: 0, length: command.length, type: 'bot_command' }], ...extra });
    } else await client.sendMessage({ ...client.makeMessage(text), ...extra });
  }

  /** Waits for the bot's messages in a chat to reach `count`, and returns them. */
  const messages = (chatId: number, count: number) => harness.waitFor(() => harness.botMessages(chatId).length >= count && harness.botMessages(chatId), `${count} bot messages in chat ${chatId}`);

  beforeAll(async () => {
    await harness.start();
    harness.admins.set(GROUP, [GROUP_ADMIN]);
    app = memoryApp();
    bot = await startTelegramBot({ token: TOKEN, services: app, moderatorIds: [String(MODERATOR)], logger: createLogger('debug', logs), apiRoot: harness.apiRoot });
  }, 20_000);

  afterAll(async () => {
    await bot?.stop();
    await harness.stop();
    app?.close();
  });

  it('publishes the command menus: everyone, and every command for administrators', () => {
    const menus = harness.calls.filter((c) => c.method === 'setMyCommands');
    const scopeOf = (c: (typeof menus)[number]) => (c.body.scope as { type: string }).type;
    const names = (c: (typeof menus)[number]) => (c.body.commands as { command: string }[]).map((x) => x.command).sort();
    expect(names(menus.find((c) => scopeOf(c) === 'default')!)).toEqual(['ask', 'claim_history', 'claim_show', 'claimants', 'help']);
    expect(names(menus.find((c) => scopeOf(c) === 'all_chat_administrators')!)).toEqual(['ask', 'claim_add', 'claim_edit', 'claim_history', 'claim_retract', 'claim_show', 'claimants', 'digest_list', 'digest_preview', 'digest_subscribe', 'digest_unsubscribe', 'help']);
  });

  it('answers a private question with attributed figures in HTML', async () => {
    await say(reader(), "Ukraine's claim of Russian losses in November");
    const [answer] = await messages(READER, 1);
    expect(answer!.parseMode).toBe('HTML');
    expect(answer!.text).toContain('<b>45,720</b>');
    expect(answer!.text).toContain('Armed Forces of Ukraine claims:');
    expect(answer!.text).toContain('November 2024');
    expect(answer!.text).toContain('source: Newsweek');
    assertValidTelegramHtml(answer!.text);
  });

  it('answers /ask with the question after the command', async () => {
    await say(reader(), '/ask How many tanks has Russia lost?');
    const all = await messages(READER, 2);
    expect(all[1]!.text).toMatch(/tanks/i);
    assertValidTelegramHtml(all[1]!.text);
  });

  it('answers a group message that mentions it, and ignores one that does not', async () => {
    await say(inGroup(READER), 'how many tanks has Russia lost?');
    await say(inGroup(READER), `@${BOT_USERNAME} UK estimate of Russian deaths`, { entities: [{ offset: 0, length: BOT_USERNAME.length + 1, type: 'mention' }] });
    const [reply] = await messages(GROUP, 1);
    expect(reply!.text).toMatch(/UK Ministry of Defence|United Kingdom/);
    await new Promise((r) => setTimeout(r, 300));
    expect(harness.botMessages(GROUP)).toHaveLength(1);
  });

  it('answers the inline query @bot question with the attributed answer to share', async () => {
    const id = harness.inlineQuery({ id: READER, username: 'reader' }, 'How many tanks has Russia lost?');
    const call = await harness.waitFor(() => harness.calls.find((c) => c.method === 'answerInlineQuery' && c.body.inline_query_id === id), 'answerInlineQuery');
    const results = call.body.results as { type: string; input_message_content: { message_text: string; parse_mode: string } }[];
    expect(results[0]!.type).toBe('article');
    expect(results[0]!.input_message_content.parse_mode).toBe('HTML');
    assertValidTelegramHtml(results[0]!.input_message_content.message_text);
  });

  it("previews a moderator's /claim_add, writes it on Confirm, and /ask then finds it", async () => {
    const before = app.claims.count();
    await say(moderator(), '/claim_add claimant="UK MoD" subject=Russia metric=killed value=123,456 qualifier=about as_of=2025-06-30 url=https://example.org/a?b=1&c=2 publisher="Example <News> & Co"');
    const [preview] = await messages(MODERATOR, 1);
    expect(preview!.text).toContain('Add this claim?');
    // What the moderator typed is escaped, never markup.
    expect(preview!.text).toContain('Example &lt;News&gt; &amp; Co');
    assertValidTelegramHtml(preview!.text);
    expect(app.claims.count()).toBe(before);
    const keyboard = preview!.replyMarkup as { inline_keyboard: { text: string; callback_data: string }[][] };
    const confirm = keyboard.inline_keyboard[0]!.find((b) => b.text === 'Confirm')!.callback_data;

    // Another user cannot confirm it.
    const other = reader();
    await other.sendCallback(other.makeCallbackQuery(confirm, { message: { message_id: preview!.messageId, chat: { id: MODERATOR, type: 'private' } } as never }));
    await harness.waitFor(() => harness.calls.some((c) => c.method === 'answerCallbackQuery' && /Only the moderator/.test(String(c.body.text))), 'the refusal to a stranger');
    expect(app.claims.count()).toBe(before);

    const mod = moderator();
    await mod.sendCallback(mod.makeCallbackQuery(confirm, { message: { message_id: preview!.messageId, chat: { id: MODERATOR, type: 'private' } } as never }));
    await harness.waitFor(() => /Added claim #\d+/.test(harness.botMessages(MODERATOR)[0]!.text), 'the preview edited into the outcome');
    expect(app.claims.count()).toBe(before + 1);
    expect(app.claims.list({}).find((c) => c.low === 123456)).toMatchObject({ claimant: 'uk-ministry-of-defence', createdBy: `telegram:${MODERATOR} (user${MODERATOR})` });

    await say(reader(), 'UK estimate of Russian deaths as of 30 June 2025');
    const all = await messages(READER, 3);
    expect(all[2]!.text).toContain('123,456');
  });

  it("lets a group's administrator moderate there, and refuses everyone else with nothing written", async () => {
    const before = dumpDatabase(app.db);
    await say(inGroup(READER), '/claim_retract id=1 reason="I do not like it"');
    const refused = await messages(GROUP, 2);
    expect(refused[1]!.text).toMatch(/Only moderators may use claim retract/);
    expect(dumpDatabase(app.db)).toBe(before);

    await say(inGroup(GROUP_ADMIN), '/claim_show id=1');
    await say(inGroup(GROUP_ADMIN), '/claim_add claimant=NATO subject=Ukraine metric=deserters value=1000 as_of=2025-01-01');
    const replies = await messages(GROUP, 4);
    expect(replies[3]!.text).toContain('Add this claim?');
  });

  it('answers bad input with the field named, and writes nothing', async () => {
    const before = dumpDatabase(app.db);
    const cases: [string, RegExp][] = [
      ['/claim_add claimant=NATO subject=Russia metric=killed value=lots as_of=2025-01-01', /low \/ value/],
      ['/claim_add claimant=NATO subject=Russia metric=killed low=70000 high=60000 as_of=2025-01-01', /low/],
      ['/claim_add claimant="Ministry of Silly Walks" subject=Russia metric=killed value=1 as_of=2025-01-01', /claimant/],
      ['/claim_add claimant=NATO subject=Russia metric=bananas value=1', /metric/],
      ['/claim_add claimant=NATO subject=Russia metric=killed value=1 as_of=2025-13-45', /as_of/],
      ['/claim_add claimant=NATO colour=blue', /colour: not an option/],
      ['/claim_edit id=abc field=value value=1 reason="typo fix"', /id/],
    ];
    let count = harness.botMessages(MODERATOR).length;
    for (const [text, field] of cases) {
      await say(moderator(), text);
      const all = await messages(MODERATOR, ++count);
      expect(all.at(-1)!.text).toMatch(field);
      assertValidTelegramHtml(all.at(-1)!.text);
    }
    expect(dumpDatabase(app.db)).toBe(before);
  });

  it('posts a subscribed digest in the group', async () => {
    const count = harness.botMessages(GROUP).length + 1;
    await say(inGroup(GROUP_ADMIN), '/digest_subscribe frequency=daily time=12:30 timezone=Europe/Kyiv');
    const confirmation = await messages(GROUP, count);
    expect(confirmation.at(-1)!.text).toMatch(/every day at 12:30 Europe\/Kyiv/);
    expect(app.service.add({ claimant: 'CSIS', subject: 'Russia', metric: 'killed', value: '250,000', asOf: '2026-11-20', publisher: 'Digest <Times>' }, { actor: 'test', confirm: true })).toMatchObject({ ok: true });
    // 12:30 in Kyiv is 10:30 UTC in November.
    await app.digests.runDue(new Date('2026-11-24T10:31:00Z'));
    const digest = (await messages(GROUP, count + 1)).at(-1)!;
    expect(digest.text).toContain('<b>Daily digest, 24 November 2026</b>');
    expect(digest.text).toContain('250,000');
    expect(digest.text).toContain('Digest &lt;Times&gt;');
    assertValidTelegramHtml(digest.text);
  });

  it('splits an answer longer than 4096 characters between figures', async () => {
    const note = (metric: string) => `Note on ${metric}: ${'a long explanation of how this figure was counted & why <it> matters. '.repeat(8)}end-of-${metric}`;
    for (const metric of METRICS) {
      const r = app.service.add({ claimant: 'nato', subject: 'russia', metric, value: '9,000,000', asOf: '2026-11-01', note: note(metric) }, { actor: 'test', confirm: true });
      expect(r).toMatchObject({ ok: true });
    }
    const count = harness.botMessages(READER).length;
    await say(reader(), 'What does NATO claim?');
    await harness.waitFor(() => METRICS.every((metric) => harness.botMessages(READER).some((m) => m.text.includes(`end-of-${metric}`))), 'the whole long answer');
    await new Promise((r) => setTimeout(r, 200));
    const parts = harness.botMessages(READER).slice(count);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(4096);
      assertValidTelegramHtml(p.text);
    }
    // Every figure's note arrives whole, in one message.
    for (const metric of METRICS) expect(parts.filter((p) => p.text.includes(`Note on ${metric}:`) && p.text.includes(`end-of-${metric}`))).toHaveLength(1);
  });

  it('retries a sendMessage that Telegram rate-limits, as it asks', async () => {
    harness.throttle('sendMessage', 1, 1);
    const count = harness.botMessages(READER).length;
    await say(reader(), 'Putin on Ukrainian losses');
    await harness.waitFor(() => harness.botMessages(READER).length > count, 'the answer after a 429', 8000);
  }, 15_000);

  it('limits questions per user: answers, one polite warning, then silence', async () => {
    const token = '987654321:AAAnotherFakeTokenForTheLimitTest_xyz';
    const limited = await startTelegramBot({ token, services: app, moderatorIds: [], logger: createLogger('silent'), apiRoot: harness.apiRoot, limiter: new QuestionLimiter({ perUser: 2, perChat: 100, windowMs: 60_000 }) });
    try {
      const user = harness.client(token, { userId: 555, chatId: 555, type: 'private' });
      for (let i = 0; i < 5; i++) await user.sendMessage(user.makeMessage('How many tanks has Russia lost?'));
      await harness.waitFor(() => harness.botMessages(555).length >= 3, 'two answers and a warning');
      await new Promise((r) => setTimeout(r, 400));
      const replies = harness.botMessages(555);
      expect(replies).toHaveLength(3);
      expect(replies[2]!.text).toMatch(/Easy, please: I give at most 2 questions every 60 seconds/);
    } finally {
      await limited.stop();
    }
  });

  it('keeps going after an update that fails, and never logs the token', async () => {
    harness.throttle('sendMessage', 4, 0); // one more 429 than auto-retry's 3 retries
    const count = harness.botMessages(READER).length;
    await say(reader(), 'How many tanks has Russia lost?');
    await harness.waitFor(() => /telegram update failed/.test(logText), 'the failure to be logged', 8000);
    await say(reader(), 'How many tanks has Russia lost?');
    await harness.waitFor(() => harness.botMessages(READER).length > count, 'an answer to the next update', 8000);
    expect(logText).toContain('telegram connected');
    expect(logText).not.toContain(TOKEN);
    expect(logText).not.toContain(TOKEN.split(':')[1]!);
  }, 20_000);
});
