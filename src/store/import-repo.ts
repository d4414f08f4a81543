// Bulk writes for imported series: one transaction per import, prepared statements, and a
// comparison with what is already there so that re-importing the same data writes nothing.
import { checkStorable, dateBounds, type ClaimFields } from '../core/model.ts';
import { cleanText } from '../core/text.ts';
import type { Db } from './database.ts';

export interface SeriesClaim {
  seriesKey: string;
  fields: ClaimFields;
  /** Sentences of the stored note that this import has no say about: kept from the stored version. */
  keepFromStoredNote?: RegExp;
}

/** The note with the stored version's sentences the import cannot know added back. */
function withKeptNote(c: SeriesClaim, storedNote: string | null): ClaimFields {
  if (!c.keepFromStoredNote || !storedNote) return c.fields;
  const kept = storedNote.match(new RegExp(c.keepFromStoredNote.source, c.keepFromStoredNote.flags.includes('g') ? c.keepFromStoredNote.flags : `${c.keepFromStoredNote.flags}g`)) ?? [];
  const fresh = (c.fields.note ?? '').replace(c.keepFromStoredNote, '').trim();
  const note = [fresh, ...kept].filter(Boolean).join(' ');
  return { ...c.fields, note: note || null };
}

export interface ImportSummary {
  added: number;
  changed: number;
  unchanged: number;
  /** The import_runs row; null when nothing changed and nothing was written. */
  runId: number | null;
}

export interface ImportMeta {
  importer: string;
  actor: string;
  inputs: Record<string, unknown>;
  onProgress?: (done: number, total: number) => void;
}

interface ExistingRow {
  id: number;
  lineage_id: number;
  version: number;
  series_key: string;
  low: number | null;
  high: number | null;
  qualifier: string;
  words: string;
  note: string | null;
  is_correction: number;
  period_end: string | null;
  stated_on: string | null;
  /** Who the figure is attributed to: a re-attribution (the dataset's prisoner counts) is a revision. */
  claimant_id: string;
  /** How the active version came to be: 'import', or a moderator's 'edit'. */
  origin: string | null;
}

/** The figure as the audit log keeps it. */
function snapshot(id: number, lineageId: number, version: number, f: ClaimFields, actor: string, at: string) {
  return { id, lineageId, version, ...f, status: 'active', supersededBy: null, createdAt: at, createdBy: actor };
}

/** Same figure, period and words: the source's URL may differ between a file and a URL import. */
function sameFigure(row: ExistingRow, f: ClaimFields): boolean {
  return row.claimant_id === f.claimant && row.low === f.low && row.high === f.high && row.qualifier === f.qualifier && row.words === f.words && row.note === f.note
    && row.is_correction === (f.isCorrection ? 1 : 0) && row.period_end === f.periodEnd && row.stated_on === f.statedOn;
}

