//! Applying one operation on the server: who may do it, whether it is valid,
//! and what it changes. The server re-runs the same [`Change::apply_to`] the
//! devices ran optimistically, and has the last word.

use super::audit::{self, Actor, AuditAction};
use super::auth::Caller;
use super::{records, ServerError};
use crate::domain::{
    forbidden_child, Author, Record, RecordKey, RecordKind, Trip, TripId, TripReport, VisitRight,
    VolunteerId,
};
use crate::protocol::{Change, Hlc, Operation, Outcome, RejectCode, Role};
use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

fn reject(code: RejectCode, message: impl Into<String>) -> Outcome {
    Outcome::Rejected {
        code,
        message: message.into(),
    }
}

/// What the checks decided: `Err` carries the refusal to send back.
type Verdict = Result<(), Outcome>;

/// How far ahead of the server's clock a step or a report may be dated: a
/// phone whose clock runs a little fast is fine, next year is not.
const MAX_DATED_AHEAD: Duration = Duration::days(1);

/// Checks, then applies, one operation from `caller`, stamped `stamp` by the
/// server (see `sync::server_stamp`).
pub(crate) fn apply_op(
    conn: &Connection,
    now: DateTime<Utc>,
    caller: &Caller,
    op: &Operation,
    stamp: &Hlc,
) -> Result<Outcome, ServerError> {
    let verdict = match caller.role {
        Role::Coordinator => check_coordinator(conn, caller, &op.change)?,
        Role::Volunteer => check_volunteer(conn, caller.volunteer_id.as_ref(), &op.change)?,
    }
    .and_then(|()| dated_in_time(&op.change, now));
    if let Err(refusal) = verdict {
        return Ok(refusal);
    }
    write_change(conn, now, &caller.actor(), op, stamp)
}

/// Refuses a step or a report dated in the future.
fn dated_in_time(change: &Change, now: DateTime<Utc>) -> Verdict {
    let dated = match change {
        Change::LogEvent { event } => Some(event.at),
        Change::SubmitReport { report } => Some(report.written_at),
        Change::Put {
            record: Record::Report(report),
        } => Some(report.written_at),
        _ => None,
    };
    match dated {
        Some(at) if at > now + MAX_DATED_AHEAD => Err(reject(
            RejectCode::Invalid,
            format!(
                "It is dated {}, in the future: check the device's date and time, then enter it again.",
                at.format("%Y-%m-%d %H:%M UTC")
            ),
        )),
        _ => Ok(()),
    }
}

/// A coordinator writes steps and reports in their own name only: a
/// correction is a new, visible entry, never one in a volunteer's name.
fn signed_by_caller(caller: &Caller, author: &Author) -> Verdict {
    match author {
        Author::Coordinator(name) if *name == caller.display_name => Ok(()),
        _ => Err(reject(
            RejectCode::Forbidden,
            format!(
                "Steps and reports are written in your own name (\"{}\"), never in someone else's.",
                caller.display_name
            ),
        )),
    }
}

