// Claims and their audit log. Every write is one transaction that also appends its audit row;
// rows are never rewritten: an edit adds a version, a retraction changes only the status.
import { z } from 'zod';
import { cleanText } from '../core/text.ts';
import { checkStorable, ClaimSchema, dateBounds, type Claim, type ClaimFields, type Source } from '../core/model.ts';
import type { SeriesContext, SeriesPoint } from '../core/plausibility.ts';
import { addDays, daysBetween } from '../core/dates.ts';
import type { Metric } from '../core/vocabulary.ts';
import type { Db } from './database.ts';
import { PlatformNameSchema, type Author } from './moderators-repo.ts';

/** Column names -> the model's; every value is then checked once, by ClaimSchema. */
function claimFromColumns(r: Record<string, unknown>): unknown {
  return {
    id: r.id,
    lineageId: r.lineage_id,
    version: r.version,
    claimant: r.claimant_id,
    sourceId: r.source_id,
    subject: r.subject_id,
    conflict: r.conflict_id,
    metric: r.metric,
    low: r.low,
    high: r.high,
    qualifier: r.qualifier,
    words: r.words,
    aggregation: r.aggregation,
    periodKind: r.period_kind,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    periodLabel: r.period_label,
    statedOn: r.stated_on,
    statedPrecision: r.stated_precision,
    note: r.note,
    isCorrection: r.is_correction === 1 ? true : r.is_correction === 0 ? false : r.is_correction,
    status: r.status,
    supersededBy: r.superseded_by,
    createdAt: r.created_at,
    createdBy: r.created_by,
    source: { publisher: r.publisher, title: r.title, url: r.url, publishedOn: r.published_on },
  };
}

export const CLAIM_SELECT = `SELECT c.*, s.publisher, s.title, s.url, s.published_on FROM claims c JOIN sources s ON s.id = c.source_id`;

export function claimFromRow(row: unknown): Claim {
  if (typeof row !== 'object' || row === null) throw new Error('a claim row must be an object');
  return ClaimSchema.parse(claimFromColumns(row as Record<string, unknown>));
}

/** A few columns of a claim, read without validation: for sorting out a digest's changes. */
export interface ClaimBrief {
  id: number;
  claimant: string;
  subject: string;
  metric: Claim['metric'];
  status: Claim['status'];
  periodKind: Claim['periodKind'];
  periodEnd: string | null;
  low: number | null;
  high: number | null;
}

/** A stored row the model refuses (written by an older release, or by hand): its id and why. */
export interface UnreadableClaim {
  id: number | null;
  problems: string;
}

