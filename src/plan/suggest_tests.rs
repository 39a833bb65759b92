use super::*;
use crate::domain::{Absence, CancelReason, ChildId, EventKind, Language::*};
use crate::plan::fixtures::*;
use crate::plan::PlanData;

/// Trip "t" (Lina, French, Haren, Thursday 12 June 2025 14:00) without a
/// volunteer, and six candidates: her référent from Antwerp, a free neighbour,
/// one who gave no slots, a Dutch speaker without a car, one away, one busy.
fn candidates() -> PlanData {
    let mut w = world();
    w.trips[0].volunteer_id = None;
    let mut away = volunteer("away", SCHAERBEEK, true, &[Fr]);
    away.absences.push(Absence {
        from: day("2025-06-12"),
        until: day("2025-06-12"),
    });
    let mut ask = volunteer("ask", SCHAERBEEK, true, &[Fr]);
    ask.availability.clear();
    w.volunteers = vec![
        volunteer("ref", ANTWERPEN, true, &[Fr, Nl]),
        volunteer("near", SCHAERBEEK, true, &[Fr]),
        ask,
        volunteer("nl", SCHAERBEEK, false, &[Nl]),
        away,
        volunteer("busy", SCHAERBEEK, true, &[Fr]),
    ];
    let assigned = |id: &str, start: &str, v: &str| {
        let mut t = trip(id, at(start), 60);
        t.volunteer_id = Some(v.into());
        t
    };
    // The référent went with Lina in May and is planned for 5 June.
    w.trips.push(assigned("r1", "2025-05-15 14:00", "ref"));
    w.trips.push(assigned("r2", "2025-06-05 14:00", "ref"));
    let mut b = assigned("b1", "2025-06-12 15:00", "busy");
    b.children = vec![ChildId::from("noah")];
    w.trips.push(b);
    w
}

fn order(w: &PlanData) -> Vec<String> {
    suggest_volunteers(&w.trips[0], &w.context(), at("2025-06-01 08:00"))
        .into_iter()
        .map(|s| s.volunteer_id.to_string())
        .collect()
}

type Change = fn(&mut PlanData);

#[test]
fn suggestion_order_table() {
    let table: Vec<(&str, Change, [&str; 6])> = vec![
        (
            "the référent first, unavailable last",
            |_| {},
            ["ref", "near", "ask", "nl", "away", "busy"],
        ),
        (
            "cancelled trips make no référent",
            |w| {
                for (n, t) in ["r1", "r2"].into_iter().enumerate() {
                    let kind = EventKind::Cancelled {
                        reason: CancelReason::Strike,
                    };
                    w.events
                        .push(event(&format!("e{n}"), t, kind, at("2025-05-01 09:00")));
                }
            },
            ["near", "ref", "ask", "nl", "away", "busy"],
        ),
        (
            "an absent référent ranks with the unavailable",
            |w| {
                w.volunteers[0].absences.push(Absence {
                    from: day("2025-06-10"),
                    until: day("2025-06-20"),
                });
            },
            ["near", "ask", "nl", "ref", "away", "busy"],
        ),
        (
            "later trips make no référent",
            |w| {
                for t in &mut w.trips[1..3] {
                    t.visit_start += chrono::Duration::days(30);
                    t.visit_end += chrono::Duration::days(30);
                }
            },
            ["near", "ref", "ask", "nl", "away", "busy"],
        ),
        (
            "a Dutch-speaking child",
            |w| {
                w.children[0].language = Nl;
            },
            ["ref", "nl", "near", "ask", "away", "busy"],
        ),
    ];
    for (name, change, expected) in table {
        let mut w = candidates();
        change(&mut w);
        assert_eq!(order(&w), expected, "case: {name}");
    }
}

#[test]
fn reasons_explain_the_score() {
    let w = candidates();
    let all = suggest_volunteers(&w.trips[0], &w.context(), at("2025-06-01 08:00"));
    let codes = |i: usize| {
        all[i]
            .reasons
            .iter()
            .map(SuggestionReason::code)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        all[0].reasons[0],
        SuggestionReason::Continuity {
            made: 1,
            planned: 1
        }
    );
    assert_eq!(
        codes(0),
        [
            "continuity",
            "free_at_that_time",
            "speaks_language",
            "distance_to_pickup"
        ]
    );
    assert_eq!(
        codes(2),
        [
            "availability_unknown",
            "speaks_language",
            "distance_to_pickup"
        ]
    );
    assert_eq!(
        codes(3),
        [
            "free_at_that_time",
            "no_common_language",
            "distance_to_pickup"
        ]
    );
    assert_eq!(
        codes(4),
        ["absent", "speaks_language", "distance_to_pickup"]
    );
    assert_eq!(
        all[5].reasons[0],
        SuggestionReason::DoubleBooked {
            other_trip: "b1".into()
        }
    );
    assert!(all[..4].iter().all(Suggestion::is_available));
    assert!(!all[4].is_available() && !all[5].is_available());
}

#[test]
fn a_car_counts_when_the_trip_is_long_by_bus() {
    // (pickup, expected order of two volunteers identical but for the car)
    let table = [(ARLON, ["car", "walk"]), (SCHAERBEEK, ["car", "walk"])];
    for (pickup, expected) in table {
        let mut w = world();
        w.trips[0].volunteer_id = None;
        w.trips[0].pickup.location = pickup;
        w.volunteers = vec![
            volunteer("walk", HAREN, false, &[Fr]),
            volunteer("car", HAREN, true, &[Fr]),
        ];
        let all = suggest_volunteers(&w.trips[0], &w.context(), at("2025-06-01 08:00"));
        let ids: Vec<String> = all.iter().map(|s| s.volunteer_id.to_string()).collect();
        assert_eq!(ids, expected);
        let long = pickup == ARLON;
        // On a short trip the car changes nothing: equal scores, order by id.
        assert_eq!(all[0].score > all[1].score, long);
        assert_eq!(
            all[1]
                .reasons
                .iter()
                .any(|r| r.code() == "no_car_for_long_trip"),
            long
        );
    }
}

#[test]
fn no_prison_no_suggestion() {
    let mut w = candidates();
    w.trips[0].prison_id = "nowhere".into();
    assert!(suggest_volunteers(&w.trips[0], &w.context(), at("2025-06-01 08:00")).is_empty());
}

#[test]
fn a_new_volunteer_who_never_met_the_children_ranks_after_an_equal_experienced_one() {
    let mut w = candidates();
    let mut new = volunteer("new", SCHAERBEEK, true, &[Fr]);
    new.newcomer = true;
    w.volunteers.push(new);
    let ranked = suggest_volunteers(&w.trips[0], &w.context(), at("2025-06-01 08:00"));
    let pos = |id: &str| ranked.iter().position(|s| s.volunteer_id.as_str() == id);
    assert!(pos("near") < pos("new"), "{:?}", order(&w));
    let new = &ranked[pos("new").unwrap_or_default()];
    assert!(new.reasons.contains(&SuggestionReason::NewcomerFirstTime));
    assert!(new.is_available(), "a newcomer may still go");

    // The référent, even when marked new, has met Lina: no such reason.
    w.volunteers[0].newcomer = true;
    let ranked = suggest_volunteers(&w.trips[0], &w.context(), at("2025-06-01 08:00"));
    let referent = ranked
        .iter()
        .find(|s| s.volunteer_id.as_str() == "ref")
        .map(|s| s.reasons.clone())
        .unwrap_or_default();
    assert!(!referent.contains(&SuggestionReason::NewcomerFirstTime));
    assert_eq!(ranked[0].volunteer_id.as_str(), "ref");
}
