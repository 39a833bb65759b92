//! The volunteer's actions rendered with dioxus-ssr: the trip log after
//! steps, the report form, refused changes, enrollment, settings, and
//! trips marked as changed.

#![allow(clippy::unwrap_used)]

mod ui_common;

use ui_common::*;
#[test]
fn trip_log_offers_the_next_step_and_lists_steps_done() {
    let store = demo_store();
    for lang in LANGS {
        let (text, _) = render(store.clone(), lang, "/trip/trip-today-am/log");
        assert!(
            text.contains(pick(
                lang,
                "J'ai les enfants",
                "Ik heb de kinderen",
                "I have the children"
            )),
            "{lang:?}: {text}"
        );
        assert!(text.contains(pick(
            lang,
            "Le trajet ne peut pas avoir lieu",
            "De rit kan niet doorgaan",
            "The trip cannot take place"
        )));
    }
    // Two steps logged on this phone: the button moves on, the times show.
    let am = trip(&store, "trip-today-am");
    let picked_at = now() + Duration::minutes(80);
    for (kind, at) in [
        (EventKind::PickedUp, picked_at),
        (EventKind::Arrived, picked_at + Duration::minutes(30)),
    ] {
        let event = TripEvent {
            id: EventId::random(),
            trip_id: am.id.clone(),
            kind,
            at,
            author: Author::Volunteer("v-anne".into()),
            note: String::new(),
        };
        store.record(Change::LogEvent { event }, at).unwrap();
    }
    for lang in LANGS {
        let (text, _) = render(store.clone(), lang, "/trip/trip-today-am/log");
        assert!(
            text.contains(pick(
                lang,
                "Nous sommes entrés",
                "We zijn binnen",
                "We are inside"
            )),
            "{lang:?}"
        );
        let line = format!(
            "{} · {}",
            pick(
                lang,
                "Enfants pris en charge",
                "Kinderen opgehaald",
                "Children picked up"
            ),
            hm(picked_at)
        );
        assert!(text.contains(&line), "{lang:?}: {line} in {text}");
        // The sync bar counts what waits for the server.
        let pending = pick(
            lang,
            "2 changements à envoyer",
            "2 wijzigingen wachten",
            "2 changes waiting to be sent",
        );
        assert!(text.contains(pending), "{lang:?}: {text}");
    }
}

#[test]
fn report_form_in_each_language() {
    let store = demo_store();
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/trip/trip-today-am/report");
        assert!(text.contains(pick(
            lang,
            "Comment allait l'enfant avant la visite ?",
            "Hoe was het kind voor het bezoek?",
            "How was the child before the visit?"
        )));
        assert!(text.contains(pick(
            lang,
            "Kilomètres parcourus",
            "Gereden kilometers",
            "Kilometres driven"
        )));
        assert!(text.contains(pick(lang, "Chaleureux", "Warm", "Warm")));
        assert!(html.contains("type=\"number\""));
    }
}

#[test]
fn refused_changes_are_shown_in_words() {
    let store = demo_store();
    let am = trip(&store, "trip-today-am");
    let event = TripEvent {
        id: EventId::random(),
        trip_id: am.id.clone(),
        kind: EventKind::PickedUp,
        at: now(),
        author: Author::Volunteer("v-anne".into()),
        note: String::new(),
    };
    let op = store.record(Change::LogEvent { event }, now()).unwrap();
    let plan = ApplyPlan {
        rejected: vec![(op.seq, RejectCode::Forbidden, "trip reassigned".to_owned())],
        ..Default::default()
    };
    store.apply(&plan, now()).unwrap();
    for lang in LANGS {
        let (text, _) = render(store.clone(), lang, "/");
        let what = pick(
            lang,
            "Pas accepté : « Enfants pris en charge »",
            "Niet aanvaard: “Kinderen opgehaald”",
            "Not accepted: “Children picked up”",
        );
        assert!(text.contains(what), "{lang:?}: {text}");
        assert!(text.contains(pick(
            lang,
            "Ce trajet n'est plus le vôtre.",
            "Deze rit is niet meer van jou.",
            "This trip is no longer yours."
        )));
        assert!(text.contains(pick(lang, "J'ai compris", "Begrepen", "I understand")));
    }
}

