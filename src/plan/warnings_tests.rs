use super::*;
use crate::domain::{
    Absence, CancelReason, ChildId, EventKind, PrisonStatus, Transfer, WeeklySlot,
};
use crate::plan::fixtures::*;
use crate::plan::PlanData;
use chrono::{NaiveTime, Weekday};

type Change = fn(&mut PlanData);

fn t0(w: &mut PlanData) -> &mut Trip {
    &mut w.trips[0]
}

fn strike(kept: Option<bool>) -> PrisonStatus {
    PrisonStatus {
        kind: PrisonStatusKind::Strike,
        from: Some(at("2025-06-11 06:00")),
        until: Some(at("2025-06-13 06:00")),
        child_visits_kept: kept,
        note: String::new(),
    }
}

#[test]
fn warnings_table() {
    let now = at("2025-06-01 08:00");
    let table: Vec<(&str, Change, Vec<&str>)> = vec![
        ("all clear", |_| {}, vec![]),
        // Leave by 12:45 (door 13:30, 45 min travel); pickup agreed at 12:50.
        (
            "pickup too late",
            |w| t0(w).pickup_time = Some(at("2025-06-12 12:50")),
            vec!["infeasible_timing"],
        ),
        (
            "pickup just in time",
            |w| t0(w).pickup_time = Some(at("2025-06-12 12:45")),
            vec![],
        ),
        (
            "no visit right",
            |w| w.visit_rights.clear(),
            vec!["no_visit_right"],
        ),
        (
            "forbidden",
            |w| w.visit_rights[0].allowed = false,
            vec!["visit_forbidden"],
        ),
        (
            "forbidden wins over allowed",
            |w| {
                let mut no = right("lina", false);
                no.id = "vr-lina-2".into();
                w.visit_rights.push(no);
            },
            vec!["visit_forbidden"],
        ),
        (
            "forbidden sibling",
            |w| {
                w.visit_rights.push(right("noah", false));
                t0(w).children.push(ChildId::from("noah"));
            },
            vec!["visit_forbidden"],
        ),
        (
            "expired",
            |w| w.visit_rights[0].valid_until = Some(day("2025-06-01")),
            vec!["visit_right_expired"],
        ),
        (
            "not yet valid",
            |w| w.visit_rights[0].valid_from = day("2025-07-01"),
            vec!["no_visit_right"],
        ),
        (
            "double booked",
            |w| {
                let mut other = trip("t2", at("2025-06-12 16:30"), 60);
                other.children = vec![ChildId::from("noah")];
                w.trips.push(other);
            },
            vec!["volunteer_double_booked"],
        ),
        (
            "other trip cancelled",
            |w| {
                w.trips.push(trip("t2", at("2025-06-12 16:30"), 60));
                w.events.push(event(
                    "e",
                    "t2",
                    EventKind::Cancelled {
                        reason: CancelReason::Strike,
                    },
                    at("2025-06-10 09:00"),
                ));
            },
            vec![],
        ),
        (
            "other trip after the return",
            |w| w.trips.push(trip("t2", at("2025-06-12 18:00"), 60)),
            vec![],
        ),
        (
            "absent",
            |w| {
                w.volunteers[0].absences.push(Absence {
                    from: day("2025-06-10"),
                    until: day("2025-06-12"),
                })
            },
            vec!["volunteer_absent"],
        ),
        (
            "absence after",
            |w| {
                w.volunteers[0].absences.push(Absence {
                    from: day("2025-06-13"),
                    until: day("2025-06-20"),
                })
            },
            vec![],
        ),
        (
            "outside weekly slots",
            |w| {
                let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
                w.volunteers[0].availability = vec![WeeklySlot {
                    weekday: Weekday::Thu,
                    from: t(13),
                    until: t(18),
                }];
            },
            vec!["volunteer_outside_availability"],
        ),
        (
            "no slots means ask",
            |w| w.volunteers[0].availability.clear(),
            vec![],
        ),
        (
            "strike",
            |w| w.prisons[0].status = strike(Some(false)),
            vec!["prison_disrupted"],
        ),
        (
            "strike, child visits kept",
            |w| w.prisons[0].status = strike(Some(true)),
            vec![],
        ),
        (
            "lockdown",
            |w| {
                w.prisons[0].status = PrisonStatus {
                    kind: PrisonStatusKind::Lockdown,
                    ..PrisonStatus::normal()
                };
            },
            vec!["prison_disrupted"],
        ),
        (
            "transferred before the visit",
            |w| {
                w.parents[0].prison_id = "lantin".into();
                w.parents[0].transfers.push(Transfer {
                    from: "haren".into(),
                    to: "lantin".into(),
                    on: day("2025-06-01"),
                });
            },
            vec!["parent_not_in_that_prison"],
        ),
        (
            "transferred after the visit",
            |w| {
                w.parents[0].prison_id = "lantin".into();
                w.parents[0].transfers.push(Transfer {
                    from: "haren".into(),
                    to: "lantin".into(),
                    on: day("2025-07-01"),
                });
            },
            vec![],
        ),
        (
            "released",
            |w| w.parents[0].released_on = Some(day("2025-06-10")),
            vec!["parent_released"],
        ),
        (
            "release announced later",
            |w| w.parents[0].released_on = Some(day("2025-09-10")),
            vec![],
        ),
        (
            "no volunteer",
            |w| t0(w).volunteer_id = None,
            vec!["no_volunteer"],
        ),
        (
            "room of another prison",
            |w| t0(w).room_id = Some("lantin-parloir".into()),
            vec!["room_not_in_prison"],
        ),
        (
            "long trip without a car",
            |w| {
                w.volunteers[0].has_car = false;
                t0(w).pickup.location = ARLON;
                t0(w).travel_minutes = None;
            },
            vec!["needs_car"],
        ),
        (
            "short trip without a car",
            |w| w.volunteers[0].has_car = false,
            vec![],
        ),
        (
            "unknown prison",
            |w| t0(w).prison_id = "nowhere".into(),
            vec!["missing_record"],
        ),
        (
            "unknown volunteer",
            |w| t0(w).volunteer_id = Some("v9".into()),
            vec!["missing_record"],
        ),
        (
            "cancelled trip with issues",
            |w| {
                w.visit_rights.clear();
                t0(w).volunteer_id = None;
                w.events.push(event(
                    "e",
                    "t",
                    EventKind::Cancelled {
                        reason: CancelReason::ChildIll,
                    },
                    at("2025-06-11 09:00"),
                ));
            },
            vec![],
        ),
        (
            "several at once",
            |w| {
                w.visit_rights.clear();
                t0(w).volunteer_id = None;
                w.prisons[0].status = strike(None);
            },
            vec!["no_visit_right", "no_volunteer", "prison_disrupted"],
        ),
    ];
    for (name, change, expected) in table {
        let mut w = world();
        change(&mut w);
        let ctx = w.context();
        let codes: Vec<&str> = check_trip(&w.trips[0], &ctx, now)
            .iter()
            .map(Warning::code)
            .collect();
        assert_eq!(codes, expected, "case: {name}");
    }
}

