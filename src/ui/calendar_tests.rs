use super::*;
use crate::domain::{CancelReason, TripId};
use crate::plan::fixtures::{at, day, event, trip, world};

#[test]
fn weeks_of_a_month_start_on_monday_and_cover_every_day() {
    // (year, month, first Monday shown, last Sunday shown, weeks)
    let cases = [
        // June 2025 starts on a Sunday: six rows.
        (2025, 6, "2025-05-26", "2025-07-06", 6),
        // September 2025 starts on a Monday.
        (2025, 9, "2025-09-01", "2025-10-05", 5),
        // February 2021: 28 days from a Monday, exactly four weeks.
        (2021, 2, "2021-02-01", "2021-02-28", 4),
        // March 2026 ends on a Tuesday; the clocks change on the 29th.
        (2026, 3, "2026-02-23", "2026-04-05", 6),
        // December to January.
        (2025, 12, "2025-12-01", "2026-01-04", 5),
    ];
    for (year, month, first, last, count) in cases {
        let weeks = month_weeks(year, month);
        assert_eq!(weeks.len(), count, "{year}-{month}");
        assert_eq!(weeks[0][0], day(first), "{year}-{month}");
        assert_eq!(weeks[count - 1][6], day(last), "{year}-{month}");
        for week in &weeks {
            assert_eq!(week[0].weekday(), chrono::Weekday::Mon);
            assert_eq!(week[6].weekday(), chrono::Weekday::Sun);
        }
    }
    assert!(month_weeks(2025, 13).is_empty());
}

#[test]
fn week_of_a_day_runs_monday_to_sunday() {
    for (d, monday) in [
        ("2025-06-12", "2025-06-09"),
        ("2025-06-09", "2025-06-09"),
        ("2025-06-15", "2025-06-09"),
        ("2026-01-01", "2025-12-29"),
    ] {
        let week = week_of(day(d));
        assert_eq!(week[0], day(monday), "{d}");
        assert!(week.contains(&day(d)));
    }
}

#[test]
fn a_late_evening_visit_belongs_to_its_belgian_day() {
    let mut data = world();
    // 23:30 in Brussels is already the next day in UTC's eyes... the other way
    // round: 00:30 in Brussels on the 13th is 22:30 UTC on the 12th.
    data.trips = vec![trip("late", at("2025-06-13 00:30"), 60)];
    let ctx = data.context();
    let now = at("2025-06-01 08:00");
    let on_12 = calendar_trips(
        &ctx,
        day("2025-06-12"),
        day("2025-06-12"),
        &CalendarFilter::default(),
        now,
    );
    let on_13 = calendar_trips(
        &ctx,
        day("2025-06-13"),
        day("2025-06-13"),
        &CalendarFilter::default(),
        now,
    );
    assert!(on_12.is_empty());
    assert_eq!(on_13.len(), 1);
    assert_eq!(on_13[0].hour, 0);
}

/// Four trips: assigned (t), without volunteer (open), cancelled (gone),
/// done (back), on three days.
fn busy_world() -> crate::plan::PlanData {
    let mut data = world();
    let mut open = trip("open", at("2025-06-12 09:00"), 60);
    open.volunteer_id = None;
    open.children = vec![crate::domain::ChildId::from("noah")];
    let gone = trip("gone", at("2025-06-13 14:00"), 60);
    let mut back = trip("back", at("2025-06-10 14:00"), 60);
    back.prison_id = crate::domain::PrisonId::from("lantin");
    back.room_id = Some(crate::domain::RoomId::from("lantin-parloir"));
    data.trips.extend([open, gone, back]);
    data.events = vec![
        event(
            "e1",
            "gone",
            crate::domain::EventKind::Cancelled {
                reason: CancelReason::Strike,
            },
            at("2025-06-11 10:00"),
        ),
        event("e2", "back", EventKind::Returned, at("2025-06-10 18:00")),
    ];
    data
}

