#![allow(clippy::unwrap_used)]

use super::*;
use crate::domain::{
    validate_id, CancelReason, EventKind, GeoPoint, Guardian, Pickup, RoomId, TravelMode,
    WeeklySlot,
};
use crate::plan::fixtures::*;
use crate::plan::{plan_month, trip_from_proposal, PlanData};
use chrono::{Datelike, Weekday};

const SERIES: &str = "s-lina";

/// Lina's visit at Haren on a Brussels time, in the series SERIES.
fn visit(id: &str, local: &str) -> Trip {
    let mut t = trip(id, at(local), 120);
    t.series = Some(SeriesId::from(SERIES));
    t
}

/// Tuesday 1 July 2025 and the four Tuesdays after it, 13:30–15:30.
fn series() -> Vec<Trip> {
    ["01", "08", "15", "22", "29"]
        .iter()
        .map(|d| visit(&format!("t{d}"), &format!("2025-07-{d} 13:30")))
        .collect()
}

fn ids(trips: &[&Trip]) -> Vec<String> {
    trips.iter().map(|t| t.id.to_string()).collect()
}

/// One line per changed trip: id, Brussels start and end, children, room,
/// pickup address, travel mode.
fn lines(trips: &[Trip]) -> Vec<String> {
    trips
        .iter()
        .map(|t| {
            let children: Vec<&str> = t.children.iter().map(|c| c.as_str()).collect();
            format!(
                "{} {}-{} {} {} {} {:?}",
                t.id,
                local_time_of(t.visit_start),
                super::super::local_time(t.visit_end).format("%H:%M"),
                children.join("+"),
                t.room_id.as_ref().map_or("-", |r| r.as_str()),
                t.pickup.address,
                t.travel_mode
            )
        })
        .collect()
}

