// Rights: who may run what, previews bounded per person, paged histories, and the configuration.
import { describe, expect, it } from 'vitest';
import { Confirmations, findCommand, runCommand, type Actor } from '../../commands/index.ts';
import { decodeMore, encodeMore } from '../../commands/run.ts';
import { COMMANDS } from '../../commands/index.ts';
import { loadConfig } from '../../src/config.ts';
import { docToPlainText, type Doc } from '../../src/core/doc.ts';
import { parseOwners } from '../../src/services/access.ts';
import { dumpDatabase, memoryApp } from '../helpers.ts';

const ACCESS = { owners: [{ platform: 'telegram' as const, id: '1' }], telegramModeratorIds: ['2'], discordHomeGuildId: null, discordModeratorRoleIds: [], telegramModeratorChatIds: [] };
const owner: Actor = { platform: 'telegram', id: '1', name: 'Owner', isModerator: true, isOwner: true, chatId: '1' };
const mod = (id: string): Actor => ({ platform: 'telegram', id, name: `Mod ${id}`, isModerator: true, chatId: id });
const textOf = (r: { kind: string; doc?: Doc }) => (r.doc ? docToPlainText(r.doc) : '');
const add = findCommand(['claim', 'add'])!;
const addOptions = (value: number) => ({ claimant: 'NATO', subject: 'Ukraine', metric: 'deserters', value: String(value), as_of: '2025-01-01' });

describe('previews', () => {
  it("are bounded per person: one's own oldest make room, and nobody can push out another's", () => {
    const app = memoryApp(undefined, ACCESS);
    const confirmations = new Confirmations(() => 0, 60_000, 8, 3);
    const mine = confirmations.run(add, addOptions(1000), mod('10'), app);
    for (let i = 0; i < 20; i++) confirmations.run(add, addOptions(2000 + i), mod('11'), app);
    expect(confirmations.pendingFor(mod('11'))).toBe(3);
    expect(confirmations.pendingFor(mod('10'))).toBe(1);
    // Full with others' previews: a new one is refused, not made room for by evicting.
    for (let id = 12; id < 15; id++) for (let i = 0; i < 3; i++) confirmations.run(add, addOptions(3000 + i), mod(String(id)), app);
    const refused = confirmations.run(add, addOptions(4000), mod('20'), app);
    expect(refused.token).toBeNull();
    expect(textOf(refused.reply)).toMatch(/Too many previews/);
    expect(confirmations.confirm(mine.token!, mod('10'), app)).toMatchObject({ ok: true, reply: { kind: 'doc' } });
  });

  it('preview every destructive command: retract and edit write only on Confirm', () => {
    const app = memoryApp(undefined, ACCESS);
    const id = app.claims.list({})[0]!.id;
    const before = dumpDatabase(app.db);
    const retract = runCommand(findCommand(['claim', 'retract'])!, { id, reason: 'misattributed' }, mod('2'), app);
    expect(retract.kind).toBe('preview');
    const edit = runCommand(findCommand(['claim', 'edit'])!, { id, field: 'note', value: 'checked', reason: 'clearer' }, mod('2'), app);
    expect(edit.kind).toBe('preview');
    expect(textOf(edit)).toMatch(/Now: .*\n?[\s\S]*After: /);
    expect(dumpDatabase(app.db)).toBe(before);
    const done = runCommand(findCommand(['claim', 'retract'])!, { id, reason: 'misattributed' }, mod('2'), app, { confirmed: true });
    expect(textOf(done)).toMatch(new RegExp(`Claim #${id} retracted`));
    expect(app.db.prepare("SELECT actor_platform, actor_user_id, actor_name, actor_origin, actor_operator_given FROM audit_log WHERE action = 'retract'").get()).toEqual({
      actor_platform: 'telegram', actor_user_id: '2', actor_name: 'Mod 2', actor_origin: 'telegram private chat 2', actor_operator_given: 0,
    });
  });
});

