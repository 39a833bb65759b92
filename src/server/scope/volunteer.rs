//! A volunteer's scope as time goes: its own trips in a window around
//! today and what they bring (children, pickup guardians, parents, steps,
//! reports, every prison and room, its own record), each record cut down to
//! what a volunteer may see; and when the window next moves.

use crate::domain::{Record, RecordKey, RecordKind, VolunteerId};
use crate::protocol::Role;
use crate::server::auth::Caller;
use crate::server::{records, ScopeWindow, ServerError};
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::{BTreeMap, BTreeSet};

/// What a volunteer's device may hold at `now`: each record's key and its
/// position in the change log. Bodies are read only for the records a pull
/// sends (see [`volunteer_record`]), so that an idle sync parses nothing.
pub(super) fn volunteer_scope(
    conn: &Connection,
    now: DateTime<Utc>,
    window: &ScopeWindow,
    volunteer: &VolunteerId,
) -> Result<BTreeMap<RecordKey, u64>, ServerError> {
    let mut scope = BTreeMap::new();
    let mut keys = BTreeSet::new();
    keys.insert(RecordKey::new(RecordKind::Volunteer, volunteer.as_str()));
    let mut shared = conn.prepare_cached(
        "SELECT kind, id, seq FROM records WHERE kind IN ('prison', 'room') AND deleted = 0",
    )?;
    let rows = shared.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    for row in rows {
        let (kind, id, seq) = row?;
        let kind = RecordKind::parse(&kind)
            .ok_or_else(|| ServerError::Corrupt(format!("unknown record kind {kind}")))?;
        scope.insert(RecordKey::new(kind, id), u64::try_from(seq).unwrap_or(0));
    }
    for (seq, trip) in trips_in_window(conn, now, window, volunteer)? {
        let Record::Trip(t) = &trip else { continue };
        for child in &t.children {
            keys.insert(RecordKey::new(RecordKind::Child, child.as_str()));
        }
        keys.insert(RecordKey::new(
            RecordKind::Guardian,
            t.pickup.guardian_id.as_str(),
        ));
        keys.insert(RecordKey::new(RecordKind::Parent, t.parent_id.as_str()));
        for dependent in records::referrers(conn, &trip.key())? {
            if matches!(dependent.kind, RecordKind::Event | RecordKind::Report) {
                keys.insert(dependent);
            }
        }
        scope.insert(trip.key(), seq);
    }
    let mut position =
        conn.prepare_cached("SELECT seq FROM records WHERE kind = ?1 AND id = ?2 AND deleted = 0")?;
    for key in keys {
        let seq: Option<i64> = position
            .query_row(params![key.kind.as_str(), key.id], |r| r.get(0))
            .optional()?;
        if let Some(seq) = seq {
            scope.insert(key, u64::try_from(seq).unwrap_or(0));
        }
    }
    Ok(scope)
}

/// One record of a volunteer's scope as the volunteer may see it: parents and
/// children are cut down to what a volunteer needs (no surname), guardians
/// lose their e-mail address (the volunteer calls them).
pub(super) fn volunteer_record(
    conn: &Connection,
    key: &RecordKey,
) -> Result<Option<Record>, ServerError> {
    Ok(records::live(conn, key)?.map(|record| match record {
        Record::Parent(p) => Record::Parent(p.for_volunteer()),
        Record::Child(c) => Record::Child(c.for_volunteer()),
        Record::Guardian(g) => Record::Guardian(g.for_volunteer()),
        other => other,
    }))
}

/// The next time the scope of `caller` changes with time alone: a trip of
/// the volunteer leaving the window (its start falls behind it) or entering
/// it (its start comes within it). A coordinator's scope does not move with
/// time.
pub(crate) fn next_window_move(
    conn: &Connection,
    now: DateTime<Utc>,
    window: &ScopeWindow,
    caller: &Caller,
) -> Result<DateTime<Utc>, ServerError> {
    let far = now + Duration::days(365);
    let (Role::Volunteer, Some(volunteer)) = (caller.role, &caller.volunteer_id) else {
        return Ok(far);
    };
    let from = (now - Duration::days(window.past_days)).timestamp_millis();
    let until = (now + Duration::days(window.future_days)).timestamp_millis();
    let mut stmt = conn.prepare_cached(
        "SELECT min(trip_start) FROM records
         WHERE kind = 'trip' AND deleted = 0 AND trip_volunteer = ?1 AND trip_start > ?2",
    )?;
    let mut first_after = |after: i64| -> Result<Option<DateTime<Utc>>, ServerError> {
        let millis: Option<i64> =
            stmt.query_row(params![volunteer.as_str(), after], |r| r.get(0))?;
        Ok(millis.and_then(DateTime::from_timestamp_millis))
    };
    // The earliest trip still in the window leaves it `past_days` after its
    // start; the first one beyond it enters `future_days` before its start.
    let leaves = first_after(from - 1)?.map(|start| start + Duration::days(window.past_days));
    let enters = first_after(until)?.map(|start| start - Duration::days(window.future_days));
    Ok([leaves, enters]
        .into_iter()
        .flatten()
        .filter(|t| *t > now)
        .min()
        .unwrap_or(far)
        .min(far))
}

fn trips_in_window(
    conn: &Connection,
    now: DateTime<Utc>,
    window: &ScopeWindow,
    volunteer: &VolunteerId,
) -> Result<Vec<(u64, Record)>, ServerError> {
    let from = (now - Duration::days(window.past_days)).timestamp_millis();
    let until = (now + Duration::days(window.future_days)).timestamp_millis();
    let mut stmt = conn.prepare_cached(
        "SELECT id, body, seq FROM records
         WHERE kind = 'trip' AND deleted = 0 AND trip_volunteer = ?1
           AND trip_start BETWEEN ?2 AND ?3",
    )?;
    let rows = stmt.query_map(params![volunteer.as_str(), from, until], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, body, seq) = row?;
        let record: Record = serde_json::from_str(&body)
            .map_err(|e| ServerError::Corrupt(format!("record trip/{id}: {e}")))?;
        out.push((u64::try_from(seq).unwrap_or(0), record));
    }
    Ok(out)
}
