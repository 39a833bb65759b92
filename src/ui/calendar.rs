//! The planning calendar's reckoning, as plain functions: the weeks of a
//! month (Monday first, days in Belgium), the week of a day, where a trip
//! stands (planned, assigned, done, cancelled), the filters, and which trips
//! stand out (no volunteer yet, or a warning to check).

use crate::domain::{ChildId, EventKind, PrisonId, Progress, Trip, VolunteerId};
use crate::i18n::local_date;
use crate::plan::{check_trip, PlanContext};
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Timelike, Utc};

/// Where a trip stands, as the calendar filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarStatus {
    /// Not cancelled, not done, no volunteer yet.
    Planned,
    /// A volunteer goes.
    Assigned,
    /// The children are back home.
    Done,
    Cancelled,
}

impl CalendarStatus {
    pub const ALL: [CalendarStatus; 4] = [
        CalendarStatus::Planned,
        CalendarStatus::Assigned,
        CalendarStatus::Done,
        CalendarStatus::Cancelled,
    ];

    /// The word used in a filter's value and in translation keys.
    pub fn key(self) -> &'static str {
        match self {
            CalendarStatus::Planned => "planned",
            CalendarStatus::Assigned => "assigned",
            CalendarStatus::Done => "done",
            CalendarStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_key(key: &str) -> Option<CalendarStatus> {
        CalendarStatus::ALL.into_iter().find(|s| s.key() == key)
    }

    /// A trip's status from its volunteer and its progress.
    pub fn of(trip: &Trip, progress: Progress) -> CalendarStatus {
        match progress {
            Progress::Cancelled(_) => CalendarStatus::Cancelled,
            Progress::Done(EventKind::Returned) => CalendarStatus::Done,
            _ if trip.volunteer_id.is_some() => CalendarStatus::Assigned,
            _ => CalendarStatus::Planned,
        }
    }
}

/// What the coordinator chose to see; `None` is "all".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CalendarFilter {
    pub prison: Option<PrisonId>,
    pub volunteer: Option<VolunteerId>,
    pub child: Option<ChildId>,
    pub status: Option<CalendarStatus>,
}

impl CalendarFilter {
    pub fn keeps(&self, trip: &Trip, status: CalendarStatus) -> bool {
        self.prison.as_ref().is_none_or(|p| &trip.prison_id == p)
            && self
                .volunteer
                .as_ref()
                .is_none_or(|v| trip.volunteer_id.as_ref() == Some(v))
            && self
                .child
                .as_ref()
                .is_none_or(|c| trip.children.contains(c))
            && self.status.is_none_or(|s| s == status)
    }
}

/// One trip as the calendar shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarTrip {
    pub trip: Trip,
    /// The day of the visit in Belgium.
    pub day: NaiveDate,
    /// The hour the visit starts, in Belgium (the week view's row).
    pub hour: u32,
    /// The children's first names.
    pub children: Vec<String>,
    /// The prison's town: short enough for a calendar cell.
    pub prison: String,
    pub status: CalendarStatus,
    /// How many warnings the trip has (none once cancelled or done).
    pub warnings: usize,
}

impl CalendarTrip {
    /// No volunteer yet, while the trip still has to happen.
    pub fn without_volunteer(&self) -> bool {
        self.status == CalendarStatus::Planned
    }

    /// Shown with a mark: no volunteer yet, or something to check.
    pub fn stands_out(&self) -> bool {
        self.without_volunteer() || self.warnings > 0
    }
}

/// The weeks shown for a month: Monday to Sunday, from the week of the 1st
/// to the week of the last day.
pub fn month_weeks(year: i32, month: u32) -> Vec<[NaiveDate; 7]> {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return Vec::new();
    };
    let last = first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(first);
    let mut start = week_of(first)[0];
    let mut weeks = Vec::new();
    while start <= last {
        weeks.push(week_of(start));
        match start.checked_add_days(Days::new(7)) {
            Some(next) => start = next,
            None => break,
        }
    }
    weeks
}

/// The Monday-to-Sunday week holding `day`.
pub fn week_of(day: NaiveDate) -> [NaiveDate; 7] {
    let monday = day
        .checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_monday())))
        .unwrap_or(day);
    std::array::from_fn(|i| {
        monday
            .checked_add_days(Days::new(i as u64))
            .unwrap_or(monday)
    })
}

/// The network's trips from `from` to `to` (days in Belgium, both included)
/// that the filter keeps, by start time.
pub fn calendar_trips(
    ctx: &PlanContext<'_>,
    from: NaiveDate,
    to: NaiveDate,
    filter: &CalendarFilter,
    now: DateTime<Utc>,
) -> Vec<CalendarTrip> {
    let mut out: Vec<CalendarTrip> = ctx
        .trips
        .iter()
        .filter_map(|trip| {
            let day = trip.visit_day();
            if day < from || day > to {
                return None;
            }
            let status = CalendarStatus::of(trip, ctx.progress(&trip.id));
            if !filter.keeps(trip, status) {
                return None;
            }
            let children = trip
                .children
                .iter()
                .map(|c| {
                    ctx.child(c)
                        .map_or_else(|| c.to_string(), |c| c.first_name.clone())
                })
                .collect();
            let prison = ctx
                .prison(&trip.prison_id)
                .map_or_else(|| trip.prison_id.to_string(), |p| p.town.clone());
            let warnings = match status {
                CalendarStatus::Done | CalendarStatus::Cancelled => 0,
                _ => check_trip(trip, ctx, now).len(),
            };
            Some(CalendarTrip {
                trip: trip.clone(),
                day,
                hour: crate::plan::local_time(trip.visit_start).hour(),
                children,
                prison,
                status,
                warnings,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        a.trip
            .visit_start
            .cmp(&b.trip.visit_start)
            .then_with(|| a.trip.id.cmp(&b.trip.id))
    });
    out
}

/// Today in Belgium.
pub fn calendar_today(now: DateTime<Utc>) -> NaiveDate {
    local_date(now)
}

#[cfg(test)]
#[path = "calendar_tests.rs"]
mod tests;
