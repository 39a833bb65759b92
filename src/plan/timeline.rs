//! The timeline of a trip: when to meet the child, leave, be at the prison
//! door, and be back.
//!
//! Pure arithmetic on domain types; no clock, no I/O. Depends on `domain`,
//! `chrono` and `chrono-tz` only.

use super::travel::{estimate_travel, TravelEstimate};
use crate::domain::{Prison, Trip};
use chrono::{DateTime, Duration, Utc};
use chrono_tz::{Europe::Brussels, Tz};

/// Minutes between meeting the guardian and leaving: the child's bag, the car
/// seat, a word with the guardian about how the child is today.
pub const HANDOVER_MARGIN_MINUTES: i64 = 10;
/// Minutes from the end of the visit to being back at the car: collecting
/// things from the lockers, going out through security.
pub const EXIT_MINUTES: i64 = 15;

/// The planned times of a trip, in UTC (see [`local_time`] to show them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timeline {
    /// When the volunteer meets the guardian and the child.
    pub meet_at: DateTime<Utc>,
    /// When they must leave the pickup place.
    pub leave_by: DateTime<Utc>,
    /// When they must be at the visitors' door.
    pub at_door_by: DateTime<Utc>,
    pub visit_start: DateTime<Utc>,
    pub visit_end: DateTime<Utc>,
    /// When the child is expected back at the pickup place.
    pub expected_return: DateTime<Utc>,
    /// One way, pickup place to prison.
    pub travel: TravelEstimate,
    /// True when the travel time is the one logged on the trip, not the estimate.
    pub travel_from_record: bool,
}

/// The timeline of `trip` to `prison` (the trip's prison).
pub fn timeline_for(trip: &Trip, prison: &Prison) -> Timeline {
    let estimate = estimate_travel(trip.pickup.location, prison.location, trip.travel_mode);
    // A time known from experience beats the straight-line estimate; the
    // distance is kept from the estimate since the trip does not record it.
    let (travel, travel_from_record) = match trip.travel_minutes {
        Some(minutes) => (
            TravelEstimate {
                minutes,
                ..estimate
            },
            true,
        ),
        None => (estimate, false),
    };
    let travel_time = Duration::minutes(i64::from(travel.minutes));
    let at_door_by = trip.visit_start - Duration::minutes(i64::from(prison.arrival_lead_minutes));
    let leave_by = at_door_by - travel_time;
    let meet_at = trip
        .pickup_time
        .unwrap_or(leave_by - Duration::minutes(HANDOVER_MARGIN_MINUTES));
    let expected_return = trip.visit_end + Duration::minutes(EXIT_MINUTES) + travel_time;
    Timeline {
        meet_at,
        leave_by,
        at_door_by,
        visit_start: trip.visit_start,
        visit_end: trip.visit_end,
        expected_return,
        travel,
        travel_from_record,
    }
}

/// A time as shown to people: Brussels wall-clock time.
pub fn local_time(dt: DateTime<Utc>) -> DateTime<Tz> {
    dt.with_timezone(&Brussels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::TravelMode;
    use crate::plan::fixtures::{at, prison, trip};

    fn hm(dt: DateTime<Utc>) -> String {
        local_time(dt).format("%H:%M").to_string()
    }

    /// Visit start (local), minutes, lead, stored travel, agreed pickup (local)
    /// → meet, leave, door, return (local).
    type Case = (
        &'static str,
        i64,
        u32,
        Option<u32>,
        Option<&'static str>,
        [&'static str; 4],
    );

    #[test]
    fn timelines_in_brussels_time() {
        // (visit local "HH:MM" on a date, minutes, lead, stored travel, pickup time) →
        // (meet, leave, door, return)
        let table: [Case; 5] = [
            // The reference case: visit 14:00, lead 30, stored travel 45, margin 10.
            (
                "2025-06-12 14:00",
                60,
                30,
                Some(45),
                None,
                ["12:35", "12:45", "13:30", "16:00"],
            ),
            // A pickup time agreed by hand replaces the computed meeting time.
            (
                "2025-06-12 14:00",
                60,
                30,
                Some(45),
                Some("12:15"),
                ["12:15", "12:45", "13:30", "16:00"],
            ),
            // Winter time (UTC+1) and a longer lead.
            (
                "2025-01-15 10:00",
                90,
                60,
                Some(30),
                None,
                ["08:20", "08:30", "09:00", "12:15"],
            ),
            // The day summer time starts: 09:30 local is 07:30 UTC.
            (
                "2025-03-30 09:30",
                60,
                30,
                Some(20),
                None,
                ["08:30", "08:40", "09:00", "11:05"],
            ),
            // The day winter time comes back.
            (
                "2025-10-26 14:00",
                60,
                45,
                Some(60),
                None,
                ["12:05", "12:15", "13:15", "16:15"],
            ),
        ];
        for (start, minutes, lead, travel, pickup, [meet, leave, door, back]) in table {
            let mut t = trip("t", at(start), minutes);
            t.travel_minutes = travel;
            t.pickup_time = pickup.map(|p| at(&format!("{} {p}", &start[..10])));
            let mut p = prison("haren");
            p.arrival_lead_minutes = lead;
            let tl = timeline_for(&t, &p);
            let got = [
                hm(tl.meet_at),
                hm(tl.leave_by),
                hm(tl.at_door_by),
                hm(tl.expected_return),
            ];
            assert_eq!(got, [meet, leave, door, back], "visit {start}");
            assert!(tl.travel_from_record);
            assert_eq!(tl.visit_start, t.visit_start);
        }
    }

    #[test]
    fn without_stored_travel_the_estimate_is_used() {
        let mut t = trip("t", at("2025-06-12 14:00"), 60);
        t.travel_minutes = None;
        t.travel_mode = TravelMode::PublicTransport;
        let p = prison("haren");
        let tl = timeline_for(&t, &p);
        let expected = estimate_travel(t.pickup.location, p.location, TravelMode::PublicTransport);
        assert!(!tl.travel_from_record);
        assert_eq!(tl.travel, expected);
        assert_eq!(
            tl.at_door_by - tl.leave_by,
            Duration::minutes(i64::from(expected.minutes))
        );
    }

    #[test]
    fn local_time_is_brussels() {
        assert_eq!(
            local_time(at("2025-06-12 14:00"))
                .format("%H:%M %Z")
                .to_string(),
            "14:00 CEST"
        );
        assert_eq!(
            local_time(at("2025-01-12 14:00"))
                .format("%H:%M %Z")
                .to_string(),
            "14:00 CET"
        );
    }
}
