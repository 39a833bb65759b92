//! A demo network to try the product with, and generated networks of any size
//! for benchmarks and scope tests.
//!
//! Built from domain types only: no I/O, and no dependency on `plan`, `store`,
//! `protocol`, `sync`, the user interface or the server. The prisons of the demo
//! are real, with approximate coordinates, but their entry rules are example
//! content (`example_content: true`, and every list says so). The families and
//! volunteers are fictional.

mod families;
mod generated;
mod prisons;
mod trips;

pub use generated::{generated_network, generated_network_of, generated_steps};

use crate::domain::{Record, VolunteerId};
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Brussels;

/// A whole network: every record, the coordinator's display name and the
/// volunteers (id and name) one can sign in as.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoNetwork {
    pub records: Vec<Record>,
    pub coordinator_name: String,
    pub volunteers: Vec<(VolunteerId, String)>,
}

impl DemoNetwork {
    /// The network's trips, out of its records.
    pub fn trips(&self) -> Vec<crate::domain::Trip> {
        self.records
            .iter()
            .filter_map(|r| match r {
                Record::Trip(t) => Some(t.clone()),
                _ => None,
            })
            .collect()
    }
}

/// The demo network around `today`: 15 Belgian prisons, 12 fictional children
/// in 7 families, 4 volunteers, trips over the past 2 weeks and the coming 6.
/// The first volunteer has two trips today (morning and afternoon).
pub fn demo_network(today: NaiveDate) -> DemoNetwork {
    let mut records = prisons::prisons_and_rooms(today);
    let people = families::people(today);
    let volunteers = people
        .volunteers
        .iter()
        .map(|v| (v.id.clone(), v.name.clone()))
        .collect();
    records.extend(trips::trips_and_events(today, &people));
    records.extend(people.into_records());
    DemoNetwork {
        records,
        coordinator_name: "Coordination Itinérances (demo)".to_owned(),
        volunteers,
    }
}

/// A Brussels wall-clock time on `day`, as UTC. Visits are planned in local time.
fn brussels(day: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN);
    let local = day.and_time(time);
    // `earliest` also covers the autumn hour that happens twice; a time in the
    // spring gap (never used for visits) falls back to reading it as UTC.
    Brussels
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&local))
}

#[cfg(test)]
mod tests;
