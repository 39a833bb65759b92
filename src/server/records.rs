//! The `records` table: the current state of every record, its place in the
//! change log, and what it points to.

use super::ServerError;
use crate::domain::{Record, RecordKey, RecordKind};
use rusqlite::{params, Connection, OptionalExtension};

/// A row of `records`: the record, or `None` for a tombstone.
pub(crate) struct Stored {
    pub record: Option<Record>,
    pub hlc: String,
}

fn decode(kind: &str, id: &str, body: &str) -> Result<Record, ServerError> {
    serde_json::from_str(body)
        .map_err(|e| ServerError::Corrupt(format!("record {kind}/{id} does not parse: {e}")))
}

/// The record under `key`, tombstone included.
pub(crate) fn get(conn: &Connection, key: &RecordKey) -> Result<Option<Stored>, ServerError> {
    let row: Option<(String, String, bool)> = super::db::cached_row(
        conn,
        "SELECT body, hlc, deleted FROM records WHERE kind = ?1 AND id = ?2",
        params![key.kind.as_str(), key.id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()?;
    let Some((body, hlc, deleted)) = row else {
        return Ok(None);
    };
    let record = if deleted {
        None
    } else {
        Some(decode(key.kind.as_str(), &key.id, &body)?)
    };
    Ok(Some(Stored { record, hlc }))
}

/// The live (not deleted) record under `key`.
pub(crate) fn live(conn: &Connection, key: &RecordKey) -> Result<Option<Record>, ServerError> {
    Ok(get(conn, key)?.and_then(|s| s.record))
}

pub(crate) fn exists(conn: &Connection, key: &RecordKey) -> Result<bool, ServerError> {
    let found: Option<i64> = super::db::cached_row(
        conn,
        "SELECT 1 FROM records WHERE kind = ?1 AND id = ?2 AND deleted = 0",
        params![key.kind.as_str(), key.id],
        |r| r.get(0),
    )
    .optional()?;
    Ok(found.is_some())
}

/// Every live record of one kind, by id.
pub(crate) fn all_of(conn: &Connection, kind: RecordKind) -> Result<Vec<Record>, ServerError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, body FROM records WHERE kind = ?1 AND deleted = 0 ORDER BY id",
    )?;
    let rows = stmt.query_map(params![kind.as_str()], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, body) = row?;
        out.push(decode(kind.as_str(), &id, &body)?);
    }
    Ok(out)
}

/// The highest position of the change log.
pub(crate) fn max_seq(conn: &Connection) -> Result<u64, ServerError> {
    let value: i64 = super::db::cached_row(
        conn,
        "SELECT value FROM counters WHERE name = 'change_seq'",
        [],
        |r| r.get(0),
    )?;
    Ok(u64::try_from(value).unwrap_or(0))
}

/// Takes the next position of the change log.
pub(crate) fn next_seq(conn: &Connection) -> Result<u64, ServerError> {
    let value: i64 = super::db::cached_row(
        conn,
        "UPDATE counters SET value = value + 1 WHERE name = 'change_seq' RETURNING value",
        [],
        |r| r.get(0),
    )?;
    Ok(u64::try_from(value).unwrap_or(0))
}

/// Writes `record` under `key` (or a tombstone when `None`) at the next
/// position of the change log, and returns that position.
pub(crate) fn write(
    conn: &Connection,
    key: &RecordKey,
    record: Option<&Record>,
    hlc: &str,
) -> Result<u64, ServerError> {
    let seq = next_seq(conn)?;
    let seq_sql =
        i64::try_from(seq).map_err(|_| ServerError::Internal("change log full".into()))?;
    // A tombstone keeps no content: deleted personal data is gone for good.
    let (body, deleted) = match record {
        Some(r) => (
            serde_json::to_string(r).map_err(|e| ServerError::Internal(e.to_string()))?,
            false,
        ),
        None => ("null".to_owned(), true),
    };
    let (trip_volunteer, trip_start) = match record {
        Some(Record::Trip(t)) => (
            t.volunteer_id.as_ref().map(|v| v.as_str().to_owned()),
            Some(t.visit_start.timestamp_millis()),
        ),
        _ => (None, None),
    };
    conn.execute(
        "INSERT INTO records (kind, id, body, hlc, seq, deleted, trip_volunteer, trip_start)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body, hlc = excluded.hlc,
             seq = excluded.seq, deleted = excluded.deleted,
             trip_volunteer = excluded.trip_volunteer, trip_start = excluded.trip_start",
        params![
            key.kind.as_str(),
            key.id,
            body,
            hlc,
            seq_sql,
            deleted,
            trip_volunteer,
            trip_start
        ],
    )?;
    conn.execute(
        "DELETE FROM record_refs WHERE kind = ?1 AND id = ?2",
        params![key.kind.as_str(), key.id],
    )?;
    if let Some(r) = record {
        let mut insert = conn.prepare_cached(
            "INSERT OR IGNORE INTO record_refs (kind, id, ref_kind, ref_id) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for target in r.references() {
            insert.execute(params![
                key.kind.as_str(),
                key.id,
                target.kind.as_str(),
                target.id
            ])?;
        }
    }
    Ok(seq)
}

/// The first reference of `record` that does not exist, if any.
pub(crate) fn missing_reference(
    conn: &Connection,
    record: &Record,
) -> Result<Option<RecordKey>, ServerError> {
    for target in record.references() {
        if !exists(conn, &target)? {
            return Ok(Some(target));
        }
    }
    Ok(None)
}

/// The live records that point to `key`.
pub(crate) fn referrers(conn: &Connection, key: &RecordKey) -> Result<Vec<RecordKey>, ServerError> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, id FROM record_refs WHERE ref_kind = ?1 AND ref_id = ?2 ORDER BY kind, id",
    )?;
    let rows = stmt.query_map(params![key.kind.as_str(), key.id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (kind, id) = row?;
        let kind = RecordKind::parse(&kind)
            .ok_or_else(|| ServerError::Corrupt(format!("unknown record kind {kind}")))?;
        out.push(RecordKey::new(kind, id));
    }
    Ok(out)
}
