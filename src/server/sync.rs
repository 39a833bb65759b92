//! `POST /api/v1/sync`: one round trip. Push (each operation exactly once,
//! checked against role and scope, stamped by the server), then pull (the
//! device's scope since its cursor), then the server's clock.
//!
//! A sync that carries no operation and finds nothing new for the device is
//! answered from a read-only connection: idle phones never queue behind the
//! write lock. Everything else runs in one write transaction.

use super::apply::apply_op;
use super::auth::Caller;
use super::db::Db;
use super::error::ApiFailure;
use super::family::{self, notices::NoticeSettings};
use super::request::{parse_json, read_body};
use super::{records, scope, AppState, ScopeWindow, ServerError};
use crate::domain::{validate_id, DeviceId};
use crate::protocol::{
    Hlc, OpResult, Operation, Outcome, SyncRequest, SyncResponse, MAX_OPS_PER_REQUEST,
    PROTOCOL_VERSION,
};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Deserialize;

/// The highest counter the server keeps from a device's stamp. A counter
/// only orders edits within one millisecond; an honest device never comes
/// near this.
pub const MAX_DEVICE_COUNTER: u32 = 1 << 16;

/// How often a device's "last seen" time is written: at most this often, so
/// that idle syncs write nothing in between.
const LAST_SEEN_EVERY: Duration = Duration::minutes(5);

/// The stamp the server applies an operation with. The server owns the order
/// of edits: the node is the device that sent it (never what the device
/// wrote), and the time is never ahead of the server's clock, so no device,
/// with a wrong date or a forged stamp, makes its edit win over later ones.
/// A stamp within the server's time keeps the device's own order of edits.
pub(crate) fn server_stamp(sent: &Hlc, device: &DeviceId, clock: &Hlc, now_millis: i64) -> Hlc {
    let node = device.as_str().to_owned();
    if sent.millis > now_millis {
        return Hlc {
            node,
            ..clock.tick(now_millis)
        };
    }
    Hlc {
        millis: sent.millis.max(0),
        counter: sent.counter.min(MAX_DEVICE_COUNTER),
        node,
    }
}

pub(crate) async fn post_sync(
    State(state): State<AppState>,
    caller: Caller,
    request: Request,
) -> Result<Json<SyncResponse>, ApiFailure> {
    let (parts, body) = request.into_parts();
    let bytes = read_body(&parts.headers, body).await?;
    let request = parse_sync_request(&bytes)?;
    let now = state.now();
    let window = state.scope_window();
    if request.ops.is_empty() {
        let (who, cursor) = (caller.clone(), request.cursor);
        let mark = state.quiet_mark(&caller.device_id);
        let quiet = state
            .read(move |conn| quiet_pull(conn, now, &window, &who, cursor, mark))
            .await?;
        if let Some((pull, mark)) = quiet {
            state.set_quiet_mark(&caller.device_id, mark);
            return Ok(Json(SyncResponse {
                version: PROTOCOL_VERSION,
                results: Vec::new(),
                changes: pull.changes,
                removed: pull.removed,
                reset: pull.reset,
                cursor: pull.cursor,
                clock: state.tick_read_clock(now.timestamp_millis()),
            }));
        }
    }
    let published = state.clone();
    let device = caller.device_id.clone();
    let settings = state.notice_settings();
    let (response, emails) = state
        .blocking(move |db| {
            let answer = run_sync(db, now, &window, &caller, &request, &settings)?;
            published.publish_clock(&db.clock);
            Ok(answer)
        })
        .await?;
    if response
        .results
        .iter()
        .any(|r| matches!(r.outcome, crate::protocol::Outcome::Applied))
    {
        state.notify_changed(Some(&device));
    }
    if emails > 0 {
        state.mail_wake().notify_one();
    }
    Ok(Json(response))
}

/// What an idle sync that found nothing new was answered, and how long the
/// same answer holds: while nothing is written to the change log, the device
/// sends the same cursor, no trip of the volunteer enters or leaves its
/// window and the device was seen lately. Phones sync every minute to find,
/// most of the time, nothing: their answer then costs two small reads
/// instead of working out the volunteer's scope again.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QuietMark {
    request: Option<crate::protocol::Cursor>,
    answer: crate::protocol::Cursor,
    log_max: u64,
    valid_until: DateTime<Utc>,
    /// What the volunteer's device holds, to tell which later changes
    /// concern it (`None` for coordinators: every change does).
    holdings: Option<std::sync::Arc<std::collections::BTreeSet<crate::domain::RecordKey>>>,
}

