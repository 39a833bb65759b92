#![allow(clippy::unwrap_used)]

use super::*;
use crate::demo::{generated_network_of, generated_steps};
use crate::domain::{Record, Trip, TripEvent, TripReport};
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Europe::Brussels;

/// A generated network spread over more than a year around 2026, with one
/// trip set at 23:30 UTC on 31 December 2025 (already 2026 in Brussels).
fn network() -> (Vec<Trip>, Vec<TripEvent>, Vec<TripReport>) {
    let today = NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
    let demo = generated_network_of(11, 5, 12, 60, 900, today);
    let mut trips: Vec<Trip> = demo
        .records
        .into_iter()
        .filter_map(|r| match r {
            Record::Trip(t) => Some(t),
            _ => None,
        })
        .collect();
    for (i, trip) in trips.iter_mut().enumerate() {
        let shift = Duration::days(((i * 37) % 420) as i64 - 60);
        trip.visit_start += shift;
        trip.visit_end += shift;
    }
    let edge: DateTime<Utc> = "2025-12-31T23:30:00Z".parse().unwrap();
    trips[0].visit_start = edge;
    trips[0].visit_end = edge + Duration::minutes(60);
    let (events, reports) = generated_steps(5, &trips);
    (trips, events, reports)
}

/// The naive reading of one trip, straight from the definitions.
struct Naive {
    month: (i32, u32),
    day: NaiveDate,
    done: bool,
    reason: Option<CancelReason>,
    by_volunteer: bool,
    km: u64,
    minutes: u64,
}

fn naive(trip: &Trip, events: &[TripEvent], reports: &[TripReport]) -> Naive {
    let local = trip.visit_start.with_timezone(&Brussels);
    let mine: Vec<&TripEvent> = events.iter().filter(|e| e.trip_id == trip.id).collect();
    let mut first_cancel: Option<&TripEvent> = None;
    for e in &mine {
        if let EventKind::Cancelled { .. } = e.kind {
            let earlier = match first_cancel {
                None => true,
                Some(f) => (e.at, &e.id) < (f.at, &f.id),
            };
            if earlier {
                first_cancel = Some(e);
            }
        }
    }
    let reason = first_cancel.map(|e| match e.kind {
        EventKind::Cancelled { reason } => reason,
        _ => unreachable!(),
    });
    let reached_end = mine
        .iter()
        .any(|e| e.kind == EventKind::VisitEnded || e.kind == EventKind::Returned);
    let mut latest: Option<&TripReport> = None;
    for r in reports.iter().filter(|r| r.trip_id == trip.id) {
        if latest.is_none() || latest.unwrap().written_at <= r.written_at {
            latest = Some(r);
        }
    }
    let picked = mine
        .iter()
        .filter(|e| e.kind == EventKind::PickedUp)
        .map(|e| e.at)
        .min();
    let back = mine
        .iter()
        .filter(|e| e.kind == EventKind::Returned)
        .map(|e| e.at)
        .max();
    let minutes = match (picked, back) {
        (Some(p), Some(b)) if b > p => ((b - p).num_seconds() / 60) as u64,
        _ => 0,
    };
    Naive {
        month: (local.year(), local.month()),
        day: local.date_naive(),
        done: reached_end && reason.is_none(),
        reason,
        by_volunteer: first_cancel.is_some_and(|e| matches!(e.author, Author::Volunteer(_))),
        km: latest.map_or(0, |r| u64::from(r.kilometres)),
        minutes,
    }
}

/// Owed trips caught up, by brute force: for each owed trip in time order,
/// scan every trip for the earliest later one done for the same parent and a
/// shared child, not already taken.
fn naive_caught_up(trips: &[Trip], n: &[Naive]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..trips.len()).collect();
    order.sort_by_key(|i| (trips[*i].visit_start, trips[*i].id.clone()));
    let mut taken = vec![false; trips.len()];
    let mut caught = vec![false; trips.len()];
    for &i in &order {
        let owed_here = matches!(
            n[i].reason,
            Some(CancelReason::Strike | CancelReason::Lockdown | CancelReason::RefusedAtDoor)
        );
        if !owed_here {
            continue;
        }
        let mut best: Option<usize> = None;
        for j in 0..trips.len() {
            let fits = n[j].done
                && !taken[j]
                && trips[j].parent_id == trips[i].parent_id
                && trips[j].visit_start > trips[i].visit_start
                && trips[j]
                    .children
                    .iter()
                    .any(|c| trips[i].children.contains(c));
            let better = match best {
                None => true,
                Some(b) => {
                    (trips[j].visit_start, &trips[j].id) < (trips[b].visit_start, &trips[b].id)
                }
            };
            if fits && better {
                best = Some(j);
            }
        }
        if let Some(b) = best {
            taken[b] = true;
            caught[i] = true;
        }
    }
    caught
}

