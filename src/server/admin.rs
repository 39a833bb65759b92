//! Coordinators' endpoints (enrollment codes, devices, audit log) and the
//! single-trip read any device may make within its scope.

use super::audit::{self, AuditAction, AuditEntry};
use super::auth::{self, Caller, Coordinator};
use super::error::ApiFailure;
use super::request::JsonBody;
use super::{qr, records, AppState, ServerError};
use crate::domain::{AccountId, DeviceId, Record, RecordKey, RecordKind, Trip, VolunteerId};
use crate::protocol::{CreateCodeRequest, CreateCodeResponse, DeviceInfo, Role};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Deserialize;

pub(crate) async fn post_enrollment_code(
    State(state): State<AppState>,
    Coordinator(caller): Coordinator,
    JsonBody(request): JsonBody<CreateCodeRequest>,
) -> Result<Json<CreateCodeResponse>, ApiFailure> {
    let now = state.now();
    state
        .blocking(move |db| {
            auth::create_code(
                &db.conn,
                now,
                &caller.actor(),
                request.role,
                &request.display_name,
                request.volunteer_id,
                auth::DEFAULT_CODE_VALIDITY,
            )
            .map_err(ApiFailure::from)
        })
        .await
        .map(|mut created| {
            if let Some(url) = request.server_url.as_deref() {
                created.enroll_link = qr::enroll_link(url, &created.code);
                created.qr_svg = created.enroll_link.as_deref().and_then(qr::svg);
            }
            Json(created)
        })
}

/// Every device ever enrolled, newest first: whose it is, when it last
/// synced, how many of its changes were refused, and whether it was revoked.
pub(crate) async fn get_devices(
    State(state): State<AppState>,
    Coordinator(_): Coordinator,
) -> Result<Json<Vec<DeviceInfo>>, ApiFailure> {
    state
        .read(|conn| devices(conn).map_err(ApiFailure::from))
        .await
        .map(Json)
}

type DeviceRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
    i64,
);

fn devices(conn: &rusqlite::Connection) -> Result<Vec<DeviceInfo>, ServerError> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, a.id, a.display_name, a.role, a.volunteer_id, d.name, d.created_at,
                d.last_seen, d.revoked_at, d.refused
         FROM devices d JOIN accounts a ON a.id = d.account_id
         ORDER BY d.created_at DESC, d.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get(7)?,
            r.get(8)?,
            r.get(9)?,
        ))
    })?;
    let time = |t: &str| {
        DateTime::parse_from_rfc3339(t)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| ServerError::Corrupt(format!("device time {t}: {e}")))
    };
    let mut out = Vec::new();
    for row in rows {
        let (device, account, person, role, volunteer, name, created, seen, revoked, refused): DeviceRow = row?;
        out.push(DeviceInfo {
            device_id: DeviceId(device),
            account_id: AccountId(account),
            person,
            role: Role::parse(&role).ok_or_else(|| ServerError::Corrupt(format!("role {role}")))?,
            volunteer_id: volunteer.map(VolunteerId),
            name,
            enrolled_at: time(&created)?,
            last_sync: seen.as_deref().map(time).transpose()?,
            revoked_at: revoked.as_deref().map(time).transpose()?,
            refused: u64::try_from(refused).unwrap_or(0),
        });
    }
    Ok(out)
}

/// A trip, if it is in the caller's scope. A volunteer asking for someone
/// else's trip gets the same answer as for a trip that does not exist.
pub(crate) async fn get_trip(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Trip>, ApiFailure> {
    let now = state.now();
    let window = state.scope_window();
    state
        .blocking(move |db| {
            let key = RecordKey::new(RecordKind::Trip, id.as_str());
            let trip = match records::live(&db.conn, &key)? {
                Some(Record::Trip(trip)) => Some(trip),
                _ => None,
            };
            let visible = trip.filter(|t| match caller.role {
                Role::Coordinator => true,
                Role::Volunteer => {
                    t.volunteer_id.is_some()
                        && t.volunteer_id == caller.volunteer_id
                        && t.visit_start >= now - Duration::days(window.past_days)
                        && t.visit_start <= now + Duration::days(window.future_days)
                }
            });
            let Some(trip) = visible else {
                return Err(ApiFailure::not_found(format!(
                    "There is no trip {id} for you. It may have been cancelled or given to someone else: sync to see your current trips."
                )));
            };
            audit::log(&db.conn, now, &caller.actor(), AuditAction::Read, &key, "get trip")?;
            Ok(trip)
        })
        .await
        .map(Json)
}

/// Revokes a device: its token stops working at once.
pub(crate) async fn delete_device(
    State(state): State<AppState>,
    Coordinator(caller): Coordinator,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiFailure> {
    let now = state.now();
    state
        .blocking(move |db| {
            let device = DeviceId(id);
            let revoked: Option<Option<String>> = db
                .conn
                .query_row(
                    "SELECT revoked_at FROM devices WHERE id = ?1",
                    params![device.as_str()],
                    |r| r.get(0),
                )
                .optional()
                .map_err(ServerError::from)?;
            match revoked {
                None => Err(ApiFailure::not_found(format!(
                    "There is no device {device}; it may have been removed already."
                ))),
                Some(Some(_)) => Ok(StatusCode::NO_CONTENT),
                Some(None) => {
                    db.conn
                        .execute(
                            "UPDATE devices SET revoked_at = ?2 WHERE id = ?1",
                            params![device.as_str(), now.to_rfc3339()],
                        )
                        .map_err(ServerError::from)?;
                    audit::log(
                        &db.conn,
                        now,
                        &caller.actor(),
                        AuditAction::Write,
                        &audit::device_key(&device),
                        "revoke",
                    )?;
                    tracing::info!(%device, by = %caller.account_id, "device revoked");
                    Ok(StatusCode::NO_CONTENT)
                }
            }
        })
        .await
}

#[derive(Debug, Deserialize)]
pub(crate) struct AuditQuery {
    limit: Option<u32>,
    /// Rows older than this row id (the `id` of the last row of a page).
    before: Option<i64>,
    /// Only rows about this kind of record (`child`, `device`...).
    kind: Option<String>,
    /// Only rows about this record (with `kind`).
    record_id: Option<String>,
    /// Only rows about one person's data: `child:ID`, `guardian:ID`,
    /// `parent:ID` or `volunteer:ID`.
    person: Option<String>,
    /// `read` or `write`.
    action: Option<String>,
    /// First and last day (YYYY-MM-DD, Belgian time), both included.
    from: Option<String>,
    to: Option<String>,
}

/// A day of the query (YYYY-MM-DD).
fn query_day(text: &str, field: &str) -> Result<chrono::NaiveDate, ApiFailure> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        ApiFailure::malformed(format!(
            "{field}={text} is not a date: write it as 2026-03-31."
        ))
    })
}

