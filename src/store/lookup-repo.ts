// The reads an answer makes, as prepared statements on the claims indexes.
import type { ClaimLookup, SeriesKey } from '../core/answer/compose.ts';
import type { Claim } from '../core/model.ts';
import type { Metric, PeriodKind } from '../core/vocabulary.ts';
import { CLAIM_SELECT, claimFromRow } from './claims-repo.ts';
import type { Db } from './database.ts';

const SERIES = `c.status = 'active' AND c.claimant_id = @claimant AND c.subject_id = @subject AND c.metric = @metric AND c.period_kind = @periodKind`;

export class LookupRepo implements ClaimLookup {
  private catalogCache: { writes: number; keys: SeriesKey[] } | null = null;
  private readonly statements;

  constructor(private readonly db: Db) {
    const s = (sql: string) => db.prepare(`${CLAIM_SELECT} WHERE ${SERIES} AND ${sql}`);
    this.statements = {
      latestDated: s('c.period_end IS NOT NULL ORDER BY c.period_end DESC, c.id DESC LIMIT 1'),
      latestDatedAsOf: s('c.period_end IS NOT NULL AND c.period_end <= @date ORDER BY c.period_end DESC, c.id DESC LIMIT 1'),
      latestUndated: s('c.period_end IS NULL ORDER BY c.stated_on DESC, c.id DESC LIMIT 1'),
      at: s('c.period_end = @date ORDER BY c.id DESC LIMIT 1'),
      within: s('c.period_end BETWEEN @start AND @end ORDER BY c.period_end DESC, c.id DESC LIMIT 1'),
      intervals: s('c.period_start = @start AND c.period_end = @end ORDER BY c.id'),
      latestInterval: s("c.period_end IS NOT NULL ORDER BY c.period_end DESC, julianday(c.period_end) - julianday(c.period_start) DESC, c.id DESC LIMIT 1"),
      latestIntervalUndated: s('c.period_end IS NULL ORDER BY c.id DESC LIMIT 1'),
      before: s('c.period_end <= @date ORDER BY c.period_end DESC, c.id DESC LIMIT 1'),
      after: s('c.period_end > @date ORDER BY c.period_end ASC, c.id DESC LIMIT 1'),
      catalog: db.prepare(
        "SELECT DISTINCT claimant_id AS claimant, subject_id AS subject, metric, period_kind AS periodKind FROM claims WHERE status = 'active'",
      ),
      writes: db.prepare('SELECT ifnull(max(id), 0) AS n FROM audit_log'),
    };
  }

  private one(statement: keyof typeof this.statements, params: Record<string, unknown>): Claim | null {
    const row = this.statements[statement].get(params);
    return row ? claimFromRow(row) : null;
  }

  /**
   * Cached; rebuilt when the audit log has grown, which every write (from this process or another
   * on the same database) does in the same transaction as its change.
   */
  catalog(): readonly SeriesKey[] {
    const writes = (this.statements.writes.get() as { n: number }).n;
    if (this.catalogCache?.writes === writes) return this.catalogCache.keys;
    const keys = this.statements.catalog.all() as { claimant: string; subject: string; metric: Metric; periodKind: PeriodKind }[];
    this.catalogCache = { writes, keys };
    return keys;
  }

  latestCumulative(key: SeriesKey, asOf: string | null): Claim | null {
    if (asOf) return this.one('latestDatedAsOf', { ...key, date: asOf });
    // An undated period ("as of September 2022") counts from its statement date, when that is newer.
    const dated = this.one('latestDated', { ...key });
    const undated = this.one('latestUndated', { ...key });
    if (!dated || !undated) return dated ?? undated;
    return undated.statedOn && undated.statedOn > dated.periodEnd! ? undated : dated;
  }

  cumulativeAt(key: SeriesKey, date: string): Claim | null {
    return this.one('at', { ...key, date });
  }

  latestCumulativeWithin(key: SeriesKey, start: string, end: string): Claim | null {
    return this.one('within', { ...key, start, end });
  }

  intervals(key: SeriesKey, start: string, end: string): Claim[] {
    return this.statements.intervals.all({ ...key, start, end }).map(claimFromRow);
  }

  latestInterval(key: SeriesKey): Claim | null {
    return this.one('latestInterval', { ...key }) ?? this.one('latestIntervalUndated', { ...key });
  }

  nearest(key: SeriesKey, date: string): Claim[] {
    return [this.one('before', { ...key, date }), this.one('after', { ...key, date })].filter((c): c is Claim => c !== null);
  }
}
