// The real discord.js client against the fake Discord: slash commands, mentions, moderation.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startDiscordBot, type DiscordBot } from '../../src/adapters/discord/bot.ts';
import { deployCommands } from '../../src/adapters/discord/deploy.ts';
import { createLogger } from '../../src/log.ts';
import { METRICS } from '../../src/core/vocabulary.ts';
import { dumpDatabase, memoryApp } from '../helpers.ts';
import { ADMINISTRATOR, APP_ID, BOT_ID, BOT_ROLE_ID, CHANNEL_ID, ELSEWHERE, FakeDiscord, GUILD_ID, MANAGE_CHANNELS, MANAGE_MESSAGES, MESSAGE_CONTENT_INTENT, MOD_ROLE_ID, OTHER_CHANNEL_ID, type FakeUser, type MemberOptions, type RecordedRequest } from './fake-discord.ts';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.FakeTk.abcdefghijklmnopqrstuvwxyz0123';
const member = { id: '700000000000000007', username: 'reader' };
/** Holds the moderator role in the home server. */
const moderator = { id: '700000000000000008', username: 'mod' };
const owner = { id: '700000000000000009', username: 'owner' };
/** Owns another server the bot was added to, and has every right there. */
const stranger = { id: '700000000000000010', username: 'stranger' };
const granted = { id: '700000000000000011', username: 'granted' };
const second = { id: '700000000000000012', username: 'second' };
const ACCESS = { owners: [{ platform: 'discord' as const, id: owner.id }], telegramModeratorIds: [], discordHomeGuildId: GUILD_ID, discordModeratorRoleIds: [MOD_ROLE_ID], telegramModeratorChatIds: [] };
const asMod: MemberOptions = { roles: [MOD_ROLE_ID] };

interface Callback {
  type: number;
  data: { content?: string; flags?: number; embeds?: { title?: string; description?: string }[]; components?: { components: { custom_id: string; label?: string }[] }[]; allowed_mentions?: { parse: string[] } };
}

function callbackFor(fake: FakeDiscord, interactionId: string): RecordedRequest | undefined {
  return fake.calls('POST', `/interactions/${interactionId}/`).at(0);
}

async function answerTo(fake: FakeDiscord, interactionId: string): Promise<Callback> {
  await fake.waitFor(() => callbackFor(fake, interactionId) !== undefined, `the reply to interaction ${interactionId}`);
  return callbackFor(fake, interactionId)!.body as Callback;
}

const text = (c: Callback) => [c.data.content ?? '', ...(c.data.embeds ?? []).map((e) => `${e.title ?? ''}\n${e.description ?? ''}`)].join('\n');

