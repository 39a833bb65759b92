//! What a device may hold, and what it must receive or purge on a pull.
//!
//! A coordinator's scope is the whole network: a plain read of the change log
//! after its cursor, tombstones included. A volunteer's scope is computed
//! afresh on every pull (its own trips in a window around today, their
//! children, pickup guardians, parents, steps and reports, every prison and
//! room, its own volunteer record), because it changes with time and with
//! assignments, not only with writes. To know what left that scope the server
//! remembers, per device, the last two answers it sent: (cursor, holdings).

use super::audit::{self, AuditAction};
use super::auth::Caller;
use super::{records, ScopeWindow, ServerError};
use crate::domain::{Record, RecordKey, RecordKind, VolunteerId};
use crate::protocol::{Cursor, Role};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeSet;
use std::sync::Arc;

mod volunteer;

pub(crate) use volunteer::next_window_move;
use volunteer::{volunteer_record, volunteer_scope};

/// The records a pull sends, and where the device stands afterwards.
pub(crate) struct Pull {
    pub changes: Vec<Record>,
    pub removed: Vec<RecordKey>,
    pub reset: bool,
    pub cursor: Cursor,
}

/// A pull worked out with reads only, and what it still has to write: the
/// device's new checkpoints, a fresh cursor, the audit rows of what it sends.
pub(crate) struct PreparedPull {
    pull: Pull,
    /// (prev, last) to store for the device, when they changed.
    checkpoints: Option<(Option<Checkpoint>, Option<Checkpoint>)>,
    /// The scope moved with time alone: the answer needs a fresh position.
    fresh_cursor: bool,
    /// What a volunteer's device holds after this answer (`None` for a
    /// coordinator, who holds the whole network).
    holdings: Option<Arc<BTreeSet<RecordKey>>>,
}

impl PreparedPull {
    /// True when sending this answer writes nothing at all: nothing personal
    /// is sent and the device's checkpoints stay as they are. Such a pull can
    /// be answered from a read-only connection.
    pub fn writes_nothing(&self) -> bool {
        self.checkpoints.is_none()
            && !self.fresh_cursor
            && !self.pull.changes.iter().any(|r| r.kind().is_personal())
    }

    /// The answer, when [`writes_nothing`](Self::writes_nothing), with what
    /// the device holds afterwards.
    pub fn into_quiet_pull(self) -> Option<(Pull, Option<Arc<BTreeSet<RecordKey>>>)> {
        if self.writes_nothing() {
            Some((self.pull, self.holdings))
        } else {
            None
        }
    }

    /// Writes what the pull needs (checkpoints, a fresh cursor, one audit row
    /// per personal record sent) and gives the answer.
    pub fn commit(
        self,
        conn: &Connection,
        now: DateTime<Utc>,
        caller: &Caller,
    ) -> Result<Pull, ServerError> {
        let PreparedPull {
            mut pull,
            mut checkpoints,
            fresh_cursor,
            holdings: _,
        } = self;
        if fresh_cursor {
            let next = records::next_seq(conn)?;
            pull.cursor = Cursor(next);
            if let Some((_, Some(last))) = checkpoints.as_mut() {
                last.cursor = next;
            }
        }
        if let Some((prev, last)) = &checkpoints {
            save_checkpoints(conn, caller, prev.as_ref(), last.as_ref())?;
        }
        for record in &pull.changes {
            if record.kind().is_personal() {
                audit::log(
                    conn,
                    now,
                    &caller.actor(),
                    AuditAction::Read,
                    &record.key(),
                    "sync",
                )?;
            }
        }
        Ok(pull)
    }
}

/// Works out a device's pull with reads only.
pub(crate) fn prepare_pull(
    conn: &Connection,
    now: DateTime<Utc>,
    window: &ScopeWindow,
    caller: &Caller,
    cursor: Option<Cursor>,
) -> Result<PreparedPull, ServerError> {
    let plain = |pull| PreparedPull {
        pull,
        checkpoints: None,
        fresh_cursor: false,
        holdings: None,
    };
    Ok(match (caller.role, &caller.volunteer_id) {
        (Role::Coordinator, _) => plain(pull_network(conn, cursor)?),
        (Role::Volunteer, Some(v)) => pull_volunteer(conn, now, window, caller, v, cursor)?,
        // An account without a volunteer record sees nothing personal.
        (Role::Volunteer, None) => plain(Pull {
            changes: Vec::new(),
            removed: Vec::new(),
            reset: true,
            cursor: Cursor(records::max_seq(conn)?),
        }),
    })
}

