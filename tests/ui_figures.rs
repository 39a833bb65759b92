//! The coordinators' figures screen, rendered as a person would see it, in
//! French, Dutch and English: the year's numbers, per month and per prison,
//! the charts with their text alternative and the download.
// Component tests: a failure to read the in-memory store is a failed test.
#![allow(clippy::unwrap_used)]

mod ui_common;

use itinerances::demo::{generated_network_of, generated_steps};
use itinerances::figures::csv::hours;
use itinerances::figures::{figures, Period};
use ui_common::*;

/// A coordinator's device holding a generated year 2026 with its steps and reports.
fn store_with_a_year() -> (Arc<MemoryStore>, Vec<Record>) {
    let demo = generated_network_of(
        21,
        3,
        6,
        30,
        300,
        NaiveDate::from_ymd_opt(2026, 1, 20).unwrap(),
    );
    let mut records = Vec::new();
    let mut trips = Vec::new();
    for (i, record) in demo.records.into_iter().enumerate() {
        match record {
            Record::Trip(mut trip) => {
                let shift = Duration::days(((i * 29) % 330) as i64);
                trip.visit_start += shift;
                trip.visit_end += shift;
                trips.push(trip);
            }
            other => records.push(other),
        }
    }
    let (events, reports) = generated_steps(4, &trips);
    records.extend(trips.into_iter().map(Record::Trip));
    records.extend(events.into_iter().map(Record::Event));
    records.extend(reports.into_iter().map(Record::Report));
    let store = Arc::new(MemoryStore::new());
    let plan = ApplyPlan {
        upserts: records.clone(),
        reset: true,
        ..Default::default()
    };
    store.apply(&plan, now()).unwrap();
    let mut me = identity();
    me.role = Role::Coordinator;
    me.display_name = "Sophie Lambert".to_owned();
    me.volunteer_id = None;
    store.set_identity(&me).unwrap();
    (store, records)
}

#[test]
fn the_figures_screen_shows_the_year_per_month_and_per_prison_in_every_language() {
    let (store, records) = store_with_a_year();
    let mut trips = Vec::new();
    let mut events = Vec::new();
    let mut reports = Vec::new();
    let mut prisons = Vec::new();
    for r in &records {
        match r {
            Record::Trip(t) => trips.push(t.clone()),
            Record::Event(e) => events.push(e.clone()),
            Record::Report(r) => reports.push(r.clone()),
            Record::Prison(p) => prisons.push(p.clone()),
            _ => {}
        }
    }
    let fig = figures(Period::year(2026), &trips, &events, &reports);
    assert!(fig.total.done > 0 && fig.total.cancelled > 0);
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/figures");
        let title = pick(
            lang,
            "Chiffres de 2026",
            "Cijfers van 2026",
            "Figures of 2026",
        );
        assert!(text.contains(title), "{lang:?}: {text}");
        let menu = pick(lang, "Chiffres", "Cijfers", "Figures");
        assert!(
            html.contains(&format!(">{menu}</a>")),
            "{lang:?}: menu item"
        );
        let children = pick(
            lang,
            "Enfants accompagnés",
            "Begeleide kinderen",
            "Children accompanied",
        );
        assert!(
            text.contains(&format!("{children} {}", fig.total.children)),
            "{lang:?}: {text}"
        );
        let km = pick(lang, "Kilomètres", "Kilometers", "Kilometres");
        assert!(
            text.contains(&format!("{km} {}", fig.total.kilometres)),
            "{lang:?}"
        );
        for (month, tally) in &fig.per_month {
            let name = match (lang, month.month) {
                (Language::Fr, 3) => "mars",
                (Language::Nl, 3) => "maart",
                (_, 3) => "March",
                _ => continue,
            };
            let row = format!(
                "{name} {} {} {} {} {} {} {} {}",
                tally.planned,
                tally.done,
                tally.cancelled,
                tally.children,
                tally.kilometres,
                hours(tally),
                tally.owed,
                tally.caught_up
            );
            assert!(text.contains(&row), "{lang:?}: {row} in {text}");
        }
        for prison in &prisons {
            let tally = &fig.per_prison[&prison.id];
            let row = format!(
                "{} {} {} {}",
                prison.name, tally.planned, tally.done, tally.cancelled
            );
            assert!(text.contains(&row), "{lang:?}: {row}");
        }
        // Two charts drawn by the app, each with its numbers in words.
        assert_eq!(html.matches("<svg").count(), 2, "{lang:?}");
        assert_eq!(html.matches("role=\"img\"").count(), 2);
        let march_done = fig.per_month[2].1.done;
        let march = pick(lang, "mar", "maa", "Mar");
        assert!(
            html.contains(&format!("{march}: {march_done}")),
            "{lang:?}: chart alt"
        );
        let download = pick(
            lang,
            "Télécharger les chiffres (CSV)",
            "De cijfers downloaden (CSV)",
            "Download the figures (CSV)",
        );
        assert!(text.contains(download), "{lang:?}");
    }
}

#[test]
fn a_volunteers_device_has_no_figures() {
    let (store, _) = store_with_a_year();
    let mut me = identity();
    me.role = Role::Volunteer;
    store.set_identity(&me).unwrap();
    let (text, _) = render(store, Language::En, "/office/figures");
    assert!(!text.contains("Figures of"), "{text}");
}
