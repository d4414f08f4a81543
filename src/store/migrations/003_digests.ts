// Scheduled digests: who subscribed where and when, and a record of every delivery, keyed by
// subscription and period so a period is claimed once, by one process.
export const sql = `
CREATE TABLE digest_subscriptions (
  id              INTEGER PRIMARY KEY,
  platform        TEXT NOT NULL CHECK (platform IN ('discord','telegram')),
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
CREATE UNIQUE INDEX digest_one_per_chat ON digest_subscriptions (platform, chat_id) WHERE status <> 'removed';

CREATE TABLE digest_deliveries (
  subscription_id INTEGER NOT NULL REFERENCES digest_subscriptions(id),
  period          TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('sending','retry','sent','empty','failed')),
  attempts        INTEGER NOT NULL DEFAULT 1,
  owner           TEXT NOT NULL,
  lease_until     TEXT NOT NULL,
  next_attempt_at TEXT,
  audit_to        INTEGER NOT NULL,
  finished_at     TEXT,
  error           TEXT,
  PRIMARY KEY (subscription_id, period)
) STRICT;
`;
