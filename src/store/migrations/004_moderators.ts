// Claim moderators granted by the operator, an append-only log of every grant and revocation, and
// who made each audited change: platform, user id, display name and the server or chat it came
// from, with a mark when the name was given by the operator on the command line and not checked.
export const sql = `
ALTER TABLE audit_log ADD COLUMN actor_platform TEXT CHECK (actor_platform IS NULL OR actor_platform IN ('discord','telegram','cli'));
ALTER TABLE audit_log ADD COLUMN actor_user_id TEXT CHECK (actor_user_id IS NULL OR length(actor_user_id) BETWEEN 1 AND 100);
ALTER TABLE audit_log ADD COLUMN actor_name TEXT CHECK (actor_name IS NULL OR length(actor_name) <= 200);
ALTER TABLE audit_log ADD COLUMN actor_origin TEXT CHECK (actor_origin IS NULL OR length(actor_origin) <= 300);
ALTER TABLE audit_log ADD COLUMN actor_operator_given INTEGER CHECK (actor_operator_given IS NULL OR actor_operator_given IN (0,1));

CREATE TABLE moderators (
  platform      TEXT NOT NULL CHECK (platform IN ('discord','telegram')),
  user_id       TEXT NOT NULL CHECK (user_id GLOB '[0-9]*' AND user_id NOT GLOB '*[^0-9]*' AND length(user_id) BETWEEN 1 AND 25),
  display_name  TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  granted_at    TEXT NOT NULL,
  granted_by    TEXT NOT NULL CHECK (length(trim(granted_by)) > 0),
  PRIMARY KEY (platform, user_id)
) STRICT;

CREATE TABLE moderator_log (
  id                   INTEGER PRIMARY KEY,
  at                   TEXT NOT NULL,
  action               TEXT NOT NULL CHECK (action IN ('grant','revoke')),
  platform             TEXT NOT NULL CHECK (platform IN ('discord','telegram')),
  user_id              TEXT NOT NULL,
  display_name         TEXT NOT NULL,
  actor                TEXT NOT NULL CHECK (length(trim(actor)) > 0),
  actor_platform       TEXT NOT NULL CHECK (actor_platform IN ('discord','telegram','cli')),
  actor_user_id        TEXT NOT NULL,
  actor_name           TEXT NOT NULL,
  actor_origin         TEXT NOT NULL,
  actor_operator_given INTEGER NOT NULL CHECK (actor_operator_given IN (0,1)),
  reason               TEXT
) STRICT;
CREATE INDEX moderator_log_by_user ON moderator_log (platform, user_id, id);

CREATE TRIGGER moderator_log_is_append_only_update BEFORE UPDATE ON moderator_log
BEGIN
  SELECT RAISE(ABORT, 'the moderator log is append-only');
END;
CREATE TRIGGER moderator_log_is_append_only_delete BEFORE DELETE ON moderator_log
BEGIN
  SELECT RAISE(ABORT, 'the moderator log is append-only');
END;
`;
