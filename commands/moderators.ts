// Claim moderators, managed by the owners named in LOSSBOT_OWNERS: add, remove (a preview to
// confirm) and list. The operator does the same on the command line (`moderators ...`).
import { z } from 'zod';
import { bold, code, doc, item, paragraph, text } from '../src/core/doc.ts';
import type { ChatPlatform } from '../src/store/moderators-repo.ts';
import { userOption } from './options.ts';
import { refusal } from './run.ts';
import { authorOf, defineCommand, type Actor } from './types.ts';
import { formatDate, t } from '../src/i18n/index.ts';

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
  run: (input, { services, actor, userNames, locale = 'en' }) => {
    const who = readUser(input.user, actor);
    if (!who) return refusal(t(locale, 'moderators-not-added'), [{ field: 'user', message: t(locale, 'moderators-user-platform') }]);
    const name = input.name ?? userNames[who.id] ?? t(locale, 'moderators-user', { id: who.id });
    if (services.access.isOwner(who.platform, who.id)) return refusal(t(locale, 'moderators-is-owner', { name }));
    const result = services.access.grant(who.platform, who.id, name, authorOf(actor), input.reason ?? null);
    const line = `${name} (${who.platform}:${who.id})`;
    return { kind: 'doc', private: true, doc: doc(null, [paragraph(text(t(locale, result.changed ? 'moderators-added' : 'moderators-already', { who: line })))]) };
  },
});

export const moderatorsRemove = defineCommand({
  path: ['moderators', 'remove'],
  description: "Take away someone's claim moderator rights: shows a preview to confirm (owners only)",
  options: z.object({ user, reason }),
  audience: 'owners',
  run: (input, { services, actor, confirmed, locale = 'en' }) => {
    const who = readUser(input.user, actor);
    if (!who) return refusal(t(locale, 'moderators-not-removed'), [{ field: 'user', message: t(locale, 'moderators-user-platform') }]);
    const id = `${who.platform}:${who.id}`;
    const line = (name: string) => `${name} (${id})`;
    if (services.access.isOwner(who.platform, who.id)) return refusal(t(locale, 'moderators-remove-owner', { id }));
    const current = services.access.moderators.get(who.platform, who.id);
    if (!current) {
      const configured = who.platform === 'telegram' && services.access.config.telegramModeratorIds.includes(who.id);
      return refusal(t(locale, configured ? 'moderators-not-listed-configured' : 'moderators-not-listed', { id }));
    }
    if (!confirmed)
      return {
        kind: 'preview',
        doc: doc(t(locale, 'moderators-remove-title'), [paragraph(text(t(locale, 'moderators-remove-effect', { who: line(current.name) }))), ...(input.reason ? [paragraph(bold(t(locale, 'claim-label-reason')), text(input.reason))] : [])]),
      };
    const result = services.access.revoke(who.platform, who.id, authorOf(actor), input.reason ?? null);
    return { kind: 'doc', private: true, doc: doc(null, [paragraph(text(t(locale, result.changed ? 'moderators-removed' : 'moderators-already-removed', { who: line(current.name) })))]) };
  },
});

export const moderatorsList = defineCommand({
  path: ['moderators', 'list'],
  description: 'Who may change claims: owners, moderators, and the servers and chats whose roles count (owners only)',
  options: z.object({}),
  audience: 'owners',
  run: (_input, { services, locale = 'en' }) => {
    const { owners, configured, granted } = services.access.named();
    const c = services.access.config;
    const since = (iso: string) => (locale === 'en' ? iso.slice(0, 10) : formatDate(locale, iso.slice(0, 10)));
    const blocks = [
      paragraph(bold(t(locale, 'moderators-label-owners')), text(owners.length ? owners.map((o) => `${o.platform}:${o.id}`).join(', ') : t(locale, 'moderators-none'))),
      paragraph(bold(t(locale, 'moderators-label-moderators')), text(granted.length ? '' : t(locale, 'moderators-none-yet'))),
      ...granted.map((m) => item(text(`${m.name} `), code(`${m.platform}:${m.userId}`), text(t(locale, 'moderators-granted', { date: since(m.grantedAt), by: m.grantedBy })))),
    ];
    if (configured.length) blocks.push(paragraph(bold(t(locale, 'moderators-label-telegram-ids')), text(configured.map((u) => u.id).join(', '))));
    if (c.discordHomeGuildId && c.discordModeratorRoleIds.length) blocks.push(paragraph(bold('Discord: '), text(t(locale, 'moderators-discord-roles', { server: c.discordHomeGuildId, roles: c.discordModeratorRoleIds.join(', ') }))));
    if (c.telegramModeratorChatIds.length) blocks.push(paragraph(bold('Telegram: '), text(t(locale, 'moderators-telegram-chats', { chats: c.telegramModeratorChatIds.join(', ') }))));
    return { kind: 'doc', private: true, doc: doc(t(locale, 'moderators-list-title'), blocks) };
  },
});
