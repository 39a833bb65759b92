//! The figures of a period, counted from what was recorded: trips, their steps
//! and their reports. Pure counting: no I/O, no clock (the period is passed
//! in), no names (they count, they do not need to know who).
//!
//! Rules, all in Brussels time ([`local_date`]):
//! - a trip belongs to the day and month its visit starts; it is *planned* in
//!   the period when that day is in the period, whatever became of it;
//! - it is *done* when its steps reach "visit ended" or "back home" without a
//!   cancellation before ([`Progress`]);
//! - it is *cancelled* as its first cancellation says: the reason, and who
//!   cancelled (the step's author: a volunteer or a coordinator);
//! - a child is *accompanied* when one of their trips in the period is done;
//!   counted once per period (and once per prison, once per month); *for the
//!   first time* when no trip of theirs was done before the period;
//! - *kilometres* are those of the trips' reports (one report per trip: the
//!   latest written);
//! - *volunteer hours* run from the first "picked up" to the last "back home"
//!   of a trip, cancelled or not (a volunteer sent back from the door still
//!   gave that time);
//! - *owed* and *caught up*: see [`owed`] and [`caught_up`].

pub mod csv;
#[cfg(feature = "server")]
pub mod pdf;

use crate::domain::{
    Author, CancelReason, ChildId, EventKind, ParentId, PrisonId, Progress, Trip, TripEvent,
    TripId, TripReport, VolunteerId,
};
use crate::i18n::local_date;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A span of days, from `from` to `until` included (Brussels calendar).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub until: NaiveDate,
}

impl Period {
    /// 1 January to 31 December of `year` (the default period: funders ask by year).
    pub fn year(year: i32) -> Period {
        Period {
            from: NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN),
            until: NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.until
    }

    /// Every month the period touches, in order.
    pub fn months(&self) -> Vec<Month> {
        let mut months = Vec::new();
        let mut month = Month::of(self.from);
        let last = Month::of(self.until);
        while month <= last && months.len() < 1200 {
            months.push(month);
            month = month.next();
        }
        months
    }
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl Month {
    pub fn of(day: NaiveDate) -> Month {
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    pub fn next(self) -> Month {
        if self.month >= 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }
}

/// Who cancelled a trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CancelledBy {
    Volunteer,
    Coordinator,
}

/// The counts of one slice of the period (all of it, one prison, one month).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Children with a visit done, each counted once in this slice.
    pub children: usize,
    pub planned: usize,
    pub done: usize,
    pub cancelled: usize,
    /// Cancelled trips per reason (reasons with none are absent).
    pub cancelled_by_reason: BTreeMap<ReasonKey, usize>,
    pub cancelled_by_volunteer: usize,
    pub cancelled_by_coordinator: usize,
    pub kilometres: u64,
    /// Volunteer time, in minutes.
    pub volunteer_minutes: u64,
    /// Trips cancelled for a reason on the prison's side ([`owed`]).
    pub owed: usize,
    /// Of those, how many were made up by a later visit ([`caught_up`]).
    pub caught_up: usize,
}

impl Tally {
    pub fn cancelled_for(&self, reason: CancelReason) -> usize {
        self.cancelled_by_reason
            .get(&ReasonKey(reason))
            .copied()
            .unwrap_or(0)
    }

    /// Volunteer hours, rounded down to the tenth.
    pub fn volunteer_hours(&self) -> f64 {
        (self.volunteer_minutes * 10 / 60) as f64 / 10.0
    }
}

/// A [`CancelReason`] in its listed order (for maps kept in that order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReasonKey(pub CancelReason);

impl ReasonKey {
    fn rank(self) -> usize {
        CancelReason::ALL
            .iter()
            .position(|r| *r == self.0)
            .unwrap_or(usize::MAX)
    }
}

impl PartialOrd for ReasonKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ReasonKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.rank().cmp(&other.rank())
    }
}

/// The figures of a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub period: Period,
    pub total: Tally,
    /// Children accompanied in the period whose first visit done is in it.
    pub first_time_children: usize,
    /// Every month of the period, in order, even those with nothing.
    pub per_month: Vec<(Month, Tally)>,
    /// Every prison with a trip planned in the period.
    pub per_prison: BTreeMap<PrisonId, Tally>,
}