/// The pull of a sync without operations, if answering it writes nothing
/// (nothing new, nothing personal sent, the device seen lately), with the
/// mark that lets the next identical sync be answered at once; `None` sends
/// the sync down the write path.
fn quiet_pull(
    conn: &Connection,
    now: DateTime<Utc>,
    window: &ScopeWindow,
    caller: &Caller,
    cursor: Option<crate::protocol::Cursor>,
    mark: Option<QuietMark>,
) -> Result<Option<(scope::Pull, Option<QuietMark>)>, ApiFailure> {
    // One snapshot for every read below.
    let tx = conn.unchecked_transaction().map_err(ServerError::from)?;
    let row: Option<(Option<String>, Option<String>)> = super::db::cached_row(
        &tx,
        "SELECT revoked_at, last_seen FROM devices WHERE id = ?1",
        params![caller.device_id.as_str()],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
    .map_err(ServerError::from)?;
    let Some((None, last_seen)) = row else {
        return Err(ApiFailure::unauthenticated());
    };
    let Some(seen_until) = last_seen
        .as_deref()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&Utc) + LAST_SEEN_EVERY)
        .filter(|until| *until > now)
    else {
        return Ok(None);
    };
    let log_max = records::max_seq(&tx)?;
    if let Some(mark) = mark.filter(|m| m.request == cursor && now < m.valid_until.min(seen_until))
    {
        // Other volunteers' steps and reports leave this device's answer as
        // it was: the change log moved, the device's scope did not.
        let holds = match &mark.holdings {
            _ if mark.log_max == log_max => true,
            Some(held) if log_max > mark.log_max => {
                scope::unrelated_since(&tx, mark.log_max, log_max, held)?
            }
            _ => false,
        };
        if holds {
            let pull = scope::Pull {
                changes: Vec::new(),
                removed: Vec::new(),
                reset: false,
                cursor: mark.answer,
            };
            return Ok(Some((pull, Some(QuietMark { log_max, ..mark }))));
        }
    }
    let prepared = scope::prepare_pull(&tx, now, window, caller, cursor)?;
    let Some((pull, holdings)) = prepared.into_quiet_pull() else {
        return Ok(None);
    };
    let nothing_new = pull.changes.is_empty() && pull.removed.is_empty() && !pull.reset;
    let mark = if nothing_new {
        let window_moves = scope::next_window_move(&tx, now, window, caller)?;
        Some(QuietMark {
            request: cursor,
            answer: pull.cursor,
            log_max,
            valid_until: window_moves.min(seen_until),
            holdings,
        })
    } else {
        None
    };
    Ok(Some((pull, mark)))
}

/// Only the version, read first: a request of another version may not parse
/// as this one, and deserves "update the app" rather than a parse error.
#[derive(Deserialize)]
struct VersionProbe {
    version: Option<u32>,
}

fn parse_sync_request(bytes: &[u8]) -> Result<SyncRequest, ApiFailure> {
    let probe: VersionProbe = parse_json(bytes)?;
    if let Some(version) = probe.version.filter(|v| *v != PROTOCOL_VERSION) {
        return Err(ApiFailure::new(
            StatusCode::BAD_REQUEST,
            "unsupported_version",
            format!(
                "This app speaks sync version {version}, the server speaks version {PROTOCOL_VERSION}: update the app."
            ),
        ));
    }
    let request: SyncRequest = parse_json(bytes)?;
    if request.ops.len() > MAX_OPS_PER_REQUEST {
        return Err(ApiFailure::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_many_ops",
            format!(
                "A sync carries at most {MAX_OPS_PER_REQUEST} changes, this one has {}: update the app.",
                request.ops.len()
            ),
        ));
    }
    for op in &request.ops {
        // Sequence numbers are stored as SQLite integers.
        if op.seq == 0 || i64::try_from(op.seq).is_err() {
            return Err(ApiFailure::malformed(format!(
                "A change has sequence number {}; they count from 1 to {}. Re-enroll this device if it keeps happening.",
                op.seq,
                i64::MAX
            )));
        }
        if let Err(e) = validate_id("op_id", op.op_id.as_str()) {
            return Err(ApiFailure::malformed(format!(
                "A change has a wrong id ({e}); update the app."
            )));
        }
    }
    Ok(request)
}

/// Where the device's applied operations have been pruned: everything below
/// was acknowledged to it.
fn acked_below(conn: &Connection, caller: &Caller) -> Result<u64, ServerError> {
    let below: Option<i64> = super::db::cached_row(
        conn,
        "SELECT acked_below FROM devices WHERE id = ?1",
        params![caller.device_id.as_str()],
        |r| r.get(0),
    )
    .optional()?;
    Ok(below.and_then(|b| u64::try_from(b).ok()).unwrap_or(0))
}

/// A device sends its oldest unacknowledged operations first: every
/// operation below the first one it sends has been acknowledged to it, and
/// its stored outcome is no longer needed.
fn prune_acknowledged(
    conn: &Connection,
    caller: &Caller,
    first_sent: u64,
    acked_below: u64,
) -> Result<(), ServerError> {
    if first_sent <= acked_below {
        return Ok(());
    }
    let first = i64::try_from(first_sent).unwrap_or(i64::MAX);
    conn.execute(
        "DELETE FROM applied_ops WHERE device_id = ?1 AND seq < ?2",
        params![caller.device_id.as_str(), first],
    )?;
    conn.execute(
        "UPDATE devices SET acked_below = ?2 WHERE id = ?1",
        params![caller.device_id.as_str(), first],
    )?;
    Ok(())
}

