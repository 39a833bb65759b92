//! Retention: personal data the job no longer needs is removed by the server
//! on its own, every hour. Steps' notes and reports' free text (incidents,
//! the account of the visit) go a set time after the trip; a child with no
//! visit right still running and no trip for a set time is made anonymous
//! (first name replaced, surname and needs emptied, archived: the id, the
//! birth year and the trips stay, so the figures count the same). After the
//! same period, a guardian none of whose children still needs a name, and
//! a parent no visit right or trip still needs, are made anonymous too: the
//! guardian's name, phone, e-mail and address go (the address also from the
//! trips that picked children up there; the place is kept to about 10 km,
//! for the distances), the parent's names go, and so do the messages sent
//! to that family and its link. Messages to families go after the notes'
//! period in any case. Audit rows go after their own period. A removal is an edit like any other: stamped
//! by the server's clock, written to the change log (so the devices that
//! hold the record receive the cleaned one at their next sync) and audited.

use super::audit::{self, Actor, AuditAction};
use super::db::Db;
use super::{records, ServerError};
use crate::domain::{Record, RecordKey, RecordKind, Trip, TripId};
use crate::protocol::{RetentionCounts, RetentionItem, RetentionPreview};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{params, Connection};
use std::collections::BTreeMap;

/// What an anonymous child, guardian or parent is called.
pub const ANONYMOUS: &str = "—";

/// How long personal data is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionPolicy {
    pub notes: Duration,
    pub children: Duration,
    pub audit: Duration,
}

impl Default for RetentionPolicy {
    /// Two years for notes (a season of visits and its follow-up), three
    /// years for a child's name after their last visit right or trip (a
    /// family may come back after a sentence break), five years for the
    /// audit log (long enough to answer a request or a complaint).
    fn default() -> Self {
        Self {
            notes: Duration::days(730),
            children: Duration::days(1095),
            audit: Duration::days(1825),
        }
    }
}

/// What one run removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RetentionRun {
    pub notes: u64,
    pub children: u64,
    /// Guardians and parents made anonymous.
    pub people: u64,
    /// Messages to families removed: those of a guardian made anonymous,
    /// and any older than the notes' period.
    pub messages: u64,
    pub audit_rows: u64,
}

/// One record with personal data, and when it goes.
struct Due {
    at: DateTime<Utc>,
    record: Record,
}

/// The last moment each person (by id) still needs their name: `None`
/// once something open-ended (a visit right without an end) needs it.
#[derive(Default)]
struct LastNeed(BTreeMap<String, Option<DateTime<Utc>>>);

impl LastNeed {
    fn note(&mut self, id: &str, at: Option<DateTime<Utc>>) {
        let entry = self
            .0
            .entry(id.to_owned())
            .or_insert(Some(DateTime::<Utc>::MIN_UTC));
        *entry = match (*entry, at) {
            // A right without an end keeps the name for as long as it runs.
            (None, _) | (_, None) => None,
            (Some(a), Some(b)) => Some(a.max(b)),
        };
    }

    /// When `id`'s name is last needed, if anything dated needs it at all.
    fn of(&self, id: &str) -> Option<DateTime<Utc>> {
        self.0
            .get(id)
            .copied()
            .flatten()
            .filter(|at| *at > DateTime::<Utc>::MIN_UTC)
    }
}

fn trip_ends(conn: &Connection) -> Result<BTreeMap<TripId, Trip>, ServerError> {
    Ok(records::all_of(conn, RecordKind::Trip)?
        .into_iter()
        .filter_map(|r| match r {
            Record::Trip(t) => Some((t.id.clone(), t)),
            _ => None,
        })
        .collect())
}

fn end_of(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(23, 59, 59)
        .map_or_else(Utc::now, |t| t.and_utc())
}