fn local_time_of(at: DateTime<Utc>) -> String {
    at.with_timezone(&Brussels)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

#[test]
fn a_family_keeps_one_series_and_families_differ() {
    let a = family_series(&"p1".into(), &"g1".into());
    assert_eq!(a, family_series(&"p1".into(), &"g1".into()));
    assert_ne!(a, family_series(&"p1".into(), &"g2".into()));
    assert_ne!(a, family_series(&"p2".into(), &"g1".into()));
    // "p1"+"g12" and "p1g"+"12" are different families.
    assert_ne!(
        family_series(&"p1".into(), &"g12".into()),
        family_series(&"p1g".into(), &"12".into())
    );
    validate_id("trip.series", a.as_str()).unwrap();
}

#[test]
fn later_visits_are_the_series_ones_still_to_come() {
    let mut trips = series();
    // Another family's series, and a trip by hand without a series.
    let mut other = visit("other", "2025-07-10 13:30");
    other.series = Some(SeriesId::from("s-other"));
    trips.push(other);
    let mut alone = trip("alone", at("2025-07-17 13:30"), 120);
    alone.series = None;
    trips.push(alone);
    let events = vec![
        // 15 July is cancelled; 22 July has begun (a step is logged).
        event(
            "e1",
            "t15",
            EventKind::Cancelled {
                reason: CancelReason::Strike,
            },
            at("2025-07-01 09:00"),
        ),
        event("e2", "t22", EventKind::PickedUp, at("2025-07-22 12:00")),
    ];
    let now = at("2025-06-30 10:00");
    let from_first = later_in_series(&trips[0], &trips, &events, now);
    assert_eq!(ids(&from_first), ["t08", "t29"]);
    // Seen later in the month, the visits already past are not offered.
    let late = at("2025-07-09 10:00");
    assert_eq!(
        ids(&later_in_series(&trips[0], &trips, &events, late)),
        ["t29"]
    );
    // The last one has none after it; a trip without a series has none.
    assert!(later_in_series(&trips[4], &trips, &events, now).is_empty());
    assert!(later_in_series(&trips[6], &trips, &events, now).is_empty());
}

type Edit = fn(&mut Trip);

#[test]
fn a_change_for_all_later_dates_carries_only_what_changed() {
    let rights = vec![right("lina", true), right("noah", true)];
    let table: Vec<(&str, Edit, Vec<&str>)> = vec![
        ("nothing changed", |_| {}, vec![]),
        (
            "a new pickup place",
            |t| {
                t.pickup = Pickup {
                    guardian_id: "g2".into(),
                    address: "Foyer, Ixelles".into(),
                    location: GeoPoint::new(50.83, 4.37),
                };
            },
            vec![
                "t08 2025-07-08 13:30-15:30 lina haren-family Foyer, Ixelles Car",
                "t15 2025-07-15 13:30-15:30 lina haren-family Foyer, Ixelles Car",
            ],
        ),
        (
            "Thursdays instead of Tuesdays, two days later",
            |t| {
                t.visit_start = at("2025-07-03 14:00");
                t.visit_end = at("2025-07-03 16:00");
            },
            vec![
                "t08 2025-07-10 14:00-16:00 lina haren-family Schaerbeek Car",
                "t15 2025-07-17 14:00-16:00 lina haren-family Schaerbeek Car",
            ],
        ),
        (
            "a later time the same day",
            |t| {
                t.visit_start = at("2025-07-01 15:00");
                t.visit_end = at("2025-07-01 16:00");
            },
            vec![
                "t08 2025-07-08 15:00-16:00 lina haren-family Schaerbeek Car",
                "t15 2025-07-15 15:00-16:00 lina haren-family Schaerbeek Car",
            ],
        ),
        (
            "Noah joins his sister",
            |t| t.children.push("noah".into()),
            vec![
                "t08 2025-07-08 13:30-15:30 lina+noah haren-family Schaerbeek Car",
                "t15 2025-07-15 13:30-15:30 lina+noah haren-family Schaerbeek Car",
            ],
        ),
        (
            "by public transport, in no particular room",
            |t| {
                t.travel_mode = TravelMode::PublicTransport;
                t.room_id = None;
            },
            vec![
                "t08 2025-07-08 13:30-15:30 lina - Schaerbeek PublicTransport",
                "t15 2025-07-15 13:30-15:30 lina - Schaerbeek PublicTransport",
            ],
        ),
    ];
    let trips = series();
    let later: Vec<&Trip> = trips[1..3].iter().collect();
    for (name, edit, expected) in table {
        let mut after = trips[0].clone();
        edit(&mut after);
        let update = apply_to_later(&trips[0], &after, &later, &rights);
        assert_eq!(lines(&update.changed), expected, "{name}");
        assert!(update.left.is_empty(), "{name}: {:?}", update.left);
        for changed in &update.changed {
            assert_eq!(changed.series, trips[0].series, "{name}");
        }
    }
}

#[test]
fn a_later_visit_keeps_what_the_change_did_not_touch() {
    let trips = series();
    let mut own = trips[1].clone();
    own.room_id = Some(RoomId::from("haren-parloir"));
    own.volunteer_id = Some("v2".into());
    own.pickup_time = Some(at("2025-07-08 12:15"));
    let mut after = trips[0].clone();
    after.travel_mode = TravelMode::PublicTransport;
    let update = apply_to_later(&trips[0], &after, &[&own], &[right("lina", true)]);
    let changed = &update.changed[0];
    assert_eq!(changed.room_id, own.room_id);
    assert_eq!(changed.volunteer_id, own.volunteer_id);
    assert_eq!(changed.pickup_time, own.pickup_time);
    assert_eq!(changed.travel_mode, TravelMode::PublicTransport);

    // A new time drops the meeting time agreed for the old one.
    let mut after = trips[0].clone();
    after.visit_start = at("2025-07-01 14:30");
    let update = apply_to_later(&trips[0], &after, &[&own], &[right("lina", true)]);
    assert_eq!(update.changed[0].pickup_time, None);

    // A meeting time agreed from now on: 12:00 on each later visit's day.
    let mut after = trips[0].clone();
    after.pickup_time = Some(at("2025-07-01 12:00"));
    let update = apply_to_later(
        &trips[0],
        &after,
        &[&trips[2], &own],
        &[right("lina", true)],
    );
    let meetings: Vec<String> = update
        .changed
        .iter()
        .map(|t| local_time_of(t.pickup_time.unwrap()))
        .collect();
    assert_eq!(meetings, ["2025-07-15 12:00", "2025-07-08 12:00"]);
    // ... and moved with the visits to Thursdays, it moves with them.
    after.visit_start = at("2025-07-03 13:30");
    after.visit_end = at("2025-07-03 15:30");
    after.pickup_time = Some(at("2025-07-03 12:00"));
    let update = apply_to_later(&trips[0], &after, &[&trips[2]], &[right("lina", true)]);
    assert_eq!(
        local_time_of(update.changed[0].pickup_time.unwrap()),
        "2025-07-17 12:00"
    );
}

#[test]
fn a_later_visit_the_change_cannot_reach_is_left_as_it_was() {
    let trips = series();
    let later: Vec<&Trip> = trips[1..].iter().collect();
    // A decision forbids Noah's visits from 20 July.
    let mut noah_forbidden = right("noah", false);
    noah_forbidden.id = "vr-noah-no".into();
    noah_forbidden.valid_from = day("2025-07-20");
    let rights = vec![right("lina", true), right("noah", true), noah_forbidden];
    let mut after = trips[0].clone();
    after.children.push("noah".into());
    let update = apply_to_later(&trips[0], &after, &later, &rights);
    assert_eq!(
        ids(&update.changed.iter().collect::<Vec<_>>()),
        ["t08", "t15"]
    );
    assert_eq!(
        update.left,
        vec![
            ("t22".into(), LeftAsItWas::Forbidden("noah".into())),
            ("t29".into(), LeftAsItWas::Forbidden("noah".into())),
        ]
    );

    // Taking Lina off a series where a later visit is hers alone.
    let mut both = trips[0].clone();
    both.children.push("noah".into());
    let mut shared = trips[1].clone();
    shared.children.push("noah".into());
    let mut after = both.clone();
    after.children.retain(|c| c.as_str() != "lina");
    let update = apply_to_later(
        &both,
        &after,
        &[&shared, &trips[2]],
        &[right("lina", true), right("noah", true)],
    );
    assert_eq!(
        lines(&update.changed)[0],
        "t08 2025-07-08 13:30-15:30 noah haren-family Schaerbeek Car"
    );
    assert_eq!(update.left, vec![("t15".into(), LeftAsItWas::NoChildLeft)]);
}

/// The month-plan world: Haren open Tuesdays and Thursdays 13:30–16:00 and
/// Thursdays 10:00–12:00, Lina's monthly right with p1.
fn planning_world() -> (PlanData, Vec<Guardian>) {
    let slot = |weekday, from: &str, until: &str| WeeklySlot {
        weekday,
        from: chrono::NaiveTime::parse_from_str(from, "%H:%M").unwrap(),
        until: chrono::NaiveTime::parse_from_str(until, "%H:%M").unwrap(),
    };
    let mut data = world();
    data.trips.clear();
    data.prisons[0].visiting_hours = vec![
        slot(Weekday::Tue, "13:30", "16:00"),
        slot(Weekday::Thu, "10:00", "12:00"),
        slot(Weekday::Thu, "13:30", "16:00"),
    ];
    (data, vec![guardian("g1")])
}

fn weekday_and_time(visit: &crate::plan::ProposedVisit) -> String {
    format!(
        "{:?} {}",
        visit.day.weekday(),
        super::super::local_time(visit.start).format("%H:%M")
    )
}

#[test]
fn the_month_plan_joins_the_family_series_and_keeps_its_habits() {
    let (mut data, guardians) = planning_world();
    let series = family_series(&"p1".into(), &"g1".into());
    let plan =
        |data: &PlanData| plan_month(&data.context(), &guardians, 2025, 8, day("2025-07-20"));
    // Without a past visit: the first slot of the day nearest the target,
    // in the family's series, by car, in no particular room.
    let plain = plan(&data);
    assert_eq!(plain.len(), 1);
    assert_eq!(plain[0].series, series);
    assert_eq!(weekday_and_time(&plain[0]), "Thu 10:00");
    let made = trip_from_proposal(&plain[0]);
    assert_eq!(made.series, Some(series.clone()));
    assert_eq!(made.room_id, None);
    assert_eq!(made.travel_mode, TravelMode::Car);

    // The series' last visit was on a Thursday afternoon, by public
    // transport, in the family room: August's follows it.
    let mut last = trip("july", at("2025-07-17 13:30"), 150);
    last.series = Some(series.clone());
    last.travel_mode = TravelMode::PublicTransport;
    data.trips.push(last);
    let kept = plan(&data);
    assert_eq!(kept.len(), 1);
    assert_eq!(weekday_and_time(&kept[0]), "Thu 13:30");
    let made = trip_from_proposal(&kept[0]);
    assert_eq!(made.room_id, Some(RoomId::from("haren-family")));
    assert_eq!(made.travel_mode, TravelMode::PublicTransport);

    // Moved to Tuesdays for all later dates: August goes on a Tuesday.
    data.trips[0].visit_start = at("2025-07-15 13:30");
    data.trips[0].visit_end = at("2025-07-15 16:00");
    assert_eq!(weekday_and_time(&plan(&data)[0]), "Tue 13:30");

    // Another family's series, or a cancelled visit, sets no habit.
    data.trips[0].series = Some(SeriesId::from("s-other"));
    assert_eq!(weekday_and_time(&plan(&data)[0]), "Thu 10:00");
    data.trips[0].series = Some(series.clone());
    data.events.push(event(
        "c",
        "july",
        EventKind::Cancelled {
            reason: CancelReason::ChildIll,
        },
        at("2025-07-14 09:00"),
    ));
    assert_eq!(weekday_and_time(&plan(&data)[0]), "Thu 10:00");
}
