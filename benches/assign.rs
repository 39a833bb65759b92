//! Ranking volunteers for a trip on a network of a real network's size: 150
//! volunteers, 30 prisons, about 500 children and a year of trips (6,000),
//! so that continuity and double bookings look through every trip.
//!
//! (m) `plan::suggest_volunteers` for one open trip: p50, p99 and worst
//!     over many trips (target ≤ 5 ms);
//! (n) `plan::propose_assignments` for every open trip of next month.
//!
//! Run with `cargo bench --bench assign`. Prints figures; asserts nothing
//! about time.

use chrono::{Datelike, Duration, TimeZone, Utc};
use itinerances::demo::generated_network_of;
use itinerances::domain::TripId;
use itinerances::i18n::local_date;
use itinerances::plan::{propose_assignments, suggest_volunteers, PlanData};
use std::hint::black_box;
use std::time::{Duration as Elapsed, Instant};

const PRISONS: usize = 30;
const VOLUNTEERS: usize = 150;
const FAMILIES: usize = 250;
const TRIPS: usize = 6_000;
const RANKINGS: usize = 500;

fn percentile(sorted: &[Elapsed], p: f64) -> Elapsed {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Elapsed) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let now = Utc
        .with_ymd_and_hms(2026, 3, 2, 8, 0, 0)
        .single()
        .unwrap_or_else(Utc::now);
    let network = generated_network_of(7, PRISONS, VOLUNTEERS, FAMILIES, TRIPS, now.date_naive());
    let data = PlanData::from_records(&network.records);
    let ctx = data.context();
    println!(
        "network: {} volunteers, {} children, {} prisons, {} trips",
        data.volunteers.len(),
        data.children.len(),
        data.prisons.len(),
        data.trips.len()
    );

    // (m) one trip at a time, as the trip's page does.
    let future: Vec<_> = data
        .trips
        .iter()
        .filter(|t| t.visit_start > now)
        .take(RANKINGS)
        .collect();
    for trip in future.iter().take(20) {
        black_box(suggest_volunteers(trip, &ctx, now));
    }
    let mut times: Vec<Elapsed> = future
        .iter()
        .map(|trip| {
            let started = Instant::now();
            let ranked = suggest_volunteers(trip, &ctx, now);
            let took = started.elapsed();
            assert_eq!(
                ranked.len(),
                data.volunteers.len(),
                "every volunteer ranked"
            );
            black_box(ranked);
            took
        })
        .collect();
    times.sort();
    println!(
        "(m) ranking {} volunteers for one trip, over {} trips: p50 {:.3} ms, p99 {:.3} ms, worst {:.3} ms",
        data.volunteers.len(),
        times.len(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
        ms(percentile(&times, 1.0)),
    );

    // (n) every trip of next month, as if none had a volunteer yet.
    let next = local_date(now + Duration::days(31));
    let mut open_data = data.clone();
    let mut open: Vec<TripId> = Vec::new();
    for trip in &mut open_data.trips {
        let day = local_date(trip.visit_start);
        if day.year() == next.year() && day.month() == next.month() {
            trip.volunteer_id = None;
            open.push(trip.id.clone());
        }
    }
    let started = Instant::now();
    let proposals = propose_assignments(&open, &open_data.context(), now);
    let took = started.elapsed();
    let proposed = proposals.iter().filter(|p| p.suggestion.is_some()).count();
    let kept = proposals.iter().filter(|p| p.same_person).count();
    println!(
        "(n) assigning the month: {} open trips, {} proposed ({} keep the same person), in {:.1} ms",
        open.len(),
        proposed,
        kept,
        ms(took)
    );
}