/// Counts one slice (trips for which `keep` holds) the naive way.
fn naive_tally(
    trips: &[Trip],
    n: &[Naive],
    caught: &[bool],
    keep: impl Fn(usize) -> bool,
) -> Tally {
    let mut t = Tally::default();
    let mut children: Vec<&ChildId> = Vec::new();
    for i in (0..trips.len()).filter(|i| keep(*i)) {
        t.planned += 1;
        if n[i].done {
            t.done += 1;
            for c in &trips[i].children {
                if !children.contains(&c) {
                    children.push(c);
                }
            }
        }
        if let Some(reason) = n[i].reason {
            t.cancelled += 1;
            *t.cancelled_by_reason.entry(ReasonKey(reason)).or_default() += 1;
            if n[i].by_volunteer {
                t.cancelled_by_volunteer += 1;
            } else {
                t.cancelled_by_coordinator += 1;
            }
            if matches!(
                reason,
                CancelReason::Strike | CancelReason::Lockdown | CancelReason::RefusedAtDoor
            ) {
                t.owed += 1;
                if caught[i] {
                    t.caught_up += 1;
                }
            }
        }
        t.kilometres += n[i].km;
        t.volunteer_minutes += n[i].minutes;
    }
    t.children = children.len();
    t
}

#[test]
fn every_figure_of_a_year_matches_a_naive_count_per_prison_and_per_month() {
    let (trips, events, reports) = network();
    let period = Period::year(2026);
    let fig = figures(period, &trips, &events, &reports);
    let n: Vec<Naive> = trips.iter().map(|t| naive(t, &events, &reports)).collect();
    let caught = naive_caught_up(&trips, &n);
    let in_year = |i: usize| n[i].month.0 == 2026;

    assert_eq!(fig.total, naive_tally(&trips, &n, &caught, in_year));
    assert_eq!(fig.per_month.len(), 12);
    for (m, tally) in &fig.per_month {
        let want = naive_tally(&trips, &n, &caught, |i| {
            n[i].month == (2026, m.month) && m.year == 2026
        });
        assert_eq!(tally, &want, "month {m:?}");
        assert!(want.planned > 0, "every month of the test year has trips");
    }
    let mut prisons: Vec<&PrisonId> = trips.iter().map(|t| &t.prison_id).collect();
    prisons.sort();
    prisons.dedup();
    let mut seen = 0;
    for prison in prisons {
        let want = naive_tally(&trips, &n, &caught, |i| {
            in_year(i) && &trips[i].prison_id == prison
        });
        if want.planned == 0 {
            assert!(!fig.per_prison.contains_key(prison));
            continue;
        }
        seen += 1;
        assert_eq!(fig.per_prison.get(prison), Some(&want), "prison {prison:?}");
    }
    assert_eq!(fig.per_prison.len(), seen);

    // First time: accompanied in 2026, and no visit done before 2026.
    let mut first = 0;
    let mut counted: Vec<&ChildId> = Vec::new();
    for (i, trip) in trips.iter().enumerate() {
        if !(in_year(i) && n[i].done) {
            continue;
        }
        for c in &trip.children {
            if counted.contains(&c) {
                continue;
            }
            counted.push(c);
            let before = (0..trips.len())
                .any(|j| n[j].done && n[j].day < period.from && trips[j].children.contains(c));
            if !before {
                first += 1;
            }
        }
    }
    assert_eq!(fig.first_time_children, first);

    // The data exercises every rule: otherwise the comparison proves little.
    let t = &fig.total;
    assert!(t.done > 0 && t.cancelled > 0 && t.owed > 0 && t.caught_up > 0);
    assert!(t.caught_up < t.owed, "some owed visits are still owed");
    assert!(t.cancelled_by_volunteer > 0 && t.cancelled_by_coordinator > 0);
    assert!(t.planned > t.done + t.cancelled, "some trips not done yet");
    assert!(first > 0 && first < t.children, "some children came before");
    assert!(t.kilometres > 0 && t.volunteer_minutes > 0);
    assert_eq!(
        t.cancelled_by_reason.values().sum::<usize>(),
        t.cancelled,
        "each cancelled trip has one reason"
    );
}

#[test]
fn a_trip_just_before_midnight_utc_on_new_year_counts_in_january_in_brussels() {
    let (trips, events, reports) = network();
    let only = &trips[..1];
    let fig = figures(Period::year(2026), only, &events, &reports);
    assert_eq!(fig.total.planned, 1);
    assert_eq!(fig.per_month[0].1.planned, 1);
    let before = figures(Period::year(2025), only, &events, &reports);
    assert_eq!(before.total.planned, 0);
}

#[test]
fn a_volunteer_statement_lists_done_trips_and_kilometres_per_month() {
    let (trips, events, reports) = network();
    let volunteer = trips.iter().find_map(|t| t.volunteer_id.clone()).unwrap();
    let period = Period::year(2026);
    let lines = volunteer_statement(period, &volunteer, &trips, &events, &reports);
    assert_eq!(lines.len(), 12);
    for line in &lines {
        let (mut count, mut km) = (0, 0);
        for trip in trips
            .iter()
            .filter(|t| t.volunteer_id.as_ref() == Some(&volunteer))
        {
            let n = naive(trip, &events, &reports);
            if n.done && n.month == (line.month.year, line.month.month) {
                count += 1;
                km += n.km;
            }
        }
        assert_eq!(
            (line.trips, line.kilometres),
            (count, km),
            "{:?}",
            line.month
        );
    }
    assert!(lines.iter().map(|l| l.trips).sum::<usize>() > 0);
}

#[test]
fn only_prison_side_cancellations_are_owed() {
    let owed_reasons: Vec<CancelReason> =
        CancelReason::ALL.into_iter().filter(|r| owed(*r)).collect();
    assert_eq!(
        owed_reasons,
        vec![
            CancelReason::Strike,
            CancelReason::Lockdown,
            CancelReason::RefusedAtDoor
        ]
    );
}