/// Whether a cancellation leaves the family owed a visit: the trip failed for
/// a reason on the prison's side (a strike, the prison closed to visits, the
/// child refused at the door), not because of the family or the parent's
/// situation. These are the visits the network tries to make up.
pub fn owed(reason: CancelReason) -> bool {
    matches!(
        reason,
        CancelReason::Strike | CancelReason::Lockdown | CancelReason::RefusedAtDoor
    )
}

/// What the counting reads of one trip.
#[derive(Debug, Clone)]
pub struct TripOutcome<'a> {
    pub trip: &'a Trip,
    pub day: NaiveDate,
    pub progress: Progress,
    pub cancelled_by: Option<CancelledBy>,
    pub kilometres: u32,
    pub volunteer_minutes: u64,
}

impl TripOutcome<'_> {
    pub fn done(&self) -> bool {
        matches!(
            self.progress,
            Progress::Done(EventKind::VisitEnded | EventKind::Returned)
        )
    }

    pub fn owed(&self) -> bool {
        matches!(self.progress, Progress::Cancelled(reason) if owed(reason))
    }
}

/// Reads every trip's steps and report once.
pub fn outcomes<'a>(
    trips: &'a [Trip],
    events: &[TripEvent],
    reports: &[TripReport],
) -> Vec<TripOutcome<'a>> {
    let mut by_trip: HashMap<&TripId, Vec<&TripEvent>> = HashMap::new();
    for event in events {
        by_trip.entry(&event.trip_id).or_default().push(event);
    }
    let mut km: HashMap<&TripId, &TripReport> = HashMap::new();
    for report in reports {
        let keep = km
            .get(&report.trip_id)
            .is_none_or(|kept| kept.written_at <= report.written_at);
        if keep {
            km.insert(&report.trip_id, report);
        }
    }
    trips
        .iter()
        .map(|trip| {
            let mut steps = by_trip.remove(&trip.id).unwrap_or_default();
            steps.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
            let progress = Progress::of(steps.iter().copied());
            let cancelled_by = steps
                .iter()
                .find(|e| matches!(e.kind, EventKind::Cancelled { .. }))
                .map(|e| match e.author {
                    Author::Volunteer(_) => CancelledBy::Volunteer,
                    Author::Coordinator(_) => CancelledBy::Coordinator,
                });
            let picked = steps.iter().find(|e| e.kind == EventKind::PickedUp);
            let returned = steps.iter().rev().find(|e| e.kind == EventKind::Returned);
            let volunteer_minutes = match (picked, returned) {
                (Some(p), Some(r)) if r.at > p.at => (r.at - p.at).num_minutes().max(0) as u64,
                _ => 0,
            };
            TripOutcome {
                trip,
                day: local_date(trip.visit_start),
                progress,
                cancelled_by,
                kilometres: km.get(&trip.id).map_or(0, |r| r.kilometres),
                volunteer_minutes,
            }
        })
        .collect()
}

