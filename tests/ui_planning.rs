//! Planning in the coordinators' workspace, rendered as a person would see
//! it, in French, Dutch and English: a trip's page with its timeline, its
//! warnings and who can go; a forbidden visit that cannot be saved; a new
//! trip by hand; assigning the month; the links that lead to a trip.
// Component tests: a failure to read the in-memory store is a failed test.
#![allow(clippy::unwrap_used)]

mod ui_common;

use itinerances::domain::{
    CancelReason, DecidedBy, Rhythm, RhythmPeriod, SeriesId, VisitFormat, VisitRight, VisitRightId,
};
use ui_common::*;

fn put(store: &MemoryStore, records: Vec<Record>) {
    let plan = ApplyPlan {
        upserts: records,
        ..Default::default()
    };
    store.apply(&plan, now()).unwrap();
}

fn volunteer_names(store: &MemoryStore) -> Vec<String> {
    store
        .list(RecordKind::Volunteer)
        .unwrap()
        .into_iter()
        .filter_map(|r| match r {
            Record::Volunteer(v) if !v.archived => Some(v.name),
            _ => None,
        })
        .collect()
}

#[test]
fn a_trips_page_shows_its_timeline_its_children_and_who_can_go() {
    let store = coordinator_store();
    let am = trip(&store, "trip-today-am");
    let prison = prison_of(&store, &am);
    let children = children_of(&store, &am);
    let names = volunteer_names(&store);
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/trips/trip-today-am");
        assert!(
            text.contains(pick(lang, "Trajet du", "Rit van", "Trip of")),
            "{lang:?}: {text}"
        );
        for time in expected_times(&am, &prison) {
            assert!(text.contains(&time), "{lang:?}: {time} in {text}");
        }
        for child in &children {
            assert!(text.contains(&child.first_name), "{lang:?}: {text}");
        }
        // The trip's children are ticked.
        assert!(html.contains("checked"), "{lang:?}: {html}");
        assert!(
            text.contains(pick(lang, "Qui peut y aller", "Wie kan gaan", "Who can go")),
            "{lang:?}: {text}"
        );
        // Every volunteer is ranked, each with the distance in words.
        for name in &names {
            assert!(text.contains(name.as_str()), "{lang:?}: {name} in {text}");
        }
        let distance = pick(
            lang,
            "km du lieu de prise en charge",
            "km van de ophaalplaats",
            "km from the pickup place",
        );
        assert_eq!(
            text.matches(distance).count(),
            names.len(),
            "{lang:?}: {text}"
        );
        // The référent comes first, with the reason in words.
        let referent = pick(
            lang,
            "Est déjà parti·e avec ces enfants (1 trajet fait",
            "Ging al mee met deze kinderen (1 rit gedaan",
            "Already went with these children (1 trip made",
        );
        assert!(text.contains(referent), "{lang:?}: {text}");
        assert!(
            !text.contains("suggest-reason-"),
            "{lang:?}: a raw key in {text}"
        );
        assert!(!text.contains("warning-"), "{lang:?}: a raw key in {text}");
        // The one going is named, and others can be chosen in one click.
        assert!(
            text.contains(pick(lang, "Y va :", "Gaat:", "Going:")),
            "{lang:?}: {text}"
        );
        assert!(text.contains(pick(lang, "Désigner", "Toewijzen", "Assign")));
    }
}

#[test]
fn a_forbidden_visit_is_said_in_words_and_the_trip_cannot_be_saved() {
    let store = coordinator_store();
    let am = trip(&store, "trip-today-am");
    let child = children_of(&store, &am).remove(0);
    put(
        &store,
        vec![Record::VisitRight(VisitRight {
            id: VisitRightId::from("right-forbidden"),
            child_id: child.id.clone(),
            parent_id: am.parent_id.clone(),
            allowed: false,
            decided_by: DecidedBy::YouthCourt,
            format: VisitFormat {
                collective: false,
                supervised: true,
            },
            rhythm: Rhythm {
                visits: 1,
                per: RhythmPeriod::Month,
            },
            valid_from: today() - Duration::days(1),
            valid_until: None,
            reference: String::new(),
        })],
    );
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/trips/trip-today-am");
        let reason = pick(
            lang,
            "Une décision interdit les visites entre",
            "Een beslissing verbiedt bezoeken tussen",
            "A decision forbids visits between",
        );
        assert!(text.contains(reason), "{lang:?}: {text}");
        assert!(text.contains(&child.first_name), "{lang:?}: {text}");
        assert!(
            html.contains("data-warning=\"visit_forbidden\""),
            "{lang:?}: the warning beside the trip: {html}"
        );
        // Worded for the coordinator, not for a volunteer's phone.
        let for_coordinators = pick(
            lang,
            "Une décision interdit les visites d'un enfant avec ce parent.",
            "Een beslissing verbiedt bezoeken van een kind aan deze ouder.",
            "A decision forbids visits for a child with this parent.",
        );
        assert!(text.contains(for_coordinators), "{lang:?}: {text}");
        let call = pick(lang, "Appelez votre", "Bel je", "Call your");
        assert!(!text.contains(call), "{lang:?}: {text}");
        let save = html
            .split("<button")
            .find(|b| b.contains("type=\"submit\""))
            .unwrap();
        assert!(save.contains("disabled"), "{lang:?}: {save}");
    }
    // Another trip of the same day, with a child allowed, saves as before.
    let (_, html) = render(store.clone(), Language::En, "/office/trips/trip-today-pm");
    let save = html
        .split("<button")
        .find(|b| b.contains("type=\"submit\""))
        .unwrap();
    assert!(!save.contains("disabled"), "{save}");
}

