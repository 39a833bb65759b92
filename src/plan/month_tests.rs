#![allow(clippy::unwrap_used)]

use super::*;
use crate::domain::{
    EventKind, Guardian, PrisonStatus, PrisonStatusKind, RhythmPeriod, Transfer, WeeklySlot,
};
use crate::plan::fixtures::*;
use crate::plan::PlanData;
use chrono::Weekday;

/// The fixtures' world with visiting hours at Haren (Tuesday and Thursday
/// afternoons) and Lantin (Wednesday afternoon), and the guardian g1 of Lina
/// and Noah. July 2025 starts on a Tuesday.
struct World {
    data: PlanData,
    guardians: Vec<Guardian>,
    today: NaiveDate,
    month: (i32, u32),
}

fn slot(weekday: Weekday, from: &str, until: &str) -> WeeklySlot {
    let t = |s: &str| NaiveTime::parse_from_str(s, "%H:%M").unwrap();
    WeeklySlot {
        weekday,
        from: t(from),
        until: t(until),
    }
}

fn base() -> World {
    let mut data = world();
    data.prisons[0].visiting_hours = vec![
        slot(Weekday::Tue, "13:30", "16:00"),
        slot(Weekday::Thu, "13:30", "16:00"),
    ];
    data.prisons[1].visiting_hours = vec![slot(Weekday::Wed, "14:00", "16:00")];
    World {
        data,
        guardians: vec![guardian("g1")],
        today: day("2025-06-20"),
        month: (2025, 7),
    }
}

fn rhythm(w: &mut World, child: &str, visits: u8, per: RhythmPeriod) {
    let r = w
        .data
        .visit_rights
        .iter_mut()
        .find(|r| r.child_id.as_str() == child)
        .unwrap();
    r.rhythm = Rhythm { visits, per };
}

fn add_right(w: &mut World, child: &str, allowed: bool) {
    w.data.visit_rights.push(right(child, allowed));
}

/// A trip of Lina with the parent p1 at Haren, at a Brussels time.
fn lina_trip(w: &mut World, id: &str, local: &str) {
    w.data.trips.push(trip(id, at(local), 60));
}

fn cancel(w: &mut World, trip_id: &str, reason: CancelReason) {
    let when = w
        .data
        .trips
        .iter()
        .find(|t| t.id.as_str() == trip_id)
        .unwrap()
        .visit_start;
    w.data.events.push(event(
        &format!("cancel-{trip_id}"),
        trip_id,
        EventKind::Cancelled { reason },
        when - chrono::Duration::hours(20),
    ));
}

/// One line per proposed visit: day, Brussels time, prison, children, and
/// whether it is a catch-up.
fn summary(visits: &[ProposedVisit]) -> Vec<String> {
    visits
        .iter()
        .map(|v| {
            let start = super::super::local_time(v.start);
            let end = super::super::local_time(v.end);
            let children: Vec<&str> = v.children.iter().map(|c| c.as_str()).collect();
            let mut line = format!(
                "{} {}-{} {} {}",
                v.day,
                start.format("%H:%M"),
                end.format("%H:%M"),
                v.prison_id,
                children.join("+")
            );
            if v.catch_up {
                line.push_str(" catch-up");
            }
            for warning in &v.warnings {
                line.push_str(&format!(" !{}", warning.code()));
            }
            line
        })
        .collect()
}

fn plan(w: &World) -> Vec<ProposedVisit> {
    plan_month(
        &w.data.context(),
        &w.guardians,
        w.month.0,
        w.month.1,
        w.today,
    )
}

type Change = fn(&mut World);