#[test]
fn filters_keep_what_the_coordinator_asked_for() {
    let data = busy_world();
    let ctx = data.context();
    let now = at("2025-06-09 08:00");
    let all = || CalendarFilter::default();
    let cases: Vec<(&str, CalendarFilter, Vec<&str>)> = vec![
        ("all", all(), vec!["back", "open", "t", "gone"]),
        (
            "prison",
            CalendarFilter {
                prison: Some("lantin".into()),
                ..all()
            },
            vec!["back"],
        ),
        (
            "volunteer",
            CalendarFilter {
                volunteer: Some("v1".into()),
                ..all()
            },
            vec!["back", "t", "gone"],
        ),
        (
            "child",
            CalendarFilter {
                child: Some("noah".into()),
                ..all()
            },
            vec!["open"],
        ),
        (
            "planned",
            CalendarFilter {
                status: Some(CalendarStatus::Planned),
                ..all()
            },
            vec!["open"],
        ),
        (
            "assigned",
            CalendarFilter {
                status: Some(CalendarStatus::Assigned),
                ..all()
            },
            vec!["t"],
        ),
        (
            "done",
            CalendarFilter {
                status: Some(CalendarStatus::Done),
                ..all()
            },
            vec!["back"],
        ),
        (
            "cancelled",
            CalendarFilter {
                status: Some(CalendarStatus::Cancelled),
                ..all()
            },
            vec!["gone"],
        ),
        (
            "prison and status together",
            CalendarFilter {
                prison: Some("haren".into()),
                status: Some(CalendarStatus::Done),
                ..all()
            },
            vec![],
        ),
    ];
    for (name, filter, expected) in cases {
        let ids: Vec<String> =
            calendar_trips(&ctx, day("2025-06-01"), day("2025-06-30"), &filter, now)
                .iter()
                .map(|c| c.trip.id.to_string())
                .collect();
        assert_eq!(ids, expected, "{name}");
    }
    // Outside the days asked for: nothing.
    let before = calendar_trips(&ctx, day("2025-05-01"), day("2025-05-31"), &all(), now);
    assert!(before.is_empty());
}

#[test]
fn trips_without_a_volunteer_or_with_warnings_stand_out() {
    let mut data = busy_world();
    // A second assigned trip for the same volunteer at the same time as "t":
    // a double booking, a warning.
    let mut twin = trip("twin", at("2025-06-12 14:00"), 60);
    twin.children = vec![crate::domain::ChildId::from("noah")];
    data.trips.push(twin);
    let ctx = data.context();
    let now = at("2025-06-09 08:00");
    let rows = calendar_trips(
        &ctx,
        day("2025-06-01"),
        day("2025-06-30"),
        &CalendarFilter::default(),
        now,
    );
    let find = |id: &str| {
        rows.iter()
            .find(|r| r.trip.id == TripId::from(id))
            .unwrap()
            .clone()
    };
    // (trip, without volunteer, has warnings, stands out)
    for (id, open, warned, out) in [
        ("open", true, true, true),
        ("t", false, true, true),
        ("twin", false, true, true),
        ("gone", false, false, false),
        ("back", false, false, false),
    ] {
        let row = find(id);
        assert_eq!(row.without_volunteer(), open, "{id}");
        assert_eq!(row.warnings > 0, warned, "{id}: {} warnings", row.warnings);
        assert_eq!(row.stands_out(), out, "{id}");
    }
    // Alone, the assigned trip of the fixture world has nothing to check.
    let calm = world();
    let ctx = calm.context();
    let rows = calendar_trips(
        &ctx,
        day("2025-06-12"),
        day("2025-06-12"),
        &CalendarFilter::default(),
        now,
    );
    assert_eq!(rows.len(), 1);
    assert!(!rows[0].stands_out());
    assert_eq!(rows[0].prison, "Haren");
    assert_eq!(rows[0].children, vec!["lina".to_owned()]);
    assert_eq!(rows[0].hour, 14);
}
