-- The first schema of the server. Never edit this file once released: add a
-- new numbered migration instead.

-- A person who uses the app: a coordinator, or a volunteer (linked to the
-- volunteer record that says who they are).
CREATE TABLE accounts (
    id           TEXT PRIMARY KEY,
    role         TEXT NOT NULL CHECK (role IN ('coordinator', 'volunteer')),
    display_name TEXT NOT NULL,
    volunteer_id TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX accounts_volunteer ON accounts (volunteer_id);

-- One-time codes a coordinator hands out to enroll a device. Only the SHA-256
-- of the code is kept.
CREATE TABLE enrollment_codes (
    code_hash  TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT,
    device_id  TEXT
);

-- Enrolled devices. Only the SHA-256 of the bearer token is kept. The two
-- (cursor, holdings) pairs are the last two pull answers sent to the device:
-- they tell what the device holds, so that what left its scope can be purged.
CREATE TABLE devices (
    id            TEXT PRIMARY KEY,
    account_id    TEXT NOT NULL REFERENCES accounts (id),
    name          TEXT NOT NULL,
    token_hash    TEXT NOT NULL UNIQUE,
    created_at    TEXT NOT NULL,
    last_seen     TEXT,
    revoked_at    TEXT,
    last_cursor   INTEGER,
    last_holdings TEXT,
    prev_cursor   INTEGER,
    prev_holdings TEXT
);

-- The current state of every record, tombstones included (deleted = 1) so
-- that coordinators' devices learn of deletions. `seq` is the position of the
-- record's last change in the global change log.
CREATE TABLE records (
    kind           TEXT NOT NULL,
    id             TEXT NOT NULL,
    body           TEXT NOT NULL,
    hlc            TEXT NOT NULL,
    seq            INTEGER NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0,
    trip_volunteer TEXT,
    trip_start     INTEGER,
    PRIMARY KEY (kind, id)
);
CREATE INDEX records_seq ON records (seq);
CREATE INDEX records_trip_volunteer ON records (trip_volunteer, trip_start);

-- What each live record points to (a trip to its children...), to check
-- references and to find a trip's events and report.
CREATE TABLE record_refs (
    kind     TEXT NOT NULL,
    id       TEXT NOT NULL,
    ref_kind TEXT NOT NULL,
    ref_id   TEXT NOT NULL,
    PRIMARY KEY (kind, id, ref_kind, ref_id)
);
CREATE INDEX record_refs_target ON record_refs (ref_kind, ref_id);

-- Every operation the server has answered, with its outcome: a replayed
-- operation gets the same answer and is not applied twice.
CREATE TABLE applied_ops (
    device_id  TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    op_id      TEXT NOT NULL,
    outcome    TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    PRIMARY KEY (device_id, seq)
);

CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('change_seq', 0);

-- Who read and who changed what.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    account_id TEXT,
    device_id  TEXT,
    action     TEXT NOT NULL CHECK (action IN ('read', 'write')),
    kind       TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_record ON audit_log (kind, record_id);