#[test]
fn month_plan_table() {
    let table: Vec<(&str, Change, Vec<&str>)> = vec![
        // Once a month: a quarter into the month, on the Tuesday 8 July.
        (
            "once a month",
            |_| {},
            vec!["2025-07-08 13:30-16:00 haren lina"],
        ),
        // Twice a month: the first and the third week.
        (
            "twice a month",
            |w| rhythm(w, "lina", 2, RhythmPeriod::Month),
            vec![
                "2025-07-03 13:30-16:00 haren lina",
                "2025-07-17 13:30-16:00 haren lina",
            ],
        ),
        // Weekly: the five weeks whose Thursday is in July, one visit each.
        (
            "once a week",
            |w| rhythm(w, "lina", 1, RhythmPeriod::Week),
            vec![
                "2025-07-01 13:30-16:00 haren lina",
                "2025-07-08 13:30-16:00 haren lina",
                "2025-07-15 13:30-16:00 haren lina",
                "2025-07-22 13:30-16:00 haren lina",
                "2025-07-29 13:30-16:00 haren lina",
            ],
        ),
        // Once a quarter: July opens the third quarter, so it is due now.
        (
            "once a quarter, first month",
            |w| rhythm(w, "lina", 1, RhythmPeriod::Quarter),
            vec!["2025-07-08 13:30-16:00 haren lina"],
        ),
        (
            "once a quarter, already visited in the quarter",
            |w| {
                rhythm(w, "lina", 1, RhythmPeriod::Quarter);
                lina_trip(w, "july", "2025-07-10 14:00");
                w.month = (2025, 8);
            },
            vec![],
        ),
        (
            "once a quarter, nothing yet by the last month",
            |w| {
                rhythm(w, "lina", 1, RhythmPeriod::Quarter);
                w.month = (2025, 9);
            },
            vec!["2025-09-09 13:30-16:00 haren lina"],
        ),
        // The prison's only slot is Saturday morning: the nearest Saturday.
        (
            "only the prison's slots",
            |w| w.data.prisons[0].visiting_hours = vec![slot(Weekday::Sat, "09:30", "11:30")],
            vec!["2025-07-05 09:30-11:30 haren lina"],
        ),
        (
            "two slots a day: the first",
            |w| {
                w.data.prisons[0].visiting_hours = vec![
                    slot(Weekday::Tue, "15:00", "16:30"),
                    slot(Weekday::Tue, "09:00", "10:30"),
                ]
            },
            vec!["2025-07-08 09:00-10:30 haren lina"],
        ),
        (
            "a prison without visiting hours",
            |w| w.data.prisons[0].visiting_hours.clear(),
            vec![],
        ),
        // A strike from Monday 7 to Friday 11 July: the week is skipped.
        (
            "strike week skipped",
            |w| w.data.prisons[0].status = strike(None),
            vec!["2025-07-03 13:30-16:00 haren lina"],
        ),
        (
            "strike with children's visits kept",
            |w| w.data.prisons[0].status = strike(Some(true)),
            vec!["2025-07-08 13:30-16:00 haren lina"],
        ),
        (
            "weekly rhythm: the strike week has no visit",
            |w| {
                rhythm(w, "lina", 1, RhythmPeriod::Week);
                w.data.prisons[0].status = strike(None);
            },
            vec![
                "2025-07-01 13:30-16:00 haren lina",
                "2025-07-15 13:30-16:00 haren lina",
                "2025-07-22 13:30-16:00 haren lina",
                "2025-07-29 13:30-16:00 haren lina",
            ],
        ),
        // Planned on 10 July: nothing before that day.
        (
            "never before today",
            |w| w.today = day("2025-07-10"),
            vec!["2025-07-10 13:30-16:00 haren lina"],
        ),
        (
            "a month already over",
            |w| w.today = day("2025-08-01"),
            vec![],
        ),
        // Siblings: one visit together.
        (
            "siblings together",
            |w| add_right(w, "noah", true),
            vec!["2025-07-08 13:30-16:00 haren lina+noah"],
        ),
        (
            "a sibling with a forbidden right is left out",
            |w| add_right(w, "noah", false),
            vec!["2025-07-08 13:30-16:00 haren lina"],
        ),
        (
            "a sibling whose right ends early goes on a day it covers",
            |w| {
                add_right(w, "noah", true);
                w.data.visit_rights[1].valid_until = Some(day("2025-07-05"));
            },
            vec![
                "2025-07-03 13:30-16:00 haren noah",
                "2025-07-08 13:30-16:00 haren lina",
            ],
        ),
        (
            "siblings with different rhythms share what they can",
            |w| {
                add_right(w, "noah", true);
                rhythm(w, "noah", 2, RhythmPeriod::Month);
            },
            vec![
                "2025-07-03 13:30-16:00 haren lina+noah",
                "2025-07-17 13:30-16:00 haren noah",
            ],
        ),
        (
            "another guardian's children: their own visit, on a quieter day",
            |w| {
                add_right(w, "noah", true);
                w.data.children[1].guardian_id = "g2".into();
                w.guardians.push(guardian("g2"));
            },
            vec![
                "2025-07-08 13:30-16:00 haren lina",
                "2025-07-10 13:30-16:00 haren noah",
            ],
        ),
        // Forbidden rights are never proposed.
        (
            "forbidden",
            |w| w.data.visit_rights[0].allowed = false,
            vec![],
        ),
        (
            "forbidden wins over allowed",
            |w| {
                let mut no = right("lina", false);
                no.id = "vr-lina-no".into();
                w.data.visit_rights.push(no);
            },
            vec![],
        ),
        (
            "forbidden from the 10th: only before",
            |w| {
                let mut no = right("lina", false);
                no.id = "vr-lina-no".into();
                no.valid_from = day("2025-07-10");
                w.data.visit_rights.push(no);
            },
            vec!["2025-07-08 13:30-16:00 haren lina"],
        ),
        (
            "right starting on the 20th",
            |w| w.data.visit_rights[0].valid_from = day("2025-07-20"),
            vec!["2025-07-22 13:30-16:00 haren lina"],
        ),
        (
            "right ended before the month",
            |w| w.data.visit_rights[0].valid_until = Some(day("2025-06-30")),
            vec![],
        ),
        (
            "archived child",
            |w| w.data.children[0].archived = true,
            vec![],
        ),
        // Trips already planned count.
        (
            "a trip already planned",
            |w| lina_trip(w, "planned", "2025-07-17 14:00"),
            vec![],
        ),
        (
            "twice a month, one planned: the other around it",
            |w| {
                rhythm(w, "lina", 2, RhythmPeriod::Month);
                lina_trip(w, "planned", "2025-07-03 14:00");
            },
            vec!["2025-07-17 13:30-16:00 haren lina"],
        ),
        (
            "a cancelled trip does not count",
            |w| {
                lina_trip(w, "ill", "2025-07-17 14:00");
                cancel(w, "ill", CancelReason::ChildIll);
            },
            vec!["2025-07-08 13:30-16:00 haren lina"],
        ),
        // The parent moves or leaves.
        (
            "transferred mid-month: the new prison's slots",
            |w| {
                rhythm(w, "lina", 2, RhythmPeriod::Month);
                w.data.parents[0].transfers = vec![Transfer {
                    from: "haren".into(),
                    to: "lantin".into(),
                    on: day("2025-07-10"),
                }];
                w.data.parents[0].prison_id = "lantin".into();
            },
            vec![
                "2025-07-03 13:30-16:00 haren lina",
                "2025-07-16 14:00-16:00 lantin lina",
            ],
        ),
        (
            "released mid-month",
            |w| {
                rhythm(w, "lina", 2, RhythmPeriod::Month);
                w.data.parents[0].released_on = Some(day("2025-07-10"));
            },
            vec![
                "2025-07-03 13:30-16:00 haren lina",
                "2025-07-08 13:30-16:00 haren lina",
            ],
        ),
        // Visits owed: first, and marked.
        (
            "a visit cancelled by a strike is owed",
            |w| {
                lina_trip(w, "may", "2025-05-15 14:00");
                cancel(w, "may", CancelReason::Strike);
            },
            vec![
                "2025-07-01 13:30-16:00 haren lina catch-up",
                "2025-07-08 13:30-16:00 haren lina",
            ],
        ),
        (
            "lockdown and refusal at the door are owed too",
            |w| {
                lina_trip(w, "apr", "2025-04-10 14:00");
                cancel(w, "apr", CancelReason::Lockdown);
                lina_trip(w, "may", "2025-05-15 14:00");
                cancel(w, "may", CancelReason::RefusedAtDoor);
            },
            vec![
                "2025-07-01 13:30-16:00 haren lina catch-up",
                "2025-07-08 13:30-16:00 haren lina catch-up",
                "2025-07-10 13:30-16:00 haren lina",
            ],
        ),
        (
            "a visit cancelled because the child was ill is not owed",
            |w| {
                lina_trip(w, "may", "2025-05-15 14:00");
                cancel(w, "may", CancelReason::ChildIll);
            },
            vec!["2025-07-08 13:30-16:00 haren lina"],
        ),
        (
            "made up in the same month",
            |w| {
                lina_trip(w, "may", "2025-05-15 14:00");
                cancel(w, "may", CancelReason::Strike);
                lina_trip(w, "may-again", "2025-05-27 14:00");
            },
            vec!["2025-07-08 13:30-16:00 haren lina"],
        ),
        (
            "made up by an extra visit the next month",
            |w| {
                lina_trip(w, "may", "2025-05-15 14:00");
                cancel(w, "may", CancelReason::Strike);
                lina_trip(w, "june-extra", "2025-06-26 14:00");
            },
            vec!["2025-07-08 13:30-16:00 haren lina"],
        ),
        (
            "made up by an extra visit already planned this month",
            |w| {
                lina_trip(w, "may", "2025-05-15 14:00");
                cancel(w, "may", CancelReason::Strike);
                lina_trip(w, "july-1", "2025-07-03 14:00");
                lina_trip(w, "july-2", "2025-07-17 14:00");
            },
            vec![],
        ),
        (
            "cancelled more than three months ago: no longer owed",
            |w| {
                lina_trip(w, "march", "2025-03-20 14:00");
                cancel(w, "march", CancelReason::Strike);
            },
            vec!["2025-07-08 13:30-16:00 haren lina"],
        ),
        (
            "siblings owed a shared visit catch up together",
            |w| {
                add_right(w, "noah", true);
                lina_trip(w, "may", "2025-05-15 14:00");
                w.data
                    .trips
                    .last_mut()
                    .unwrap()
                    .children
                    .push("noah".into());
                cancel(w, "may", CancelReason::Strike);
            },
            vec![
                "2025-07-01 13:30-16:00 haren lina+noah catch-up",
                "2025-07-08 13:30-16:00 haren lina+noah",
            ],
        ),
        // Planned on the 9th: the catch-up takes the first free day.
        (
            "catch-ups first, also in time",
            |w| {
                w.today = day("2025-07-09");
                lina_trip(w, "may", "2025-05-15 14:00");
                cancel(w, "may", CancelReason::Strike);
            },
            vec![
                "2025-07-10 13:30-16:00 haren lina catch-up",
                "2025-07-15 13:30-16:00 haren lina",
            ],
        ),
    ];
    for (name, change, expected) in table {
        let mut w = base();
        change(&mut w);
        assert_eq!(summary(&plan(&w)), expected, "{name}");
    }
}