#[test]
fn warnings_carry_their_details() {
    let now = at("2025-06-01 08:00");
    let mut w = world();
    w.trips[0].pickup_time = Some(at("2025-06-12 13:05"));
    w.trips.push(trip("t2", at("2025-06-12 16:30"), 60));
    let found = check_trip(&w.trips[0], &w.context(), now);
    assert_eq!(
        found,
        vec![
            Warning::InfeasibleTiming { late_minutes: 20 },
            Warning::VolunteerDoubleBooked {
                other_trip: "t2".into()
            },
        ]
    );
    assert_eq!(
        found[0].describe(),
        "The pickup is 20 minutes too late to reach the prison door in time."
    );
    assert_eq!(found[0].severity(), Severity::Blocking);
}

#[test]
fn past_and_finished_trips_get_no_warnings() {
    let mut w = world();
    w.visit_rights.clear();
    // Back at 16:00 local on 12 June: planning is over after that.
    assert!(check_trip(&w.trips[0], &w.context(), at("2025-06-12 16:01")).is_empty());
    assert!(!check_trip(&w.trips[0], &w.context(), at("2025-06-12 15:59")).is_empty());
    w.events
        .push(event("e", "t", EventKind::Returned, at("2025-06-12 15:50")));
    assert!(check_trip(&w.trips[0], &w.context(), at("2025-06-12 15:55")).is_empty());
}

#[test]
fn every_warning_has_a_distinct_code_and_a_sentence() {
    let all = [
        Warning::MissingRecord {
            kind: crate::domain::RecordKind::Prison,
            id: "x".into(),
        },
        Warning::InfeasibleTiming { late_minutes: 5 },
        Warning::NoVisitRight { child: "a".into() },
        Warning::VisitForbidden { child: "a".into() },
        Warning::VisitRightExpired {
            child: "a".into(),
            on: day("2025-01-01"),
        },
        Warning::VolunteerDoubleBooked {
            other_trip: "t".into(),
        },
        Warning::VolunteerAbsent,
        Warning::VolunteerOutsideAvailability,
        Warning::PrisonDisrupted {
            kind: PrisonStatusKind::Strike,
        },
        Warning::ParentNotInThatPrison {
            held_in: "p".into(),
        },
        Warning::ParentReleased {
            on: day("2025-01-01"),
        },
        Warning::NoVolunteer,
        Warning::RoomNotInPrison { room: "r".into() },
        Warning::NeedsCar {
            travel_minutes: 120,
        },
    ];
    let codes: std::collections::HashSet<_> = all.iter().map(Warning::code).collect();
    assert_eq!(codes.len(), all.len());
    assert!(all.iter().all(|w| w.describe().ends_with('.')));
}

/// A trip of the same volunteer with `child` in May.
fn earlier(w: &mut PlanData, child: &str) {
    let mut t = trip("before", at("2025-05-15 14:00"), 60);
    t.children = vec![ChildId::from(child)];
    w.trips.push(t);
}

#[test]
fn a_new_volunteer_alone_with_children_for_the_first_time_is_flagged() {
    let now = at("2025-06-01 08:00");
    let table: Vec<(&str, Change, bool)> = vec![
        ("an experienced volunteer", |_| {}, false),
        (
            "new, never with Lina",
            |w| w.volunteers[0].newcomer = true,
            true,
        ),
        (
            "new, already went with Lina in May",
            |w| {
                w.volunteers[0].newcomer = true;
                earlier(w, "lina");
            },
            false,
        ),
        (
            "new, went with another child only",
            |w| {
                w.volunteers[0].newcomer = true;
                earlier(w, "noah");
            },
            true,
        ),
        (
            "new, and the trip in May was cancelled",
            |w| {
                w.volunteers[0].newcomer = true;
                earlier(w, "lina");
                w.events.push(event(
                    "c",
                    "before",
                    EventKind::Cancelled {
                        reason: CancelReason::ChildIll,
                    },
                    at("2025-05-14 09:00"),
                ));
            },
            true,
        ),
    ];
    for (name, change, flagged) in table {
        let mut w = world();
        change(&mut w);
        let warnings = check_trip(&w.trips[0], &w.context(), now);
        assert_eq!(
            warnings.contains(&Warning::NewcomerAlone),
            flagged,
            "{name}: {warnings:?}"
        );
        if flagged {
            assert_eq!(Warning::NewcomerAlone.severity(), Severity::Caution);
        }
    }
}
