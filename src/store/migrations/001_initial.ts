// The first schema: parties, conflicts, claimants, sources, claims and the append-only audit log.
// CHECK constraints make an impossible claim unstorable even if a caller skips validation.
export const sql = `
CREATE TABLE parties (
  id        TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND length(id) BETWEEN 2 AND 64),
  name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
  adjective TEXT NOT NULL,
  aliases   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases) AND json_type(aliases) = 'array')
) STRICT;

CREATE TABLE conflicts (
  id         TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND length(id) BETWEEN 2 AND 64),
  name       TEXT NOT NULL,
  started_on TEXT CHECK (started_on IS NULL OR date(started_on) IS started_on)
) STRICT;

CREATE TABLE claimants (
  id        TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND length(id) BETWEEN 2 AND 64),
  name      TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  kind      TEXT NOT NULL CHECK (kind IN ('government','military','intelligence','think_tank','alliance','person','media')),
  party_id  TEXT REFERENCES parties(id),
  parent_id TEXT REFERENCES claimants(id) CHECK (parent_id IS NULL OR parent_id <> id),
  aliases   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases) AND json_type(aliases) = 'array')
) STRICT;

CREATE TABLE sources (
  id           INTEGER PRIMARY KEY,
  publisher    TEXT,
  title        TEXT,
  url          TEXT CHECK (url IS NULL OR url GLOB 'http://*' OR url GLOB 'https://*'),
  published_on TEXT CHECK (published_on IS NULL OR date(published_on) IS published_on)
) STRICT;
-- One row per distinct source; NULL parts compare equal through ifnull so a source is reused.
CREATE UNIQUE INDEX sources_identity ON sources (ifnull(publisher,''), ifnull(title,''), ifnull(url,''), ifnull(published_on,''));

CREATE TABLE claims (
  id               INTEGER PRIMARY KEY,
  lineage_id       INTEGER NOT NULL REFERENCES claims(id),
  version          INTEGER NOT NULL CHECK (version >= 1),
  claimant_id      TEXT NOT NULL REFERENCES claimants(id),
  source_id        INTEGER NOT NULL REFERENCES sources(id),
  subject_id       TEXT NOT NULL REFERENCES parties(id),
  conflict_id      TEXT NOT NULL REFERENCES conflicts(id),
  metric           TEXT NOT NULL CHECK (metric IN (
                     'personnel','killed','wounded','killed_or_wounded','killed_or_missing','casualties',
                     'irreversible','captured','deserters','tanks','armoured_vehicles','artillery','mlrs',
                     'air_defence','aircraft','helicopters','uavs','cruise_missiles','ships','submarines',
                     'vehicles','special_equipment','srbm_launchers','ground_robots')),
  low              INTEGER CHECK (low IS NULL OR low >= 0),
  high             INTEGER CHECK (high IS NULL OR high >= 0),
  qualifier        TEXT NOT NULL CHECK (qualifier IN ('exact','about','nearly','more_than','at_least','up_to','fewer_than')),
  words            TEXT NOT NULL CHECK (length(trim(words)) > 0),
  aggregation      TEXT NOT NULL DEFAULT 'total' CHECK (aggregation IN ('total','daily_average')),
  period_kind      TEXT NOT NULL CHECK (period_kind IN ('cumulative','interval')),
  period_start     TEXT CHECK (period_start IS NULL OR date(period_start) IS period_start),
  period_end       TEXT CHECK (period_end IS NULL OR date(period_end) IS period_end),
  period_label     TEXT,
  stated_on        TEXT CHECK (stated_on IS NULL OR date(stated_on) IS stated_on),
  stated_precision TEXT NOT NULL DEFAULT 'day' CHECK (stated_precision IN ('day','month','year')),
  note             TEXT,
  is_correction    INTEGER NOT NULL DEFAULT 0 CHECK (is_correction IN (0,1)),
  status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','retracted','superseded')),
  superseded_by    INTEGER REFERENCES claims(id),
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL,
  CHECK (low IS NOT NULL OR high IS NOT NULL),
  CHECK (low IS NULL OR high IS NULL OR low <= high),
  CHECK (period_start IS NULL OR period_end IS NULL OR period_start <= period_end),
  CHECK (period_end IS NOT NULL OR period_label IS NOT NULL),
  CHECK ((status = 'superseded') = (superseded_by IS NOT NULL))
) STRICT;

CREATE INDEX claims_by_claimant ON claims (claimant_id, subject_id, metric, period_kind, period_end) WHERE status = 'active';
CREATE INDEX claims_by_subject ON claims (subject_id, metric, period_kind, period_end) WHERE status = 'active';
CREATE INDEX claims_by_period ON claims (period_kind, period_end, period_start) WHERE status = 'active';
CREATE INDEX claims_by_lineage ON claims (lineage_id, version);
CREATE INDEX claims_by_stated ON claims (stated_on);

-- A stored figure is never rewritten: an edit adds a new version and marks the old one superseded.
CREATE TRIGGER claims_figures_are_immutable
BEFORE UPDATE OF lineage_id, version, claimant_id, source_id, subject_id, conflict_id, metric, low, high,
  qualifier, words, aggregation, period_kind, period_start, period_end, period_label, stated_on,
  stated_precision, note, is_correction, created_at, created_by ON claims
BEGIN
  SELECT RAISE(ABORT, 'claims are immutable: edit by adding a new version');
END;
CREATE TRIGGER claims_are_never_deleted BEFORE DELETE ON claims
BEGIN
  SELECT RAISE(ABORT, 'claims are never deleted: retract them instead');
END;

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL CHECK (length(trim(actor)) > 0),
  action     TEXT NOT NULL CHECK (action IN ('add','edit','retract','import')),
  claim_id   INTEGER NOT NULL REFERENCES claims(id),
  lineage_id INTEGER NOT NULL REFERENCES claims(id),
  before     TEXT CHECK (before IS NULL OR json_valid(before)),
  after      TEXT CHECK (after IS NULL OR json_valid(after)),
  reason     TEXT,
  confirmed_warnings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(confirmed_warnings))
) STRICT;
CREATE INDEX audit_by_lineage ON audit_log (lineage_id, id);
CREATE INDEX audit_by_time ON audit_log (at);

CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
`;