/// Every record whose personal data is set to go, with when.
fn schedule(conn: &Connection, policy: &RetentionPolicy) -> Result<Vec<Due>, ServerError> {
    let trips = trip_ends(conn)?;
    let mut out = Vec::new();
    let ended = |trip: &TripId| trips.get(trip).map(|t| t.visit_end);
    for record in records::all_of(conn, RecordKind::Event)? {
        if let Record::Event(e) = &record {
            if !e.note.is_empty() {
                let at = ended(&e.trip_id).unwrap_or(e.at) + policy.notes;
                out.push(Due { at, record });
            }
        }
    }
    for record in records::all_of(conn, RecordKind::Report)? {
        if let Record::Report(r) = &record {
            if !r.text.is_empty() || !r.incidents.is_empty() {
                let at = ended(&r.trip_id).unwrap_or(r.written_at) + policy.notes;
                out.push(Due { at, record });
            }
        }
    }
    // A child's and a parent's last need of a name: the end of their last
    // visit right or trip.
    let mut child_need = LastNeed::default();
    let mut parent_need = LastNeed::default();
    for record in records::all_of(conn, RecordKind::VisitRight)? {
        if let Record::VisitRight(r) = record {
            child_need.note(r.child_id.as_str(), r.valid_until.map(end_of));
            parent_need.note(r.parent_id.as_str(), r.valid_until.map(end_of));
        }
    }
    for trip in trips.values() {
        for child in &trip.children {
            child_need.note(child.as_str(), Some(trip.visit_end));
        }
        parent_need.note(trip.parent_id.as_str(), Some(trip.visit_end));
    }
    // A guardian needs a name as long as one of their children does, and
    // until the last trip that picked children up at their address.
    let mut guardian_need = LastNeed::default();
    for record in records::all_of(conn, RecordKind::Child)? {
        if let Record::Child(c) = &record {
            // A child never visiting nor allowed to keeps its name (and its
            // guardian theirs) until a coordinator archives or removes it.
            let need = child_need.of(c.id.as_str());
            guardian_need.note(c.guardian_id.as_str(), need);
            if c.first_name == ANONYMOUS {
                continue;
            }
            if let Some(at) = need {
                out.push(Due {
                    at: at + policy.children,
                    record,
                });
            }
        }
    }
    for trip in trips.values() {
        guardian_need.note(trip.pickup.guardian_id.as_str(), Some(trip.visit_end));
    }
    for record in records::all_of(conn, RecordKind::Guardian)? {
        if let Record::Guardian(g) = &record {
            if g.name == ANONYMOUS {
                continue;
            }
            if let Some(at) = guardian_need.of(g.id.as_str()) {
                let at = at + policy.children;
                // The address the trips copied goes with the guardian's.
                for trip in trips.values() {
                    if trip.pickup.guardian_id == g.id && trip.pickup.address != ANONYMOUS {
                        out.push(Due {
                            at,
                            record: Record::Trip(trip.clone()),
                        });
                    }
                }
                out.push(Due { at, record });
            }
        }
    }
    // A parent needs a name as long as a visit right with them runs, and
    // until their last trip.
    for record in records::all_of(conn, RecordKind::Parent)? {
        if let Record::Parent(p) = &record {
            if p.first_name == ANONYMOUS {
                continue;
            }
            if let Some(at) = parent_need.of(p.id.as_str()) {
                out.push(Due {
                    at: at + policy.children,
                    record,
                });
            }
        }
    }
    out.sort_by_key(|d| d.at);
    Ok(out)
}

/// A place kept to one decimal of a degree (about 10 km): enough for
/// distances, not enough to find a home.
fn rough(point: crate::domain::GeoPoint) -> crate::domain::GeoPoint {
    let round = |v: f64| (v * 10.0).round() / 10.0;
    crate::domain::GeoPoint::new(round(point.lat), round(point.lon))
}

/// The record without its personal data.
fn cleaned(record: &Record) -> Record {
    match record {
        Record::Event(e) => Record::Event(crate::domain::TripEvent {
            note: String::new(),
            ..e.clone()
        }),
        Record::Report(r) => Record::Report(crate::domain::TripReport {
            text: String::new(),
            incidents: String::new(),
            ..r.clone()
        }),
        Record::Child(c) => Record::Child(crate::domain::Child {
            first_name: ANONYMOUS.to_owned(),
            last_name: String::new(),
            needs: String::new(),
            archived: true,
            ..c.clone()
        }),
        Record::Guardian(g) => Record::Guardian(crate::domain::Guardian {
            name: ANONYMOUS.to_owned(),
            phone: ANONYMOUS.to_owned(),
            email: String::new(),
            pickup_address: ANONYMOUS.to_owned(),
            pickup_location: rough(g.pickup_location),
            archived: true,
            ..g.clone()
        }),
        Record::Trip(t) => Record::Trip(crate::domain::Trip {
            pickup: crate::domain::Pickup {
                address: ANONYMOUS.to_owned(),
                location: rough(t.pickup.location),
                ..t.pickup.clone()
            },
            ..t.clone()
        }),
        Record::Parent(p) => Record::Parent(crate::domain::DetainedParent {
            first_name: ANONYMOUS.to_owned(),
            last_name: String::new(),
            ..p.clone()
        }),
        other => other.clone(),
    }
}

