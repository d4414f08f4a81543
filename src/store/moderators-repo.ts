// Claim moderators named by the operator, and the append-only log of every grant and revocation.
// Read on every check, so a grant or revocation takes effect at once, in every process.
import { z } from 'zod';
import type { Db } from './database.ts';

/** A chat platform's name, opaque here: only its adapter knows what it means. */
export type ChatPlatform = string;
export const PlatformNameSchema = z.string().regex(/^[a-z][a-z0-9_-]{1,19}$/, { message: 'must be a platform name like discord' });

/** Who did something, as the audit rows keep it. */
export interface Author {
  platform: ChatPlatform;
  /** The platform's user id; on the command line, the operating-system user. */
  userId: string;
  /** A display name, shown to everyone in histories. */
  name: string;
  /** Where it came from: "discord server 1 channel 2", "telegram chat -100", "command line on host". */
  origin: string;
  /** The name was typed by the operator (the command line's --actor), not checked by a platform. */
  operatorGiven: boolean;
}

/** The audit log's one-line name for an author, kept in the `actor` column beside the details. */
export function authorLine(author: Author): string {
  const line = author.platform === 'cli' ? (author.operatorGiven ? author.name : `cli:${author.userId}`) : `${author.platform}:${author.userId} (${author.name})`;
  return line.slice(0, 200);
}

export const AuthorSchema = z.object({
  platform: PlatformNameSchema,
  userId: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  origin: z.string().trim().min(1).max(300),
  operatorGiven: z.boolean(),
});

export const PlatformUserIdSchema = z.string().regex(/^\d{1,25}$/, { message: 'must be a numeric user id' });

export interface Moderator {
  platform: ChatPlatform;
  userId: string;
  name: string;
  grantedAt: string;
  grantedBy: string;
}

const ModeratorRow = z
  .object({ platform: PlatformNameSchema, user_id: z.string(), display_name: z.string(), granted_at: z.string(), granted_by: z.string() })
  .transform((r): Moderator => ({ platform: r.platform, userId: r.user_id, name: r.display_name, grantedAt: r.granted_at, grantedBy: r.granted_by }));

export interface ModeratorLogEntry {
  id: number;
  at: string;
  action: 'grant' | 'revoke';
  platform: ChatPlatform;
  userId: string;
  name: string;
  by: Author;
  reason: string | null;
}

const LogRow = z
  .object({
    id: z.number(),
    at: z.string(),
    action: z.enum(['grant', 'revoke']),
    platform: PlatformNameSchema,
    user_id: z.string(),
    display_name: z.string(),
    actor_platform: PlatformNameSchema,
    actor_user_id: z.string(),
    actor_name: z.string(),
    actor_origin: z.string(),
    actor_operator_given: z.number(),
    reason: z.string().nullable(),
  })
  .transform(
    (r): ModeratorLogEntry => ({
      id: r.id,
      at: r.at,
      action: r.action,
      platform: r.platform,
      userId: r.user_id,
      name: r.display_name,
      by: { platform: r.actor_platform, userId: r.actor_user_id, name: r.actor_name, origin: r.actor_origin, operatorGiven: r.actor_operator_given === 1 },
      reason: r.reason,
    }),
  );

export type GrantResult = { changed: true; moderator: Moderator } | { changed: false; moderator: Moderator | null };

export class ModeratorsRepo {
  /** Asked for every message that may change claims: prepared once. */
  private readonly isModeratorStatement;

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.isModeratorStatement = db.prepare('SELECT 1 FROM moderators WHERE platform = ? AND user_id = ?');
  }

  get(platform: ChatPlatform, userId: string): Moderator | null {
    const row = this.db.prepare('SELECT * FROM moderators WHERE platform = ? AND user_id = ?').get(platform, userId);
    return row ? ModeratorRow.parse(row) : null;
  }

  isModerator(platform: ChatPlatform, userId: string): boolean {
    return this.isModeratorStatement.get(platform, userId) !== undefined;
  }

  list(): Moderator[] {
    return this.db.prepare('SELECT * FROM moderators ORDER BY platform, granted_at, user_id').all().map((r) => ModeratorRow.parse(r));
  }

  /** Grants (or renames) a moderator, with its log row, in one transaction. */
  grant(platform: ChatPlatform, userId: string, name: string, by: Author, reason: string | null = null): GrantResult {
    const id = PlatformUserIdSchema.parse(userId);
    const author = AuthorSchema.parse(by);
    return this.db.transaction((): GrantResult => {
      const existing = this.get(platform, id);
      if (existing && existing.name === name) return { changed: false, moderator: existing };
      const at = this.clock().toISOString();
      if (existing) this.db.prepare('UPDATE moderators SET display_name = ? WHERE platform = ? AND user_id = ?').run(name, platform, id);
      else this.db.prepare('INSERT INTO moderators (platform, user_id, display_name, granted_at, granted_by) VALUES (?, ?, ?, ?, ?)').run(platform, id, name, at, authorLine(author));
      this.log('grant', platform, id, name, author, reason, at);
      return { changed: true, moderator: this.get(platform, id)! };
    }).immediate();
  }

  /** Revokes a moderator, with its log row; false when there was none. */
  revoke(platform: ChatPlatform, userId: string, by: Author, reason: string | null = null): { changed: boolean; moderator: Moderator | null } {
    const author = AuthorSchema.parse(by);
    return this.db.transaction(() => {
      const existing = this.get(platform, userId);
      if (!existing) return { changed: false, moderator: null };
      this.db.prepare('DELETE FROM moderators WHERE platform = ? AND user_id = ?').run(platform, userId);
      this.log('revoke', platform, userId, existing.name, author, reason, this.clock().toISOString());
      return { changed: true, moderator: existing };
    }).immediate();
  }

  /** The log of grants and revocations, newest first. */
  history(limit = 50): ModeratorLogEntry[] {
    return this.db.prepare('SELECT * FROM moderator_log ORDER BY id DESC LIMIT ?').all(limit).map((r) => LogRow.parse(r));
  }

  private log(action: 'grant' | 'revoke', platform: ChatPlatform, userId: string, name: string, by: Author, reason: string | null, at: string): void {
    this.db
      .prepare(
        `INSERT INTO moderator_log (at, action, platform, user_id, display_name, actor, actor_platform, actor_user_id, actor_name, actor_origin, actor_operator_given, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(at, action, platform, userId, name, authorLine(by), by.platform, by.userId, by.name, by.origin, by.operatorGiven ? 1 : 0, reason);
  }
}
