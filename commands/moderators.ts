// Claim moderators, managed by the owners named in LOSSBOT_OWNERS: add, remove (a preview to
// confirm) and list. The operator does the same on the command line (`moderators ...`).
import { z } from 'zod';
import { bold, code, doc, item, paragraph, text } from '../src/core/doc.ts';
import type { ChatPlatform } from '../src/store/moderators-repo.ts';
import { userOption } from './options.ts';
import { refusal } from './run.ts';
import { authorOf, defineCommand, type Actor } from './types.ts';

const user = userOption(
  z
    .string({ message: 'name the user: a mention, a reply to their message, or their numeric id' })
    .trim()
    .regex(/^(?:[a-z][a-z0-9_-]{1,19}:)?(?:<@!?)?\d{1,25}>?$/, { message: 'must be a mention or a numeric user id (discord:123 or telegram:456 for the other platform)' })
    .describe('Who: a mention or user id (on Telegram, or reply to their message)'),
);
const reason = z.string().trim().min(3, { message: 'must say why, in at least 3 characters' }).max(500).optional().describe('Why: kept in the moderators log');

/** "<@123>", "123", "telegram:456" -> a platform and id; a bare id is on the asker's platform. */
export function readUser(value: string, actor: Actor): { platform: ChatPlatform; id: string } | null {
  const m = /^(?:([a-z][a-z0-9_-]{1,19}):)?(?:<@!?)?(\d{1,25})>?$/.exec(value.trim());
  if (!m) return null;
  // Outside a chat (the command line) a bare id names no platform.
  const platform: ChatPlatform | null = m[1] ?? (actor.chatId === null ? null : actor.platform);
  return platform ? { platform, id: m[2]! } : null;
}

export const moderatorsAdd = defineCommand({
  path: ['moderators', 'add'],
  description: 'Make someone a claim moderator everywhere (owners only)',
  options: z.object({
    user,
    name: z.string().trim().min(1).max(100).optional().describe('Their display name, if the platform does not give it'),
    reason,
  }),
  audience: 'owners',
  run: (input, { services, actor, userNames }) => {
    const who = readUser(input.user, actor);
    if (!who) return refusal('Not added: name a Discord or Telegram user.', [{ field: 'user', message: 'must be discord:ID or telegram:ID here' }]);
    const name = input.name ?? userNames[who.id] ?? `user ${who.id}`;
    if (services.access.isOwner(who.platform, who.id)) return refusal(`${name} is an owner, and owners moderate already. Nothing was changed.`);
    const result = services.access.grant(who.platform, who.id, name, authorOf(actor), input.reason ?? null);
    const line = `${name} (${who.platform}:${who.id})`;
    return { kind: 'doc', private: true, doc: doc(null, [paragraph(text(result.changed ? `${line} is now a claim moderator, everywhere, from now on.` : `${line} was already a claim moderator.`))]) };
  },
});

export const moderatorsRemove = defineCommand({
  path: ['moderators', 'remove'],
  description: "Take away someone's claim moderator rights: shows a preview to confirm (owners only)",
  options: z.object({ user, reason }),
  audience: 'owners',
  run: (input, { services, actor, confirmed }) => {
    const who = readUser(input.user, actor);
    if (!who) return refusal('Not removed: name a Discord or Telegram user.', [{ field: 'user', message: 'must be discord:ID or telegram:ID here' }]);
    const line = (name: string) => `${name} (${who.platform}:${who.id})`;
    if (services.access.isOwner(who.platform, who.id)) return refusal(`${line('They')} are named in LOSSBOT_OWNERS; only the operator can change that. Nothing was changed.`);
    const current = services.access.moderators.get(who.platform, who.id);
    if (!current) {
      const configured = who.platform === 'telegram' && services.access.config.telegramModeratorIds.includes(who.id);
      return refusal(`${line('That user')} is not in the moderators list${configured ? '; they are named in TELEGRAM_MODERATOR_IDS, which only the operator can change' : ''}. Nothing was changed.`);
    }
    if (!confirmed) return { kind: 'preview', doc: doc('Remove this claim moderator?', [paragraph(text(`${line(current.name)} will no longer be able to add, edit or retract claims, from the moment you confirm.`)), ...(input.reason ? [paragraph(bold('Reason: '), text(input.reason))] : [])]) };
    const result = services.access.revoke(who.platform, who.id, authorOf(actor), input.reason ?? null);
    return { kind: 'doc', private: true, doc: doc(null, [paragraph(text(result.changed ? `${line(current.name)} is no longer a claim moderator.` : `${line(current.name)} had already been removed.`))]) };
  },
});

export const moderatorsList = defineCommand({
  path: ['moderators', 'list'],
  description: 'Who may change claims: owners, moderators, and the servers and chats whose roles count (owners only)',
  options: z.object({}),
  audience: 'owners',
  run: (_input, { services }) => {
    const { owners, configured, granted } = services.access.named();
    const c = services.access.config;
    const blocks = [
      paragraph(bold('Owners (LOSSBOT_OWNERS): '), text(owners.length ? owners.map((o) => `${o.platform}:${o.id}`).join(', ') : 'none')),
      paragraph(bold('Moderators:'), text(granted.length ? '' : ' none yet; add one with moderators add')),
      ...granted.map((m) => item(text(`${m.name} `), code(`${m.platform}:${m.userId}`), text(`, since ${m.grantedAt.slice(0, 10)}, by ${m.grantedBy}`))),
    ];
    if (configured.length) blocks.push(paragraph(bold('Named in TELEGRAM_MODERATOR_IDS: '), text(configured.map((u) => u.id).join(', '))));
    if (c.discordHomeGuildId && c.discordModeratorRoleIds.length) blocks.push(paragraph(bold('Discord: '), text(`members of server ${c.discordHomeGuildId} with role ${c.discordModeratorRoleIds.join(', ')}`)));
    if (c.telegramModeratorChatIds.length) blocks.push(paragraph(bold('Telegram: '), text(`administrators of chat ${c.telegramModeratorChatIds.join(', ')}`)));
    return { kind: 'doc', private: true, doc: doc('Who may change claims', blocks) };
  },
});