#[test]
fn a_new_trip_starts_empty_and_asks_for_what_the_timeline_needs() {
    let store = coordinator_store();
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/trips/new");
        for words in [
            pick(lang, "Nouveau trajet", "Nieuwe rit", "New trip"),
            pick(lang, "Parent visité", "Bezochte ouder", "Parent visited"),
            pick(lang, "Créneau de visite", "Bezoekmoment", "Visiting slot"),
            pick(lang, "Prise en charge chez", "Ophalen bij", "Pickup at"),
            pick(
                lang,
                "pour voir le déroulé",
                "om het verloop te zien",
                "to see the timeline",
            ),
        ] {
            assert!(text.contains(words), "{lang:?}: {words} in {text}");
        }
        assert!(!html.contains("checked"), "{lang:?}: nothing chosen yet");
        assert!(
            !text.contains(pick(lang, "Qui peut y aller", "Wie kan gaan", "Who can go")),
            "{lang:?}: nobody to assign before the trip exists"
        );
    }
}

#[test]
fn assigning_the_month_proposes_a_free_volunteer_for_every_open_trip() {
    let store = coordinator_store();
    // Two more trips of this month lose their volunteer.
    let mut later: Vec<Trip> = store
        .trips()
        .unwrap()
        .into_iter()
        .filter(|t| t.volunteer_id.is_some() && t.visit_start > now() + Duration::days(2))
        .filter(|t| {
            t.visit_start.with_timezone(&Brussels).date_naive()
                < NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()
        })
        .collect();
    later.sort_by_key(|t| t.visit_start);
    let opened: Vec<Trip> = later
        .into_iter()
        .take(2)
        .map(|mut t| {
            t.volunteer_id = None;
            t
        })
        .collect();
    assert_eq!(opened.len(), 2, "the demo has trips later this month");
    put(&store, opened.iter().cloned().map(Record::Trip).collect());
    let open_today = trip(&store, "trip-today-open");
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/assign");
        assert!(
            text.contains(pick(
                lang,
                "Désigner le mois",
                "De maand toewijzen",
                "Assign the month"
            )),
            "{lang:?}: {text}"
        );
        assert!(
            text.contains(pick(lang, "mars 2026", "maart 2026", "March 2026")),
            "{lang:?}: {text}"
        );
        for t in opened.iter().chain([&open_today]) {
            if t.visit_start > now() {
                assert!(
                    html.contains(&format!("data-trip=\"{}\"", t.id)),
                    "{lang:?}: {} listed: {html}",
                    t.id
                );
                assert!(html.contains(&format!("href=\"/office/trips/{}\"", t.id)));
            }
        }
        let rows = html.matches("data-trip=").count();
        let nobody = text
            .matches(pick(
                lang,
                "Personne n'est libre",
                "Niemand is vrij",
                "Nobody is free",
            ))
            .count();
        assert!(rows >= 2, "{lang:?}: {html}");
        let button = match lang {
            Language::Fr => format!("Tous les désigner ({})", rows - nobody),
            Language::Nl => format!("Allemaal toewijzen ({})", rows - nobody),
            _ => format!("Assign them all ({})", rows - nobody),
        };
        assert!(text.contains(&button), "{lang:?}: {button} in {text}");
    }
}

#[test]
fn the_board_of_the_day_and_the_menu_lead_to_planning() {
    let store = coordinator_store();
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/today");
        for id in ["trip-today-am", "trip-today-pm", "trip-today-open"] {
            assert!(
                html.contains(&format!("href=\"/office/trips/{id}\"")),
                "{lang:?}: {id} opens its page: {html}"
            );
        }
        assert!(
            text.contains(pick(
                lang,
                "Désigner le mois",
                "De maand toewijzen",
                "Assign the month"
            )),
            "{lang:?}: the menu: {text}"
        );
        assert!(html.contains("href=\"/office/assign\""));
    }
    // A child's file links its next trips.
    let child = children_of(&store, &trip(&store, "trip-today-pm")).remove(0);
    let (_, html) = render(
        store.clone(),
        Language::Fr,
        &format!("/office/children/{}", child.id),
    );
    assert!(html.contains("href=\"/office/trips/trip-"), "{html}");
}