#[test]
fn enrollment_is_asked_first_and_its_errors_are_plain() {
    let store = Arc::new(MemoryStore::new());
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/");
        assert!(
            text.contains(pick(
                lang,
                "Connecter ce téléphone",
                "Deze telefoon koppelen",
                "Connect this phone"
            )),
            "{lang:?}: {text}"
        );
        assert!(html.contains("autocomplete=\"one-time-code\""));
    }
    let refused = |code: &str| {
        EnrollError::Refused(itinerances::protocol::ApiError {
            code: code.to_owned(),
            message: String::new(),
        })
    };
    assert_eq!(
        enroll_error_key(&refused("invalid_code")),
        "enroll-invalid-code"
    );
    assert_eq!(
        enroll_error_key(&refused("expired_code")),
        "enroll-expired-code"
    );
    assert_eq!(enroll_error_key(&refused("used_code")), "enroll-used-code");
    assert_eq!(
        enroll_error_key(&refused("too_many_attempts")),
        "enroll-too-many"
    );
    assert_eq!(
        enroll_error_key(&EnrollError::Offline("refused".into())),
        "enroll-offline"
    );
    assert_eq!(
        enroll_error_key(&EnrollError::BadAddress("x".into())),
        "enroll-bad-address"
    );
    let _ = TransportError::Offline(String::new());
}

#[test]
fn settings_offer_the_languages_and_leaving() {
    let store = demo_store();
    for lang in LANGS {
        let (text, _) = render(store.clone(), lang, "/settings");
        for name in ["Français", "Nederlands", "English"] {
            assert!(text.contains(name));
        }
        assert!(text.contains(pick(
            lang,
            "Déconnecter ce téléphone",
            "Deze telefoon loskoppelen",
            "Disconnect this phone"
        )));
        assert!(text.contains("Anne Vermeulen"));
    }
}

#[test]
fn a_trip_changed_after_it_was_seen_is_marked() {
    let store = demo_store();
    // Trips never shown before (a fresh enrollment) are not marked as changed.
    let fresh = trips_overview(&*store, now(), &Default::default(), 100).unwrap();
    assert!(!fresh.today.is_empty());
    assert!(fresh.today.iter().all(|s| !s.changed));
    let seen = fingerprints(&*store);
    let before = trips_overview(&*store, now(), &seen, 100).unwrap();
    assert!(before.today.iter().all(|s| !s.changed));
    move_trip(&store, "trip-today-pm", 30);
    let after = trips_overview(&*store, now(), &seen, 100).unwrap();
    let flags: Vec<(TripId, bool)> = after
        .today
        .iter()
        .map(|s| (s.trip.id.clone(), s.changed))
        .collect();
    assert!(
        flags.contains(&(TripId::from("trip-today-pm"), true)),
        "{flags:?}"
    );
    assert!(
        flags.contains(&(TripId::from("trip-today-am"), false)),
        "{flags:?}"
    );
}

#[test]
fn the_trips_list_shows_whole_days_then_offers_later_trips() {
    let store = demo_store();
    let all = trips_overview(&*store, now(), &Default::default(), usize::MAX).unwrap();
    let total: usize = all.upcoming.iter().map(|(_, l)| l.len()).sum();
    assert_eq!(all.later, 0);
    let first = trips_overview(&*store, now(), &Default::default(), 3).unwrap();
    let listed: usize = first.upcoming.iter().map(|(_, l)| l.len()).sum();
    assert!(listed >= 3 && listed < total, "{listed} of {total}");
    assert_eq!(listed + first.later, total, "nothing lost, only folded");
    assert_eq!(first.today, all.today, "today's trips are always all there");
    // Whole days: the last day listed has all of its trips.
    let (last_day, last_list) = first.upcoming.last().unwrap();
    let full = &all.upcoming.iter().find(|(d, _)| d == last_day).unwrap().1;
    assert_eq!(last_list.len(), full.len());

    // A busy volunteer: more trips than one page. The screen offers the rest
    // with its count, in each language.
    let am = trip(&store, "trip-today-am");
    let extra: Vec<Record> = (0..UPCOMING_PAGE as i64)
        .map(|i| {
            let mut t = am.clone();
            t.id = TripId::from(format!("extra-{i}").as_str());
            t.visit_start += Duration::days(2 + i);
            t.visit_end += Duration::days(2 + i);
            Record::Trip(t)
        })
        .collect();
    store
        .apply(
            &ApplyPlan {
                upserts: extra,
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    let shown = trips_overview(&*store, now(), &Default::default(), UPCOMING_PAGE).unwrap();
    assert!(shown.later > 1, "more trips than one page");
    for lang in LANGS {
        let (text, _) = render(store.clone(), lang, "/");
        let offer = format!(
            "{} ({})",
            pick(
                lang,
                "Voir les trajets suivants",
                "Toon de volgende ritten",
                "Show later trips"
            ),
            shown.later
        );
        assert!(text.contains(&offer), "{lang:?}: {offer} in {text}");
    }
}