/// Which owed trips were made up: each owed trip (in order of its visit) is
/// caught up by the earliest later trip for the same parent with one of its
/// children that was done, each later trip making up one owed visit only.
/// Returns the ids of the owed trips caught up.
pub fn caught_up(outcomes: &[TripOutcome<'_>]) -> BTreeSet<TripId> {
    let mut order: Vec<&TripOutcome> = outcomes.iter().collect();
    order.sort_by(|a, b| {
        a.trip
            .visit_start
            .cmp(&b.trip.visit_start)
            .then_with(|| a.trip.id.cmp(&b.trip.id))
    });
    // Done trips per parent, in order of their visit.
    let mut done_by_parent: HashMap<&ParentId, Vec<(usize, &TripOutcome)>> = HashMap::new();
    for (i, o) in order.iter().enumerate() {
        if o.done() {
            done_by_parent
                .entry(&o.trip.parent_id)
                .or_default()
                .push((i, *o));
        }
    }
    let mut used: BTreeSet<&TripId> = BTreeSet::new();
    let mut result = BTreeSet::new();
    for (i, o) in order.iter().enumerate() {
        if !o.owed() {
            continue;
        }
        let Some(candidates) = done_by_parent.get(&o.trip.parent_id) else {
            continue;
        };
        let found = candidates.iter().find(|(j, later)| {
            *j > i
                && later.trip.visit_start > o.trip.visit_start
                && !used.contains(&later.trip.id)
                && later
                    .trip
                    .children
                    .iter()
                    .any(|c| o.trip.children.contains(c))
        });
        if let Some((_, later)) = found {
            used.insert(&later.trip.id);
            result.insert(o.trip.id.clone());
        }
    }
    result
}

/// Counts the figures of `period` over every trip, step and report recorded
/// (trips outside the period are read too: for "first time" and catch-ups).
pub fn figures(
    period: Period,
    trips: &[Trip],
    events: &[TripEvent],
    reports: &[TripReport],
) -> Figures {
    let outcomes = outcomes(trips, events, reports);
    let caught = caught_up(&outcomes);

    // The first day each child had a visit done.
    let mut first_done: HashMap<&ChildId, NaiveDate> = HashMap::new();
    for o in outcomes.iter().filter(|o| o.done()) {
        for child in &o.trip.children {
            let day = first_done.entry(child).or_insert(o.day);
            *day = (*day).min(o.day);
        }
    }

    let months = period.months();
    let mut total = Counter::default();
    let mut per_month: Vec<Counter> = vec![Counter::default(); months.len()];
    let mut per_prison: BTreeMap<PrisonId, Counter> = BTreeMap::new();
    let first_month = months.first().copied();
    for o in outcomes.iter().filter(|o| period.contains(o.day)) {
        let caught = caught.contains(&o.trip.id);
        total.add(o, caught);
        if let Some(first) = first_month {
            let m = Month::of(o.day);
            let index = (m.year - first.year) * 12 + m.month as i32 - first.month as i32;
            if let Some(c) = usize::try_from(index)
                .ok()
                .and_then(|i| per_month.get_mut(i))
            {
                c.add(o, caught);
            }
        }
        per_prison
            .entry(o.trip.prison_id.clone())
            .or_default()
            .add(o, caught);
    }
    let first_time_children = total
        .children
        .iter()
        .filter(|c| first_done.get(*c).is_some_and(|d| *d >= period.from))
        .count();
    Figures {
        period,
        total: total.finish(),
        first_time_children,
        per_month: months
            .into_iter()
            .zip(per_month.into_iter().map(Counter::finish))
            .collect(),
        per_prison: per_prison
            .into_iter()
            .map(|(p, c)| (p, c.finish()))
            .collect(),
    }
}

#[derive(Debug, Clone, Default)]
struct Counter<'a> {
    children: BTreeSet<&'a ChildId>,
    tally: Tally,
}

impl<'a> Counter<'a> {
    fn add(&mut self, o: &TripOutcome<'a>, caught_up: bool) {
        let t = &mut self.tally;
        t.planned += 1;
        if o.done() {
            t.done += 1;
            self.children.extend(o.trip.children.iter());
        }
        if let Progress::Cancelled(reason) = o.progress {
            t.cancelled += 1;
            *t.cancelled_by_reason.entry(ReasonKey(reason)).or_default() += 1;
            match o.cancelled_by {
                Some(CancelledBy::Volunteer) => t.cancelled_by_volunteer += 1,
                Some(CancelledBy::Coordinator) => t.cancelled_by_coordinator += 1,
                None => {}
            }
        }
        t.kilometres += u64::from(o.kilometres);
        t.volunteer_minutes += o.volunteer_minutes;
        if o.owed() {
            t.owed += 1;
            if caught_up {
                t.caught_up += 1;
            }
        }
    }

    fn finish(self) -> Tally {
        Tally {
            children: self.children.len(),
            ..self.tally
        }
    }
}

/// One month of a volunteer's statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLine {
    pub month: Month,
    /// Trips of this volunteer done in the month.
    pub trips: usize,
    /// Kilometres of their reports for those trips.
    pub kilometres: u64,
}

/// A volunteer's statement for reimbursement: per month of the period, the
/// trips they did (done, as in [`figures`]) and the kilometres reported.
pub fn volunteer_statement(
    period: Period,
    volunteer: &VolunteerId,
    trips: &[Trip],
    events: &[TripEvent],
    reports: &[TripReport],
) -> Vec<StatementLine> {
    let mine: Vec<Trip> = trips
        .iter()
        .filter(|t| t.volunteer_id.as_ref() == Some(volunteer))
        .cloned()
        .collect();
    let outcomes = outcomes(&mine, events, reports);
    period
        .months()
        .into_iter()
        .map(|month| {
            let done = outcomes
                .iter()
                .filter(|o| o.done() && period.contains(o.day) && Month::of(o.day) == month);
            let (trips, kilometres) =
                done.fold((0, 0), |(n, km), o| (n + 1, km + u64::from(o.kilometres)));
            StatementLine {
                month,
                trips,
                kilometres,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