fn strike(kept: Option<bool>) -> PrisonStatus {
    PrisonStatus {
        kind: PrisonStatusKind::Strike,
        from: Some(at("2025-07-07 06:00")),
        until: Some(at("2025-07-11 20:00")),
        child_visits_kept: kept,
        note: String::new(),
    }
}

#[test]
fn proposals_carry_the_guardians_pickup_and_the_trips_warnings() {
    let w = base();
    let visits = plan(&w);
    assert_eq!(summary(&visits), vec!["2025-07-08 13:30-16:00 haren lina"]);
    let v = &visits[0];
    assert_eq!(v.pickup.guardian_id.as_str(), "g1");
    assert_eq!(v.pickup.address, "Rue de g1, Schaerbeek");
    assert_eq!(v.pickup.location, SCHAERBEEK);
    // Volunteers are assigned after planning: "no volunteer" is not news.
    assert!(v.warnings.is_empty(), "{:?}", v.warnings);

    // A strike announced after planning: the trip check flags the proposal.
    let mut data = w.data.clone();
    data.prisons[0].status = strike(None);
    let trip = trip_from_proposal(v);
    let warnings = check_trip(&trip, &data.context(), at("2025-06-20 08:00"));
    assert!(warnings.iter().any(|x| x.code() == "prison_disrupted"));
}

