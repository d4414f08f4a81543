// The real discord.js client against the fake Discord: slash commands, mentions, moderation.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { startDiscordBot, type DiscordBot } from '../../src/adapters/discord/bot.ts';
import { deployCommands } from '../../src/adapters/discord/deploy.ts';
import { createLogger } from '../../src/log.ts';
import { METRICS } from '../../src/core/vocabulary.ts';
import { dumpDatabase, memoryApp } from '../helpers.ts';
import { APP_ID, BOT_ID, CHANNEL_ID, FakeDiscord, GUILD_ID, MANAGE_MESSAGES, MOD_ROLE_ID, type RecordedRequest } from './fake-discord.ts';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.FakeTk.abcdefghijklmnopqrstuvwxyz0123';
const member = { id: '700000000000000007', username: 'reader' };
const moderator = { id: '700000000000000008', username: 'mod' };

interface Callback {
  type: number;
  data: { content?: string; flags?: number; embeds?: { title?: string; description?: string }[]; components?: { components: { custom_id: string }[] }[]; allowed_mentions?: { parse: string[] } };
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
    app = memoryApp();
    bot = await startDiscordBot({ token: TOKEN, services: app, moderatorRoleIds: [MOD_ROLE_ID], logger: createLogger('debug', logs), apiBase: fake.apiBase });
  }, 20_000);

  afterAll(async () => {
    await bot?.stop();
    await fake.stop();
    app?.close();
  });

  it('logs in through the gateway with the configured token', () => {
    expect(fake.identifies).toHaveLength(1);
    expect(fake.requests.find((r) => r.path === '/gateway/bot')?.authorization).toBe(`Bot ${TOKEN}`);
    expect(bot.client.user?.id).toBe(BOT_ID);
  });

  it('answers /ask with attributed figures in an embed, pinging nobody', async () => {
    const id = fake.slashCommand(member, 'ask', [{ name: 'question', type: 3, value: "Ukraine's claim of Russian losses in November" }]);
    const reply = await answerTo(fake, id);
    expect(reply.type).toBe(4);
    const body = text(reply);
    expect(body).toContain('45,720');
    expect(body).toMatch(/\*\*Armed Forces of Ukraine claims:\*\*/);
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
    const id = fake.slashCommand(moderator, 'claim', [{ name: 'add', type: 1, options: addOptions }], { permissions: MANAGE_MESSAGES });
    const preview = await answerTo(fake, id);
    expect(preview.data.flags).toBe(64);
    expect(text(preview)).toContain('Add this claim?');
    expect(app.claims.count()).toBe(before);
    const confirm = preview.data.components![0]!.components.find((c) => c.custom_id.startsWith('confirm:'))!.custom_id;

    // Someone else cannot press the moderator's Confirm.
    const stolen = fake.button(member, confirm);
    expect(text(await answerTo(fake, stolen))).toMatch(/Only the moderator who asked/);
    expect(app.claims.count()).toBe(before);

    const press = fake.button(moderator, confirm, { permissions: MANAGE_MESSAGES });
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

  it('accepts a member with a moderator role, checked in the handler', async () => {
    const id = fake.slashCommand(moderator, 'claim', [{ name: 'add', type: 1, options: addOptions }], { roles: [MOD_ROLE_ID] });
    expect(text(await answerTo(fake, id))).toContain('Add this claim?');
  });

  it('refuses a non-moderator privately, and nothing is written', async () => {
    const before = dumpDatabase(app.db);
    const id = fake.slashCommand(member, 'claim', [{ name: 'retract', type: 1, options: [{ name: 'id', type: 4, value: 1 }, { name: 'reason', type: 3, value: 'I disagree' }] }]);
    const reply = await answerTo(fake, id);
    expect(reply.data.flags).toBe(64);
    expect(text(reply)).toMatch(/Only moderators may use claim retract/);
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
      const id = fake.slashCommand(moderator, 'claim', [{ name: 'add', type: 1, options }], { permissions: MANAGE_MESSAGES });
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
    const id = fake.interactionOf(moderator, 4, { id: '1', name: 'claim', type: 1, options: [{ name: 'add', type: 1, options: [{ name: 'claimant', type: 3, value: 'uk', focused: true }] }] }, { permissions: MANAGE_MESSAGES });
    const reply = await answerTo(fake, id);
    expect(reply.type).toBe(8);
    const choices = (reply.data as unknown as { choices: { name: string; value: string }[] }).choices;
    expect(choices.map((c) => c.value)).toContain('uk-ministry-of-defence');
  });

  it('splits a long answer into several embeds between figures', async () => {
    const note = (metric: string) => `Note on ${metric}: ${'how it was counted and why it matters. '.repeat(8)}end-of-${metric}`;
    for (const metric of METRICS) {
      expect(app.service.add({ claimant: 'csis', subject: 'russia', metric, value: '9,000,000', asOf: '2026-11-01', note: note(metric) }, { actor: 'test', confirm: true })).toMatchObject({ ok: true });
    }
    const id = fake.slashCommand(member, 'ask', [{ name: 'question', type: 3, value: 'What does CSIS claim?' }]);
    const first = await answerTo(fake, id);
    const token = `interaction-token-${id}`;
    const escaped = (m: string) => m.replace(/_/g, '\\_'); // as Discord markdown escapes it
    const shown = () => [first.data, ...fake.calls('POST', `/webhooks/${APP_ID}/${token}`).map((r) => r.body as Callback['data'])].map((d) => text({ type: 0, data: d })).join('\n');
    await fake.waitFor(() => METRICS.every((m) => shown().includes(`end-of-${escaped(m)}`)), 'every figure');
    const pages = [first.data, ...fake.calls('POST', `/webhooks/${APP_ID}/${token}`).map((r) => r.body as Callback['data'])];
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) for (const embed of page.embeds ?? []) expect((embed.description ?? '').length).toBeLessThanOrEqual(4096);
    for (const metric of METRICS) {
      expect(pages.filter((p) => (p.embeds ?? []).some((e) => (e.description ?? '').includes(`Note on ${escaped(metric)}:`) && (e.description ?? '').includes(`end-of-${escaped(metric)}`)))).toHaveLength(1);
    }
  });

  it('posts a subscribed digest in the channel', async () => {
    const id = fake.slashCommand(moderator, 'digest', [{ name: 'subscribe', type: 1, options: [{ name: 'frequency', type: 3, value: 'daily' }, { name: 'time', type: 3, value: '12:30' }, { name: 'timezone', type: 3, value: 'UTC' }] }], { permissions: MANAGE_MESSAGES });
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

  it('never writes the token to the log', () => {
    expect(logText).toContain('discord connected');
    expect(logText).not.toContain(TOKEN);
  });

  it('registers every command with deploy-commands, within Discord limits', async () => {
    const result = await deployCommands({ token: TOKEN, applicationId: APP_ID, guildId: GUILD_ID, apiBase: fake.apiBase });
    const put = fake.calls('PUT', `/applications/${APP_ID}/guilds/${GUILD_ID}/commands`).at(-1)!;
    const names = (put.body as { name: string; options?: { name: string; type: number }[] }[]).map((c) => c.name).sort();
    expect(names).toEqual(['ask', 'claim', 'claimants', 'digest', 'help']);
    const claim = (put.body as { name: string; default_member_permissions?: string; options: { name: string }[] }[]).find((c) => c.name === 'claim')!;
    expect(claim.options.map((o) => o.name).sort()).toEqual(['add', 'edit', 'history', 'retract', 'show']);
    expect(claim.default_member_permissions).toBe(MANAGE_MESSAGES);
    expect(result).toEqual({ count: 5, scope: `server ${GUILD_ID}` });
    await deployCommands({ token: TOKEN, applicationId: APP_ID, apiBase: fake.apiBase });
    expect(fake.calls('PUT', `/applications/${APP_ID}/commands`)).toHaveLength(1);
  });
});