/// Runs one sync; also returns how many e-mails to families it queued.
pub(crate) fn run_sync(
    db: &mut Db,
    now: DateTime<Utc>,
    window: &ScopeWindow,
    caller: &Caller,
    request: &SyncRequest,
    notices: &NoticeSettings,
) -> Result<(SyncResponse, usize), ApiFailure> {
    let now_millis = now.timestamp_millis();
    let mut clock = db.clock.clone();
    // IMMEDIATE takes the write lock at once: two syncs never interleave.
    let tx = db
        .conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(ServerError::from)?;
    // The device may have been revoked since its token was checked.
    if !still_enrolled(&tx, caller, now)? {
        return Err(ApiFailure::unauthenticated());
    }
    let acked = acked_below(&tx, caller)?;
    if let Some(first) = request.ops.iter().map(|op| op.seq).min() {
        prune_acknowledged(&tx, caller, first, acked)?;
    }
    let mut results = Vec::with_capacity(request.ops.len());
    let mut applied = Vec::new();
    for op in &request.ops {
        let outcome = if op.seq < acked {
            // An old copy of an operation the device was answered about long
            // ago: it is not applied again, and nobody waits for this answer.
            Outcome::Applied
        } else if let Some(outcome) = stored_outcome(&tx, caller, op.seq)? {
            // A replay gets the same answer and moves no clock.
            outcome
        } else {
            let stamp = server_stamp(&op.hlc, &caller.device_id, &clock, now_millis);
            let outcome = apply_op(&tx, now, caller, op, &stamp)?;
            if outcome == Outcome::Applied {
                clock = clock.observe(&stamp, now_millis);
                applied.push(&op.change);
            }
            store_outcome(&tx, caller, op, &outcome, now)?;
            outcome
        };
        results.push(OpResult {
            seq: op.seq,
            op_id: op.op_id.clone(),
            outcome,
        });
    }
    // What families see of the visits these changes touched, in the same
    // transaction: a notice is queued if and only if the change is kept.
    let emails = family::after_changes(&tx, now, applied, notices)?;
    let pull = scope::pull(&tx, now, window, caller, request.cursor)?;
    tx.commit().map_err(ServerError::from)?;
    clock = clock.tick(now_millis);
    db.clock = clock.clone();
    let response = SyncResponse {
        version: PROTOCOL_VERSION,
        results,
        changes: pull.changes,
        removed: pull.removed,
        reset: pull.reset,
        cursor: pull.cursor,
        clock,
    };
    Ok((response, emails))
}

/// Checks the device is not revoked, and notes when it was last seen (at most
/// every few minutes, so that idle syncs write nothing).
fn still_enrolled(
    conn: &Connection,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<bool, ServerError> {
    let revoked: Option<Option<String>> = super::db::cached_row(
        conn,
        "SELECT revoked_at FROM devices WHERE id = ?1",
        params![caller.device_id.as_str()],
        |r| r.get(0),
    )
    .optional()?;
    if !matches!(revoked, Some(None)) {
        return Ok(false);
    }
    let stamp = |t: DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::Secs, true);
    conn.execute(
        "UPDATE devices SET last_seen = ?2 WHERE id = ?1 AND (last_seen IS NULL OR last_seen < ?3)",
        params![
            caller.device_id.as_str(),
            stamp(now),
            stamp(now - LAST_SEEN_EVERY)
        ],
    )?;
    Ok(true)
}

fn stored_outcome(
    conn: &Connection,
    caller: &Caller,
    seq: u64,
) -> Result<Option<Outcome>, ServerError> {
    let seq = i64::try_from(seq).unwrap_or(i64::MAX);
    let stored: Option<String> = super::db::cached_row(
        conn,
        "SELECT outcome FROM applied_ops WHERE device_id = ?1 AND seq = ?2",
        params![caller.device_id.as_str(), seq],
        |r| r.get(0),
    )
    .optional()?;
    stored
        .map(|json| {
            serde_json::from_str(&json)
                .map_err(|e| ServerError::Corrupt(format!("stored outcome: {e}")))
        })
        .transpose()
}

/// Keeps the answer given to one operation. A refused operation is kept
/// without its id or content: what a device sends and is refused does not
/// grow the database.
fn store_outcome(
    conn: &Connection,
    caller: &Caller,
    op: &Operation,
    outcome: &Outcome,
    now: DateTime<Utc>,
) -> Result<(), ServerError> {
    let json = serde_json::to_string(outcome).map_err(|e| ServerError::Internal(e.to_string()))?;
    let op_id = match outcome {
        Outcome::Applied => op.op_id.as_str(),
        Outcome::Rejected { .. } => {
            conn.execute(
                "UPDATE devices SET refused = refused + 1 WHERE id = ?1",
                params![caller.device_id.as_str()],
            )?;
            ""
        }
    };
    conn.execute(
        "INSERT INTO applied_ops (device_id, seq, op_id, outcome, applied_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            caller.device_id.as_str(),
            i64::try_from(op.seq).unwrap_or(i64::MAX),
            op_id,
            json,
            now.to_rfc3339()
        ],
    )?;
    Ok(())
}
