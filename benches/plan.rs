//! Planning a month of visits for a network of a real network's size: 250
//! families (about 500 children), 150 volunteers, 30 prisons and 6,000 trips.
//!
//! (m) next month, with the trips of the generated calendar already in it
//!     (the coordinator's usual case: a month partly planned);
//! (n) a month with nothing planned yet, after three months in which one trip
//!     in ten was cancelled by a strike (every family gets its visits and the
//!     catch-ups owed): the planner's heaviest case;
//! (o) what the "Plan a month" screen does around it: sorting the records
//!     into planning data, then (n).
//!
//! Run with `cargo bench --bench plan`. Prints figures; asserts nothing
//! about time.

mod bench_support;

use bench_support::{summary, timed};
use chrono::{Datelike, Duration, Months, NaiveDate, Utc};
use itinerances::demo::generated_network_of;
use itinerances::domain::{Author, CancelReason, EventId, EventKind, Guardian, Record, TripEvent};
use itinerances::plan::{plan_month, PlanData};

const PRISONS: usize = 30;
const VOLUNTEERS: usize = 150;
const FAMILIES: usize = 250;
const TRIPS: usize = 6_000;
const RUNS: usize = 30;

fn guardians_of(records: &[Record]) -> Vec<Guardian> {
    records
        .iter()
        .filter_map(|r| match r {
            Record::Guardian(g) => Some(g.clone()),
            _ => None,
        })
        .collect()
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    let mut network = generated_network_of(9, PRISONS, VOLUNTEERS, FAMILIES, TRIPS, today);
    let first = today.with_day(1).unwrap_or(today);

    // One trip in ten cancelled by a strike.
    let mut events = Vec::new();
    for (i, record) in network.records.iter().enumerate() {
        if let Record::Trip(trip) = record {
            if i % 10 == 0 {
                events.push(Record::Event(TripEvent {
                    id: EventId(format!("strike-{i}")),
                    trip_id: trip.id.clone(),
                    kind: EventKind::Cancelled {
                        reason: CancelReason::Strike,
                    },
                    at: trip.visit_start - Duration::hours(20),
                    author: Author::Coordinator("bench".into()),
                    note: String::new(),
                }));
            }
        }
    }
    network.records.extend(events);
    let children = network
        .records
        .iter()
        .filter(|r| matches!(r, Record::Child(_)))
        .count();
    let guardians = guardians_of(&network.records);
    let data = PlanData::from_records(&network.records);
    println!(
        "network: {children} children, {} families, {} trips, {} prisons",
        guardians.len(),
        data.trips.len(),
        data.prisons.len()
    );

    let next = first + Months::new(1);
    let mut proposed = 0;
    let mut catch_ups = 0;
    let m = timed(RUNS, || {
        let visits = plan_month(
            &data.context(),
            &guardians,
            next.year(),
            next.month(),
            today,
        );
        proposed = visits.len();
        catch_ups = visits.iter().filter(|v| v.catch_up).count();
    });
    println!(
        "(m) next month ({next}), partly planned: {proposed} visits proposed ({catch_ups} catch-ups); {}",
        summary(m)
    );

    // The generated calendar runs to today + 120 days: five months on, the
    // month is empty and the three before it hold the cancelled trips.
    let empty = first + Months::new(5);
    let n = timed(RUNS, || {
        let visits = plan_month(
            &data.context(),
            &guardians,
            empty.year(),
            empty.month(),
            today,
        );
        proposed = visits.len();
        catch_ups = visits.iter().filter(|v| v.catch_up).count();
    });
    println!(
        "(n) a month with nothing planned ({empty}): {proposed} visits proposed ({catch_ups} catch-ups); {}",
        summary(n)
    );

    let o = timed(RUNS, || {
        let data = PlanData::from_records(&network.records);
        let guardians = guardians_of(&network.records);
        let visits = plan_month(
            &data.context(),
            &guardians,
            empty.year(),
            empty.month(),
            today,
        );
        proposed = visits.len();
    });
    println!(
        "(o) records sorted, then the empty month planned: {proposed} visits; {}",
        summary(o)
    );
    println!("measured at {}", Utc::now().format("%Y-%m-%d %H:%M UTC"));
}
