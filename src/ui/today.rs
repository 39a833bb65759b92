//! Today's trips as the coordinators' board shows them: where each stands
//! (not started, picked up, at the prison, in the visit, on the way back,
//! done, cancelled), what is late, and the report once written. Plain data,
//! read from the store, tested without Dioxus.

use crate::domain::{
    CancelReason, EventKind, Progress, Record, RecordKind, Trip, TripId, TripReport,
};
use crate::i18n::local_date;
use crate::plan::PlanData;
use crate::protocol::{DeviceInfo, Role};
use crate::store::{Store, StoreError};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;

/// Minutes past the expected time of the next step before the board says
/// it is late.
pub const LATE_AFTER_MINUTES: i64 = 15;

/// Minutes without a sync from any of the volunteer's phones before the
/// board says the phone is silent, once the trip is due.
pub const SILENT_AFTER_MINUTES: i64 = 30;

/// A volunteer's phone not heard from for long while their trip is due or
/// under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Silence {
    /// The last sync of any of the volunteer's phones.
    Since(DateTime<Utc>),
    /// None of the volunteer's phones ever synced (or none is enrolled).
    Never,
}

/// Where a trip of today stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    NotStarted,
    PickedUp,
    AtPrison,
    InVisit,
    Returning,
    Done,
    Cancelled(CancelReason),
}

impl Stage {
    fn of(progress: Progress) -> Stage {
        match progress {
            Progress::NotStarted => Stage::NotStarted,
            Progress::Cancelled(reason) => Stage::Cancelled(reason),
            Progress::Done(EventKind::PickedUp) => Stage::PickedUp,
            Progress::Done(EventKind::Arrived | EventKind::Entered) => Stage::AtPrison,
            Progress::Done(EventKind::VisitStarted) => Stage::InVisit,
            Progress::Done(EventKind::VisitEnded) => Stage::Returning,
            Progress::Done(EventKind::Returned) => Stage::Done,
            Progress::Done(EventKind::Cancelled { reason }) => Stage::Cancelled(reason),
        }
    }

    /// The word used in text keys (`today-stage-…`).
    pub fn key(self) -> &'static str {
        match self {
            Stage::NotStarted => "not_started",
            Stage::PickedUp => "picked_up",
            Stage::AtPrison => "at_prison",
            Stage::InVisit => "in_visit",
            Stage::Returning => "returning",
            Stage::Done => "done",
            Stage::Cancelled(_) => "cancelled",
        }
    }

    pub const ALL: [Stage; 7] = [
        Stage::NotStarted,
        Stage::PickedUp,
        Stage::AtPrison,
        Stage::InVisit,
        Stage::Returning,
        Stage::Done,
        Stage::Cancelled(CancelReason::Other),
    ];
}

/// A step that should have been logged by now and was not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Late {
    /// The step expected next.
    pub step: EventKind,
    /// When it was expected.
    pub expected: DateTime<Utc>,
    /// The last step logged, and when, if any: the last news.
    pub last_news: Option<DateTime<Utc>>,
}

/// One trip on the board.
#[derive(Debug, Clone, PartialEq)]
pub struct TodayRow {
    pub trip: Trip,
    /// The children's first names.
    pub children: Vec<String>,
    pub volunteer: Option<String>,
    pub prison: String,
    pub meet_at: Option<DateTime<Utc>>,
    pub expected_return: Option<DateTime<Utc>>,
    pub stage: Stage,
    pub late: Option<Late>,
    pub report: Option<TripReport>,
}

/// Counts at the top of the board.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TodayCounts {
    pub trips: usize,
    pub under_way: usize,
    pub done: usize,
    pub cancelled: usize,
    pub late: usize,
    pub without_volunteer: usize,
}

