//! Notices to families when a visit is planned, moved or cancelled, and the
//! families' "we cannot come" for the coordination.
//!
//! After every write that can change what a family sees of a visit, the
//! visit is compared with what was last shown (`family_visits`): a change
//! raises its calendar SEQUENCE, and a visit newly planned, moved or
//! cancelled queues a notice per guardian, in the guardian's language: an
//! e-mail where the guardian has an address and the server has an SMTP
//! server, otherwise a text the coordinator tells by phone or text message.
//! A notice is never lost: an e-mail that fails stays listed as failed and
//! is tried again.

use super::super::{records, ServerError};
use super::texts::{self, CannotCome};
use super::view::{cancellation, children_of, family_language, first_name, visit_of, VisitView};
use crate::domain::{GuardianId, Record, RecordKey, RecordKind, Trip, TripId};
use crate::plan::timeline_for;
use crate::protocol::{Change, NoticeChannel, NoticeKind, NoticeStatus};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

mod stored;

pub(crate) use stored::{due_emails, list, mark_done, mark_sent};

/// What decides how notices go out.
#[derive(Debug, Clone, Default)]
pub(crate) struct NoticeSettings {
    /// Whether e-mails can be sent (an SMTP server is set).
    pub email: bool,
    /// The coordination's phone number, written in every notice.
    pub phone: String,
}

/// The trips whose family view `change` may have changed.
pub(crate) fn touched_trips(
    conn: &Connection,
    change: &Change,
) -> Result<Vec<TripId>, ServerError> {
    let trips_referring = |key: RecordKey| -> Result<Vec<TripId>, ServerError> {
        Ok(records::referrers(conn, &key)?
            .into_iter()
            .filter(|k| k.kind == RecordKind::Trip)
            .map(|k| TripId(k.id))
            .collect())
    };
    Ok(match change {
        Change::Put {
            record: Record::Trip(t),
        } => vec![t.id.clone()],
        Change::Assign { trip_id, .. } => vec![trip_id.clone()],
        Change::LogEvent { event } => match event.kind {
            crate::domain::EventKind::Cancelled { .. } => vec![event.trip_id.clone()],
            _ => Vec::new(),
        },
        Change::Delete { key } if key.kind == RecordKind::Trip => vec![TripId(key.id.clone())],
        Change::Put { record } => match record.kind() {
            RecordKind::Volunteer | RecordKind::Prison | RecordKind::Child | RecordKind::Parent => {
                trips_referring(record.key())?
            }
            _ => Vec::new(),
        },
        _ => Vec::new(),
    })
}

/// What a family can see of a trip, as one comparable text.
fn fingerprint(conn: &Connection, trip: &Trip) -> Result<(String, bool), ServerError> {
    let prison = records::live(
        conn,
        &RecordKey::new(RecordKind::Prison, trip.prison_id.as_str()),
    )?;
    let times = match prison {
        Some(Record::Prison(p)) => {
            let t = timeline_for(trip, &p);
            format!(
                "{}|{}",
                t.meet_at.timestamp(),
                t.expected_return.timestamp()
            )
        }
        _ => String::new(),
    };
    let volunteer = match &trip.volunteer_id {
        Some(id) => match records::live(conn, &RecordKey::new(RecordKind::Volunteer, id.as_str()))?
        {
            Some(Record::Volunteer(v)) => first_name(&v.name),
            _ => String::new(),
        },
        None => String::new(),
    };
    let cancelled = cancellation(conn, &trip.id)?;
    let children: Vec<&str> = trip.children.iter().map(|c| c.as_str()).collect();
    Ok((
        format!(
            "{}|{}|{times}|{}|{volunteer}|{:?}|{:?}|{}",
            trip.visit_start.timestamp(),
            trip.visit_end.timestamp(),
            trip.pickup.address,
            trip.status,
            cancelled,
            children.join(",")
        ),
        cancelled.is_some(),
    ))
}

