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
/** The administrator (owner) of a group someone made and added the bot to. */
const GROUP_ADMIN = 103;
const NEW_MODERATOR = 104;
const OWNER = 110; // LOSSBOT_OWNERS
const MOD_CHAT_ADMIN = 120; // an administrator of the listed moderators' chat
const GROUP = -1001;
const OTHER_GROUP = -1003;
const MOD_CHAT = -2002; // TELEGRAM_MODERATOR_CHAT_IDS
const ACCESS = { owners: [{ platform: 'telegram' as const, id: String(OWNER) }], telegramModeratorIds: [String(MODERATOR)], discordHomeGuildId: null, discordModeratorRoleIds: [], telegramModeratorChatIds: [String(MOD_CHAT)] };

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
    harness.admins.set(OTHER_GROUP, [READER]);
    harness.admins.set(MOD_CHAT, [MOD_CHAT_ADMIN]);
    app = memoryApp(undefined, ACCESS);
    // Administrator lists are asked for afresh on every command that needs them, so a demotion counts at once.
    bot = await startTelegramBot({ token: TOKEN, services: app, logger: createLogger('debug', logs), apiRoot: harness.apiRoot, writeAdminCacheMs: 0 });
  }, 20_000);

  afterAll(async () => {
    await bot?.stop();
    await harness.stop();
    app?.close();
  });

  it("publishes the command menus: claim commands only in moderators' own chats and the listed moderators' chat", () => {
    const menus = harness.calls.filter((c) => c.method === 'setMyCommands');
    const scope = (c: (typeof menus)[number]) => c.body.scope as { type: string; chat_id?: number };
    const names = (c: (typeof menus)[number] | undefined) => (c!.body.commands as { command: string }[]).map((x) => x.command).sort();
    const find = (type: string, chatId?: number, language?: string) => menus.find((c) => scope(c).type === type && scope(c).chat_id === chatId && c.body.language_code === language);
    const everyone = ['ask', 'claim_history', 'claim_show', 'claimants', 'help', 'today'];
    const digests = ['digest_list', 'digest_preview', 'digest_subscribe', 'digest_unsubscribe'];
    const claims = ['claim_add', 'claim_edit', 'claim_retract'];
    expect(names(find('default'))).toEqual(everyone);
    // Every chat administrator manages digests in their chat, and nothing more.
    expect(names(find('all_chat_administrators'))).toEqual([...everyone, ...digests].sort());
    expect(names(find('chat_administrators', MOD_CHAT))).toEqual([...everyone, ...digests, ...claims].sort());
    expect(names(find('chat', MODERATOR))).toEqual([...everyone, ...digests, ...claims].sort());
    expect(names(find('chat', OWNER))).toEqual([...everyone, ...digests, ...claims, 'moderators_add', 'moderators_list', 'moderators_remove'].sort());
    // Three menus with the claim commands, once in each language (the default, uk and ru).
    expect(menus.filter((c) => names(c).includes('claim_add')).map((c) => scope(c))).toHaveLength(3 * 3);
  });

  it('publishes every menu in Ukrainian and Russian too (language_code), the same commands with translated descriptions', () => {
    const menus = harness.calls.filter((c) => c.method === 'setMyCommands');
    type Menu = (typeof menus)[number];
    const scope = (c: Menu) => c.body.scope as { type: string; chat_id?: number };
    const commands = (c: Menu) => c.body.commands as { command: string; description: string }[];
    const scopes = [['default'], ['all_chat_administrators'], ['chat_administrators', MOD_CHAT], ['chat', MODERATOR], ['chat', OWNER]] as const;
    const cyrillic = { uk: /^[^A-Za-z]*[А-ЯҐЄІЇа-яґєії]/, ru: /^[^A-Za-z]*[А-ЯЁа-яё]/ };
    for (const [type, chatId] of scopes) {
      const of = (language?: string) => menus.find((c) => scope(c).type === type && scope(c).chat_id === chatId && c.body.language_code === language);
      const english = of();
      expect(english, `${type} ${chatId ?? ''}`).toBeDefined();
      for (const language of ['uk', 'ru'] as const) {
        const menu = of(language);
        expect(menu, `${type} ${chatId ?? ''} ${language}`).toBeDefined();
        // The same commands in the same order; every description translated and within Telegram's 1-256 characters.
        expect(commands(menu!).map((c) => c.command)).toEqual(commands(english!).map((c) => c.command));
        for (const [i, c] of commands(menu!).entries()) {
          expect(c.description.length).toBeGreaterThan(0);
          expect(c.description.length).toBeLessThanOrEqual(256);
          expect(c.description, `${language} /${c.command}`).not.toBe(commands(english!)[i]!.description);
          expect(c.description, `${language} /${c.command}`).toMatch(cyrillic[language]);
        }
      }
    }
    const ask = (language?: string) => commands(menus.find((c) => scope(c).type === 'default' && c.body.language_code === language)!).find((c) => c.command === 'ask')!.description;
    expect(ask()).toBe('Ask about losses in the war; every figure comes with who claims it, its period and source');
    expect(ask('uk')).toMatch(/^Запитати про втрати/);
    expect(ask('ru')).toMatch(/^Спросить о потерях/);
  });

  it('answers a private question with attributed figures in HTML', async () => {
    await say(reader(), "Ukraine's claim of Russian losses in November");
    const [answer] = await messages(READER, 1);
    expect(answer!.parseMode).toBe('HTML');
    expect(answer!.text).toContain('<b>Armed Forces of Ukraine: </b>45,720 personnel losses, November 2024');
    expect(answer!.text).toContain('Read as: ');
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
    expect(app.claims.list({}).find((c) => c.low === 123456)).toMatchObject({ claimant: 'uk-ministry-of-defence', createdBy: `telegram:${MODERATOR} (User${MODERATOR})` });

    await say(reader(), 'UK estimate of Russian deaths as of 30 June 2025');
    const all = await messages(READER, 3);
    expect(all[2]!.text).toContain('123,456');
  });

  it("refuses the administrator of a stranger's group every write there, and a group they do not manage; nothing changes", async () => {
    const before = dumpDatabase(app.db);
    const id = app.claims.list({})[0]!.id;
    let count = harness.botMessages(GROUP).length;
    const tries: [string, RegExp][] = [
      [`/claim_retract id=${id} reason="I do not like it"`, /Only the bot's claim moderators may use claim retract/],
      ['/claim_add claimant=NATO subject=Russia metric=killed value=999,999 as_of=2025-01-01', /Only the bot's claim moderators may use claim add/],
      [`/claim_edit id=${id} field=high value=999999 reason="bigger is better"`, /Only the bot's claim moderators may use claim edit/],
      [`/moderators_add user=${GROUP_ADMIN}`, /Only the bot's owners may use moderators add/],
    ];
    for (const [text, refused] of tries) {
      await say(inGroup(GROUP_ADMIN), text);
      const all = await messages(GROUP, ++count);
      expect(all.at(-1)!.text).toMatch(refused);
      expect(all.at(-1)!.replyMarkup ?? null).toBeNull();
    }
    // Everyone may read, in any chat.
    await say(inGroup(GROUP_ADMIN), `/claim_show id=${id}`);
    expect((await messages(GROUP, ++count)).at(-1)!.text).toContain(`Claim #${id}`);
    // A group where they are no administrator is not theirs to subscribe.
    const other = harness.client(TOKEN, { userId: GROUP_ADMIN, chatId: OTHER_GROUP, type: 'supergroup' });
    await say(other, '/digest_subscribe frequency=daily time=09:00');
    const [refusedDigest] = await messages(OTHER_GROUP, 1);
    expect(refusedDigest!.text).toMatch(/Only this chat&#x27;s managers|Only this chat's managers/);
    expect(dumpDatabase(app.db)).toBe(before);
  });

  const press = async (userId: number, chatId: number, data: string, messageId: number) => {
    const client = harness.client(TOKEN, { userId, chatId, type: chatId === userId ? 'private' : 'supergroup' });
    await client.sendCallback(client.makeCallbackQuery(data, { message: { message_id: messageId, chat: { id: chatId, type: chatId === userId ? 'private' : 'supergroup' } } as never }));
  };
  const buttonOf = (m: { replyMarkup: unknown }, label: string) => (m.replyMarkup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard[0]!.find((b) => b.text === label)!.callback_data;
  const privately = (userId: number) => harness.client(TOKEN, { userId, chatId: userId, type: 'private' });

  it('lets an owner grant a moderator by replying to them, who then writes anywhere; revoked, refused at once', async () => {
    let count = harness.botMessages(GROUP).length;
    await say(inGroup(OWNER), '/moderators_add reason="trusted editor"', {
      reply_to_message: { message_id: 1, date: 0, chat: { id: GROUP, type: 'supergroup' }, from: { id: NEW_MODERATOR, is_bot: false, first_name: 'New', last_name: 'Moderator' }, text: 'hello' },
    });
    expect((await messages(GROUP, ++count)).at(-1)!.text).toContain(`New Moderator (telegram:${NEW_MODERATOR}) is now a claim moderator`);
    await harness.waitFor(() => harness.calls.some((c) => c.method === 'setMyCommands' && (c.body.scope as { chat_id?: number }).chat_id === NEW_MODERATOR), 'the new moderator menu');
    // In each language: the Ukrainian and Russian menus of the new moderator carry the claim commands too.
    for (const language of ['uk', 'ru']) {
      await harness.waitFor(
        () => harness.calls.some((c) => c.method === 'setMyCommands' && c.body.language_code === language && (c.body.scope as { chat_id?: number }).chat_id === NEW_MODERATOR && (c.body.commands as { command: string }[]).some((x) => x.command === 'claim_add')),
        `the new moderator menu in ${language}`,
      );
    }

    // From a private chat: a retraction is a preview, written on Confirm, audited with where it came from.
    const [target, another] = app.claims.list({}).map((c) => c.id);
    await say(privately(NEW_MODERATOR), `/claim_retract id=${target} reason="misattributed in the source"`);
    const [preview] = await messages(NEW_MODERATOR, 1);
    expect(preview!.text).toContain(`Retract claim #${target}?`);
    expect(app.claims.get(target!)!.status).toBe('active');
    await press(NEW_MODERATOR, NEW_MODERATOR, buttonOf(preview!, 'Confirm'), preview!.messageId);
    await harness.waitFor(() => app.claims.get(target!)!.status === 'retracted' && harness.botMessages(NEW_MODERATOR)[0]!.text.includes('retracted'), 'the retraction');
    expect(app.db.prepare("SELECT actor_platform, actor_user_id, actor_name, actor_origin FROM audit_log WHERE claim_id = ? AND action = 'retract'").get(target)).toEqual({
      actor_platform: 'telegram', actor_user_id: String(NEW_MODERATOR), actor_name: `User${NEW_MODERATOR}`, actor_origin: `telegram private chat ${NEW_MODERATOR}`,
    });

    // In the stranger's group, an edit previews too.
    await say(inGroup(NEW_MODERATOR), `/claim_edit id=${another} field=note value="checked again" reason="a clearer note"`);
    const pending = (await messages(GROUP, ++count)).at(-1)!;
    expect(pending.text).toContain(`Change claim #${another}?`);

    // The owner removes them, with a preview to confirm.
    await say(privately(OWNER), `/moderators_remove user=${NEW_MODERATOR} reason="left the team"`);
    const [removal] = await messages(OWNER, 1);
    expect(removal!.text).toContain('Remove this claim moderator?');
    expect(app.access.moderators.isModerator('telegram', String(NEW_MODERATOR))).toBe(true);
    await press(OWNER, OWNER, buttonOf(removal!, 'Confirm'), removal!.messageId);
    await harness.waitFor(() => !app.access.moderators.isModerator('telegram', String(NEW_MODERATOR)), 'the removal');
    await harness.waitFor(() => harness.calls.some((c) => c.method === 'deleteMyCommands' && (c.body.scope as { chat_id?: number }).chat_id === NEW_MODERATOR), 'the menu taken back');
    expect(app.db.prepare('SELECT action, actor_user_id, reason FROM moderator_log WHERE user_id = ? ORDER BY id').all(String(NEW_MODERATOR))).toEqual([
      { action: 'grant', actor_user_id: String(OWNER), reason: 'trusted editor' },
      { action: 'revoke', actor_user_id: String(OWNER), reason: 'left the team' },
    ]);

    // Refused at once: a new write, and the Confirm of the edit previewed before.
    const before = dumpDatabase(app.db);
    await say(privately(NEW_MODERATOR), '/claim_add claimant=NATO subject=Russia metric=killed value=999,999 as_of=2025-01-01');
    expect((await messages(NEW_MODERATOR, 2))[1]!.text).toMatch(/Only the bot&#x27;s claim moderators|Only the bot's claim moderators/);
    await press(NEW_MODERATOR, GROUP, buttonOf(pending, 'Confirm'), pending.messageId);
    // The preview turns into the refusal; nothing is written.
    await harness.waitFor(() => harness.botMessages(GROUP).some((m) => m.messageId === pending.messageId && /claim moderators may use claim edit/.test(m.text)), 'the refused Confirm');
    expect(dumpDatabase(app.db)).toBe(before);
  });

  it("lets the listed moderators' chat administrators write from anywhere, and keeps one moderator's preview whatever another sends", async () => {
    const add = (value: number) => `/claim_add claimant=CSIS subject=Russia metric=deserters value=${value} as_of=2025-09-30`;
    await say(privately(MODERATOR), add(4_321));
    const mine = (await messages(MODERATOR, harness.botMessages(MODERATOR).length + 1)).at(-1)!;
    expect(mine.text).toContain('Add this claim?');
    for (let i = 0; i < 12; i++) {
      await say(privately(MOD_CHAT_ADMIN), add(5_000 + i));
      expect((await messages(MOD_CHAT_ADMIN, i + 1))[i]!.text).toContain('Add this claim?');
    }
    await press(MODERATOR, MODERATOR, buttonOf(mine, 'Confirm'), mine.messageId);
    await harness.waitFor(() => app.claims.list({}).some((c) => c.low === 4321 && c.metric === 'deserters'), 'the first preview written');
  });

  it('pages a long history with a More button', async () => {
    const first = app.service.add({ claimant: 'NATO', subject: 'Ukraine', metric: 'deserters', value: '1,000', asOf: '2025-03-31' }, { actor: 'test', confirm: true });
    if (!first.ok) throw new Error('setup');
    let id = first.claim.id;
    for (let i = 1; i < 8; i++) {
      const edited = app.service.edit(id, { note: `revision ${i}` }, `revision number ${i}`, { actor: 'test', confirm: true });
      if (!edited.ok) throw new Error('setup');
      id = edited.claim.id;
    }
    const start = harness.botMessages(READER).length;
    await say(reader(), `/claim_history id=${id}`);
    const page1 = (await messages(READER, start + 1)).at(-1)!;
    expect(page1.text).toContain(`History of claim #${id}: versions 1-5 of 8`);
    await press(READER, READER, buttonOf(page1, 'More'), page1.messageId);
    const page2 = (await messages(READER, start + 2)).at(-1)!;
    expect(page2.text).toContain('versions 6-8 of 8');
    expect(page2.replyMarkup ?? null).toBeNull();
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

  it("lets a group's administrator manage its digests until demoted", async () => {
    const other = -1005;
    harness.admins.set(other, [GROUP_ADMIN]);
    const client = harness.client(TOKEN, { userId: GROUP_ADMIN, chatId: other, type: 'supergroup' });
    await say(client, '/digest_subscribe frequency=daily time=07:00');
    expect((await messages(other, 1))[0]!.text).toMatch(/every day at 07:00 UTC/);
    harness.admins.set(other, []);
    await say(client, '/digest_unsubscribe');
    expect((await messages(other, 2))[1]!.text).toMatch(/managers/);
    expect(app.digests.repo.forChat('telegram', String(other))).not.toBeNull();
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

  it('pages an answer longer than 4096 characters in one message, never cutting a figure', async () => {
    const note = (metric: string) => `Note on ${metric}: ${'a long explanation of how this figure was counted & why <it> matters. '.repeat(8)}end-of-${metric}`;
    for (const metric of METRICS) {
      const r = app.service.add({ claimant: 'nato', subject: 'russia', metric, value: '9,000,000', asOf: '2026-11-01', note: note(metric) }, { actor: 'test', confirm: true });
      expect(r).toMatchObject({ ok: true });
    }
    const count = harness.botMessages(READER).length;
    await say(reader(), 'What does NATO claim? (all figures)');
    const first = await harness.waitFor(() => harness.botMessages(READER).slice(count).find((m) => /Page 1 of \d+/.test(m.text)), 'page 1');
    const total = Number(/Page 1 of (\d+)/.exec(first.text)![1]);
    const parts = [first.text];
    const current = () => harness.botMessages(READER).find((m) => m.messageId === first.messageId)!;
    for (let i = 2; i <= total; i++) {
      const next = (current().replyMarkup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat().find((b) => /Next/.test(b.text))!;
      await press(READER, READER, next.callback_data, first.messageId);
      parts.push((await harness.waitFor(() => new RegExp(`Page ${i} of`).test(current().text) && current(), `page ${i}`)).text);
    }
    // One message, edited in place.
    expect(harness.botMessages(READER).length).toBe(count + 1);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4096);
      assertValidTelegramHtml(p);
    }
    // Every figure's note arrives whole, on one page.
    for (const metric of METRICS) expect(parts.filter((p) => p.includes(`Note on ${metric}:`) && p.includes(`end-of-${metric}`))).toHaveLength(1);
  });

  it('retries a sendMessage that Telegram rate-limits, as it asks', async () => {
    harness.throttle('sendMessage', 1, 1);
    const count = harness.botMessages(READER).length;
    await say(reader(), 'Putin on Ukrainian losses');
    await harness.waitFor(() => harness.botMessages(READER).length > count, 'the answer after a 429', 8000);
  }, 15_000);

  it('limits every command, not only questions, and keeps the administrator cache bounded', async () => {
    const token = '987654322:AAYetAnotherFakeTokenForCommandLimits_x';
    const limited = await startTelegramBot({ token, services: app, logger: createLogger('silent'), apiRoot: harness.apiRoot, limiter: new QuestionLimiter({ perUser: 3, perChat: 100, windowMs: 60_000 }), adminCacheMs: 60_000, writeAdminCacheMs: 60_000, adminCacheChats: 1 });
    try {
      const user = harness.client(token, { userId: 556, chatId: 556, type: 'private' });
      for (const text of ['/claimants', '/claim_show id=1', '/help', '/claim_history id=1', '/claimants']) await user.sendCommand({ ...user.makeCommand(text), entities: [{ offset: 0, length: text.split(' ')[0]!.length, type: 'bot_command' }] });
      await harness.waitFor(() => harness.botMessages(556).length >= 4, 'three replies and a warning');
      await new Promise((r) => setTimeout(r, 300));
      expect(harness.botMessages(556)).toHaveLength(4);
      expect(harness.botMessages(556)[3]!.text).toMatch(/Easy, please/);

      // One chat's administrators kept at a time: a second chat pushes the first out.
      const asked = () => harness.calls.filter((c) => c.method === 'getChatAdministrators').map((c) => Number(c.body.chat_id));
      harness.admins.set(-4001, [557, 558]);
      harness.admins.set(-4002, [557, 558]);
      // Two administrators, so neither reaches the command limit.
      const list = async (chatId: number, n: number, userId: number) => {
        const c = harness.client(token, { userId, chatId, type: 'supergroup' });
        await c.sendCommand({ ...c.makeCommand('/digest_list'), entities: [{ offset: 0, length: 12, type: 'bot_command' }] });
        await messages(chatId, n);
      };
      const before = asked().length;
      await list(-4001, 1, 557);
      await list(-4001, 2, 557); // kept
      await list(-4002, 1, 558); // pushes -4001 out
      await list(-4001, 3, 558); // asked again
      expect(asked().slice(before).filter((id) => id === -4001 || id === -4002)).toEqual([-4001, -4002, -4001]);
    } finally {
      await limited.stop();
    }
  });

  it('limits questions per user: answers, one polite warning, then silence', async () => {
    const token = '987654321:AAAnotherFakeTokenForTheLimitTest_xyz';
    const limited = await startTelegramBot({ token, services: app, logger: createLogger('silent'), apiRoot: harness.apiRoot, limiter: new QuestionLimiter({ perUser: 2, perChat: 100, windowMs: 60_000 }) });
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
