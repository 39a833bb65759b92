//! `POST /api/v1/sync`: one round trip, in one SQLite transaction. Push (each
//! operation exactly once, checked against role and scope), then pull (the
//! device's scope since its cursor), then the server's clock.

use super::apply::apply_op;
use super::auth::Caller;
use super::db::Db;
use super::error::ApiFailure;
use super::request::{parse_json, read_body};
use super::{scope, AppState, ScopeWindow, ServerError};
use crate::protocol::{
    Hlc, OpResult, Operation, Outcome, SyncRequest, SyncResponse, MAX_OPS_PER_REQUEST,
    PROTOCOL_VERSION,
};
use std::borrow::Cow;

/// How far ahead of the server's clock a device's stamp may run. A device
/// whose date is wrong (set to next year) must not win every later edit of
/// others, nor drag every clock forward: beyond this, the server stamps its
/// operations with its own time.
pub const MAX_CLOCK_AHEAD: Duration = Duration::minutes(5);

/// `op` as the server applies it: its own stamp, unless that runs too far
/// ahead of the server's clock.
fn within_clock<'a>(op: &'a Operation, clock: &Hlc, now_millis: i64) -> Cow<'a, Operation> {
    if op.hlc.millis <= now_millis + MAX_CLOCK_AHEAD.num_milliseconds() {
        return Cow::Borrowed(op);
    }
    let server = clock.tick(now_millis);
    Cow::Owned(Operation {
        hlc: Hlc {
            node: op.hlc.node.clone(),
            ..server
        },
        ..op.clone()
    })
}
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Deserialize;

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
    let response = state
        .blocking(move |db| run_sync(db, now, &window, &caller, &request))
        .await?;
    Ok(Json(response))
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
    Ok(request)
}

pub(crate) fn run_sync(
    db: &mut Db,
    now: DateTime<Utc>,
    window: &ScopeWindow,
    caller: &Caller,
    request: &SyncRequest,
) -> Result<SyncResponse, ApiFailure> {
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
    let mut results = Vec::with_capacity(request.ops.len());
    for op in &request.ops {
        let op = within_clock(op, &clock, now_millis);
        let op = op.as_ref();
        clock = clock.observe(&op.hlc, now_millis);
        let outcome = match stored_outcome(&tx, caller, op.seq)? {
            Some(outcome) => outcome,
            None => {
                let outcome = apply_op(&tx, now, caller, op)?;
                store_outcome(&tx, caller, op, &outcome, now)?;
                outcome
            }
        };
        results.push(OpResult {
            seq: op.seq,
            op_id: op.op_id.clone(),
            outcome,
        });
    }
    let pull = scope::pull(&tx, now, window, caller, request.cursor)?;
    tx.commit().map_err(ServerError::from)?;
    clock = clock.tick(now_millis);
    db.clock = clock.clone();
    Ok(SyncResponse {
        version: PROTOCOL_VERSION,
        results,
        changes: pull.changes,
        removed: pull.removed,
        reset: pull.reset,
        cursor: pull.cursor,
        clock,
    })
}

/// Checks the device is not revoked, and notes when it was last seen (at most
/// every few minutes, so that idle syncs write nothing).
fn still_enrolled(
    conn: &Connection,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<bool, ServerError> {
    let revoked: Option<Option<String>> = conn
        .query_row(
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
            stamp(now - Duration::minutes(5))
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
    let stored: Option<String> = conn
        .query_row(
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

fn store_outcome(
    conn: &Connection,
    caller: &Caller,
    op: &crate::protocol::Operation,
    outcome: &Outcome,
    now: DateTime<Utc>,
) -> Result<(), ServerError> {
    let json = serde_json::to_string(outcome).map_err(|e| ServerError::Internal(e.to_string()))?;
    conn.execute(
        "INSERT INTO applied_ops (device_id, seq, op_id, outcome, applied_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            caller.device_id.as_str(),
            i64::try_from(op.seq).unwrap_or(i64::MAX),
            op.op_id.as_str(),
            json,
            now.to_rfc3339()
        ],
    )?;
    Ok(())
}
