//! The demo network, read by the planning rules: only the problems it was
//! built to show.

use super::*;
use crate::demo::demo_network;
use chrono::{Duration, NaiveDate, TimeZone};
use chrono_tz::Europe::Brussels;

#[test]
fn demo_trips_show_only_their_intended_warnings() {
    let monday = NaiveDate::from_ymd_opt(2025, 6, 9).unwrap();
    for today in (0..7).map(|d| monday + Duration::days(d)) {
        let net = demo_network(today);
        let data = PlanData::from_records(&net.records);
        let ctx = data.context();
        let now = Brussels
            .from_local_datetime(&today.and_hms_opt(7, 0, 0).unwrap())
            .unwrap()
            .with_timezone(&chrono::Utc);
        let mut disrupted_by_strike = 0;
        for trip in &data.trips {
            let codes: Vec<&str> = check_trip(trip, &ctx, now)
                .iter()
                .map(Warning::code)
                .collect();
            let expected: &[&str] = match trip.id.as_str() {
                "trip-today-open" => &["no_volunteer", "prison_disrupted"],
                _ if trip.prison_id.as_str() == "lantin" && !codes.is_empty() => {
                    disrupted_by_strike += 1;
                    &["prison_disrupted"]
                }
                _ => &[],
            };
            assert_eq!(codes, expected, "{} on {today}", trip.id);
        }
        assert_eq!(disrupted_by_strike, 1, "on {today}");
        let open = data
            .trips
            .iter()
            .find(|t| t.id.as_str() == "trip-today-open")
            .unwrap();
        assert_eq!(suggest_volunteers(open, &ctx, now).len(), 4);
    }
}
