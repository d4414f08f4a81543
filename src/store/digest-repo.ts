// Digest subscriptions and deliveries. A delivery row per (subscription, period) is the claim
// on that period: whoever inserts it sends; marking it done and advancing the subscription's
// position in the audit log happen in one transaction.
import { PlatformNameSchema, type ChatPlatform } from './moderators-repo.ts';
import { z } from 'zod';
import { MetricSchema, type Metric } from '../core/vocabulary.ts';
import type { Db } from './database.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/index.ts';

/** A chat platform's name, opaque here ("discord", "telegram", a future adapter's). */
export type Platform = ChatPlatform;

export interface SubscriptionInput {
  platform: Platform;
  chatId: string;
  frequency: 'daily' | 'weekly';
  /** 0 = Sunday ... 6 = Saturday, for weekly digests. */
  weekday: number | null;
  localTime: string;
  timezone: string;
  claimants: string[];
  parties: string[];
  metrics: Metric[];
  postEmpty: boolean;
  /** The language its digests are written in (default English). */
  language?: Locale;
  /** The General Staff's daily card at the top of each digest (default off). */
  card?: boolean;
  createdBy: string;
}

const SubscriptionRow = z
  .object({
    id: z.number(),
    platform: PlatformNameSchema,
    chat_id: z.string(),
    frequency: z.enum(['daily', 'weekly']),
    weekday: z.number().nullable(),
    local_time: z.string(),
    timezone: z.string(),
    claimants: z.string(),
    parties: z.string(),
    metrics: z.string(),
    post_empty: z.number(),
    status: z.enum(['active', 'disabled', 'removed']),
    status_reason: z.string().nullable(),
    created_at: z.string(),
    created_by: z.string(),
    last_audit_id: z.number(),
    // A language this release does not speak (written by a later one) reads as English.
    language: z.string().transform((l): Locale => (isLocale(l) ? l : DEFAULT_LOCALE)),
    card: z.number(),
  })
  .transform((r) => ({
    id: r.id,
    platform: r.platform,
    chatId: r.chat_id,
    frequency: r.frequency,
    weekday: r.weekday,
    localTime: r.local_time,
    timezone: r.timezone,
    claimants: z.array(z.string()).parse(JSON.parse(r.claimants)),
    parties: z.array(z.string()).parse(JSON.parse(r.parties)),
    metrics: z.array(MetricSchema).parse(JSON.parse(r.metrics)),
    postEmpty: r.post_empty === 1,
    status: r.status,
    statusReason: r.status_reason,
    createdAt: r.created_at,
    createdBy: r.created_by,
    lastAuditId: r.last_audit_id,
    language: r.language,
    card: r.card === 1,
  }));
export type Subscription = z.output<typeof SubscriptionRow>;

export interface Delivery {
  subscriptionId: number;
  period: string;
  status: 'sending' | 'retry' | 'sent' | 'empty' | 'failed';
  attempts: number;
  auditTo: number;
  finishedAt: string | null;
  error: string | null;
}

export type ClaimResult = { claimed: true; attempt: number; auditTo: number } | { claimed: false };

export class DigestRepo {
  constructor(private readonly db: Db) {}

  private maxAuditId(): number {
    return (this.db.prepare('SELECT ifnull(max(id), 0) AS n FROM audit_log').get() as { n: number }).n;
  }

