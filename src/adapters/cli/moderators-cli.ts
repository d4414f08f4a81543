// `npm run cli -- moderators add|remove|list`: the operator names claim moderators. Takes effect
// at once in a running bot (it reads the table on every check); every change is in the log.
import { parseArgs } from 'node:util';
import type { App } from '../../app.ts';
import { PlatformUserIdSchema, type ChatPlatform } from '../../store/moderators-repo.ts';
import { operatorAuthor, UsageError, type CliIo } from './claims-cli.ts';

export const MODERATORS_USAGE = `  moderators list [--log]
  moderators add discord:ID|telegram:ID --name "display name" [--reason "why"] [--actor NAME]
  moderators remove discord:ID|telegram:ID [--reason "why"] [--actor NAME]`;

function readUser(text: string | undefined): { platform: ChatPlatform; id: string } {
  const m = /^(discord|telegram):(.+)$/.exec(text ?? '');
  if (!m || !PlatformUserIdSchema.safeParse(m[2]).success) throw new UsageError(`name the user as discord:ID or telegram:ID (a numeric id), not "${text ?? ''}"`);
  return { platform: m[1] as ChatPlatform, id: m[2]! };
}

export function runModeratorsCli(app: App, args: string[], io: CliIo): number {
  const [command, ...rest] = args;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { name: { type: 'string' }, reason: { type: 'string' }, actor: { type: 'string' }, log: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const { author } = operatorAuthor(values.actor);
  const reason = values.reason?.trim() || null;
  if (reason !== null && reason.length > 500) throw new UsageError('--reason: at most 500 characters');
  switch (command) {
    case 'list': {
      if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
      const { owners, configured, granted } = app.access.named();
      const c = app.access.config;
      io.out(`Owners (LOSSBOT_OWNERS): ${owners.map((o) => `${o.platform}:${o.id}`).join(', ') || 'none'}`);
      io.out(`Moderators (${granted.length}):`);
      for (const m of granted) io.out(`  ${m.platform}:${m.userId} ${m.name}, since ${m.grantedAt}, granted by ${m.grantedBy}`);
      if (configured.length) io.out(`Named in TELEGRAM_MODERATOR_IDS: ${configured.map((u) => u.id).join(', ')}`);
      if (c.discordHomeGuildId && c.discordModeratorRoleIds.length) io.out(`Discord: members of server ${c.discordHomeGuildId} with role ${c.discordModeratorRoleIds.join(', ')}`);
      if (c.telegramModeratorChatIds.length) io.out(`Telegram: administrators of chat ${c.telegramModeratorChatIds.join(', ')}`);
      if (values.log) {
        io.out('Log (newest first):');
        for (const e of app.access.moderators.history(100)) {
          const by = `${e.by.name} (${e.by.platform === 'cli' ? `command line user ${e.by.userId}` : `${e.by.platform}:${e.by.userId}`}, from ${e.by.origin}${e.by.operatorGiven ? ', name given by the operator' : ''})`;
          io.out(`  ${e.at} ${e.action} ${e.platform}:${e.userId} ${e.name} by ${by}${e.reason ? `: ${e.reason}` : ''}`);
        }
      }
      return 0;
    }
    case 'add': {
      if (positionals.length !== 1) throw new UsageError('moderators add takes one user: discord:ID or telegram:ID');
      const who = readUser(positionals[0]);
      const name = values.name?.trim();
      if (!name || name.length > 100) throw new UsageError('--name: give their display name (at most 100 characters), shown in histories');
      if (app.access.isOwner(who.platform, who.id)) {
        io.err(`${who.platform}:${who.id} is an owner (LOSSBOT_OWNERS) and moderates already; nothing was changed.`);
        return 1;
      }
      const result = app.access.grant(who.platform, who.id, name, author, reason);
      io.out(result.changed ? `${name} (${who.platform}:${who.id}) is now a claim moderator.` : `${name} (${who.platform}:${who.id}) was already a claim moderator; nothing was changed.`);
      return 0;
    }
    case 'remove': {
      if (positionals.length !== 1) throw new UsageError('moderators remove takes one user: discord:ID or telegram:ID');
      const who = readUser(positionals[0]);
      const result = app.access.revoke(who.platform, who.id, author, reason);
      if (!result.changed) {
        io.err(`${who.platform}:${who.id} is not in the moderators table; nothing was changed.${app.access.isNamedModerator(who.platform, who.id) ? ' They are named in the configuration (LOSSBOT_OWNERS or TELEGRAM_MODERATOR_IDS): change it there.' : ''}`);
        return 1;
      }
      io.out(`${result.moderator!.name} (${who.platform}:${who.id}) is no longer a claim moderator.`);
      return 0;
    }
    default:
      throw new UsageError(command ? `unknown moderators command "${command}"` : 'moderators needs a command: list, add, remove');
  }
}
