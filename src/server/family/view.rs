//! What a family's link shows, read from the records: only the guardian's
//! own children, their coming visits, and for each the time and place to
//! hand the child over, the expected return, the volunteer's first name and
//! whether it was moved or cancelled. Nothing of other families, no surname
//! of a volunteer, no prison rule: what is not read here cannot be shown.

use super::super::{records, ServerError};
use crate::domain::{
    CancelReason, Child, EventKind, GuardianId, Language, Record, RecordKey, RecordKind, Trip,
    TripId, TripStatus,
};
use crate::plan::timeline_for;
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};

/// How far ahead a family sees its visits.
pub(crate) const HORIZON_DAYS: i64 = 180;
/// At most this many visits on a page (about a year at one a fortnight).
pub(crate) const MAX_VISITS: usize = 30;

/// One coming visit, as the family reads it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct VisitView {
    pub trip_id: TripId,
    /// The guardian's own children on this visit (first names only).
    pub children: Vec<String>,
    /// The parent the children visit, by first name.
    pub parent: String,
    /// When to hand the child over.
    pub meet_at: DateTime<Utc>,
    /// Where: the pickup address, when the pickup is at this guardian's.
    pub place: Option<String>,
    pub visit_start: DateTime<Utc>,
    pub visit_end: DateTime<Utc>,
    pub expected_return: DateTime<Utc>,
    /// The volunteer's first name, once one is assigned.
    pub volunteer: Option<String>,
    pub confirmed: bool,
    /// Cancelled, with the reason when one was given.
    pub cancelled: Option<CancelReason>,
    /// Moved: when it was planned before.
    pub moved_from: Option<DateTime<Utc>>,
    /// Raised on every change the family can see (the calendar's SEQUENCE).
    pub sequence: i64,
}

/// Everything a family page or calendar shows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FamilyView {
    pub children: Vec<String>,
    pub visits: Vec<VisitView>,
}