  /** One subscription per chat: a new one replaces the old, which is kept as removed. */
  subscribe(input: SubscriptionInput, now: Date): Subscription {
    return this.db.transaction(() => {
      this.db.prepare("UPDATE digest_subscriptions SET status = 'removed', status_reason = 'replaced' WHERE platform = ? AND chat_id = ? AND status <> 'removed'").run(input.platform, input.chatId);
      const info = this.db
        .prepare(
          `INSERT INTO digest_subscriptions (platform, chat_id, frequency, weekday, local_time, timezone, claimants, parties, metrics, post_empty, language, card, created_at, created_by, last_audit_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.platform, input.chatId, input.frequency, input.weekday, input.localTime, input.timezone, JSON.stringify(input.claimants), JSON.stringify(input.parties), JSON.stringify(input.metrics), input.postEmpty ? 1 : 0, input.language ?? DEFAULT_LOCALE, input.card ? 1 : 0, now.toISOString(), input.createdBy, this.maxAuditId());
      return this.get(Number(info.lastInsertRowid))!;
    }).immediate();
  }

  unsubscribe(platform: Platform, chatId: string): boolean {
    return this.db.prepare("UPDATE digest_subscriptions SET status = 'removed', status_reason = 'unsubscribed' WHERE platform = ? AND chat_id = ? AND status <> 'removed'").run(platform, chatId).changes > 0;
  }

  get(id: number): Subscription | null {
    const row = this.db.prepare('SELECT * FROM digest_subscriptions WHERE id = ?').get(id);
    return row ? SubscriptionRow.parse(row) : null;
  }

  forChat(platform: Platform, chatId: string): Subscription | null {
    const row = this.db.prepare("SELECT * FROM digest_subscriptions WHERE platform = ? AND chat_id = ? AND status <> 'removed'").get(platform, chatId);
    return row ? SubscriptionRow.parse(row) : null;
  }

  active(platform?: Platform): Subscription[] {
    const rows = platform
      ? this.db.prepare("SELECT * FROM digest_subscriptions WHERE status = 'active' AND platform = ? ORDER BY id").all(platform)
      : this.db.prepare("SELECT * FROM digest_subscriptions WHERE status = 'active' ORDER BY id").all();
    return rows.map((r) => SubscriptionRow.parse(r));
  }

  disable(id: number, reason: string): void {
    this.db.prepare("UPDATE digest_subscriptions SET status = 'disabled', status_reason = ? WHERE id = ? AND status = 'active'").run(reason, id);
  }

  delivery(subscriptionId: number, period: string): Delivery | null {
    const row = this.db.prepare('SELECT * FROM digest_deliveries WHERE subscription_id = ? AND period = ?').get(subscriptionId, period) as Record<string, unknown> | undefined;
    if (!row) return null;
    return { subscriptionId, period, status: row.status as Delivery['status'], attempts: row.attempts as number, auditTo: row.audit_to as number, finishedAt: row.finished_at as string | null, error: row.error as string | null };
  }

  lastDelivery(subscriptionId: number): Delivery | null {
    const row = this.db.prepare('SELECT period FROM digest_deliveries WHERE subscription_id = ? ORDER BY period DESC LIMIT 1').get(subscriptionId) as { period: string } | undefined;
    return row ? this.delivery(subscriptionId, row.period) : null;
  }

  /**
   * Claims a period for sending. A new period is claimed by inserting its row (only one process
   * can); a period waiting for a retry whose time has come is claimed by moving it to sending.
   * A period left "sending" by a process that died may or may not have been posted: it is marked
   * failed, never sent again.
   */
  claim(subscriptionId: number, period: string, owner: string, now: Date, leaseMs: number): ClaimResult {
    return this.db.transaction((): ClaimResult => {
      const lease = new Date(now.getTime() + leaseMs).toISOString();
      const auditTo = this.maxAuditId();
      const inserted = this.db
        .prepare("INSERT OR IGNORE INTO digest_deliveries (subscription_id, period, status, owner, lease_until, audit_to) VALUES (?, ?, 'sending', ?, ?, ?)")
        .run(subscriptionId, period, owner, lease, auditTo);
      if (inserted.changes) return { claimed: true, attempt: 1, auditTo };
      const existing = this.delivery(subscriptionId, period)!;
      const nowIso = now.toISOString();
      if (existing.status === 'retry') {
        const moved = this.db
          .prepare("UPDATE digest_deliveries SET status = 'sending', owner = ?, lease_until = ?, attempts = attempts + 1 WHERE subscription_id = ? AND period = ? AND status = 'retry' AND next_attempt_at <= ?")
          .run(owner, lease, subscriptionId, period, nowIso);
        if (moved.changes) return { claimed: true, attempt: existing.attempts + 1, auditTo: existing.auditTo };
      }
      if (existing.status === 'sending') {
        this.db
          .prepare("UPDATE digest_deliveries SET status = 'failed', finished_at = ?, error = 'interrupted while sending (the bot stopped); not sent again in case it was posted' WHERE subscription_id = ? AND period = ? AND status = 'sending' AND lease_until < ?")
          .run(nowIso, subscriptionId, period, nowIso);
      }
      return { claimed: false };
    }).immediate();
  }

  /** Done: the delivery and the subscription's new position, together. */
  complete(subscriptionId: number, period: string, status: 'sent' | 'empty', now: Date): void {
    this.db.transaction(() => {
      const d = this.delivery(subscriptionId, period)!;
      this.db.prepare("UPDATE digest_deliveries SET status = ?, finished_at = ?, error = NULL WHERE subscription_id = ? AND period = ? AND status = 'sending'").run(status, now.toISOString(), subscriptionId, period);
      this.db.prepare('UPDATE digest_subscriptions SET last_audit_id = max(last_audit_id, ?) WHERE id = ?').run(d.auditTo, subscriptionId);
    }).immediate();
  }

  retryLater(subscriptionId: number, period: string, error: string, at: Date): void {
    this.db.prepare("UPDATE digest_deliveries SET status = 'retry', next_attempt_at = ?, error = ? WHERE subscription_id = ? AND period = ? AND status = 'sending'").run(at.toISOString(), error, subscriptionId, period);
  }

  fail(subscriptionId: number, period: string, error: string, now: Date): void {
    this.db.prepare("UPDATE digest_deliveries SET status = 'failed', finished_at = ?, error = ? WHERE subscription_id = ? AND period = ? AND status = 'sending'").run(now.toISOString(), error, subscriptionId, period);
  }

  /** Deliveries waiting for a retry whose time has come. */
  dueRetries(now: Date): { subscriptionId: number; period: string }[] {
    return (this.db.prepare("SELECT subscription_id AS subscriptionId, period FROM digest_deliveries WHERE status = 'retry' AND next_attempt_at <= ?").all(now.toISOString()) as { subscriptionId: number; period: string }[]);
  }

  /** Audit entries in (from, to], oldest first. */
  /** The audit entries in (from, to], in order; at most `limit` of them (the caller pages on from the last id). */
  auditRange(from: number, to: number, limit = -1): { id: number; action: 'add' | 'edit' | 'retract' | 'import'; claimId: number; before: string | null; reason: string | null }[] {
    return this.db
      .prepare('SELECT id, action, claim_id AS claimId, before, reason FROM audit_log WHERE id > ? AND id <= ? ORDER BY id LIMIT ?')
      .all(from, to, limit) as { id: number; action: 'add' | 'edit' | 'retract' | 'import'; claimId: number; before: string | null; reason: string | null }[];
  }

  maxAudit(): number {
    return this.maxAuditId();
  }
}