export function checkClaimRow(row: unknown): { ok: true; claim: Claim } | { ok: false; unreadable: UnreadableClaim } {
  const r = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
  const parsed = ClaimSchema.safeParse(claimFromColumns(r));
  if (parsed.success) return { ok: true, claim: parsed.data };
  return { ok: false, unreadable: { id: typeof r.id === 'number' ? r.id : null, problems: parsed.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ') } };
}

/** Calls `report` once per row id (up to 10,000 rows): an answer that skips a row says nothing of it; the log and doctor do. */
export function oncePerRow(report: (row: UnreadableClaim) => void): (row: UnreadableClaim) => void {
  const reported = new Set<number | null>();
  return (row) => {
    if (reported.has(row.id)) return;
    if (reported.size < 10_000) reported.add(row.id);
    report(row);
  };
}

let onUnreadable: (row: UnreadableClaim) => void = oncePerRow((row) =>
  process.stderr.write(`${JSON.stringify({ level: 40, time: Date.now(), msg: 'claim row cannot be read; skipped (run doctor)', claim: row.id, problems: row.problems })}\n`),
);

/** Where skipped rows are reported (the service's logger); tests collect them. */
export function setUnreadableClaimHandler(handler: (row: UnreadableClaim) => void): void {
  onUnreadable = handler;
}

/** Rows -> claims, skipping (and reporting) any row the model refuses, so one bad row never fails a whole answer. */
export function readableClaims(rows: readonly unknown[]): Claim[] {
  const claims: Claim[] = [];
  for (const row of rows) {
    const r = checkClaimRow(row);
    if (r.ok) claims.push(r.claim);
    else onUnreadable(r.unreadable);
  }
  return claims;
}

export type AuditAction = 'add' | 'edit' | 'retract' | 'import';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  claimId: number;
  lineageId: number;
  before: unknown;
  after: unknown;
  reason: string | null;
  confirmedWarnings: string[];
  /** Platform, user id, display name and origin; null on rows written before they were kept. */
  author: Author | null;
}

const AuditRow = z
  .object({
    id: z.number(),
    at: z.string(),
    actor: z.string(),
    action: z.enum(['add', 'edit', 'retract', 'import']),
    claim_id: z.number(),
    lineage_id: z.number(),
    before: z.string().nullable(),
    after: z.string().nullable(),
    reason: z.string().nullable(),
    confirmed_warnings: z.string(),
    actor_platform: PlatformNameSchema.nullish(),
    actor_user_id: z.string().nullish(),
    actor_name: z.string().nullish(),
    actor_origin: z.string().nullish(),
    actor_operator_given: z.number().nullish(),
  })
  .transform(
    (r): AuditEntry => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      claimId: r.claim_id,
      lineageId: r.lineage_id,
      before: r.before === null ? null : JSON.parse(r.before),
      after: r.after === null ? null : JSON.parse(r.after),
      reason: r.reason,
      confirmedWarnings: z.array(z.string()).parse(JSON.parse(r.confirmed_warnings)),
      author:
        r.actor_platform && r.actor_user_id && r.actor_name && r.actor_origin
          ? { platform: r.actor_platform, userId: r.actor_user_id, name: r.actor_name, origin: r.actor_origin, operatorGiven: r.actor_operator_given === 1 }
          : null,
    }),
  );

export interface WriteMeta {
  actor: string;
  reason: string | null;
  /** Plausibility warnings the moderator saw and confirmed. */
  confirmedWarnings?: string[];
  action?: AuditAction;
  seriesKey?: string | null;
  /** Who, in detail, for the audit row; `actor` stays its one-line name. */
  author?: Author;
}

export interface ClaimFilter {
  claimant?: string;
  subject?: string;
  metric?: Metric;
  /** Claims stated (or, undated, covering a period ending) on or after this date. */
  since?: string;
  includeInactive?: boolean;
  limit?: number;
  offset?: number;
}

/** What the audit log keeps of a claim: its fields and identity, without the join's noise. */
function snapshot(claim: Claim): Record<string, unknown> {
  const { sourceId: _sourceId, ...rest } = claim;
  return rest;
}

const RECENT_CHANGES = 30;

export class ClaimsRepo {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The repository's clock: writes are dated by it, and dates after it are refused. */
  now(): Date {
    return this.clock();
  }

  get(id: number): Claim | null {
    const row = this.db.prepare(`${CLAIM_SELECT} WHERE c.id = ?`).get(id);
    return row ? (readableClaims([row])[0] ?? null) : null;
  }

  /** A claim's row as stored, readable or not: for retracting a row the model refuses. */
  rawRow(id: number): Record<string, unknown> | null {
    return (this.db.prepare('SELECT * FROM claims WHERE id = ?').get(id) as Record<string, unknown> | undefined) ?? null;
  }

  /** Every claim row the model refuses, with why: what doctor lists. */
  unreadable(): UnreadableClaim[] {
    const found: UnreadableClaim[] = [];
    for (const row of this.db.prepare(`${CLAIM_SELECT} WHERE c.status = 'active' ORDER BY c.id`).iterate()) {
      const r = checkClaimRow(row);
      if (!r.ok) found.push(r.unreadable);
    }
    return found;
  }