/// A first name only: "Marie Peeters" → "Marie".
pub(crate) fn first_name(full: &str) -> String {
    full.split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn referrers_of(
    conn: &Connection,
    key: &RecordKey,
    kind: RecordKind,
) -> Result<Vec<Record>, ServerError> {
    let mut out = Vec::new();
    for referrer in records::referrers(conn, key)? {
        if referrer.kind == kind {
            if let Some(record) = records::live(conn, &referrer)? {
                out.push(record);
            }
        }
    }
    Ok(out)
}

/// The guardian's children that are still followed.
pub(crate) fn children_of(
    conn: &Connection,
    guardian: &GuardianId,
) -> Result<Vec<Child>, ServerError> {
    let key = RecordKey::new(RecordKind::Guardian, guardian.as_str());
    let mut children: Vec<Child> = referrers_of(conn, &key, RecordKind::Child)?
        .into_iter()
        .filter_map(|r| match r {
            Record::Child(c) if !c.archived && c.guardian_id == *guardian => Some(c),
            _ => None,
        })
        .collect();
    children.sort_by(|a, b| a.first_name.cmp(&b.first_name).then(a.id.cmp(&b.id)));
    Ok(children)
}

/// Whether a visit right of one of the guardian's children is still valid
/// (allowed, and not ended before `now`'s day): a link stops when none is.
pub(crate) fn has_valid_right(
    conn: &Connection,
    guardian: &GuardianId,
    now: DateTime<Utc>,
) -> Result<bool, ServerError> {
    let today = crate::i18n::local_date(now);
    for child in children_of(conn, guardian)? {
        let key = RecordKey::new(RecordKind::Child, child.id.as_str());
        for record in referrers_of(conn, &key, RecordKind::VisitRight)? {
            if let Record::VisitRight(right) = record {
                if right.child_id == child.id
                    && right.allowed
                    && right.valid_until.is_none_or(|until| until >= today)
                {
                    return Ok(true);
                }
            }
        }
    }
    Ok(false)
}

/// Why a trip was cancelled, if it was.
pub(crate) fn cancellation(
    conn: &Connection,
    trip: &TripId,
) -> Result<Option<CancelReason>, ServerError> {
    let key = RecordKey::new(RecordKind::Trip, trip.as_str());
    let mut events: Vec<_> = referrers_of(conn, &key, RecordKind::Event)?
        .into_iter()
        .filter_map(|r| match r {
            Record::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    events.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
    Ok(events.into_iter().find_map(|e| match e.kind {
        EventKind::Cancelled { reason } => Some(reason),
        _ => None,
    }))
}

/// What calendars last showed of a trip: its sequence and former start.
fn visit_state(
    conn: &Connection,
    trip: &TripId,
) -> Result<(i64, Option<DateTime<Utc>>), ServerError> {
    let row: Option<(i64, Option<String>)> = conn
        .query_row(
            "SELECT sequence, moved_from FROM family_visits WHERE trip_id = ?1",
            params![trip.as_str()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((sequence, moved_from)) = row else {
        return Ok((0, None));
    };
    let moved_from = moved_from
        .as_deref()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&Utc));
    Ok((sequence, moved_from))
}

/// The family's view of one trip, limited to `guardian`'s children; `None`
/// when none of them is on it.
pub(crate) fn visit_of(
    conn: &Connection,
    trip: &Trip,
    guardian: &GuardianId,
    children: &[Child],
) -> Result<Option<VisitView>, ServerError> {
    let names: Vec<String> = children
        .iter()
        .filter(|c| trip.children.contains(&c.id))
        .map(|c| c.first_name.clone())
        .collect();
    if names.is_empty() {
        return Ok(None);
    }
    let prison = match records::live(
        conn,
        &RecordKey::new(RecordKind::Prison, trip.prison_id.as_str()),
    )? {
        Some(Record::Prison(p)) => Some(p),
        _ => None,
    };
    let (meet_at, expected_return) = match &prison {
        Some(prison) => {
            let timeline = timeline_for(trip, prison);
            (timeline.meet_at, timeline.expected_return)
        }
        // Without the prison's sheet the times are only roughly known.
        None => (
            trip.pickup_time
                .unwrap_or(trip.visit_start - Duration::hours(1)),
            trip.visit_end + Duration::hours(1),
        ),
    };
    let parent = match records::live(
        conn,
        &RecordKey::new(RecordKind::Parent, trip.parent_id.as_str()),
    )? {
        Some(Record::Parent(p)) => first_name(&p.first_name),
        _ => String::new(),
    };
    let volunteer = match &trip.volunteer_id {
        Some(id) => match records::live(conn, &RecordKey::new(RecordKind::Volunteer, id.as_str()))?
        {
            Some(Record::Volunteer(v)) => Some(first_name(&v.name)).filter(|n| !n.is_empty()),
            _ => None,
        },
        None => None,
    };
    let (sequence, moved_from) = visit_state(conn, &trip.id)?;
    Ok(Some(VisitView {
        trip_id: trip.id.clone(),
        children: names,
        parent,
        meet_at,
        place: (trip.pickup.guardian_id == *guardian).then(|| trip.pickup.address.clone()),
        visit_start: trip.visit_start,
        visit_end: trip.visit_end,
        expected_return,
        volunteer,
        confirmed: trip.status == TripStatus::Confirmed,
        cancelled: cancellation(conn, &trip.id)?,
        moved_from,
        sequence,
    }))
}

/// The trips of the guardian's children (each once), live.
pub(crate) fn trips_of(conn: &Connection, children: &[Child]) -> Result<Vec<Trip>, ServerError> {
    let mut trips: Vec<Trip> = Vec::new();
    for child in children {
        let key = RecordKey::new(RecordKind::Child, child.id.as_str());
        for record in referrers_of(conn, &key, RecordKind::Trip)? {
            if let Record::Trip(trip) = record {
                if !trips.iter().any(|t| t.id == trip.id) {
                    trips.push(trip);
                }
            }
        }
    }
    Ok(trips)
}

/// The family view of `guardian` at `now`: coming visits (and the one under
/// way), soonest first.
pub(crate) fn family_view(
    conn: &Connection,
    guardian: &GuardianId,
    now: DateTime<Utc>,
) -> Result<FamilyView, ServerError> {
    let children = children_of(conn, guardian)?;
    let horizon = now + Duration::days(HORIZON_DAYS);
    let mut visits = Vec::new();
    for trip in trips_of(conn, &children)? {
        if trip.visit_end < now || trip.visit_start > horizon {
            continue;
        }
        if let Some(visit) = visit_of(conn, &trip, guardian, &children)? {
            visits.push(visit);
        }
    }
    visits.sort_by(|a, b| {
        a.visit_start
            .cmp(&b.visit_start)
            .then(a.trip_id.cmp(&b.trip_id))
    });
    visits.truncate(MAX_VISITS);
    Ok(FamilyView {
        children: children.into_iter().map(|c| c.first_name).collect(),
        visits,
    })
}

/// The language of a family's texts: theirs, or French (the network's first).
pub(crate) fn family_language(language: Option<Language>) -> Language {
    match language {
        // The pages exist in French, Dutch and English; German readers get English.
        Some(Language::De) => Language::En,
        None => Language::Fr,
        Some(l) => l,
    }
}
