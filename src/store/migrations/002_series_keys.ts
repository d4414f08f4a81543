// Imported series (the General Staff's daily reports) need a stable key per report and metric so a
// re-import can tell an unchanged figure from a revised one, and a record of each import run.
export const sql = `
ALTER TABLE claims ADD COLUMN series_key TEXT;
CREATE UNIQUE INDEX claims_active_series_key ON claims (series_key) WHERE series_key IS NOT NULL AND status = 'active';

DROP TRIGGER claims_figures_are_immutable;
CREATE TRIGGER claims_figures_are_immutable
BEFORE UPDATE OF lineage_id, version, claimant_id, source_id, subject_id, conflict_id, metric, low, high,
  qualifier, words, aggregation, period_kind, period_start, period_end, period_label, stated_on,
  stated_precision, note, is_correction, created_at, created_by, series_key ON claims
BEGIN
  SELECT RAISE(ABORT, 'claims are immutable: edit by adding a new version');
END;

CREATE TABLE import_runs (
  id          INTEGER PRIMARY KEY,
  importer    TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  actor       TEXT NOT NULL,
  inputs      TEXT NOT NULL CHECK (json_valid(inputs)),
  added       INTEGER NOT NULL CHECK (added >= 0),
  changed     INTEGER NOT NULL CHECK (changed >= 0),
  unchanged   INTEGER NOT NULL CHECK (unchanged >= 0)
) STRICT;
`;