describe('moderators commands', () => {
  it('are for owners; a grant and a removal (after a preview) take effect at once and are logged', () => {
    const app = memoryApp(undefined, ACCESS);
    const addMod = findCommand(['moderators', 'add'])!;
    const remove = findCommand(['moderators', 'remove'])!;
    expect(textOf(runCommand(addMod, { user: '77' }, mod('2'), app))).toMatch(/Only the bot's owners/);
    expect(app.access.isNamedModerator('telegram', '77')).toBe(false);
    expect(textOf(runCommand(addMod, { user: '77' }, owner, app, { userNames: { '77': 'Seventy Seven' } }))).toMatch(/Seventy Seven \(telegram:77\) is now a claim moderator/);
    expect(app.access.isNamedModerator('telegram', '77')).toBe(true);
    expect(app.access.isNamedModerator('discord', '77')).toBe(false);
    expect(textOf(runCommand(addMod, { user: 'discord:<@88>' }, owner, app))).toMatch(/user 88 \(discord:88\)/);
    expect(runCommand(remove, { user: '77' }, owner, app).kind).toBe('preview');
    expect(app.access.isNamedModerator('telegram', '77')).toBe(true);
    runCommand(remove, { user: '77', reason: 'left the team' }, owner, app, { confirmed: true });
    expect(app.access.isNamedModerator('telegram', '77')).toBe(false);
    expect(textOf(runCommand(remove, { user: '1' }, owner, app))).toMatch(/LOSSBOT_OWNERS/);
    expect(app.access.moderators.history().map((e) => [e.action, e.userId, e.by.userId])).toEqual([['revoke', '77', '1'], ['grant', '88', '1'], ['grant', '77', '1']]);
    expect(() => app.db.prepare('DELETE FROM moderator_log').run()).toThrow(/append-only/);
  });
});

describe('paged histories', () => {
  it('show names to everyone and platform ids to moderators, and encode their More button within Telegram limits', () => {
    const app = memoryApp(undefined, ACCESS);
    const author = { platform: 'discord' as const, userId: '123456789012345678', name: 'Jane', origin: 'discord server 1 channel 2', operatorGiven: false };
    const first = app.service.add({ claimant: 'NATO', subject: 'Ukraine', metric: 'deserters', value: '10', asOf: '2025-01-01' }, { actor: 'discord:123456789012345678 (Jane)', author, confirm: true });
    if (!first.ok) throw new Error('setup');
    let id = first.claim.id;
    for (let i = 0; i < 6; i++) {
      const e = app.service.edit(id, { note: `n${i}` }, `reason ${i}`, { actor: 'cli:op', author: { ...author, platform: 'cli' as never, userId: 'op', name: 'Given Name', origin: 'command line on host', operatorGiven: true }, confirm: true });
      if (!e.ok) throw new Error('setup');
      id = e.claim.id;
    }
    const history = findCommand(['claim_history'])!;
    const reader: Actor = { platform: 'telegram', id: '9', name: 'r', isModerator: false, chatId: '9' };
    const page1 = runCommand(history, { id }, reader, app);
    expect(textOf(page1)).toContain('versions 1-5 of 7');
    expect(textOf(page1)).toContain('by Jane');
    expect(textOf(page1)).not.toContain('123456789012345678');
    expect(textOf(page1)).toContain('by Given Name (a name given by the operator on the command line)');
    expect(page1).toMatchObject({ more: { id, page: 2 } });
    expect(textOf(runCommand(history, { id }, mod('2'), app))).toContain('discord:123456789012345678; from discord server 1 channel 2');
    const data = encodeMore(history, { id, page: 2 })!;
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(decodeMore(data, COMMANDS)).toEqual({ command: history, options: { id, page: 2 } });
    expect(runCommand(history, { id, page: 2 }, reader, app)).not.toHaveProperty('more');
    expect(decodeMore('m:claim_add?value=1', COMMANDS)!.command.audience).toBe('moderators');
  });
});

describe('configuration of rights', () => {
  it('reads owners as platform:id and requires the home server with moderator roles', () => {
    expect(parseOwners('discord:123, telegram:456')).toEqual([{ platform: 'discord', id: '123' }, { platform: 'telegram', id: '456' }]);
    expect(() => loadConfig({ LOSSBOT_OWNERS: 'alice' })).toThrow(/LOSSBOT_OWNERS.*platform:id/);
    expect(() => loadConfig({ DISCORD_MODERATOR_ROLE_IDS: '400000000000000004' })).toThrow(/DISCORD_HOME_GUILD_ID/);
    expect(loadConfig({ DISCORD_MODERATOR_ROLE_IDS: '400000000000000004', DISCORD_HOME_GUILD_ID: '200000000000000002', TELEGRAM_MODERATOR_CHAT_IDS: '-100123' })).toMatchObject({ DISCORD_HOME_GUILD_ID: '200000000000000002', TELEGRAM_MODERATOR_CHAT_IDS: ['-100123'] });
  });
});