/// Today's trips (Brussels date of the visit), by meeting time.
pub fn today_board(store: &dyn Store, now: DateTime<Utc>) -> Result<Vec<TodayRow>, StoreError> {
    let today = local_date(now);
    let mut records = Vec::new();
    for kind in [
        RecordKind::Trip,
        RecordKind::Event,
        RecordKind::Prison,
        RecordKind::Volunteer,
        RecordKind::Child,
    ] {
        records.extend(store.list(kind)?);
    }
    let reports: Vec<TripReport> = store
        .list(RecordKind::Report)?
        .into_iter()
        .filter_map(|r| match r {
            Record::Report(r) => Some(r),
            _ => None,
        })
        .collect();
    let data = PlanData::from_records(&records);
    let ctx = data.context();
    let mut rows: Vec<TodayRow> = data
        .trips
        .iter()
        .filter(|t| local_date(t.visit_start) == today)
        .map(|trip| {
            let timeline = ctx.timeline(trip);
            let progress = ctx.progress(&trip.id);
            let stage = Stage::of(progress);
            let last_news = data
                .events
                .iter()
                .filter(|e| e.trip_id == trip.id)
                .map(|e| e.at)
                .max();
            let late = timeline.and_then(|tl| {
                let step = progress.next_step()?;
                let expected = match step {
                    EventKind::PickedUp => tl.meet_at,
                    EventKind::Arrived => tl.at_door_by,
                    EventKind::Entered | EventKind::VisitStarted => tl.visit_start,
                    EventKind::VisitEnded => tl.visit_end,
                    EventKind::Returned => tl.expected_return,
                    EventKind::Cancelled { .. } => return None,
                };
                (now > expected + Duration::minutes(LATE_AFTER_MINUTES)).then_some(Late {
                    step,
                    expected,
                    last_news,
                })
            });
            TodayRow {
                children: trip
                    .children
                    .iter()
                    .filter_map(|c| ctx.child(c))
                    .map(|c| c.first_name.clone())
                    .collect(),
                volunteer: trip
                    .volunteer_id
                    .as_ref()
                    .and_then(|v| ctx.volunteer(v))
                    .map(|v| v.name.clone()),
                prison: ctx
                    .prison(&trip.prison_id)
                    .map(|p| p.name.clone())
                    .unwrap_or_default(),
                meet_at: timeline.map(|t| t.meet_at),
                expected_return: timeline.map(|t| t.expected_return),
                stage,
                late,
                report: reports.iter().find(|r| r.trip_id == trip.id).cloned(),
                trip: trip.clone(),
            }
        })
        .collect();
    rows.sort_by_key(|r| (r.meet_at.unwrap_or(r.trip.visit_start), r.trip.id.clone()));
    Ok(rows)
}

/// The trips of the board whose volunteer's phones are silent: from the
/// meeting time until the trip is done or cancelled, no phone of the
/// volunteer (still allowed in) has synced for [`SILENT_AFTER_MINUTES`].
/// `devices` is the server's list of enrolled devices.
pub fn silent_phones(
    rows: &[TodayRow],
    devices: &[DeviceInfo],
    now: DateTime<Utc>,
) -> HashMap<TripId, Silence> {
    let mut out = HashMap::new();
    for row in rows {
        let due = row.meet_at.is_some_and(|meet| meet <= now);
        let open = !matches!(row.stage, Stage::Done | Stage::Cancelled(_));
        let Some(volunteer) = row.trip.volunteer_id.as_ref().filter(|_| due && open) else {
            continue;
        };
        let last = devices
            .iter()
            .filter(|d| d.role == Role::Volunteer && d.revoked_at.is_none())
            .filter(|d| d.volunteer_id.as_ref() == Some(volunteer))
            .filter_map(|d| d.last_sync)
            .max();
        let silence = match last {
            None => Silence::Never,
            Some(at) if now - at > Duration::minutes(SILENT_AFTER_MINUTES) => Silence::Since(at),
            Some(_) => continue,
        };
        out.insert(row.trip.id.clone(), silence);
    }
    out
}

/// The counts of a board.
pub fn counts(rows: &[TodayRow]) -> TodayCounts {
    let mut counts = TodayCounts {
        trips: rows.len(),
        ..TodayCounts::default()
    };
    for row in rows {
        match row.stage {
            Stage::Done => counts.done += 1,
            Stage::Cancelled(_) => counts.cancelled += 1,
            Stage::NotStarted => {}
            _ => counts.under_way += 1,
        }
        if row.late.is_some() {
            counts.late += 1;
        }
        if row.trip.volunteer_id.is_none() && !matches!(row.stage, Stage::Cancelled(_)) {
            counts.without_volunteer += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests;