/// A trip with its own series and three later visits a week apart, the
/// last of them cancelled.
fn series_scene(store: &MemoryStore) {
    let mut first = trip(store, "trip-today-pm");
    first.series = Some(SeriesId::from("s-test"));
    let mut records = vec![Record::Trip(first.clone())];
    for week in 1..=3 {
        let mut next = first.clone();
        next.id = TripId(format!("series-week-{week}"));
        next.visit_start += Duration::days(7 * week);
        next.visit_end += Duration::days(7 * week);
        records.push(Record::Trip(next));
    }
    records.push(Record::Event(TripEvent {
        id: EventId::from("series-week-3-cancelled"),
        trip_id: TripId::from("series-week-3"),
        kind: EventKind::Cancelled {
            reason: CancelReason::ChildIll,
        },
        at: now(),
        author: Author::Coordinator("Sophie Lambert".into()),
        note: String::new(),
    }));
    put(store, records);
}

#[test]
fn a_visit_of_a_series_offers_its_later_dates_and_cancelling_them_too() {
    let store = coordinator_store();
    series_scene(&store);
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/trips/trip-today-pm");
        for words in [
            pick(
                lang,
                "Visites régulières",
                "Vaste bezoeken",
                "Regular visits",
            ),
            pick(
                lang,
                "2 visites suivantes de cette famille à ce parent sont prévues",
                "Er zijn nog 2 latere bezoeken van dit gezin aan deze ouder gepland",
                "2 later visits of this family to this parent are planned",
            ),
            pick(
                lang,
                "Appliquer le changement à",
                "Pas de wijziging toe op",
                "Apply the change to",
            ),
            pick(
                lang,
                "cette visite et les 2 suivantes",
                "dit bezoek en de 2 volgende",
                "this visit and the 2 later ones",
            ),
            pick(
                lang,
                "Annuler cette visite",
                "Dit bezoek annuleren",
                "Cancel this visit",
            ),
            pick(
                lang,
                "Annuler aussi les 2 visites suivantes de cette famille",
                "Ook de 2 volgende bezoeken van dit gezin annuleren",
                "Cancel the 2 later visits of this family too",
            ),
            pick(
                lang,
                "L'enfant est malade",
                "Het kind is ziek",
                "The child is ill",
            ),
        ] {
            assert!(text.contains(words), "{lang:?}: {words} in {text}");
        }
        // The later visits link to their pages; the cancelled one is not offered.
        assert!(html.contains("/office/trips/series-week-1"), "{html}");
        assert!(html.contains("/office/trips/series-week-2"), "{html}");
        assert!(!html.contains("/office/trips/series-week-3"), "{html}");
        // "This visit only" is the choice until the coordinator picks the other.
        let only = html
            .split("<input")
            .find(|i| i.contains("value=\"one\""))
            .unwrap();
        assert!(only.contains("checked"), "{only}");
    }
    // The last visit of the series has none after it: no choice to make.
    let (text, _) = render(store.clone(), Language::En, "/office/trips/series-week-2");
    assert!(text.contains("No later visit of this family to this parent is planned yet."));
    assert!(!text.contains("Apply the change to"), "{text}");
    // A cancelled visit says so, and offers no second cancellation.
    let (text, _) = render(store.clone(), Language::En, "/office/trips/series-week-3");
    assert!(
        text.contains("This visit is cancelled: The child is ill."),
        "{text}"
    );
    assert!(!text.contains("Cancel the trip"), "{text}");
}

#[test]
fn a_meeting_time_agreed_by_hand_is_in_its_field_and_in_the_timeline() {
    let store = coordinator_store();
    let mut pm = trip(&store, "trip-today-pm");
    let agreed = pm.visit_start - Duration::minutes(155);
    pm.pickup_time = Some(agreed);
    pm.travel_minutes = Some(50);
    put(&store, vec![Record::Trip(pm)]);
    let time = hm(agreed);
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/office/trips/trip-today-pm");
        let field = html
            .split("<input")
            .find(|i| i.contains("id=\"trip-meet\""))
            .unwrap();
        assert!(
            field.contains(&format!("value=\"{time}\"")),
            "{lang:?}: {field}"
        );
        let minutes = html
            .split("<input")
            .find(|i| i.contains("id=\"trip-minutes\""))
            .unwrap();
        assert!(minutes.contains("value=\"50\""), "{lang:?}: {minutes}");
        let meet = pick(
            lang,
            "Rendez-vous avec l'enfant",
            "Afspraak met het kind",
            "Meet the child",
        );
        let timeline = text.split(meet).nth(1).unwrap_or_default();
        assert!(
            timeline.trim_start().starts_with(&time),
            "{lang:?}: {time} after {meet} in {text}"
        );
    }
}