/// When a Belgian day starts, in UTC.
fn day_start(day: chrono::NaiveDate) -> Option<DateTime<Utc>> {
    day.and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(chrono_tz::Europe::Brussels).earliest())
        .map(|t| t.with_timezone(&Utc))
}

fn audit_filter(query: AuditQuery) -> Result<(audit::AuditFilter, Option<String>), ApiFailure> {
    let action = match query.action.as_deref() {
        None | Some("") => None,
        Some("read") => Some(AuditAction::Read),
        Some("write") => Some(AuditAction::Write),
        Some(other) => {
            return Err(ApiFailure::malformed(format!(
                "action={other} is unknown: use action=read or action=write."
            )))
        }
    };
    let from = match query.from.as_deref().filter(|t| !t.is_empty()) {
        Some(t) => day_start(query_day(t, "from")?),
        None => None,
    };
    // Up to the start of the day after `to`.
    let until = match query.to.as_deref().filter(|t| !t.is_empty()) {
        Some(t) => query_day(t, "to")?.succ_opt().and_then(day_start),
        None => None,
    };
    if let (Some(from), Some(until)) = (from, until) {
        if until <= from {
            return Err(ApiFailure::malformed(
                "from= comes after to=: give the first day first.".to_owned(),
            ));
        }
    }
    let person = query.person.filter(|p| !p.is_empty());
    if let Some(p) = &person {
        if audit::parse_person(p).is_none() {
            return Err(ApiFailure::malformed(format!(
                "person={p} is not a person: use child:ID, guardian:ID, parent:ID or volunteer:ID."
            )));
        }
    }
    Ok((
        audit::AuditFilter {
            limit: query.limit.unwrap_or(100).clamp(1, 1000),
            before: query.before,
            kind: query.kind,
            record_id: query.record_id,
            action,
            from,
            until,
            keys: None,
        },
        person,
    ))
}

/// The audit log, newest first, a page at a time: `?before=` the last `id`
/// of a page gives the next one. `?person=` gives the rows about one person's
/// data. Reading the audit log is itself written in it.
pub(crate) async fn get_audit(
    State(state): State<AppState>,
    Coordinator(caller): Coordinator,
    query: Result<Query<AuditQuery>, QueryRejection>,
) -> Result<Json<Vec<AuditEntry>>, ApiFailure> {
    let Query(query) = query.map_err(|e| {
        ApiFailure::malformed(format!(
            "{e}; use ?limit= (1 to 1000), ?before= (a row id), ?kind=, ?record_id=, \
             ?person=, ?action=, ?from= and ?to=."
        ))
    })?;
    let (mut filter, person) = audit_filter(query)?;
    let now = state.now();
    state
        .blocking(move |db| {
            if let Some((kind, id)) = person.as_deref().and_then(audit::parse_person) {
                filter.keys = Some(audit::person_keys(&db.conn, kind, &id)?);
            }
            let rows = audit::page(&db.conn, &filter)?;
            let about = audit::AuditKey {
                kind: "audit",
                id: person.unwrap_or_else(|| "all".to_owned()),
            };
            audit::log(
                &db.conn,
                now,
                &caller.actor(),
                AuditAction::Read,
                &about,
                "audit",
            )?;
            Ok(Json(rows))
        })
        .await
}

/// What the server's retention will remove, and when.
pub(crate) async fn get_retention(
    State(state): State<AppState>,
    Coordinator(_): Coordinator,
) -> Result<Json<crate::protocol::RetentionPreview>, ApiFailure> {
    let now = state.now();
    let policy = state.retention_policy();
    state
        .read(move |conn| {
            super::retention::preview(conn, now, &policy)
                .map(Json)
                .map_err(ApiFailure::from)
        })
        .await
}