/// At most this many changes are looked at one by one to tell that they do
/// not concern a device; past it the device's scope is worked out again.
const UNRELATED_LOOKUP: i64 = 64;

/// True when every record written to the change log after `after` (up to
/// `upto`) is a step or a report of a trip the device does not hold: such
/// changes cannot alter what the device sees, so its last answer still holds.
/// Anything else (a trip, a child, a prison, a step of one of its trips, too
/// many changes to look at) answers false and the scope is worked out again.
pub(crate) fn unrelated_since(
    conn: &Connection,
    after: u64,
    upto: u64,
    holdings: &BTreeSet<RecordKey>,
) -> Result<bool, ServerError> {
    let (Ok(after), Ok(upto)) = (i64::try_from(after), i64::try_from(upto)) else {
        return Ok(false);
    };
    // Each change with what it refers to, in one pass: a step or a report
    // refers to its trip only.
    let mut changed = conn.prepare_cached(
        "SELECT r.kind, x.ref_kind, x.ref_id FROM records r
         LEFT JOIN record_refs x ON x.kind = r.kind AND x.id = r.id
         WHERE r.seq > ?1 AND r.seq <= ?2 LIMIT ?3",
    )?;
    let rows = changed
        .query_map(params![after, upto, UNRELATED_LOOKUP + 1], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    if rows.len() as i64 > UNRELATED_LOOKUP {
        return Ok(false);
    }
    for (kind, ref_kind, ref_id) in rows {
        let dependent = matches!(
            RecordKind::parse(&kind),
            Some(RecordKind::Event | RecordKind::Report)
        );
        let target = ref_kind
            .as_deref()
            .and_then(RecordKind::parse)
            .zip(ref_id)
            .map(|(kind, id)| RecordKey::new(kind, id));
        match target {
            Some(target) if dependent && !holdings.contains(&target) => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}

/// Works out and writes a device's pull.
pub(crate) fn pull(
    conn: &Connection,
    now: DateTime<Utc>,
    window: &ScopeWindow,
    caller: &Caller,
    cursor: Option<Cursor>,
) -> Result<Pull, ServerError> {
    prepare_pull(conn, now, window, caller, cursor)?.commit(conn, now, caller)
}

fn pull_network(conn: &Connection, cursor: Option<Cursor>) -> Result<Pull, ServerError> {
    let max = records::max_seq(conn)?;
    // A cursor from the future comes from another database (a restore):
    // start the device afresh.
    let since = cursor.map(|c| c.0).filter(|c| *c <= max);
    let reset = since.is_none();
    let mut stmt = conn.prepare_cached(
        "SELECT kind, id, body, deleted FROM records WHERE seq > ?1 AND (deleted = 0 OR ?2)
         ORDER BY kind, id",
    )?;
    let since_sql = i64::try_from(since.unwrap_or(0)).unwrap_or(i64::MAX);
    let rows = stmt.query_map(params![since_sql, !reset], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, bool>(3)?,
        ))
    })?;
    let mut changes = Vec::new();
    let mut removed = Vec::new();
    for row in rows {
        let (kind, id, body, deleted) = row?;
        let kind = RecordKind::parse(&kind)
            .ok_or_else(|| ServerError::Corrupt(format!("unknown record kind {kind}")))?;
        if deleted {
            removed.push(RecordKey::new(kind, id));
        } else {
            changes.push(serde_json::from_str(&body).map_err(|e| {
                ServerError::Corrupt(format!("record {}/{id}: {e}", kind.as_str()))
            })?);
        }
    }
    changes.sort_by_key(Record::key);
    Ok(Pull {
        changes,
        removed,
        reset,
        cursor: Cursor(max),
    })
}

/// One answer sent to a device: the cursor, and the keys the device holds
/// once it has applied the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Checkpoint {
    cursor: u64,
    holdings: BTreeSet<RecordKey>,
}