fn check_coordinator_report(
    conn: &Connection,
    caller: &Caller,
    report: &TripReport,
) -> Result<Verdict, ServerError> {
    if let Err(e) = report.validate() {
        return Ok(Err(reject(RejectCode::Invalid, e.to_string())));
    }
    if let Err(refusal) = signed_by_caller(caller, &report.author) {
        return Ok(Err(refusal));
    }
    trip_exists(conn, &report.trip_id)
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

/// A trip never takes a child to a parent a decision forbids them to visit
/// on that day: the one warning of the plan that blocks, here as on screen.
fn no_forbidden_visit(conn: &Connection, trip: &Trip) -> Result<Verdict, ServerError> {
    let rights: Vec<VisitRight> = records::all_of(conn, RecordKind::VisitRight)?
        .into_iter()
        .filter_map(|r| match r {
            Record::VisitRight(right) if right.parent_id == trip.parent_id => Some(right),
            _ => None,
        })
        .collect();
    let day = trip.visit_day();
    Ok(
        match forbidden_child(&trip.children, &trip.parent_id, day, &rights) {
            Some(child) => Err(reject(
                RejectCode::Forbidden,
                format!(
                    "Visits between child {child} and parent {} are forbidden on {}: a decision says so. Remove the child from this trip, or record the new decision first.",
                    trip.parent_id,
                    day.format("%d/%m/%Y")
                ),
            )),
            None => Ok(()),
        },
    )
}

fn check_coordinator(
    conn: &Connection,
    caller: &Caller,
    change: &Change,
) -> Result<Verdict, ServerError> {
    match change {
        Change::Put { record } => {
            match record {
                Record::Event(_) => {
                    return Ok(Err(reject(
                        RejectCode::Invalid,
                        "Trip steps are never replaced: log a new step instead.",
                    )))
                }
                Record::Report(report) => return check_coordinator_report(conn, caller, report),
                Record::Trip(trip) => {
                    if let Err(refusal) = no_forbidden_visit(conn, trip)? {
                        return Ok(Err(refusal));
                    }
                }
                _ => {}
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
            // What happened on a trip stays: steps and reports are never
            // deleted, and neither is a trip that has them.
            match key.kind {
                RecordKind::Event => {
                    return Ok(Err(reject(
                        RejectCode::Forbidden,
                        "Trip steps are never deleted: log a new step, in your name, that corrects it.",
                    )))
                }
                RecordKind::Report => {
                    return Ok(Err(reject(
                        RejectCode::Forbidden,
                        "Reports are never deleted: correct the report instead; the correction is signed with your name.",
                    )))
                }
                _ => {}
            }
            let users = records::referrers(conn, key)?;
            if key.kind == RecordKind::Trip
                && users
                    .iter()
                    .any(|r| matches!(r.kind, RecordKind::Event | RecordKind::Report))
            {
                return Ok(Err(reject(
                    RejectCode::Forbidden,
                    "This trip has steps or a report: cancel it (with the reason) instead of deleting it.",
                )));
            }
            Ok(match users.first() {
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
            if let Err(refusal) = signed_by_caller(caller, &event.author) {
                return Ok(Err(refusal));
            }
            trip_exists(conn, &event.trip_id)
        }
        Change::SubmitReport { report } => check_coordinator_report(conn, caller, report),
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

fn superseded(key: &RecordKey) -> Outcome {
    reject(
        RejectCode::Superseded,
        format!(
            "The {} was changed by someone else after this change was made: their newer version is kept.",
            key.kind.as_str().replace('_', " ")
        ),
    )
}

/// Writes what an authorized, valid operation changes, and says whether it
/// took. Last writer wins per record by the server's stamp: an older change
/// is answered `superseded`, never "applied" and dropped. Trip steps are
/// written once, never again.
fn write_change(
    conn: &Connection,
    now: DateTime<Utc>,
    actor: &Actor,
    op: &Operation,
    stamp: &Hlc,
) -> Result<Outcome, ServerError> {
    let key = op.change.key();
    let stamp = stamp.to_string();
    let stored = records::get(conn, &key)?;
    if let Some(stored) = &stored {
        if let Change::LogEvent { event } = &op.change {
            // The same step sent again (an app restarted during its undo
            // window) is taken once; another step under a used id is not.
            return Ok(match &stored.record {
                Some(Record::Event(existing)) if existing == event => Outcome::Applied,
                _ => reject(
                    RejectCode::Invalid,
                    "Another step already has this id: update the app.",
                ),
            });
        }
        // The stamp text sorts like the stamp itself (see `Hlc`'s Display).
        if stored.hlc >= stamp {
            return Ok(superseded(&key));
        }
    }
    let current = stored.and_then(|s| s.record);
    let next = op.change.apply_to(current.clone());
    if current.is_none() && next.is_none() {
        return Ok(Outcome::Applied);
    }
    let mut detail = change_name(&op.change).to_owned();
    if let (Some(Record::Report(before)), Some(Record::Report(after))) = (&current, &next) {
        if let (Author::Volunteer(v), Author::Coordinator(_)) = (&before.author, &after.author) {
            detail = format!("{detail}: corrects the report of volunteer {v}");
        }
    }
    records::write(conn, &key, next.as_ref(), &stamp)?;
    audit::log(conn, now, actor, AuditAction::Write, &key, &detail)?;
    Ok(Outcome::Applied)
}
