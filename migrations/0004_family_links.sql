-- Families: a link per guardian (no account), what their calendar last
-- showed of each visit, and the notices to send or to tell by phone.

-- A guardian's link. Only the SHA-256 of its token is kept. A new link for
-- the same guardian replaces the old one (`revoked_at` set on the old).
CREATE TABLE family_links (
    id          TEXT PRIMARY KEY,
    guardian_id TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    language    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT,
    revoked_at  TEXT,
    last_viewed TEXT,
    views       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX family_links_guardian ON family_links (guardian_id);

-- What families were last shown of a visit: `sequence` rises each time it
-- changes (the calendar's SEQUENCE), `first_start` and `moved_from` say
-- that it was moved and from when.
CREATE TABLE family_visits (
    trip_id     TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    sequence    INTEGER NOT NULL DEFAULT 0,
    start_at    TEXT NOT NULL,
    moved_from  TEXT,
    cancelled   INTEGER NOT NULL DEFAULT 0,
    changed_at  TEXT NOT NULL
);

-- Notices to families. `channel`: 'email' (sent through SMTP), 'phone' (the
-- coordinator tells them by phone or text message), 'office' (a family's
-- message to the coordinator). `status`: 'queued', 'sent', 'failed' (kept,
-- tried again), 'to_tell', 'to_act', 'done'.
CREATE TABLE family_notices (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at  TEXT NOT NULL,
    guardian_id TEXT NOT NULL,
    trip_id     TEXT,
    kind        TEXT NOT NULL,
    channel     TEXT NOT NULL,
    recipient   TEXT NOT NULL,
    language    TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    status      TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    next_try    TEXT,
    sent_at     TEXT,
    done_at     TEXT,
    done_by     TEXT
);
CREATE INDEX family_notices_status ON family_notices (status);
CREATE INDEX family_notices_guardian ON family_notices (guardian_id);
