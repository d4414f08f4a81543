// Metrics become reference data: a `metrics` table (filled from data/metrics.yaml on every open)
// that claims refer to by foreign key, in place of a CHECK listing them; and a platform becomes an
// opaque name (a short lower-case word) instead of a CHECK listing discord and telegram.
// SQLite cannot change a constraint in place, so each table is rebuilt (SQLite's documented
// twelve steps: foreign keys off around the transaction, checked with foreign_key_check before
// commit; see `foreignKeysOff` in migrate()). Rows, indexes and triggers are kept as they were.

/** A platform's name as the store keeps it: what each adapter calls itself ("discord", "cli"...). */
const platform = (column: string) => `${column} GLOB '[a-z]*' AND ${column} NOT GLOB '*[^a-z0-9_-]*' AND length(${column}) BETWEEN 2 AND 20`;

const BUILT_IN_METRICS: [id: string, label: string, personnel: 0 | 1][] = [
  ['personnel', 'personnel losses', 1],
  ['killed', 'killed', 1],
  ['wounded', 'wounded', 1],
  ['killed_or_wounded', 'killed or wounded', 1],
  ['killed_or_missing', 'killed or missing', 1],
  ['casualties', 'casualties', 1],
  ['irreversible', 'irreversible losses', 1],
  ['captured', 'captured', 1],
  ['deserters', 'deserters', 1],
  ['tanks', 'tanks', 0],
  ['armoured_vehicles', 'armoured combat vehicles', 0],
  ['artillery', 'artillery systems', 0],
  ['mlrs', 'multiple rocket launchers', 0],
  ['air_defence', 'air defence systems', 0],
  ['aircraft', 'aircraft', 0],
  ['helicopters', 'helicopters', 0],
  ['uavs', 'UAVs', 0],
  ['cruise_missiles', 'cruise missiles', 0],
  ['ships', 'ships and boats', 0],
  ['submarines', 'submarines', 0],
  ['vehicles', 'vehicles and fuel tanks', 0],
  ['special_equipment', 'special equipment', 0],
  ['srbm_launchers', 'mobile SRBM launchers', 0],
  ['ground_robots', 'ground robotic systems', 0],
];