describe('Discord, end to end through discord.js', () => {
  const fake = new FakeDiscord();
  const logs = new PassThrough();
  let logText = '';
  logs.on('data', (c) => (logText += String(c)));
  let app: App;
  let bot: DiscordBot;

  beforeAll(async () => {
    await fake.start();
    app = memoryApp(undefined, ACCESS);
    fake.homeMembers.set(moderator.id, [MOD_ROLE_ID]);
    bot = await startDiscordBot({ token: TOKEN, services: app, logger: createLogger('debug', logs), apiBase: fake.apiBase });
  }, 20_000);

  afterAll(async () => {
    await bot?.stop();
    await fake.stop();
    app?.close();
  });

  it('logs in through the gateway with the configured token, without the Message Content intent', () => {
    expect(fake.identifies).toHaveLength(1);
    const intents = (fake.identifies[0] as { intents: number }).intents;
    expect(intents & MESSAGE_CONTENT_INTENT).toBe(0);
    expect(intents & (1 << 0)).not.toBe(0); // Guilds
    expect(intents & (1 << 12)).not.toBe(0); // DirectMessages
    expect(fake.requests.find((r) => r.path === '/gateway/bot')?.authorization).toBe(`Bot ${TOKEN}`);
    expect(bot.client.user?.id).toBe(BOT_ID);
  });

  it('answers /ask with attributed figures in an embed, pinging nobody', async () => {
    const id = fake.slashCommand(member, 'ask', [{ name: 'question', type: 3, value: "Ukraine's claim of Russian losses in November" }]);
    const reply = await answerTo(fake, id);
    expect(reply.type).toBe(4);
    const body = text(reply);
    expect(body).toContain('45,720');
    expect(body).toMatch(/\*\*Armed Forces of Ukraine: \*\*45,720 personnel losses, November 2024/);
    expect(body).toContain('November 2024');
    expect(body).toMatch(/source: Newsweek/);
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers a mention in a channel, and a direct message, without the mention in the question', async () => {
    fake.message(member, `<@${BOT_ID}> UK estimate of Russian deaths`, { mentionBot: true });
    await fake.waitFor(() => fake.calls('POST', /^\/channels\/\d+\/messages$/).length >= 1, 'a reply to the mention');
    const reply = fake.calls('POST', /^\/channels\/\d+\/messages$/)[0]!.body as Callback['data'] & { message_reference?: unknown; allowed_mentions?: unknown };
    expect(JSON.stringify(reply.embeds)).toMatch(/UK Ministry of Defence|United Kingdom/);
    expect(reply.message_reference).toBeDefined();
    expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });

    fake.message(member, 'How many tanks has Russia lost?', { dm: true });
    await fake.waitFor(() => fake.calls('POST', /^\/channels\/\d+\/messages$/).length >= 2, 'a reply to the direct message');

    // A mention of the bot's managed role (what Discord inserts when the bot is picked from the member list by role).
    fake.message(member, `<@&${BOT_ROLE_ID}> How many tanks has Russia lost?`, { mentionRoles: [BOT_ROLE_ID] });
    await fake.waitFor(() => fake.calls('POST', /^\/channels\/\d+\/messages$/).length >= 3, 'a reply to the role mention');
    const roleReply = fake.calls('POST', /^\/channels\/\d+\/messages$/)[2]!.body as Callback['data'];
    expect(JSON.stringify(roleReply.embeds)).toMatch(/tanks/i);
    expect(JSON.stringify(roleReply)).not.toContain(BOT_ROLE_ID);
  });

  it('ignores channel messages that do not mention it', async () => {
    const before = fake.calls('POST', /^\/channels\/\d+\/messages$/).length;
    fake.message(member, 'how many tanks has Russia lost?');
    // A later mention is answered; the plain message before it must not have been.
    fake.message(member, `<@${BOT_ID}> help`, { mentionBot: true });
    await fake.waitFor(() => fake.calls('POST', /^\/channels\/\d+\/messages$/).length >= before + 1, 'the reply to the mention');
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.calls('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(before + 1);
  });

  const addOptions = [
    { name: 'claimant', type: 3, value: 'UK MoD' },
    { name: 'subject', type: 3, value: 'Russia' },
    { name: 'metric', type: 3, value: 'killed' },
    { name: 'value', type: 3, value: '123,456' },
    { name: 'qualifier', type: 3, value: 'about' },
    { name: 'as_of', type: 3, value: '2025-06-30' },
    { name: 'url', type: 3, value: 'https://example.org/uk-estimate' },
    { name: 'publisher', type: 3, value: 'Example News' },
  ];

  it("shows a moderator's claim add as a preview, writes it on Confirm, and /ask then finds it", async () => {
    const before = app.claims.count();
    const id = fake.slashCommand(moderator, 'claim', [{ name: 'add', type: 1, options: addOptions }], asMod);
    const preview = await answerTo(fake, id);
    expect(preview.data.flags).toBe(64);
    expect(text(preview)).toContain('Add this claim?');
    expect(app.claims.count()).toBe(before);
    const confirm = preview.data.components![0]!.components.find((c) => c.custom_id.startsWith('confirm:'))!.custom_id;

    // Someone else cannot press the moderator's Confirm.
    const stolen = fake.button(member, confirm);
    expect(text(await answerTo(fake, stolen))).toMatch(/Only the moderator who asked/);
    expect(app.claims.count()).toBe(before);

    const press = fake.button(moderator, confirm, asMod);
    const done = await answerTo(fake, press);
    expect(done.type).toBe(7);
    expect(text(done)).toMatch(/Added claim #\d+/);
    expect(app.claims.count()).toBe(before + 1);
    const added = app.claims.list({}).find((c) => c.low === 123456)!;
    expect(added).toMatchObject({ claimant: 'uk-ministry-of-defence', qualifier: 'about', periodEnd: '2025-06-30' });
    expect(added.createdBy).toBe(`discord:${moderator.id} (mod)`);

    const ask = fake.slashCommand(member, 'ask', [{ name: 'question', type: 3, value: 'UK estimate of Russian deaths as of 30 June 2025' }]);
    expect(text(await answerTo(fake, ask))).toContain('123,456');
  });

  it("accepts the home server's moderator role there, and its holder anywhere; the same role id elsewhere gives nothing", async () => {
    const id = fake.slashCommand(moderator, 'claim', [{ name: 'add', type: 1, options: addOptions }], { roles: [MOD_ROLE_ID] });
    expect(text(await answerTo(fake, id))).toContain('Add this claim?');
    // In another server, the bot asks Discord for the member's roles in the home server.
    const elsewhere = fake.slashCommand(moderator, 'claim', [{ name: 'add', type: 1, options: addOptions }], { place: ELSEWHERE });
    expect(text(await answerTo(fake, elsewhere))).toContain('Add this claim?');
    expect(fake.calls('GET', `/guilds/${GUILD_ID}/members/${moderator.id}`).length).toBeGreaterThan(0);
    const pretender = fake.slashCommand(stranger, 'claim', [{ name: 'add', type: 1, options: addOptions }], { place: ELSEWHERE, roles: [MOD_ROLE_ID], permissions: ADMINISTRATOR });
    expect(text(await answerTo(fake, pretender))).toMatch(/Only the bot's claim moderators may use claim add/);
  });

  it('refuses a non-moderator privately, and nothing is written', async () => {
    const before = dumpDatabase(app.db);
    const id = fake.slashCommand(member, 'claim', [{ name: 'retract', type: 1, options: [{ name: 'id', type: 4, value: 1 }, { name: 'reason', type: 3, value: 'I disagree' }] }]);
    const reply = await answerTo(fake, id);
    expect(reply.data.flags).toBe(64);
    expect(text(reply)).toMatch(/Only the bot's claim moderators may use claim retract/);
    expect(dumpDatabase(app.db)).toBe(before);
  });

  it('refuses bad input with the field named, and nothing is written', async () => {
    const before = dumpDatabase(app.db);
    const cases: [unknown[], RegExp][] = [
      [[...addOptions.filter((o) => o.name !== 'value'), { name: 'value', type: 3, value: 'lots' }], /low \/ value/],
      [[...addOptions.filter((o) => o.name !== 'value'), { name: 'low', type: 3, value: '70000' }, { name: 'high', type: 3, value: '60000' }], /low/],
      [[...addOptions.filter((o) => o.name !== 'claimant'), { name: 'claimant', type: 3, value: 'Ministry of Silly Walks' }], /claimant/],
      [[...addOptions.filter((o) => o.name !== 'url'), { name: 'url', type: 3, value: 'not a url' }], /url/],
      [[...addOptions.filter((o) => o.name !== "as_of"), { name: "as_of", type: 3, value: "2025-13-45" }], /as\\?_of/],
    ];
    for (const [options, field] of cases) {
      const id = fake.slashCommand(moderator, 'claim', [{ name: 'add', type: 1, options }], asMod);
      const reply = await answerTo(fake, id);
      expect(reply.data.flags).toBe(64);
      expect(text(reply)).toMatch(/Nothing was changed/);
      expect(text(reply)).toMatch(field);
      expect(reply.data.components ?? []).toHaveLength(0);
    }
    expect(dumpDatabase(app.db)).toBe(before);
  });

  it('escapes markdown and mentions in what users typed', async () => {
    const id = fake.slashCommand(member, 'ask', [{ name: 'question', type: 3, value: '@everyone **bold** <@&123> how many tanks has Russia lost?' }]);
    const body = JSON.stringify((await answerTo(fake, id)).data);
    expect(body).not.toMatch(/@everyone/);
    expect(body).not.toMatch(/<@&123>/);
  });

  it('offers claimants as the moderator types', async () => {
    const id = fake.interactionOf(moderator, 4, { id: '1', name: 'claim', type: 1, options: [{ name: 'add', type: 1, options: [{ name: 'claimant', type: 3, value: 'uk', focused: true }] }] }, asMod);
    const reply = await answerTo(fake, id);
    expect(reply.type).toBe(8);
    const choices = (reply.data as unknown as { choices: { name: string; value: string }[] }).choices;
    expect(choices.map((c) => c.value)).toContain('uk-ministry-of-defence');
  });

  it('pages a long answer in one message (Next edits it in place), never cutting a figure', async () => {
    const note = (metric: string) => `Note on ${metric}: ${'how it was counted and why it matters. '.repeat(8)}end-of-${metric}`;
    for (const metric of METRICS) {
      expect(app.service.add({ claimant: 'csis', subject: 'russia', metric, value: '9,000,000', asOf: '2026-11-01', note: note(metric) }, { actor: 'test', confirm: true })).toMatchObject({ ok: true });
    }
    const id = fake.slashCommand(member, 'ask', [{ name: 'question', type: 3, value: 'What does CSIS claim? (all figures)' }]);
    const escaped = (m: string) => m.replace(/_/g, '\\_'); // as Discord markdown escapes it
    let page = (await answerTo(fake, id)).data;
    const pages = [page];
    for (;;) {
      const next = (page.components ?? []).flatMap((r) => r.components as { custom_id: string; label?: string }[]).find((c) => /Next/.test(c.label ?? ''));
      if (!next) break;
      page = (await answerTo(fake, fake.button(member, next.custom_id))).data;
      pages.push(page);
    }
    expect(pages.length).toBeGreaterThan(1);
    // No follow-up messages: one message, paged.
    expect(fake.calls('POST', `/webhooks/${APP_ID}/interaction-token-${id}`)).toHaveLength(0);
    for (const p of pages) for (const embed of p.embeds ?? []) expect((embed.description ?? '').length).toBeLessThanOrEqual(4096);
    for (const metric of METRICS) {
      expect(pages.filter((p) => (p.embeds ?? []).some((e) => (e.description ?? '').includes(`Note on ${escaped(metric)}:`) && (e.description ?? '').includes(`end-of-${escaped(metric)}`)))).toHaveLength(1);
    }
  });

  it('posts a subscribed digest in the channel', async () => {
    const id = fake.slashCommand(member, 'digest', [{ name: 'subscribe', type: 1, options: [{ name: 'frequency', type: 3, value: 'daily' }, { name: 'time', type: 3, value: '12:30' }, { name: 'timezone', type: 3, value: 'UTC' }] }], { permissions: MANAGE_CHANNELS });
    expect(text(await answerTo(fake, id))).toMatch(/This chat gets a digest every day at 12:30 UTC/);
    expect(app.service.add({ claimant: 'NATO', subject: 'Russia', metric: 'killed', value: '200,000', asOf: '2026-11-20', publisher: 'Digest Times' }, { actor: 'test', confirm: true })).toMatchObject({ ok: true });
    const before = fake.calls('POST', `/channels/${CHANNEL_ID}/messages`).length;
    await app.digests.runDue(new Date('2026-11-23T12:31:00Z'));
    const posts = fake.calls('POST', `/channels/${CHANNEL_ID}/messages`).slice(before);
    expect(posts.length).toBeGreaterThanOrEqual(1);
    const body = JSON.stringify(posts.map((p) => p.body));
    expect(body).toContain('Daily digest, 23 November 2026');
    expect(body).toContain('200,000');
    expect(body).toContain('Digest Times');
    await app.digests.runDue(new Date('2026-11-23T13:00:00Z'));
    expect(fake.calls('POST', `/channels/${CHANNEL_ID}/messages`).length).toBe(before + posts.length);
  });

  /** What a reader sees: the text without Discord's markdown escapes. */
  const plain = (c: Callback) => text(c).replace(/\\([\\`*_{}\[\]()#+\-.!>|~])/g, '$1');
  const opt = (name: string, value: unknown, type = 3) => ({ name, type, value });
  const sub = (name: string, options: unknown[]) => [{ name, type: 1, options }];
  const retractOf = (id: number) => sub('retract', [opt('id', id, 4), opt('reason', 'misattributed in the source')]);
  const editOf = (id: number) => sub('edit', [opt('id', id, 4), opt('field', 'note'), opt('value', 'a better note'), opt('reason', 'clearer wording')]);
  const confirmOf = (c: Callback) => c.data.components?.[0]?.components.find((x) => x.custom_id.startsWith('confirm:'))?.custom_id;
  const userOption = (u: FakeUser, global: string): [unknown[], unknown] => [[opt('user', u.id, 6)], { users: { [u.id]: { id: u.id, username: u.username, discriminator: '0', global_name: global, avatar: null } } }];
  const activeIds = () => app.claims.list({}).map((c) => c.id);

  it('refuses an owner or Manage Messages member of another server every write, and a channel they do not manage; nothing changes', async () => {
    const before = dumpDatabase(app.db);
    const [id] = activeIds();
    const [userOpt, resolved] = userOption(stranger, 'Stranger');
    for (const rights of [{ permissions: ADMINISTRATOR }, { permissions: MANAGE_MESSAGES }]) {
      const tries: [string, unknown[], RegExp, unknown?][] = [
        ['claim', sub('add', addOptions), /Only the bot's claim moderators may use claim add/],
        ['claim', editOf(id!), /Only the bot's claim moderators may use claim edit/],
        ['claim', retractOf(id!), /Only the bot's claim moderators may use claim retract/],
        ['moderators', sub('add', userOpt), /Only the bot's owners may use moderators add/, resolved],
      ];
      for (const [name, options, refused, res] of tries) {
        const reply = await answerTo(fake, fake.slashCommand(stranger, name, options, { ...rights, place: ELSEWHERE }, res));
        expect(reply.data.flags).toBe(64);
        expect(plain(reply)).toMatch(refused);
        expect(reply.data.components ?? []).toHaveLength(0);
      }
      // The home server's channel is not theirs to manage, whatever they are elsewhere.
      const digest = await answerTo(fake, fake.slashCommand(stranger, 'digest', sub('subscribe', [opt('frequency', 'daily'), opt('time', '09:00')]), { permissions: MANAGE_MESSAGES }));
      expect(plain(digest)).toMatch(/Only this chat's managers .* may use digest subscribe/);
    }
    expect(dumpDatabase(app.db)).toBe(before);
  });

  it("lets an owner grant a moderator, who then writes from any server and a direct message; revoked, refused at once", async () => {
    const [userOpt, resolved] = userOption(granted, 'Granted Person');
    const grant = await answerTo(fake, fake.slashCommand(owner, 'moderators', sub('add', userOpt), { place: ELSEWHERE }, resolved));
    expect(plain(grant)).toContain(`Granted Person (discord:${granted.id}) is now a claim moderator`);
    expect(app.db.prepare("SELECT action, user_id, display_name, actor_user_id, actor_origin FROM moderator_log WHERE user_id = ?").all(granted.id)).toEqual([
      { action: 'grant', user_id: granted.id, display_name: 'Granted Person', actor_user_id: owner.id, actor_origin: `discord server ${ELSEWHERE === 'dm' ? '' : ELSEWHERE.guildId} channel ${OTHER_CHANNEL_ID}` },
    ]);

    // A retraction from a stranger's server: a preview first, written only on Confirm.
    const [target, another] = activeIds();
    const preview = await answerTo(fake, fake.slashCommand(granted, 'claim', retractOf(target!), { place: ELSEWHERE }));
    expect(plain(preview)).toContain(`Retract claim #${target}?`);
    expect(app.claims.get(target!)!.status).toBe('active');
    const done = await answerTo(fake, fake.button(granted, confirmOf(preview)!, { place: ELSEWHERE }));
    expect(plain(done)).toContain(`Claim #${target} retracted`);
    expect(app.claims.get(target!)!.status).toBe('retracted');
    expect(app.db.prepare("SELECT actor, actor_platform, actor_user_id, actor_name, actor_origin, actor_operator_given FROM audit_log WHERE claim_id = ? AND action = 'retract'").get(target)).toEqual({
      actor: `discord:${granted.id} (granted)`, actor_platform: 'discord', actor_user_id: granted.id, actor_name: 'granted', actor_origin: `discord server ${ELSEWHERE === 'dm' ? '' : ELSEWHERE.guildId} channel ${OTHER_CHANNEL_ID}`, actor_operator_given: 0,
    });

    // An addition from a direct message.
    const dmOptions = [...addOptions.filter((o) => !['value', 'as_of', 'metric'].includes(o.name)), opt('metric', 'captured'), opt('value', '98,765'), opt('as_of', '2025-07-31')];
    const dmPreview = await answerTo(fake, fake.slashCommand(granted, 'claim', sub('add', dmOptions), { place: 'dm' }));
    expect(plain(dmPreview)).toContain('Add this claim?');
    const added = await answerTo(fake, fake.button(granted, confirmOf(dmPreview)!, { place: 'dm' }));
    expect(plain(added)).toMatch(/Added claim #\d+/);
    expect(app.db.prepare("SELECT actor_origin FROM audit_log WHERE action = 'add' ORDER BY id DESC LIMIT 1").get()).toEqual({ actor_origin: 'discord direct message 600000000000000006' });

    // A preview left pending, then the owner removes the moderator (a preview too).
    const pending = await answerTo(fake, fake.slashCommand(granted, 'claim', editOf(another!), { place: 'dm' }));
    expect(plain(pending)).toContain(`Change claim #${another}?`);
    const [removeOpt, removeResolved] = userOption(granted, 'Granted Person');
    const removal = await answerTo(fake, fake.slashCommand(owner, 'moderators', sub('remove', removeOpt), { place: 'dm' }, removeResolved));
    expect(plain(removal)).toContain('Remove this claim moderator?');
    expect(app.access.moderators.isModerator('discord', granted.id)).toBe(true);
    const removed = await answerTo(fake, fake.button(owner, confirmOf(removal)!, { place: 'dm' }));
    expect(plain(removed)).toContain('is no longer a claim moderator');

    // Refused at once: a new write, and the Confirm of the preview made before.
    const before = dumpDatabase(app.db);
    const again = await answerTo(fake, fake.slashCommand(granted, 'claim', retractOf(another!), { place: 'dm' }));
    expect(plain(again)).toMatch(/Only the bot's claim moderators may use claim retract/);
    const late = await answerTo(fake, fake.button(granted, confirmOf(pending)!, { place: 'dm' }));
    expect(plain(late)).toMatch(/Only the bot's claim moderators may use claim edit/);
    expect(dumpDatabase(app.db)).toBe(before);
  });

  it('lets a chat manager subscribe their own channel, and no other', async () => {
    const mine = await answerTo(fake, fake.slashCommand(stranger, 'digest', sub('subscribe', [opt('frequency', 'weekly'), opt('weekday', 'monday'), opt('time', '08:00')]), { place: ELSEWHERE, permissions: MANAGE_CHANNELS }));
    expect(plain(mine)).toMatch(/This chat gets a digest every Monday at 08:00 UTC/);
    expect(app.digests.repo.forChat('discord', OTHER_CHANNEL_ID)).toMatchObject({ frequency: 'weekly', createdBy: `discord:${stranger.id} (stranger)` });
    const before = dumpDatabase(app.db);
    const theirs = await answerTo(fake, fake.slashCommand(stranger, 'digest', sub('unsubscribe', []), { permissions: MANAGE_MESSAGES }));
    expect(plain(theirs)).toMatch(/Only this chat's managers .* may use digest unsubscribe/);
    expect(dumpDatabase(app.db)).toBe(before);
  });

  it("keeps one moderator's pending preview whatever another moderator sends", async () => {
    fake.homeMembers.set(second.id, [MOD_ROLE_ID]);
    const options = (value: string) => [...addOptions.filter((o) => !['value', 'as_of', 'metric'].includes(o.name)), opt('metric', 'deserters'), opt('value', value), opt('as_of', '2025-08-31')];
    const mine = await answerTo(fake, fake.slashCommand(moderator, 'claim', sub('add', options('55,555')), asMod));
    for (let i = 0; i < 12; i++) {
      const flood = await answerTo(fake, fake.slashCommand(second, 'claim', sub('add', options(String(60_000 + i))), asMod));
      expect(plain(flood)).toContain('Add this claim?');
    }
    const done = await answerTo(fake, fake.button(moderator, confirmOf(mine)!, asMod));
    expect(plain(done)).toMatch(/Added claim #\d+/);
    expect(app.claims.list({}).some((c) => c.low === 55555 && c.metric === 'deserters')).toBe(true);
  });

  it('pages a long history with a More button, and shows platform ids to moderators only', async () => {
    const author = { platform: 'discord' as const, userId: moderator.id, name: 'Moderator Name', origin: `discord server ${GUILD_ID} channel ${CHANNEL_ID}`, operatorGiven: false };
    const first = app.service.add({ claimant: 'NATO', subject: 'Ukraine', metric: 'deserters', value: '1,000', asOf: '2025-03-31' }, { actor: `discord:${moderator.id} (mod)`, author, confirm: true });
    if (!first.ok) throw new Error('setup');
    let id = first.claim.id;
    for (let i = 1; i < 12; i++) {
      const edited = app.service.edit(id, { note: `revision ${i}` }, `revision number ${i}`, { actor: `discord:${moderator.id} (mod)`, author, confirm: true });
      if (!edited.ok) throw new Error('setup');
      id = edited.claim.id;
    }
    const page1 = await answerTo(fake, fake.slashCommand(member, 'claim_history', [opt('id', id, 4)], { place: ELSEWHERE }));
    expect(plain(page1)).toContain(`History of claim #${id}: versions 1-5 of 12`);
    expect(plain(page1)).toContain('by Moderator Name');
    expect(JSON.stringify(page1)).not.toContain(moderator.id);
    const more = page1.data.components![0]!.components[0]!.custom_id;
    expect(more).toBe(`m:claim_history?id=${id}&page=2`);
    const page2 = await answerTo(fake, fake.button(member, more, { place: ELSEWHERE }));
    expect(page2.data.flags).toBe(64);
    expect(plain(page2)).toContain('versions 6-10 of 12');
    expect(plain(page2)).toMatch(/revision number 6/);
    const asModerator = await answerTo(fake, fake.slashCommand(moderator, 'claim_history', [opt('id', id, 4)], asMod));
    expect(plain(asModerator)).toContain(`discord:${moderator.id}`);
  });

  it('never writes the token to the log', () => {
    expect(logText).toContain('discord connected');
    expect(logText).not.toContain(TOKEN);
  });

  it('registers every command with deploy-commands, within Discord limits', async () => {
    const result = await deployCommands({ token: TOKEN, applicationId: APP_ID, guildId: GUILD_ID, apiBase: fake.apiBase });
    const put = fake.calls('PUT', `/applications/${APP_ID}/guilds/${GUILD_ID}/commands`).at(-1)!;
    const names = (put.body as { name: string; options?: { name: string; type: number }[] }[]).map((c) => c.name).sort();
    expect(names).toEqual(['ask', 'claim', 'claim_history', 'claim_show', 'claimants', 'digest', 'help', 'moderators', 'today']);
    const byName = (n: string) => (put.body as { name: string; default_member_permissions?: string; dm_permission?: boolean; options: { name: string; type: number; options?: { name: string; type: number }[] }[] }[]).find((c) => c.name === n)!;
    expect(byName('claim').options.map((o) => o.name).sort()).toEqual(['add', 'edit', 'retract']);
    // Writes are hidden by default (server admins may show them to a role); reads are for everyone.
    expect(byName('claim').default_member_permissions).toBe('0');
    expect(byName('moderators').default_member_permissions).toBe('0');
    expect(byName('digest').default_member_permissions).toBe(MANAGE_CHANNELS);
    expect(byName('claim_show').default_member_permissions).toBeUndefined();
    expect(byName('claim_history').default_member_permissions).toBeUndefined();
    expect(byName('claim').dm_permission).toBe(true);
    expect(byName('moderators').options.find((o) => o.name === 'add')!.options!.find((o) => o.name === 'user')!.type).toBe(6);
    expect(result).toEqual({ count: 9, scope: `server ${GUILD_ID}` });
    await deployCommands({ token: TOKEN, applicationId: APP_ID, apiBase: fake.apiBase });
    expect(fake.calls('PUT', `/applications/${APP_ID}/commands`)).toHaveLength(1);
  });
});

describe('Discord: replies that take a while', () => {
  const fake = new FakeDiscord();
  let app: App;
  let bot: DiscordBot;
  /** How long each reply to /ask is held back, as a burst or a first chart would. */
  let holdMs = 0;

  beforeAll(async () => {
    await fake.start();
    app = memoryApp(undefined, ACCESS);
    const slowViews = {
      today: app.views.today.bind(app.views),
      reply: async (...args: Parameters<App['views']['reply']>) => {
        await new Promise((r) => setTimeout(r, holdMs));
        return app.views.reply(...args);
      },
    };
    bot = await startDiscordBot({ token: TOKEN, services: { ...app, views: slowViews }, logger: createLogger('silent'), apiBase: fake.apiBase, deferAfterMs: 150 });
  }, 20_000);

  afterAll(async () => {
    await bot?.stop();
    await fake.stop();
    app?.close();
  });

  it('answers at once when the reply is ready within the defer time', async () => {
    holdMs = 0;
    const reply = await answerTo(fake, fake.slashCommand(member, 'ask', [{ name: 'question', type: 3, value: 'UK estimate of Russian deaths' }]));
    expect(reply.type).toBe(4);
  });

  it('acknowledges a slow reply first ("thinking"), then puts the answer in place of it', async () => {
    holdMs = 600;
    const id = fake.slashCommand(member, 'ask', [{ name: 'question', type: 3, value: "Ukraine's claim of Russian losses in November" }]);
    const ack = await answerTo(fake, id);
    expect(ack.type).toBe(5);
    const edit = `/webhooks/${APP_ID}/interaction-token-${id}/messages/%40original`;
    await fake.waitFor(() => fake.calls('PATCH', edit).length > 0, 'the deferred answer');
    const body = fake.calls('PATCH', edit)[0]!.body as Callback['data'];
    expect(text({ type: 4, data: body })).toContain('45,720');
    expect(body.allowed_mentions).toEqual({ parse: [] });
    // The answer's view buttons come with it.
    expect(JSON.stringify(body.components)).toContain('"custom_id":"v:');

    // A slow press of one of them is acknowledged without a new message, then its view follows.
    const sources = (body.components as { components: { custom_id: string; label?: string }[] }[]).flatMap((r) => r.components).find((c) => /Sources/.test(c.label ?? ''))!;
    const press = fake.button(member, sources.custom_id);
    const pressAck = await answerTo(fake, press);
    expect(pressAck.type).toBe(6);
    const followUp = `/webhooks/${APP_ID}/interaction-token-${press}`;
    await fake.waitFor(() => fake.calls('POST', followUp).length > 0, 'the view after the deferred press');
    expect(text({ type: 4, data: fake.calls('POST', followUp)[0]!.body as Callback['data'] })).toMatch(/Newsweek/);
  });

  it('a deferral Discord refuses is logged, and the bot goes on answering', async () => {
    holdMs = 400;
    fake.failNextCallback = true;
    const id = fake.slashCommand(member, 'ask', [{ name: 'question', type: 3, value: 'UK estimate of Russian deaths' }]);
    await new Promise((r) => setTimeout(r, 700));
    holdMs = 0;
    const next = await answerTo(fake, fake.slashCommand(member, 'ask', [{ name: 'question', type: 3, value: 'How many tanks has Russia lost?' }]));
    expect(next.type).toBe(4);
    expect(id).toBeTruthy();
  });
});

