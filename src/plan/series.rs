//! A series: one family's regular visits to one parent (a guardian's
//! children, planned month after month from their visit rights' rhythm).
//! A trip of a series can be changed for its date only, or for it and every
//! later trip of the series that has not begun; the month planner keeps the
//! series' habits (day of the week, time, room, car or public transport).
//!
//! Pure, like the rest of `plan`: the current time is passed in.

use crate::domain::{
    forbidden_child, ChildId, GuardianId, ParentId, Progress, SeriesId, Trip, TripEvent, TripId,
    VisitRight,
};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Brussels;
use std::collections::HashMap;

/// The series of a guardian's children's visits to one parent. Always the
/// same for the same family, so that every month's plan joins it.
pub fn family_series(parent: &ParentId, guardian: &GuardianId) -> SeriesId {
    // FNV-1a, 64 bits: stable across versions and platforms.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let bytes = parent
        .as_str()
        .bytes()
        .chain(std::iter::once(0))
        .chain(guardian.as_str().bytes());
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    SeriesId(format!("s{hash:016x}"))
}

/// The trips of `trip`'s series after it that can still change: not
/// cancelled, no step logged, not begun at `now`. Earliest first.
pub fn later_in_series<'a>(
    trip: &Trip,
    trips: &'a [Trip],
    events: &[TripEvent],
    now: DateTime<Utc>,
) -> Vec<&'a Trip> {
    let Some(series) = &trip.series else {
        return Vec::new();
    };
    let mut later: Vec<&Trip> = trips
        .iter()
        .filter(|t| t.series.as_ref() == Some(series) && t.id != trip.id)
        .filter(|t| t.visit_start > trip.visit_start && t.visit_start > now)
        .filter(|t| {
            Progress::of(events.iter().filter(|e| e.trip_id == t.id)) == Progress::NotStarted
        })
        .collect();
    later.sort_by(|a, b| a.visit_start.cmp(&b.visit_start).then(a.id.cmp(&b.id)));
    later
}

/// Why a later trip of the series was left as it was.
#[derive(Debug, Clone, PartialEq)]
pub enum LeftAsItWas {
    /// A decision forbids this child's visit on that trip's day.
    Forbidden(ChildId),
    /// The change would take every child off that trip.
    NoChildLeft,
    /// The changed trip would not be valid (the reason, from validation).
    Invalid(String),
}

/// What changing a series for all later dates does.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeriesUpdate {
    /// The later trips as they become, earliest first.
    pub changed: Vec<Trip>,
    /// The later trips the change cannot apply to, and why.
    pub left: Vec<(TripId, LeftAsItWas)>,
}

fn local(at: DateTime<Utc>) -> (NaiveDate, NaiveTime) {
    let at = at.with_timezone(&Brussels);
    (at.date_naive(), at.time())
}

fn brussels(day: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
    Brussels
        .from_local_datetime(&day.and_time(time))
        .earliest()
        .map(|at| at.with_timezone(&Utc))
}