export const sql = `
CREATE TABLE metrics (
  id        TEXT PRIMARY KEY CHECK (id GLOB '[a-z]*' AND id NOT GLOB '*[^a-z0-9_]*' AND length(id) BETWEEN 2 AND 40),
  label     TEXT NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 100),
  personnel INTEGER NOT NULL CHECK (personnel IN (0,1))
) STRICT;
INSERT INTO metrics (id, label, personnel) VALUES
  ${BUILT_IN_METRICS.map(([id, label, p]) => `('${id}', '${label}', ${p})`).join(',\n  ')};

CREATE TABLE claims_rebuilt (
  id               INTEGER PRIMARY KEY,
  lineage_id       INTEGER NOT NULL REFERENCES claims(id),
  version          INTEGER NOT NULL CHECK (version >= 1),
  claimant_id      TEXT NOT NULL REFERENCES claimants(id),
  source_id        INTEGER NOT NULL REFERENCES sources(id),
  subject_id       TEXT NOT NULL REFERENCES parties(id),
  conflict_id      TEXT NOT NULL REFERENCES conflicts(id),
  metric           TEXT NOT NULL REFERENCES metrics(id),
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
  series_key       TEXT,
  CHECK (low IS NOT NULL OR high IS NOT NULL),
  CHECK (low IS NULL OR high IS NULL OR low <= high),
  CHECK (period_start IS NULL OR period_end IS NULL OR period_start <= period_end),
  CHECK (period_end IS NOT NULL OR period_label IS NOT NULL),
  CHECK ((status = 'superseded') = (superseded_by IS NOT NULL))
) STRICT;
INSERT INTO claims_rebuilt SELECT * FROM claims;
DROP TABLE claims;
ALTER TABLE claims_rebuilt RENAME TO claims;
CREATE INDEX claims_by_claimant ON claims (claimant_id, subject_id, metric, period_kind, period_end) WHERE status = 'active';
CREATE INDEX claims_by_subject ON claims (subject_id, metric, period_kind, period_end) WHERE status = 'active';
CREATE INDEX claims_by_period ON claims (period_kind, period_end, period_start) WHERE status = 'active';
CREATE INDEX claims_by_lineage ON claims (lineage_id, version);
CREATE INDEX claims_by_stated ON claims (stated_on);
CREATE INDEX claims_by_metric ON claims (metric);
CREATE UNIQUE INDEX claims_active_series_key ON claims (series_key) WHERE series_key IS NOT NULL AND status = 'active';
CREATE TRIGGER claims_figures_are_immutable
BEFORE UPDATE OF lineage_id, version, claimant_id, source_id, subject_id, conflict_id, metric, low, high,
  qualifier, words, aggregation, period_kind, period_start, period_end, period_label, stated_on,
  stated_precision, note, is_correction, created_at, created_by, series_key ON claims
BEGIN
  SELECT RAISE(ABORT, 'claims are immutable: edit by adding a new version');
END;
CREATE TRIGGER claims_are_never_deleted BEFORE DELETE ON claims
BEGIN
  SELECT RAISE(ABORT, 'claims are never deleted: retract them instead');
END;

CREATE TABLE audit_log_rebuilt (
  id                   INTEGER PRIMARY KEY,
  at                   TEXT NOT NULL,
  actor                TEXT NOT NULL CHECK (length(trim(actor)) > 0),
  action               TEXT NOT NULL CHECK (action IN ('add','edit','retract','import')),
  claim_id             INTEGER NOT NULL REFERENCES claims(id),
  lineage_id           INTEGER NOT NULL REFERENCES claims(id),
  before               TEXT CHECK (before IS NULL OR json_valid(before)),
  after                TEXT CHECK (after IS NULL OR json_valid(after)),
  reason               TEXT,
  confirmed_warnings   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(confirmed_warnings)),
  actor_platform       TEXT CHECK (actor_platform IS NULL OR (${platform('actor_platform')})),
  actor_user_id        TEXT CHECK (actor_user_id IS NULL OR length(actor_user_id) BETWEEN 1 AND 100),
  actor_name           TEXT CHECK (actor_name IS NULL OR length(actor_name) <= 200),
  actor_origin         TEXT CHECK (actor_origin IS NULL OR length(actor_origin) <= 300),
  actor_operator_given INTEGER CHECK (actor_operator_given IS NULL OR actor_operator_given IN (0,1))
) STRICT;
INSERT INTO audit_log_rebuilt SELECT * FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_rebuilt RENAME TO audit_log;
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

CREATE TABLE moderators_rebuilt (
  platform      TEXT NOT NULL CHECK (${platform('platform')}),
  user_id       TEXT NOT NULL CHECK (user_id GLOB '[0-9]*' AND user_id NOT GLOB '*[^0-9]*' AND length(user_id) BETWEEN 1 AND 25),
  display_name  TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  granted_at    TEXT NOT NULL,
  granted_by    TEXT NOT NULL CHECK (length(trim(granted_by)) > 0),
  PRIMARY KEY (platform, user_id)
) STRICT;
INSERT INTO moderators_rebuilt SELECT * FROM moderators;
DROP TABLE moderators;
ALTER TABLE moderators_rebuilt RENAME TO moderators;

CREATE TABLE moderator_log_rebuilt (
  id                   INTEGER PRIMARY KEY,
  at                   TEXT NOT NULL,
  action               TEXT NOT NULL CHECK (action IN ('grant','revoke')),
  platform             TEXT NOT NULL CHECK (${platform('platform')}),
  user_id              TEXT NOT NULL,
  display_name         TEXT NOT NULL,
  actor                TEXT NOT NULL CHECK (length(trim(actor)) > 0),
  actor_platform       TEXT NOT NULL CHECK (${platform('actor_platform')}),
  actor_user_id        TEXT NOT NULL,
  actor_name           TEXT NOT NULL,
  actor_origin         TEXT NOT NULL,
  actor_operator_given INTEGER NOT NULL CHECK (actor_operator_given IN (0,1)),
  reason               TEXT
) STRICT;
INSERT INTO moderator_log_rebuilt SELECT * FROM moderator_log;
DROP TABLE moderator_log;
ALTER TABLE moderator_log_rebuilt RENAME TO moderator_log;
CREATE INDEX moderator_log_by_user ON moderator_log (platform, user_id, id);
CREATE TRIGGER moderator_log_is_append_only_update BEFORE UPDATE ON moderator_log
BEGIN
  SELECT RAISE(ABORT, 'the moderator log is append-only');
END;
CREATE TRIGGER moderator_log_is_append_only_delete BEFORE DELETE ON moderator_log
BEGIN
  SELECT RAISE(ABORT, 'the moderator log is append-only');
END;

CREATE TABLE digest_subscriptions_rebuilt (
  id              INTEGER PRIMARY KEY,
  platform        TEXT NOT NULL CHECK (${platform('platform')}),
  chat_id         TEXT NOT NULL CHECK (length(chat_id) BETWEEN 1 AND 40),
  frequency       TEXT NOT NULL CHECK (frequency IN ('daily','weekly')),
  weekday         INTEGER CHECK (weekday IS NULL OR weekday BETWEEN 0 AND 6),
  local_time      TEXT NOT NULL CHECK (local_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  timezone        TEXT NOT NULL,
  claimants       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(claimants)),
  parties         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(parties)),
  metrics         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(metrics)),
  post_empty      INTEGER NOT NULL DEFAULT 0 CHECK (post_empty IN (0,1)),
  status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','disabled','removed')),
  status_reason   TEXT,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  last_audit_id   INTEGER NOT NULL DEFAULT 0,
  CHECK ((frequency = 'weekly') = (weekday IS NOT NULL))
) STRICT;
INSERT INTO digest_subscriptions_rebuilt SELECT * FROM digest_subscriptions;
DROP TABLE digest_subscriptions;
ALTER TABLE digest_subscriptions_rebuilt RENAME TO digest_subscriptions;
CREATE UNIQUE INDEX digest_one_per_chat ON digest_subscriptions (platform, chat_id) WHERE status <> 'removed';
`;