fn audit_cutoff(now: DateTime<Utc>, policy: &RetentionPolicy) -> String {
    (now - policy.audit).to_rfc3339()
}

/// Removes what is due at `now`, in one transaction.
pub(crate) fn run(
    db: &mut Db,
    now: DateTime<Utc>,
    policy: &RetentionPolicy,
) -> Result<RetentionRun, ServerError> {
    let tx = db.conn.transaction()?;
    let mut clock = db.clock.clone();
    let mut done = RetentionRun::default();
    let mut gone_guardians = Vec::new();
    for due in schedule(&tx, policy)?
        .into_iter()
        .take_while(|d| d.at <= now)
    {
        let record = cleaned(&due.record);
        clock = clock.tick(now.timestamp_millis());
        records::write(&tx, &record.key(), Some(&record), &clock.to_string())?;
        audit::log(
            &tx,
            now,
            &Actor::default(),
            AuditAction::Write,
            &record.key(),
            "retention",
        )?;
        if record.kind() == RecordKind::Guardian {
            gone_guardians.push(record.key().id);
        }
        match record.kind() {
            RecordKind::Child => done.children += 1,
            RecordKind::Guardian | RecordKind::Parent => done.people += 1,
            // A trip's copy of the pickup address goes with its guardian.
            RecordKind::Trip => {}
            _ => done.notes += 1,
        }
    }
    // What the server told a family (their address, the message) goes with
    // them, their link too; and every message after the notes' period.
    for guardian in &gone_guardians {
        done.messages += tx.execute(
            "DELETE FROM family_notices WHERE guardian_id = ?1",
            params![guardian],
        )? as u64;
        tx.execute(
            "DELETE FROM family_links WHERE guardian_id = ?1",
            params![guardian],
        )?;
    }
    done.messages += tx.execute(
        "DELETE FROM family_notices WHERE created_at < ?1",
        params![(now - policy.notes).to_rfc3339()],
    )? as u64;
    let removed = tx.execute(
        "DELETE FROM audit_log WHERE at < ?1",
        params![audit_cutoff(now, policy)],
    )?;
    done.audit_rows = removed as u64;
    tx.commit()?;
    db.clock = clock;
    Ok(done)
}

/// What will go and when, for coordinators.
pub(crate) fn preview(
    conn: &Connection,
    now: DateTime<Utc>,
    policy: &RetentionPolicy,
) -> Result<RetentionPreview, ServerError> {
    let horizon = now + Duration::days(30);
    let mut due_now = RetentionCounts::default();
    let mut soon = RetentionCounts::default();
    let mut next = Vec::new();
    for due in schedule(conn, policy)?
        .into_iter()
        .take_while(|d| d.at <= horizon)
    {
        let counts = if due.at <= now {
            &mut due_now
        } else {
            &mut soon
        };
        match due.record.kind() {
            RecordKind::Child => counts.children += 1,
            RecordKind::Guardian | RecordKind::Parent => counts.people += 1,
            RecordKind::Trip => continue,
            _ => counts.notes += 1,
        }
        if next.len() < 100 {
            let key: RecordKey = due.record.key();
            next.push(RetentionItem {
                kind: key.kind.as_str().to_owned(),
                record_id: key.id,
                due: due.at.max(now),
            });
        }
    }
    let count_before = |cutoff: String| -> Result<u64, ServerError> {
        let n: i64 = conn.query_row(
            "SELECT COUNT(*) FROM audit_log WHERE at < ?1",
            params![cutoff],
            |r| r.get(0),
        )?;
        Ok(u64::try_from(n).unwrap_or(0))
    };
    due_now.audit_rows = count_before(audit_cutoff(now, policy))?;
    soon.audit_rows =
        count_before(audit_cutoff(horizon, policy))?.saturating_sub(due_now.audit_rows);
    Ok(RetentionPreview {
        notes_days: policy.notes.num_days(),
        children_days: policy.children.num_days(),
        audit_days: policy.audit.num_days(),
        due_now,
        within_30_days: soon,
        next,
    })
}
