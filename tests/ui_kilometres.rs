//! A volunteer's own kilometres, rendered as they would see them on their
//! phone, in French, Dutch and English: each month with trips, its trips and
//! kilometres, the total, and the statement to download.
// Component tests: a failure to read the in-memory store is a failed test.
#![allow(clippy::unwrap_used)]

mod ui_common;

use itinerances::demo::{generated_network_of, generated_steps};
use itinerances::domain::TripReport;
use std::collections::{BTreeMap, HashMap};
use ui_common::*;

/// A volunteer's phone holding the trips of a generated season with their
/// steps and reports; enrolled as the volunteer with the most trips.
fn phone() -> (
    Arc<MemoryStore>,
    VolunteerId,
    Vec<Trip>,
    Vec<TripEvent>,
    Vec<TripReport>,
) {
    let demo = generated_network_of(
        8,
        3,
        5,
        20,
        200,
        NaiveDate::from_ymd_opt(2026, 1, 20).unwrap(),
    );
    let trips: Vec<Trip> = demo.trips();
    let (events, reports) = generated_steps(3, &trips);
    let mut count: HashMap<VolunteerId, usize> = HashMap::new();
    for t in &trips {
        if let Some(v) = &t.volunteer_id {
            *count.entry(v.clone()).or_default() += 1;
        }
    }
    let me = count.into_iter().max_by_key(|(_, n)| *n).unwrap().0;
    let mut records = demo.records.clone();
    records.extend(events.iter().cloned().map(Record::Event));
    records.extend(reports.iter().cloned().map(Record::Report));
    let store = Arc::new(MemoryStore::new());
    let plan = ApplyPlan {
        upserts: records,
        reset: true,
        ..Default::default()
    };
    store.apply(&plan, now()).unwrap();
    let mut who = identity();
    who.volunteer_id = Some(me.clone());
    store.set_identity(&who).unwrap();
    (store, me, trips, events, reports)
}

#[test]
fn my_kilometres_shows_each_month_with_trips_and_the_total_in_every_language() {
    let (store, me, trips, events, reports) = phone();
    // Counted here again: the trips of mine that reached the end of the
    // visit or home without being cancelled, and their latest report.
    let mut latest: HashMap<_, &TripReport> = HashMap::new();
    for r in &reports {
        if latest
            .get(&r.trip_id)
            .is_none_or(|k| k.written_at <= r.written_at)
        {
            latest.insert(r.trip_id.clone(), r);
        }
    }
    let mut per_month: BTreeMap<u32, (usize, u64)> = BTreeMap::new();
    for t in trips
        .iter()
        .filter(|t| t.volunteer_id.as_ref() == Some(&me))
    {
        let steps: Vec<_> = events.iter().filter(|e| e.trip_id == t.id).collect();
        let cancelled = steps
            .iter()
            .any(|e| matches!(e.kind, EventKind::Cancelled { .. }));
        let ended = steps
            .iter()
            .any(|e| matches!(e.kind, EventKind::VisitEnded | EventKind::Returned));
        if ended && !cancelled {
            let month = t.visit_start.with_timezone(&Brussels).date_naive();
            let entry = per_month
                .entry(chrono::Datelike::month(&month))
                .or_default();
            entry.0 += 1;
            entry.1 += latest.get(&t.id).map_or(0, |r| u64::from(r.kilometres));
        }
    }
    assert!(
        per_month.len() >= 2,
        "a few months with trips: {per_month:?}"
    );
    let total: (usize, u64) = per_month
        .values()
        .fold((0, 0), |(n, k), (a, b)| (n + a, k + b));

    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/kilometres");
        let title = pick(lang, "Mes kilomètres", "Mijn kilometers", "My kilometres");
        assert!(text.contains(title), "{lang:?}: {text}");
        assert!(
            html.contains(&format!(">{title}</a>")),
            "{lang:?}: the menu links to it"
        );
        for (month, (n, km)) in &per_month {
            let name = itinerances::i18n::t(lang, &format!("month-{month}"));
            let row = format!("{name} 2026 {n} {km}");
            assert!(text.contains(&row), "{lang:?}: {row} in {text}");
        }
        let total_word = pick(lang, "Total", "Totaal", "Total");
        let row = format!("{total_word} {} {}", total.0, total.1);
        assert!(text.contains(&row), "{lang:?}: {row} in {text}");
        for button in [
            pick(lang, "Relevé (CSV)", "Overzicht (CSV)", "Statement (CSV)"),
            pick(lang, "Relevé (PDF)", "Overzicht (PDF)", "Statement (PDF)"),
        ] {
            assert!(text.contains(button), "{lang:?}: {button}");
        }
        // A month with no trip of mine is not listed.
        let december = itinerances::i18n::t(lang, "month-12");
        assert!(!text.contains(&format!("{december} 2026")), "{lang:?}");
    }
}

#[test]
fn a_volunteer_with_no_trip_done_is_told_so() {
    let store = Arc::new(MemoryStore::new());
    store.set_identity(&identity()).unwrap();
    for lang in LANGS {
        let (text, _) = render(store.clone(), lang, "/kilometres");
        let none = pick(
            lang,
            "Aucun trajet fait en 2026 sur ce téléphone pour l'instant.",
            "Nog geen rit gedaan in 2026 op deze telefoon.",
            "No trip done in 2026 on this phone yet.",
        );
        assert!(text.contains(none), "{lang:?}: {text}");
    }
}

#[test]
fn the_office_offers_a_volunteers_statement_and_the_report_as_pdf() {
    let (store, me, ..) = phone();
    let mut who = identity();
    who.role = Role::Coordinator;
    who.volunteer_id = None;
    store.set_identity(&who).unwrap();
    for lang in LANGS {
        let (text, _) = render(store.clone(), lang, &format!("/office/volunteers/{me}"));
        for button in [
            pick(lang, "Relevé (CSV)", "Overzicht (CSV)", "Statement (CSV)"),
            pick(lang, "Relevé (PDF)", "Overzicht (PDF)", "Statement (PDF)"),
        ] {
            assert!(text.contains(button), "{lang:?}: {button} in {text}");
        }
        let (text, _) = render(store.clone(), lang, "/office/figures");
        let report = pick(
            lang,
            "Télécharger le rapport (PDF)",
            "Het verslag downloaden (PDF)",
            "Download the report (PDF)",
        );
        assert!(text.contains(report), "{lang:?}: {text}");
    }
}
