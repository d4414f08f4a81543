// Whole stretches of one cumulative series, for charts, breakdowns, records and the daily card:
// every report of a claimant's running total within a span, in date order, one per day (the newest
// version of a day wins, as in every other read). SQL lives here only.
import { z } from 'zod';
import type { SeriesKey } from '../core/answer/compose.ts';
import type { SeriesLookup, SeriesReport } from '../core/trends/series.ts';
import { QUALIFIERS } from '../core/vocabulary.ts';
import type { Db } from './database.ts';
import type Database from 'better-sqlite3';

const ReportRow = z.object({
  id: z.number().int().positive(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  qualifier: z.enum(QUALIFIERS),
  periodEnd: z.string(),
  statedOn: z.string().nullable(),
});

export class SeriesRepo implements SeriesLookup {
  private readonly within: Database.Statement;

  constructor(db: Db) {
    this.within = db.prepare(
      `SELECT c.id, c.low, c.high, c.qualifier, c.period_end AS periodEnd, c.stated_on AS statedOn FROM claims c
       WHERE c.status = 'active' AND c.claimant_id = @claimant AND c.subject_id = @subject AND c.metric = @metric AND c.period_kind = 'cumulative'
         AND c.period_end BETWEEN @start AND @end
         AND c.id = (SELECT x.id FROM claims x WHERE x.status = 'active' AND x.claimant_id = c.claimant_id AND x.subject_id = c.subject_id
                       AND x.metric = c.metric AND x.period_kind = 'cumulative' AND x.period_end = c.period_end ORDER BY x.id DESC LIMIT 1)
       ORDER BY c.period_end`,
    );
  }

  reportsWithin(key: SeriesKey, start: string, end: string): SeriesReport[] {
    const out: SeriesReport[] = [];
    for (const row of this.within.all({ claimant: key.claimant, subject: key.subject, metric: key.metric, start, end })) {
      const parsed = ReportRow.safeParse(row);
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  }
}
