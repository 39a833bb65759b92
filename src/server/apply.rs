//! Applying one operation on the server: who may do it, whether it is valid,
//! and what it changes. The server re-runs the same [`Change::apply_to`] the
//! devices ran optimistically, and has the last word.

use super::audit::{self, Actor, AuditAction};
use super::auth::Caller;
use super::{records, ServerError};
use crate::domain::{Author, Record, RecordKey, RecordKind, TripId, VolunteerId};
use crate::protocol::{Change, Operation, Outcome, RejectCode, Role};
use chrono::{DateTime, Utc};
use rusqlite::Connection;

fn reject(code: RejectCode, message: impl Into<String>) -> Outcome {
    Outcome::Rejected {
        code,
        message: message.into(),
    }
}

/// What the checks decided: `Err` carries the refusal to send back.
type Verdict = Result<(), Outcome>;

/// Checks, then applies, one operation from `caller`.
pub(crate) fn apply_op(
    conn: &Connection,
    now: DateTime<Utc>,
    caller: &Caller,
    op: &Operation,
) -> Result<Outcome, ServerError> {
    let verdict = match caller.role {
        Role::Coordinator => check_coordinator(conn, &op.change)?,
        Role::Volunteer => check_volunteer(conn, caller.volunteer_id.as_ref(), &op.change)?,
    };
    if let Err(refusal) = verdict {
        return Ok(refusal);
    }
    write_change(conn, now, &caller.actor(), op)?;
    Ok(Outcome::Applied)
}

fn trip_exists(conn: &Connection, trip: &TripId) -> Result<Verdict, ServerError> {
    let key = RecordKey::new(RecordKind::Trip, trip.as_str());
    Ok(if records::exists(conn, &key)? {
        Ok(())
    } else {
        Err(reject(
            RejectCode::NotFound,
            format!("Trip {trip} does not exist (any more)."),
        ))
    })
}

fn check_coordinator(conn: &Connection, change: &Change) -> Result<Verdict, ServerError> {
    match change {
        Change::Put { record } => {
            if let Record::Event(_) = record {
                return Ok(Err(reject(
                    RejectCode::Invalid,
                    "Trip steps are never replaced: log a new step instead.",
                )));
            }
            if let Err(e) = record.validate() {
                return Ok(Err(reject(RejectCode::Invalid, e.to_string())));
            }
            if let Some(missing) = records::missing_reference(conn, record)? {
                return Ok(Err(reject(
                    RejectCode::NotFound,
                    format!(
                        "The {} refers to {}, which does not exist.",
                        record.kind().as_str().replace('_', " "),
                        missing
                    ),
                )));
            }
            Ok(Ok(()))
        }
        Change::Delete { key } => {
            // A trip's own steps and report go with it; anything else that
            // still points here would be left dangling.
            let blocking: Vec<RecordKey> = records::referrers(conn, key)?
                .into_iter()
                .filter(|r| {
                    !(key.kind == RecordKind::Trip
                        && matches!(r.kind, RecordKind::Event | RecordKind::Report))
                })
                .collect();
            Ok(match blocking.first() {
                Some(user) => Err(reject(
                    RejectCode::Invalid,
                    format!("{key} is still used by {user}: change or delete that first."),
                )),
                None => Ok(()),
            })
        }
        Change::LogEvent { event } => {
            if let Err(e) = event.validate() {
                return Ok(Err(reject(RejectCode::Invalid, e.to_string())));
            }
            trip_exists(conn, &event.trip_id)
        }
        Change::SubmitReport { report } => {
            if let Err(e) = report.validate() {
                return Ok(Err(reject(RejectCode::Invalid, e.to_string())));
            }
            trip_exists(conn, &report.trip_id)
        }
        Change::Assign {
            trip_id,
            volunteer_id,
        } => {
            if let Err(refusal) = trip_exists(conn, trip_id)? {
                return Ok(Err(refusal));
            }
            if let Some(v) = volunteer_id {
                let key = RecordKey::new(RecordKind::Volunteer, v.as_str());
                if !records::exists(conn, &key)? {
                    return Ok(Err(reject(
                        RejectCode::NotFound,
                        format!("Volunteer {v} does not exist (any more)."),
                    )));
                }
            }
            Ok(Ok(()))
        }
    }
}

/// Volunteers write only the steps and the report of their own trips.
fn check_volunteer(
    conn: &Connection,
    volunteer: Option<&VolunteerId>,
    change: &Change,
) -> Result<Verdict, ServerError> {
    let (trip_id, author, validation) = match change {
        Change::LogEvent { event } => (&event.trip_id, &event.author, event.validate()),
        Change::SubmitReport { report } => (&report.trip_id, &report.author, report.validate()),
        _ => {
            return Ok(Err(reject(
                RejectCode::Forbidden,
                "Volunteers can only log trip steps and reports.",
            )))
        }
    };
    let Some(volunteer) = volunteer else {
        return Ok(Err(reject(
            RejectCode::Forbidden,
            "This account is not linked to a volunteer; ask your coordinator.",
        )));
    };
    let key = RecordKey::new(RecordKind::Trip, trip_id.as_str());
    let assigned = matches!(
        records::live(conn, &key)?,
        Some(Record::Trip(trip)) if trip.volunteer_id.as_ref() == Some(volunteer)
    );
    if !assigned {
        return Ok(Err(reject(
            RejectCode::Forbidden,
            "This trip is no longer assigned to you; it has been removed from your phone.",
        )));
    }
    if *author != Author::Volunteer(volunteer.clone()) {
        return Ok(Err(reject(
            RejectCode::Forbidden,
            "Steps and reports can only be written in your own name.",
        )));
    }
    Ok(validation.map_err(|e| reject(RejectCode::Invalid, e.to_string())))
}

fn change_name(change: &Change) -> &'static str {
    match change {
        Change::Put { .. } => "put",
        Change::Delete { .. } => "delete",
        Change::LogEvent { .. } => "log_event",
        Change::SubmitReport { .. } => "submit_report",
        Change::Assign { .. } => "assign",
    }
}

/// Writes what an authorized, valid operation changes. Last writer wins per
/// record by hybrid logical clock; trip steps are written once, never again.
fn write_change(
    conn: &Connection,
    now: DateTime<Utc>,
    actor: &Actor,
    op: &Operation,
) -> Result<(), ServerError> {
    let key = op.change.key();
    let stamp = op.hlc.to_string();
    let stored = records::get(conn, &key)?;
    if let Some(stored) = &stored {
        let append_only = matches!(op.change, Change::LogEvent { .. });
        // The stamp text sorts like the stamp itself (see `Hlc`'s Display).
        if append_only || stored.hlc >= stamp {
            return Ok(());
        }
    }
    let current = stored.and_then(|s| s.record);
    let next = op.change.apply_to(current.clone());
    if current.is_none() && next.is_none() {
        return Ok(());
    }
    if next.is_none() && key.kind == RecordKind::Trip {
        for dependent in records::referrers(conn, &key)? {
            records::write(conn, &dependent, None, &stamp)?;
            audit::log(
                conn,
                now,
                actor,
                AuditAction::Write,
                &dependent,
                "delete with trip",
            )?;
        }
    }
    records::write(conn, &key, next.as_ref(), &stamp)?;
    audit::log(
        conn,
        now,
        actor,
        AuditAction::Write,
        &key,
        change_name(&op.change),
    )?;
    Ok(())
}