export class ImportRepo {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  importSeries(claims: readonly SeriesClaim[], meta: ImportMeta): ImportSummary {
    const db = this.db;
    const prefix = `${meta.importer}:`;
    const readExisting = db
      .prepare(
        `SELECT id, lineage_id, version, series_key, low, high, qualifier, words, note, is_correction, period_end, stated_on, claimant_id,
           (SELECT a.action FROM audit_log a WHERE a.lineage_id = claims.lineage_id AND a.claim_id = claims.id ORDER BY a.id LIMIT 1) AS origin
         FROM claims WHERE status = 'active' AND series_key >= ? AND series_key < ?`,
      );
    const conflictStart = db.prepare('SELECT started_on AS startedOn FROM conflicts WHERE id = ?');
    // Only the identity index may make this a no-op; a CHECK failure must fail the import.
    const insertSource = db.prepare('INSERT INTO sources (publisher, title, url, published_on) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
    const findSource = db.prepare(
      `SELECT id FROM sources WHERE ifnull(publisher,'') = ifnull(?,'') AND ifnull(title,'') = ifnull(?,'') AND ifnull(url,'') = ifnull(?,'') AND ifnull(published_on,'') = ifnull(?,'')`,
    );
    const insertClaim = db.prepare(
      `INSERT INTO claims (id, lineage_id, version, claimant_id, source_id, subject_id, conflict_id, metric, low, high,
         qualifier, words, aggregation, period_kind, period_start, period_end, period_label, stated_on, stated_precision,
         note, is_correction, status, created_at, created_by, series_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
    );
    const supersede = db.prepare("UPDATE claims SET status = 'superseded', superseded_by = ? WHERE id = ? AND status = 'active'");
    const audit = db.prepare(
      `INSERT INTO audit_log (at, actor, action, claim_id, lineage_id, before, after, reason) VALUES (?, ?, 'import', ?, ?, ?, ?, ?)`,
    );
    // The last version an import wrote in a lineage whose active version a moderator corrected.
    const lastImported = db.prepare(
      `SELECT c.id, c.lineage_id, c.version, c.series_key, c.low, c.high, c.qualifier, c.words, c.note, c.is_correction, c.period_end, c.stated_on, c.claimant_id, 'import' AS origin
       FROM claims c WHERE c.lineage_id = ? AND EXISTS (SELECT 1 FROM audit_log a WHERE a.lineage_id = c.lineage_id AND a.claim_id = c.id AND a.action = 'import')
       ORDER BY c.version DESC LIMIT 1`,
    );
    const sourceIds = new Map<string, number>();
    const sourceId = (s: ClaimFields['source']): number => {
      const key = JSON.stringify([s.publisher, s.title, s.url, s.publishedOn]);
      let id = sourceIds.get(key);
      if (id === undefined) {
        insertSource.run(s.publisher, s.title, s.url, s.publishedOn);
        id = (findSource.get(s.publisher, s.title, s.url, s.publishedOn) as { id: number }).id;
        sourceIds.set(key, id);
      }
      return id;
    };

    // Who imported, as every audit row names a writer: without control characters.
    const actor = cleanText(meta.actor).trim();
    const work = () => {
      // An old version points at its successor before the successor exists; checked at commit.
      db.pragma('defer_foreign_keys = ON');
      // Read inside the write transaction: a second import that finished a moment ago is seen,
      // not collided with.
      const existing = new Map((readExisting.all(prefix, `${meta.importer};`) as ExistingRow[]).map((r) => [r.series_key, r]));
      const now = this.clock();
      const bounds = new Map<string, ReturnType<typeof dateBounds>>();
      const boundsFor = (conflict: string) => {
        let b = bounds.get(conflict);
        if (!b) bounds.set(conflict, (b = dateBounds(now, (conflictStart.get(conflict) as { startedOn: string | null } | undefined)?.startedOn ?? null)));
        return b;
      };
      const at = now.toISOString();
      let nextId = (db.prepare('SELECT ifnull(max(id), 0) AS n FROM claims').get() as { n: number }).n + 1;
      let added = 0;
      let changed = 0;
      let unchanged = 0;
      const total = claims.length;
      claims.forEach((c, i) => {
        if (meta.onProgress && i % 1000 === 0) meta.onProgress(i, total);
        const old = existing.get(c.seriesKey);
        // A moderator's correction stands until the source itself revises the figure.
        const baseline = old && old.origin !== 'import' ? ((lastImported.get(old.lineage_id) as ExistingRow | undefined) ?? old) : old;
        const checked = checkStorable(withKeptNote(c, baseline?.note ?? null), boundsFor(c.fields.conflict));
        if (!checked.ok) throw new Error(`refusing to store an invalid claim (${c.seriesKey}): ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
        const f = checked.fields;
        if (old && baseline && sameFigure(baseline, f)) {
          unchanged++;
          return;
        }
        const id = nextId++;
        const lineageId = old ? old.lineage_id : id;
        const version = old ? old.version + 1 : 1;
        if (old) supersede.run(id, old.id);
        insertClaim.run(
          id, lineageId, version, f.claimant, sourceId(f.source), f.subject, f.conflict, f.metric, f.low, f.high,
          f.qualifier, f.words, f.aggregation, f.periodKind, f.periodStart, f.periodEnd, f.periodLabel, f.statedOn, f.statedPrecision,
          f.note, f.isCorrection ? 1 : 0, at, actor, c.seriesKey,
        );
        const after = JSON.stringify(snapshot(id, lineageId, version, f, actor, at));
        const before = old ? JSON.stringify({ id: old.id, low: old.low, high: old.high, qualifier: old.qualifier, words: old.words, note: old.note, periodEnd: old.period_end, statedOn: old.stated_on }) : null;
        audit.run(at, actor, id, lineageId, before, after, old ? `${meta.importer}: the source revised this figure` : null);
        if (old) changed++;
        else added++;
      });
      meta.onProgress?.(total, total);
      // Re-importing the same data leaves the database exactly as it was, run log included.
      if (!added && !changed) return { added, changed, unchanged, runId: null };
      const run = db
        .prepare(
          `INSERT INTO import_runs (importer, started_at, finished_at, actor, inputs, added, changed, unchanged) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(meta.importer, at, this.clock().toISOString(), actor, JSON.stringify(meta.inputs), added, changed, unchanged);
      return { added, changed, unchanged, runId: Number(run.lastInsertRowid) };
    };
    return db.transaction(work).immediate();
  }
}