#[test]
fn without_the_guardian_or_the_parent_nothing_is_proposed() {
    let mut w = base();
    w.guardians.clear();
    assert!(plan(&w).is_empty());
    let mut w = base();
    w.data.parents.clear();
    assert!(plan(&w).is_empty());
    let mut w = base();
    w.month = (2025, 13);
    assert!(plan(&w).is_empty());
}

#[test]
fn an_accepted_proposal_makes_a_proposed_trip_without_volunteer() {
    let w = base();
    let visits = plan(&w);
    let a = trip_from_proposal(&visits[0]);
    let b = trip_from_proposal(&visits[0]);
    assert_ne!(a.id, b.id, "each accepted visit gets its own id");
    assert_eq!(a.status, TripStatus::Proposed);
    assert_eq!(a.volunteer_id, None);
    assert_eq!(a.children, visits[0].children);
    assert_eq!(a.parent_id.as_str(), "p1");
    assert_eq!(a.prison_id.as_str(), "haren");
    assert_eq!(
        (a.visit_start, a.visit_end),
        (at("2025-07-08 13:30"), at("2025-07-08 16:00"))
    );
    assert_eq!(a.pickup, visits[0].pickup);
    a.validate().unwrap();

    // Once saved, planning the month again proposes nothing more.
    let mut again = base();
    again.data.trips.push(a);
    assert!(plan(&again).is_empty());
}