fn pull_volunteer(
    conn: &Connection,
    now: DateTime<Utc>,
    window: &ScopeWindow,
    caller: &Caller,
    volunteer: &VolunteerId,
    cursor: Option<Cursor>,
) -> Result<PreparedPull, ServerError> {
    let (prev, last) = load_checkpoints(conn, caller)?;
    let matching = |c: &Option<Checkpoint>| {
        c.as_ref()
            .filter(|c| Some(Cursor(c.cursor)) == cursor)
            .cloned()
    };
    // The device holds what the last answer sent, or the one before when the
    // last answer was lost on the way; otherwise it starts afresh.
    let base = matching(&last).or_else(|| matching(&prev));
    let reset = base.is_none();
    let since = base.as_ref().map_or(0, |b| b.cursor);
    let held = base
        .as_ref()
        .map(|b| b.holdings.clone())
        .unwrap_or_default();

    let scope = volunteer_scope(conn, now, window, volunteer)?;
    let holdings: BTreeSet<RecordKey> = scope.keys().cloned().collect();
    let mut changes = Vec::new();
    for (key, seq) in &scope {
        if *seq > since || !held.contains(key) {
            if let Some(record) = volunteer_record(conn, key)? {
                changes.push(record);
            }
        }
    }
    let removed: Vec<RecordKey> = held.difference(&holdings).cloned().collect();

    // Nothing to send and the same holdings: the device's own position still
    // names what it holds, even if other volunteers' changes moved the log
    // since. Answering it writes nothing, so idle phones stay off the write
    // path while others write.
    if let Some(base) = base
        .as_ref()
        .filter(|b| changes.is_empty() && removed.is_empty() && b.holdings == holdings)
    {
        return Ok(PreparedPull {
            pull: Pull {
                changes,
                removed,
                reset: false,
                cursor: Cursor(base.cursor),
            },
            checkpoints: None,
            fresh_cursor: false,
            holdings: Some(Arc::new(holdings)),
        });
    }

    let next = records::max_seq(conn)?;
    // The scope moves with time without any write: then the same cursor would
    // name two different holdings. A fresh position keeps cursors unambiguous.
    let fresh_cursor = base
        .as_ref()
        .is_some_and(|b| b.cursor == next && b.holdings != holdings);
    let held_after = Arc::new(holdings.clone());
    let new_last = Some(Checkpoint {
        cursor: next,
        holdings,
    });
    let new_prev = if reset { None } else { base };
    let checkpoints =
        ((&new_prev, &new_last) != (&prev, &last) || fresh_cursor).then_some((new_prev, new_last));
    Ok(PreparedPull {
        pull: Pull {
            changes,
            removed,
            reset,
            cursor: Cursor(next),
        },
        checkpoints,
        fresh_cursor,
        holdings: Some(held_after),
    })
}

type Stored = (Option<i64>, Option<String>, Option<i64>, Option<String>);

fn load_checkpoints(
    conn: &Connection,
    caller: &Caller,
) -> Result<(Option<Checkpoint>, Option<Checkpoint>), ServerError> {
    let row: Option<Stored> = super::db::cached_row(
        conn,
        "SELECT prev_cursor, prev_holdings, last_cursor, last_holdings FROM devices WHERE id = ?1",
        params![caller.device_id.as_str()],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )
    .optional()?;
    let Some((pc, ph, lc, lh)) = row else {
        return Ok((None, None));
    };
    Ok((decode(pc, ph)?, decode(lc, lh)?))
}

fn decode(
    cursor: Option<i64>,
    holdings: Option<String>,
) -> Result<Option<Checkpoint>, ServerError> {
    let (Some(cursor), Some(holdings)) = (cursor, holdings) else {
        return Ok(None);
    };
    let encoded: Vec<String> = serde_json::from_str(&holdings)
        .map_err(|e| ServerError::Corrupt(format!("device holdings: {e}")))?;
    Ok(Some(Checkpoint {
        cursor: u64::try_from(cursor).unwrap_or(0),
        holdings: encoded
            .iter()
            .filter_map(|k| RecordKey::decode(k))
            .collect(),
    }))
}

fn encode(checkpoint: Option<&Checkpoint>) -> Result<(Option<i64>, Option<String>), ServerError> {
    let Some(c) = checkpoint else {
        return Ok((None, None));
    };
    let keys: Vec<String> = c.holdings.iter().map(RecordKey::encode).collect();
    let json = serde_json::to_string(&keys).map_err(|e| ServerError::Internal(e.to_string()))?;
    Ok((
        Some(i64::try_from(c.cursor).unwrap_or(i64::MAX)),
        Some(json),
    ))
}

fn save_checkpoints(
    conn: &Connection,
    caller: &Caller,
    prev: Option<&Checkpoint>,
    last: Option<&Checkpoint>,
) -> Result<(), ServerError> {
    let (pc, ph) = encode(prev)?;
    let (lc, lh) = encode(last)?;
    conn.execute(
        "UPDATE devices SET prev_cursor = ?2, prev_holdings = ?3, last_cursor = ?4, last_holdings = ?5
         WHERE id = ?1",
        params![caller.device_id.as_str(), pc, ph, lc, lh],
    )?;
    Ok(())
}
