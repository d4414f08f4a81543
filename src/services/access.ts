// Who may change the shared claims. Rights are global and granted only by the operator: owners
// named in the configuration, moderators in the database (managed by owners in chat and by the
// operator on the command line), and, when configured, members of one home Discord server holding
// a listed role and administrators of listed Telegram chats. What anyone is in any other server or
// chat gives nothing. The adapters ask the platform about the home server and the listed chats;
// this decides the rest, reading the database on every check so a change takes effect at once.
import type { Author, ChatPlatform, Moderator, ModeratorsRepo } from '../store/moderators-repo.ts';

export interface PlatformUser {
  platform: ChatPlatform;
  id: string;
}

export interface AccessConfig {
  /** LOSSBOT_OWNERS: may grant and revoke moderators, and moderate. */
  owners: readonly PlatformUser[];
  /** TELEGRAM_MODERATOR_IDS: Telegram users the operator names as moderators in the configuration. */
  telegramModeratorIds: readonly string[];
  /** DISCORD_HOME_GUILD_ID with DISCORD_MODERATOR_ROLE_IDS: holders of these roles there moderate. */
  discordHomeGuildId: string | null;
  discordModeratorRoleIds: readonly string[];
  /** TELEGRAM_MODERATOR_CHAT_IDS: the administrators of these chats moderate. */
  telegramModeratorChatIds: readonly string[];
}

export const NO_ACCESS_CONFIG: AccessConfig = { owners: [], telegramModeratorIds: [], discordHomeGuildId: null, discordModeratorRoleIds: [], telegramModeratorChatIds: [] };

/** "discord:123, telegram:456" -> users; throws on anything else. */
export function parseOwners(text: string): PlatformUser[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      const m = /^(discord|telegram):(\d{1,25})$/.exec(entry.trim());
      if (!m) throw new Error(`"${entry}" is not platform:id (discord:123 or telegram:456)`);
      return { platform: m[1] as ChatPlatform, id: m[2]! };
    });
}

export type AccessChange = { kind: 'grant' | 'revoke'; platform: ChatPlatform; userId: string };

export class Access {
  private readonly listeners = new Set<(change: AccessChange) => void>();

  constructor(
    readonly moderators: ModeratorsRepo,
    readonly config: AccessConfig = NO_ACCESS_CONFIG,
  ) {}

  isOwner(platform: ChatPlatform | 'cli', id: string): boolean {
    return platform !== 'cli' && this.config.owners.some((o) => o.platform === platform && o.id === id);
  }

  /** An owner, a moderator in the table, or one named in the configuration; platform roles aside. */
  isNamedModerator(platform: ChatPlatform | 'cli', id: string): boolean {
    if (platform === 'cli') return false;
    if (this.isOwner(platform, id)) return true;
    if (platform === 'telegram' && this.config.telegramModeratorIds.includes(id)) return true;
    return this.moderators.isModerator(platform, id);
  }

  /** Everyone named as a moderator, for menus and lists: owners, configured ids and the table. */
  named(): { owners: PlatformUser[]; configured: PlatformUser[]; granted: Moderator[] } {
    return {
      owners: [...this.config.owners],
      configured: this.config.telegramModeratorIds.map((id) => ({ platform: 'telegram' as const, id })),
      granted: this.moderators.list(),
    };
  }

  grant(platform: ChatPlatform, userId: string, name: string, by: Author, reason: string | null = null) {
    const result = this.moderators.grant(platform, userId, name, by, reason);
    if (result.changed) this.emit({ kind: 'grant', platform, userId });
    return result;
  }

  revoke(platform: ChatPlatform, userId: string, by: Author, reason: string | null = null) {
    const result = this.moderators.revoke(platform, userId, by, reason);
    if (result.changed) this.emit({ kind: 'revoke', platform, userId });
    return result;
  }

  /** Adapters follow grants and revocations (Telegram's per-chat command menus). */
  onChange(listener: (change: AccessChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: AccessChange): void {
    for (const l of this.listeners) {
      try {
        l(change);
      } catch {
        // A listener's failure (a menu not updated) never undoes or hides the grant itself.
      }
    }
  }
}