#[test]
fn a_generated_network_gets_valid_visits_only() {
    let today = day("2025-06-20");
    let network = crate::demo::generated_network_of(7, 10, 20, 80, 300, today);
    let mut data = PlanData::from_records(&network.records);
    // A forbidding decision for a few children.
    let forbidden: Vec<ChildId> = data
        .visit_rights
        .iter_mut()
        .step_by(5)
        .map(|r| {
            r.allowed = false;
            r.child_id.clone()
        })
        .collect();
    let guardians: Vec<Guardian> = network
        .records
        .iter()
        .filter_map(|r| match r {
            crate::domain::Record::Guardian(g) => Some(g.clone()),
            _ => None,
        })
        .collect();
    let visits = plan_month(&data.context(), &guardians, 2025, 7, today);
    assert!(!visits.is_empty());
    for v in &visits {
        assert!(v.children.iter().all(|c| !forbidden.contains(c)), "{v:?}");
        assert!(v.day >= day("2025-07-01") && v.day <= day("2025-07-31"));
        assert!(!v.warnings.iter().any(|w| w.code() == "visit_forbidden"));
        trip_from_proposal(v).validate().unwrap();
    }
}

#[test]
fn a_proposed_visit_may_move_to_any_slot_of_its_prison_that_month() {
    let w = base();
    let visits = plan(&w);
    let ctx = w.data.context();
    let choices = move_choices(&ctx, &visits[0], w.today);
    // Haren's Tuesdays and Thursdays of July 2025.
    let days: Vec<String> = choices
        .iter()
        .map(|(start, _)| local_day(*start).to_string())
        .collect();
    assert_eq!(
        days,
        [
            "2025-07-01",
            "2025-07-03",
            "2025-07-08",
            "2025-07-10",
            "2025-07-15",
            "2025-07-17",
            "2025-07-22",
            "2025-07-24",
            "2025-07-29",
            "2025-07-31"
        ]
    );
    assert!(choices.contains(&(visits[0].start, visits[0].end)));

    // (what changes, days offered)
    let cases: [(&str, Change, usize); 3] = [
        (
            "a strike from the 7th to the 11th takes its two slots away",
            |w| w.data.prisons[0].status = strike(None),
            8,
        ),
        (
            "planned on the 20th of June for July: every slot",
            |_| {},
            10,
        ),
        (
            "from the 16th of July on: the five slots left",
            |w| w.today = day("2025-07-16"),
            5,
        ),
    ];
    for (name, change, expected) in cases {
        let mut w = base();
        change(&mut w);
        let n = move_choices(&w.data.context(), &visits[0], w.today).len();
        assert_eq!(n, expected, "{name}");
    }
}

#[test]
fn a_moved_visit_gets_its_warnings_checked_again() {
    let mut w = base();
    // Lina's right ends on the 20th of July.
    w.data.visit_rights[0].valid_until = Some(day("2025-07-20"));
    let visits = plan(&w);
    assert_eq!(summary(&visits), vec!["2025-07-08 13:30-16:00 haren lina"]);
    assert!(visits[0].warnings.is_empty());
    let ctx = w.data.context();
    let late = move_visit(
        &ctx,
        &visits[0],
        at("2025-07-24 13:30"),
        at("2025-07-24 16:00"),
        w.today,
    );
    assert_eq!(late.day, day("2025-07-24"));
    assert_eq!(
        (late.start, late.end),
        (at("2025-07-24 13:30"), at("2025-07-24 16:00"))
    );
    assert!(!late.warnings.is_empty(), "no right on the 24th");
    let expected: Vec<Warning> =
        check_trip(&trip_from_proposal(&late), &ctx, at("2025-06-20 00:00"))
            .into_iter()
            .filter(|x| *x != Warning::NoVolunteer)
            .collect();
    assert_eq!(late.warnings, expected);
    // Moved back within the right: nothing to check any more.
    let back = move_visit(
        &ctx,
        &late,
        at("2025-07-15 13:30"),
        at("2025-07-15 16:00"),
        w.today,
    );
    assert_eq!(back.day, day("2025-07-15"));
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    // The rest of the visit stays as it was.
    assert_eq!(back.children, visits[0].children);
    assert_eq!(back.pickup, visits[0].pickup);
}