  /** The claims with these ids that exist and can be read, in one statement. */
  getMany(ids: readonly number[]): Claim[] {
    if (!ids.length) return [];
    return readableClaims(this.db.prepare(`${CLAIM_SELECT} WHERE c.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)));
  }

  /** A few columns of these claims, unvalidated (getMany validates): cheap enough for 25,000 at once. */
  briefs(ids: readonly number[]): ClaimBrief[] {
    if (!ids.length) return [];
    return this.db
      .prepare(
        `SELECT id, claimant_id AS claimant, subject_id AS subject, metric, status, period_kind AS periodKind, period_end AS periodEnd, low, high
         FROM claims WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as ClaimBrief[];
  }

  count(includeInactive = false): number {
    const sql = includeInactive ? 'SELECT count(*) AS n FROM claims' : "SELECT count(*) AS n FROM claims WHERE status = 'active'";
    return (this.db.prepare(sql).get() as { n: number }).n;
  }

  list(filter: ClaimFilter = {}): Claim[] {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (!filter.includeInactive) where.push("c.status = 'active'");
    if (filter.claimant) {
      where.push('c.claimant_id = @claimant');
      params.claimant = filter.claimant;
    }
    if (filter.subject) {
      where.push('c.subject_id = @subject');
      params.subject = filter.subject;
    }
    if (filter.metric) {
      where.push('c.metric = @metric');
      params.metric = filter.metric;
    }
    if (filter.since) {
      where.push('coalesce(c.stated_on, c.period_end) >= @since');
      params.since = filter.since;
    }
    params.limit = filter.limit ?? -1;
    params.offset = filter.offset ?? 0;
    const sql = `${CLAIM_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY coalesce(c.stated_on, c.period_end) DESC, c.id DESC LIMIT @limit OFFSET @offset`;
    return readableClaims(this.db.prepare(sql).all(params));
  }

  /** Every version of the claim's lineage, oldest first, and its audit entries. */
  history(id: number): { versions: Claim[]; audit: AuditEntry[] } | null {
    const claim = this.get(id);
    if (!claim) return null;
    const versions = readableClaims(this.db.prepare(`${CLAIM_SELECT} WHERE c.lineage_id = ? ORDER BY c.version`).all(claim.lineageId));
    const audit = this.db
      .prepare('SELECT * FROM audit_log WHERE lineage_id = ? ORDER BY id')
      .all(claim.lineageId)
      .map((r) => AuditRow.parse(r));
    return { versions, audit };
  }

  auditSince(sinceIso: string): AuditEntry[] {
    return this.db
      .prepare('SELECT * FROM audit_log WHERE at > ? ORDER BY id')
      .all(sinceIso)
      .map((r) => AuditRow.parse(r));
  }

  /** The claimant's own cumulative series around a figure, for the plausibility rules. */
  seriesContext(fields: ClaimFields, excludeLineage: number | null = null): SeriesContext {
    const base = `SELECT id, period_end AS periodEnd, low, high FROM claims
      WHERE status = 'active' AND period_kind = 'cumulative' AND aggregation = 'total'
        AND claimant_id = @claimant AND subject_id = @subject AND metric = @metric AND conflict_id = @conflict
        AND period_end IS NOT NULL AND lineage_id IS NOT @exclude`;
    const params = {
      claimant: fields.claimant,
      subject: fields.subject,
      metric: fields.metric,
      conflict: fields.conflict,
      exclude: excludeLineage,
    };
    const at = (date: string) =>
      (this.db.prepare(`${base} AND period_end = @date ORDER BY id DESC LIMIT 1`).get({ ...params, date }) as SeriesPoint | undefined) ?? null;
    let previous: SeriesPoint | null = null;
    let next: SeriesPoint | null = null;
    let recentDailyChanges: number[] = [];
    let intervalEnds: SeriesContext['intervalEnds'] = null;
    if (fields.periodKind === 'cumulative' && fields.periodEnd) {
      previous =
        (this.db.prepare(`${base} AND period_end < @date ORDER BY period_end DESC LIMIT 1`).get({ ...params, date: fields.periodEnd }) as
          | SeriesPoint
          | undefined) ?? null;
      next =
        (this.db.prepare(`${base} AND period_end > @date ORDER BY period_end ASC LIMIT 1`).get({ ...params, date: fields.periodEnd }) as
          | SeriesPoint
          | undefined) ?? null;
      if (previous) {
        const recent = (
          this.db.prepare(`${base} AND period_end <= @date ORDER BY period_end DESC LIMIT ${RECENT_CHANGES + 1}`).all({
            ...params,
            date: previous.periodEnd,
          }) as SeriesPoint[]
        ).reverse();
        recentDailyChanges = recent.slice(1).flatMap((point, i) => {
          const prior = recent[i]!;
          if (point.low === null || prior.low === null) return [];
          return [(point.low - prior.low) / Math.max(1, daysBetween(prior.periodEnd, point.periodEnd))];
        });
      }
    }
    if (fields.periodKind === 'interval' && fields.periodStart && fields.periodEnd) {
      const before = at(addDays(fields.periodStart, -1));
      const last = at(fields.periodEnd);
      if (before && last) intervalEnds = { before, last };
    }
    return { previous, next, intervalEnds, recentDailyChanges };
  }

  private sourceId(source: Source): number {
    const params = {
      publisher: source.publisher,
      title: source.title,
      url: source.url,
      publishedOn: source.publishedOn,
    };
    this.db
      // Only the identity index may make this a no-op; a CHECK failure must fail the write, not drop the source.
      .prepare('INSERT INTO sources (publisher, title, url, published_on) VALUES (@publisher, @title, @url, @publishedOn) ON CONFLICT DO NOTHING')
      .run(params);
    const row = this.db
      .prepare(
        `SELECT id FROM sources WHERE ifnull(publisher,'') = ifnull(@publisher,'') AND ifnull(title,'') = ifnull(@title,'')
           AND ifnull(url,'') = ifnull(@url,'') AND ifnull(published_on,'') = ifnull(@publishedOn,'')`,
      )
      .get(params) as { id: number };
    return row.id;
  }

  private insertRow(unchecked: ClaimFields, lineage: { lineageId: number; version: number } | null, meta: WriteMeta): Claim {
    // The last guard on every write: what is stored is what every read and digest can render.
    const conflict = this.db.prepare('SELECT started_on AS startedOn FROM conflicts WHERE id = ?').get(unchecked.conflict) as { startedOn: string | null } | undefined;
    const checked = checkStorable(unchecked, dateBounds(this.clock(), conflict?.startedOn ?? null));
    if (!checked.ok) throw new Error(`refusing to store an invalid claim: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    const fields = checked.fields;
    const id = ((this.db.prepare('SELECT ifnull(max(id), 0) + 1 AS id FROM claims').get() as { id: number }).id);
    this.db
      .prepare(
        `INSERT INTO claims (id, lineage_id, version, claimant_id, source_id, subject_id, conflict_id, metric, low, high,
           qualifier, words, aggregation, period_kind, period_start, period_end, period_label, stated_on, stated_precision,
           note, is_correction, status, created_at, created_by, series_key)
         VALUES (@id, @lineageId, @version, @claimant, @sourceId, @subject, @conflict, @metric, @low, @high,
           @qualifier, @words, @aggregation, @periodKind, @periodStart, @periodEnd, @periodLabel, @statedOn, @statedPrecision,
           @note, @isCorrection, 'active', @createdAt, @createdBy, @seriesKey)`,
      )
      .run({
        ...fields,
        source: undefined,
        id,
        lineageId: lineage?.lineageId ?? id,
        version: lineage?.version ?? 1,
        sourceId: this.sourceId(fields.source),
        isCorrection: fields.isCorrection ? 1 : 0,
        createdAt: this.clock().toISOString(),
        createdBy: cleanText(meta.actor).trim(),
        seriesKey: meta.seriesKey ?? null,
      });
    return this.get(id)!;
  }

  private audit(action: AuditAction, claim: Claim, before: Claim | null, after: Claim | null, meta: WriteMeta): void {
    this.db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, claim_id, lineage_id, before, after, reason, confirmed_warnings,
           actor_platform, actor_user_id, actor_name, actor_origin, actor_operator_given)
         VALUES (@at, @actor, @action, @claimId, @lineageId, @before, @after, @reason, @warnings,
           @authorPlatform, @authorUserId, @authorName, @authorOrigin, @authorOperatorGiven)`,
      )
      .run({
        at: this.clock().toISOString(),
        actor: cleanText(meta.actor).trim(),
        action,
        claimId: claim.id,
        lineageId: claim.lineageId,
        before: before ? JSON.stringify(snapshot(before)) : null,
        after: after ? JSON.stringify(snapshot(after)) : null,
        reason: meta.reason === null ? null : cleanText(meta.reason),
        warnings: JSON.stringify(meta.confirmedWarnings ?? []),
        authorPlatform: meta.author?.platform ?? null,
        authorUserId: meta.author?.userId ?? null,
        authorName: meta.author?.name ?? null,
        authorOrigin: meta.author?.origin ?? null,
        authorOperatorGiven: meta.author ? (meta.author.operatorGiven ? 1 : 0) : null,
      });
  }

  /** Adds a claim and its audit row; must run inside a transaction (see `transaction`). */
  insertInTransaction(fields: ClaimFields, meta: WriteMeta): Claim {
    const claim = this.insertRow(fields, null, meta);
    this.audit(meta.action ?? 'add', claim, null, claim, meta);
    return claim;
  }

  /** Replaces a claim by a new version; must run inside a transaction. */
  supersedeInTransaction(old: Claim, fields: ClaimFields, meta: WriteMeta): Claim {
    // A new version of an imported figure keeps its series key, so a later import finds it. The
    // key is unique among active claims, so the old version steps aside first, pointing at the
    // id its successor is about to get (the reference is checked at commit).
    const { key } = this.db.prepare('SELECT series_key AS key FROM claims WHERE id = ?').get(old.id) as { key: string | null };
    const nextId = (this.db.prepare('SELECT ifnull(max(id), 0) + 1 AS id FROM claims').get() as { id: number }).id;
    this.db.pragma('defer_foreign_keys = ON');
    this.db.prepare("UPDATE claims SET status = 'superseded', superseded_by = ? WHERE id = ? AND status = 'active'").run(nextId, old.id);
    const next = this.insertRow(fields, { lineageId: old.lineageId, version: old.version + 1 }, { ...meta, seriesKey: meta.seriesKey ?? key });
    this.audit(meta.action ?? 'edit', next, old, next, meta);
    return next;
  }

  /** Marks a claim retracted, keeping it; must run inside a transaction. */
  retractInTransaction(old: Claim, meta: WriteMeta): Claim {
    this.db.prepare("UPDATE claims SET status = 'retracted' WHERE id = ? AND status = 'active'").run(old.id);
    const after = this.get(old.id)!;
    this.audit('retract', after, old, after, meta);
    return after;
  }

  /** The active claim imported under a series key (a report date and metric of an imported series). */
  bySeriesKey(key: string): Claim | null {
    const row = this.db.prepare(`${CLAIM_SELECT} WHERE c.series_key = ? AND c.status = 'active'`).get(key);
    return row ? (readableClaims([row])[0] ?? null) : null;
  }

  /**
   * Retracts an active row the model cannot read (a figure over the limit, a broken date): the
   * way doctor's named rows leave every answer. The audit log keeps the row as it was.
   */
  retractUnreadableInTransaction(id: number, meta: WriteMeta): boolean {
    const row = this.rawRow(id);
    if (!row || row.status !== 'active') return false;
    this.db.prepare("UPDATE claims SET status = 'retracted' WHERE id = ? AND status = 'active'").run(id);
    this.db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, claim_id, lineage_id, before, after, reason, confirmed_warnings,
           actor_platform, actor_user_id, actor_name, actor_origin, actor_operator_given)
         VALUES (?, ?, 'retract', ?, ?, ?, NULL, ?, '[]', ?, ?, ?, ?, ?)`,
      )
      .run(this.clock().toISOString(), cleanText(meta.actor).trim(), id, row.lineage_id, JSON.stringify(row), meta.reason === null ? null : cleanText(meta.reason),
        meta.author?.platform ?? null, meta.author?.userId ?? null, meta.author?.name ?? null, meta.author?.origin ?? null, meta.author ? (meta.author.operatorGiven ? 1 : 0) : null);
    return true;
  }

  /** Runs `work` in one IMMEDIATE transaction: all of it is written, or none of it. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