/// Compares each trip with what families were last shown, raises its
/// sequence when it changed, and (with `notify`) queues the notices of a
/// visit newly planned, moved or cancelled. Returns how many e-mails wait.
pub(crate) fn refresh_trips(
    conn: &Connection,
    now: DateTime<Utc>,
    trips: &[TripId],
    notify: bool,
    settings: &NoticeSettings,
) -> Result<usize, ServerError> {
    let mut emails = 0;
    let mut seen: Vec<&TripId> = Vec::new();
    for id in trips {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let row: Option<(String, i64, String, bool)> = conn
            .query_row(
                "SELECT fingerprint, sequence, start_at, cancelled FROM family_visits WHERE trip_id = ?1",
                params![id.as_str()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let trip = match records::live(conn, &RecordKey::new(RecordKind::Trip, id.as_str()))? {
            Some(Record::Trip(t)) => t,
            _ => {
                // A deleted trip: calendars that still hold it see it cancelled.
                if let Some((_, sequence, _, false)) = row {
                    conn.execute(
                        "UPDATE family_visits SET sequence = ?2, cancelled = 1, changed_at = ?3, fingerprint = 'deleted'
                         WHERE trip_id = ?1",
                        params![id.as_str(), sequence + 1, now.to_rfc3339()],
                    )?;
                }
                continue;
            }
        };
        let (print, cancelled) = fingerprint(conn, &trip)?;
        let kind = match row {
            None => {
                conn.execute(
                    "INSERT INTO family_visits (trip_id, fingerprint, sequence, start_at, cancelled, changed_at)
                     VALUES (?1, ?2, 0, ?3, ?4, ?5)",
                    params![id.as_str(), print, trip.visit_start.to_rfc3339(), cancelled, now.to_rfc3339()],
                )?;
                (!cancelled).then_some(NoticeKind::Planned)
            }
            Some((old, _, _, _)) if old == print => None,
            Some((_, sequence, start, was_cancelled)) => {
                let former = DateTime::parse_from_rfc3339(&start)
                    .map(|t| t.with_timezone(&Utc))
                    .ok();
                let moved = former.is_some_and(|f| f != trip.visit_start);
                conn.execute(
                    "UPDATE family_visits SET fingerprint = ?2, sequence = ?3, start_at = ?4,
                         moved_from = CASE WHEN ?5 THEN ?6 ELSE moved_from END,
                         cancelled = ?7, changed_at = ?8
                     WHERE trip_id = ?1",
                    params![
                        id.as_str(),
                        print,
                        sequence + 1,
                        trip.visit_start.to_rfc3339(),
                        moved,
                        start,
                        cancelled,
                        now.to_rfc3339()
                    ],
                )?;
                if cancelled && !was_cancelled {
                    Some(NoticeKind::Cancelled)
                } else if moved && !cancelled {
                    Some(NoticeKind::Moved)
                } else {
                    None
                }
            }
        };
        if let (true, Some(kind)) = (notify && trip.visit_end > now, kind) {
            emails += queue_for_trip(conn, now, &trip, kind, settings)?;
        }
    }
    Ok(emails)
}

/// The guardians of a trip's children.
fn guardians_of(conn: &Connection, trip: &Trip) -> Result<Vec<GuardianId>, ServerError> {
    let mut out: Vec<GuardianId> = Vec::new();
    for child in &trip.children {
        if let Some(Record::Child(c)) =
            records::live(conn, &RecordKey::new(RecordKind::Child, child.as_str()))?
        {
            if !out.contains(&c.guardian_id) {
                out.push(c.guardian_id);
            }
        }
    }
    Ok(out)
}

/// Queues one notice per guardian of the trip; returns how many are e-mails.
fn queue_for_trip(
    conn: &Connection,
    now: DateTime<Utc>,
    trip: &Trip,
    kind: NoticeKind,
    settings: &NoticeSettings,
) -> Result<usize, ServerError> {
    let mut emails = 0;
    for guardian_id in guardians_of(conn, trip)? {
        let Some(Record::Guardian(guardian)) = records::live(
            conn,
            &RecordKey::new(RecordKind::Guardian, guardian_id.as_str()),
        )?
        else {
            continue;
        };
        if guardian.archived {
            continue;
        }
        let children = children_of(conn, &guardian_id)?;
        let Some(visit) = visit_of(conn, trip, &guardian_id, &children)? else {
            continue;
        };
        let lang = family_language(guardian.language);
        let (subject, body) = texts::notice(lang, kind, &visit, &settings.phone, None);
        let by_email = settings.email && !guardian.email.trim().is_empty();
        let (channel, recipient, status) = if by_email {
            emails += 1;
            (
                NoticeChannel::Email,
                guardian.email.trim().to_owned(),
                NoticeStatus::Queued,
            )
        } else {
            (
                NoticeChannel::Phone,
                guardian.phone.clone(),
                NoticeStatus::ToTell,
            )
        };
        insert(
            conn,
            now,
            &guardian_id,
            Some(&trip.id),
            kind,
            channel,
            &recipient,
            lang,
            &subject,
            &body,
            status,
        )?;
    }
    Ok(emails)
}

#[allow(clippy::too_many_arguments)]
fn insert(
    conn: &Connection,
    now: DateTime<Utc>,
    guardian: &GuardianId,
    trip: Option<&TripId>,
    kind: NoticeKind,
    channel: NoticeChannel,
    recipient: &str,
    lang: crate::domain::Language,
    subject: &str,
    body: &str,
    status: NoticeStatus,
) -> Result<(), ServerError> {
    conn.execute(
        "INSERT INTO family_notices (created_at, guardian_id, trip_id, kind, channel, recipient,
             language, subject, body, status, next_try)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?1)",
        params![
            now.to_rfc3339(),
            guardian.as_str(),
            trip.map(|t| t.as_str()),
            kind.as_str(),
            channel.as_str(),
            recipient,
            lang.code(),
            subject,
            body,
            status.as_str()
        ],
    )?;
    Ok(())
}

/// A family's "we cannot come" about one of their visits, for the
/// coordination to act on. A second message about the same visit while the
/// first waits adds nothing.
pub(crate) fn cannot_come(
    conn: &Connection,
    now: DateTime<Utc>,
    guardian: &GuardianId,
    lang: crate::domain::Language,
    visit: &VisitView,
    said: CannotCome,
    phone_of_family: &str,
) -> Result<(), ServerError> {
    let waiting: Option<i64> = conn
        .query_row(
            "SELECT id FROM family_notices WHERE guardian_id = ?1 AND trip_id = ?2
                 AND kind = 'cannot_come' AND status = 'to_act'",
            params![guardian.as_str(), visit.trip_id.as_str()],
            |r| r.get(0),
        )
        .optional()?;
    if waiting.is_some() {
        return Ok(());
    }
    let (subject, body) = texts::notice(
        lang,
        NoticeKind::CannotCome,
        visit,
        phone_of_family,
        Some(said),
    );
    insert(
        conn,
        now,
        guardian,
        Some(&visit.trip_id),
        NoticeKind::CannotCome,
        NoticeChannel::Office,
        phone_of_family,
        lang,
        &subject,
        &body,
        NoticeStatus::ToAct,
    )
}
