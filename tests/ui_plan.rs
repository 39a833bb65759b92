//! "Plan a month" in the coordinators' workspace, rendered as a person would
//! see it, in French, Dutch and English: next month's proposal for the demo
//! network as a table, a forbidden sibling never in it, and nothing left to
//! propose once the visits are saved.
// Component tests: a failure to read the in-memory store is a failed test.
#![allow(clippy::unwrap_used)]

mod ui_common;

use itinerances::domain::Guardian;
use itinerances::plan::{move_choices, plan_month, trip_from_proposal, PlanData, ProposedVisit};
use ui_common::*;

/// What the planner proposes for April 2026 (the month after the tests' day),
/// from the store's records.
fn april_plan(store: &MemoryStore) -> Vec<ProposedVisit> {
    let mut records = Vec::new();
    for kind in RecordKind::ALL {
        records.extend(store.list(kind).unwrap());
    }
    let guardians: Vec<Guardian> = records
        .iter()
        .filter_map(|r| match r {
            Record::Guardian(g) => Some(g.clone()),
            _ => None,
        })
        .collect();
    let data = PlanData::from_records(&records);
    plan_month(&data.context(), &guardians, 2026, 4, today())
}

fn first_name(store: &MemoryStore, id: &str) -> String {
    store
        .children()
        .unwrap()
        .into_iter()
        .find(|c| c.id.as_str() == id)
        .unwrap()
        .first_name
}

#[test]
fn next_months_proposal_is_a_table_with_a_row_per_visit() {
    let store = coordinator_store();
    let visits = april_plan(&store);
    assert!(!visits.is_empty(), "the demo network has visits to plan");
    assert!(
        visits
            .iter()
            .all(|v| v.children.iter().all(|c| c.as_str() != "wout")),
        "the child whose visits are forbidden is never proposed"
    );
    let n = visits.len();
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/plan");
        for expected in [
            pick(
                lang,
                "Planifier un mois",
                "Een maand plannen",
                "Plan a month",
            ),
            pick(lang, "avril 2026", "april 2026", "April 2026"),
        ] {
            assert!(text.contains(expected), "{lang:?}: {expected} in {text}");
        }
        let accept = match lang {
            Language::Fr => format!("Accepter {n} visites"),
            Language::Nl => format!("{n} bezoeken aanvaarden"),
            _ => format!("Accept {n} visits"),
        };
        assert!(text.contains(&accept), "{lang:?}: {accept} in {text}");
        // One tick box per proposed visit, each ticked.
        assert_eq!(html.matches("type=\"checkbox\"").count(), n, "{lang:?}");
        assert_eq!(html.matches("checked=true").count(), n, "{lang:?}: {html}");
        for visit in &visits {
            let date = itinerances::i18n::format_date(lang, visit.day);
            assert!(text.contains(&date), "{lang:?}: {date} in {text}");
            for child in &visit.children {
                let name = first_name(&store, child.as_str());
                assert!(text.contains(&name), "{lang:?}: {name} in {text}");
            }
        }
        let wout = first_name(&store, "wout");
        assert!(!text.contains(&wout), "{lang:?}: {wout} is not proposed");
        // The menu leads here.
        assert!(html.contains("href=\"/office/plan\""), "{lang:?}");
    }
}

#[test]
fn saved_visits_are_not_proposed_again() {
    let store = coordinator_store();
    let trips_before = store.list(RecordKind::Trip).unwrap().len();
    let visits = april_plan(&store);
    for visit in &visits {
        let trip = trip_from_proposal(visit);
        store
            .record(
                Change::Put {
                    record: Record::Trip(trip),
                },
                now(),
            )
            .unwrap();
    }
    assert_eq!(
        store.list(RecordKind::Trip).unwrap().len(),
        trips_before + visits.len()
    );
    assert!(april_plan(&store).is_empty());
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/plan");
        let none = pick(
            lang,
            "Rien à proposer pour ce mois",
            "Niets voor te stellen deze maand",
            "Nothing to propose for this month",
        );
        assert!(text.contains(none), "{lang:?}: {text}");
        assert!(!html.contains("type=\"checkbox\""), "{lang:?}");
    }
}

#[test]
fn a_volunteers_device_never_shows_the_month_plan() {
    let (text, _) = render(demo_store(), Language::Fr, "/office/plan");
    assert!(text.contains("Rien ici"), "{text}");
    assert!(!text.contains("Planifier un mois"), "{text}");
}

#[test]
fn each_proposed_visit_offers_the_prisons_slots_of_the_month_to_move_to() {
    let store = coordinator_store();
    let visits = april_plan(&store);
    let mut records = Vec::new();
    for kind in RecordKind::ALL {
        records.extend(store.list(kind).unwrap());
    }
    let data = PlanData::from_records(&records);
    let ctx = data.context();
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/plan");
        let column = pick(lang, "Déplacer au", "Verplaatsen naar", "Move to");
        assert!(text.contains(column), "{lang:?}: {column}");
        assert_eq!(
            html.matches("<select").count(),
            visits.len(),
            "{lang:?}: one choice of slots per row"
        );
        for visit in &visits {
            let names: Vec<String> = visit
                .children
                .iter()
                .map(|c| first_name(&store, c.as_str()))
                .collect();
            let date = itinerances::i18n::format_date(lang, visit.day);
            let label = match lang {
                Language::Fr => format!("Déplacer la visite de {} du {date} au", names.join(", ")),
                Language::Nl => format!(
                    "Het bezoek van {} op {date} verplaatsen naar",
                    names.join(", ")
                ),
                _ => format!("Move the visit of {} on {date} to", names.join(", ")),
            };
            assert!(html.contains(&label), "{lang:?}: {label}");
            let choices = move_choices(&ctx, visit, today());
            assert!(choices.len() > 1, "another slot to move to");
            for (start, end) in choices {
                let option = format!(
                    "{} {}–{}",
                    itinerances::i18n::format_date(
                        lang,
                        start.with_timezone(&Brussels).date_naive()
                    ),
                    hm(start),
                    hm(end)
                );
                assert!(text.contains(&option), "{lang:?}: {option}");
                assert!(html.contains(&format!("value=\"{}\"", start.timestamp())));
            }
            // The row's own slot is the one chosen.
            assert!(
                html.contains(&format!("value=\"{}\" selected", visit.start.timestamp())),
                "{lang:?}"
            );
        }
    }
}