/// The change from `before` to `after` (one trip of a series, as saved and
/// as edited) applied to the `later` trips of the series: only what was
/// changed is carried over. A new day or slot moves each later trip by the
/// same number of days, to the new times, with the changed visit's meeting
/// time (or none, for the one the plan works out); children added or taken off are
/// added to or taken off each later trip. A later trip where a decision
/// forbids the visit on its day, or that would be left without a child, is
/// left as it was.
pub fn apply_to_later(
    before: &Trip,
    after: &Trip,
    later: &[&Trip],
    rights: &[VisitRight],
) -> SeriesUpdate {
    let (before_day, _) = local(before.visit_start);
    let (after_day, after_from) = local(after.visit_start);
    let (_, after_until) = local(after.visit_end);
    let moved = before.visit_start != after.visit_start || before.visit_end != after.visit_end;
    // The meeting time agreed by hand, as a day (from the visit's) and a time.
    let meeting = |trip: &Trip| {
        trip.pickup_time.map(|p| {
            let (day, time) = local(p);
            ((day - local(trip.visit_start).0).num_days(), time)
        })
    };
    let meet = meeting(after);
    let meet_changed = meeting(before) != meet;
    let shift = Duration::days((after_day - before_day).num_days());
    let added: Vec<&ChildId> = after
        .children
        .iter()
        .filter(|c| !before.children.contains(c))
        .collect();
    let removed: Vec<&ChildId> = before
        .children
        .iter()
        .filter(|c| !after.children.contains(c))
        .collect();

    let mut update = SeriesUpdate::default();
    for trip in later {
        let mut next = (*trip).clone();
        if moved {
            let (day, _) = local(trip.visit_start);
            let day = day + shift;
            let times = brussels(day, after_from).zip(if after_until > after_from {
                brussels(day, after_until)
            } else {
                brussels(day + Duration::days(1), after_until)
            });
            let Some((start, end)) = times else {
                update.left.push((
                    trip.id.clone(),
                    LeftAsItWas::Invalid(format!("{day} {after_from} does not exist in Brussels")),
                ));
                continue;
            };
            next.visit_start = start;
            next.visit_end = end;
        }
        if moved || meet_changed {
            // The same meeting time as the changed visit's, or the computed one.
            let day = local(next.visit_start).0;
            next.pickup_time =
                meet.and_then(|(days, time)| brussels(day + Duration::days(days), time));
        }
        if !added.is_empty() || !removed.is_empty() {
            next.children.retain(|c| !removed.contains(&c));
            for child in &added {
                if !next.children.contains(child) {
                    next.children.push((*child).clone());
                }
            }
            if next.children.is_empty() {
                update
                    .left
                    .push((trip.id.clone(), LeftAsItWas::NoChildLeft));
                continue;
            }
        }
        if before.prison_id != after.prison_id {
            next.prison_id = after.prison_id.clone();
        }
        if before.room_id != after.room_id || before.prison_id != after.prison_id {
            next.room_id = after.room_id.clone();
        }
        if before.pickup != after.pickup {
            next.pickup = after.pickup.clone();
        }
        if before.travel_mode != after.travel_mode {
            next.travel_mode = after.travel_mode;
        }
        if before.travel_minutes != after.travel_minutes {
            next.travel_minutes = after.travel_minutes;
        }
        if before.volunteer_id != after.volunteer_id {
            next.volunteer_id = after.volunteer_id.clone();
        }
        if before.status != after.status {
            next.status = after.status;
        }
        if next == **trip {
            continue;
        }
        if let Some(child) =
            forbidden_child(&next.children, &next.parent_id, next.visit_day(), rights)
        {
            update
                .left
                .push((trip.id.clone(), LeftAsItWas::Forbidden(child.clone())));
            continue;
        }
        if let Err(e) = next.validate() {
            update
                .left
                .push((trip.id.clone(), LeftAsItWas::Invalid(e.message)));
            continue;
        }
        update.changed.push(next);
    }
    update
}

/// What a series keeps from one month to the next: the day of the week and
/// time of its visits, its room, how the children travel.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Habit<'a> {
    pub weekday: chrono::Weekday,
    pub from: NaiveTime,
    pub trip: &'a Trip,
}

/// The habit of each series: its latest trip before `first` that was not
/// cancelled.
pub(crate) fn habits<'a>(
    trips: &'a [Trip],
    progress: &HashMap<&TripId, Progress>,
    first: NaiveDate,
) -> HashMap<&'a SeriesId, Habit<'a>> {
    let mut out: HashMap<&SeriesId, Habit> = HashMap::new();
    for trip in trips {
        let Some(series) = &trip.series else {
            continue;
        };
        let (day, from) = local(trip.visit_start);
        let cancelled = matches!(progress.get(&trip.id), Some(Progress::Cancelled(_)));
        if day >= first || cancelled {
            continue;
        }
        let later = out
            .get(series)
            .is_none_or(|h| h.trip.visit_start < trip.visit_start);
        if later {
            out.insert(
                series,
                Habit {
                    weekday: chrono::Datelike::weekday(&day),
                    from,
                    trip,
                },
            );
        }
    }
    out
}

#[cfg(test)]
#[path = "series_tests.rs"]
mod tests;
