//! The planning calendar in the coordinators' workspace, rendered as a person
//! would see it, in French, Dutch and English: the month as a table with the
//! days of the week as column headers, each trip a line linking to its page,
//! and the trip without a volunteer marked in words.
// Component tests: a failure to read the in-memory store is a failed test.
#![allow(clippy::unwrap_used)]

mod ui_common;

use ui_common::*;

/// The line a trip shows in a calendar cell.
fn line(store: &MemoryStore, id: &str) -> String {
    let trip = trip(store, id);
    let names: Vec<String> = children_of(store, &trip)
        .into_iter()
        .map(|c| c.first_name)
        .collect();
    format!(
        "{} {} · {}",
        hm(trip.visit_start),
        names.join(", "),
        prison_of(store, &trip).town
    )
}

#[test]
fn the_month_shows_every_trip_of_its_weeks_as_a_line_to_its_page() {
    let store = coordinator_store();
    // The weeks shown for March 2026: Monday 23 February to Sunday 5 April.
    let from = NaiveDate::from_ymd_opt(2026, 2, 23).unwrap();
    let to = NaiveDate::from_ymd_opt(2026, 4, 5).unwrap();
    let shown: Vec<Trip> = store
        .list(RecordKind::Trip)
        .unwrap()
        .into_iter()
        .filter_map(|r| match r {
            Record::Trip(t) if (from..=to).contains(&t.visit_day()) => Some(t),
            _ => None,
        })
        .collect();
    assert!(!shown.is_empty(), "the demo network has trips this month");
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/calendar");
        for expected in [
            pick(
                lang,
                "Calendrier des trajets",
                "Kalender van de ritten",
                "Calendar of trips",
            ),
            pick(lang, "mars 2026", "maart 2026", "March 2026"),
            pick(lang, "lundi", "maandag", "Monday"),
            pick(lang, "dimanche", "zondag", "Sunday"),
        ] {
            assert!(text.contains(expected), "{lang:?}: {expected} in {text}");
        }
        assert!(html.contains("<table"), "{lang:?}: a table");
        assert_eq!(
            html.matches("<th scope=\"col\"").count(),
            7,
            "{lang:?}: one header per day of the week"
        );
        // Six weeks of seven days, each a button with a name.
        let open_day = pick(
            lang,
            "Voir les trajets du",
            "De ritten van",
            "See the trips of",
        );
        assert_eq!(html.matches(open_day).count(), 42, "{lang:?}");
        assert!(
            html.contains("href=\"/office/calendar\""),
            "{lang:?}: in the menu"
        );
        for trip in &shown {
            let href = format!("href=\"/office/trips/{}\"", trip.id);
            assert!(html.contains(&href), "{lang:?}: {} linked", trip.id);
            let line = line(&store, trip.id.as_str());
            assert!(text.contains(&line), "{lang:?}: {line} in {text}");
        }
    }
}

#[test]
fn a_trip_without_a_volunteer_is_marked_in_words() {
    let store = coordinator_store();
    let open = trip(&store, "trip-today-open");
    assert!(open.volunteer_id.is_none());
    for lang in LANGS {
        let (text, _) = render(store.clone(), lang, "/office/calendar");
        let line = line(&store, "trip-today-open");
        let mark = format!(
            "{line} ⚠ {}",
            pick(lang, "sans bénévole", "geen vrijwilliger", "no volunteer")
        );
        assert!(text.contains(&mark), "{lang:?}: {mark} in {text}");
    }
    // Once a volunteer goes, the mark is gone.
    let mut assigned = open.clone();
    assigned.volunteer_id = Some(VolunteerId::from("v-marc"));
    store
        .apply(
            &ApplyPlan {
                upserts: vec![Record::Trip(assigned)],
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    let (text, _) = render(store.clone(), Language::En, "/office/calendar");
    let line = line(&store, "trip-today-open");
    assert!(text.contains(&line), "{line} in {text}");
    assert!(!text.contains(&format!("{line} ⚠ no volunteer")), "{text}");
}

#[test]
fn the_filters_are_named_selects_with_every_status() {
    let store = coordinator_store();
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/calendar");
        for id in [
            "calendar-prison",
            "calendar-volunteer",
            "calendar-child",
            "calendar-status",
        ] {
            assert!(
                html.contains(&format!("<label for=\"{id}\"")),
                "{lang:?}: {id}"
            );
            assert!(
                html.contains(&format!("<select id=\"{id}\"")),
                "{lang:?}: {id}"
            );
        }
        for status in [
            pick(
                lang,
                "Prévu, encore sans bénévole",
                "Gepland, nog zonder vrijwilliger",
                "Planned, no volunteer yet",
            ),
            pick(
                lang,
                "Bénévole désigné",
                "Vrijwilliger aangeduid",
                "Volunteer assigned",
            ),
            pick(lang, "Annulé", "Geannuleerd", "Cancelled"),
        ] {
            assert!(text.contains(status), "{lang:?}: {status}");
        }
        for button in [
            pick(lang, "Mois", "Maand", "Month"),
            pick(lang, "Semaine", "Week", "Week"),
            pick(lang, "Précédent", "Vorige", "Previous"),
            pick(lang, "Suivant", "Volgende", "Next"),
        ] {
            assert!(text.contains(button), "{lang:?}: {button}");
        }
    }
}
