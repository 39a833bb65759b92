//! The volunteer's screens rendered to HTML (dioxus-ssr) against a memory
//! store filled with the demo network, in French, Dutch and English. Times are
//! computed here from the trip's own data, not read back from the screens.

// Helpers below set up fixed test data; if that fails the test must stop
// loudly, and `expect` messages would only repeat the line.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Brussels;
use dioxus::history::{provide_history_context, MemoryHistory};
use dioxus::prelude::*;
use itinerances::demo::demo_network;
use itinerances::domain::{
    Author, Child, EventId, EventKind, Language, Prison, PrisonStatusKind, Record, RecordKey,
    RecordKind, Trip, TripEvent, TripId, VolunteerId,
};
use itinerances::protocol::{Change, RejectCode, Role};
use itinerances::store::{ApplyPlan, DeviceIdentity, MemoryStore, Store};
use itinerances::sync::{EnrollError, TransportError};
use itinerances::ui::model::{fingerprints, trips_overview};
use itinerances::ui::views::enroll_error_key;
use itinerances::ui::{AppWith, Boot, BootProp};
use std::rc::Rc;
use std::sync::Arc;

const LANGS: [Language; 3] = [Language::Fr, Language::Nl, Language::En];

/// 08:00 in Brussels on Tuesday 10 March 2026 (winter time, UTC+1).
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 7, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

fn identity() -> DeviceIdentity {
    DeviceIdentity {
        server_url: "http://localhost:8080".to_owned(),
        device_id: "device-1".into(),
        token: "token".to_owned(),
        account_id: "account-anne".into(),
        role: Role::Volunteer,
        display_name: "Anne Vermeulen".to_owned(),
        volunteer_id: Some(VolunteerId::from("v-anne")),
    }
}

/// A store holding the demo network, enrolled as the first volunteer.
fn demo_store() -> Arc<MemoryStore> {
    let store = Arc::new(MemoryStore::new());
    let plan = ApplyPlan {
        upserts: demo_network(today()).records,
        reset: true,
        ..Default::default()
    };
    store.apply(&plan, now()).unwrap();
    store.set_identity(&identity()).unwrap();
    store
}

#[derive(Clone)]
struct Setup {
    boot: Boot,
    path: String,
}

#[allow(non_snake_case)]
fn Root() -> Element {
    let setup = use_context::<Setup>();
    use_hook(|| provide_history_context(Rc::new(MemoryHistory::with_initial_path(&setup.path))));
    rsx! { AppWith { boot: BootProp(setup.boot.clone()) } }
}

/// Renders the app at `path` and returns its visible text.
fn render(store: Arc<MemoryStore>, lang: Language, path: &str) -> (String, String) {
    let boot = Boot {
        store,
        lang: Some(lang),
        clock: Arc::new(now),
        background_sync: false,
    };
    let mut dom = VirtualDom::new(Root).with_root_context(Setup {
        boot,
        path: path.to_owned(),
    });
    dom.rebuild_in_place();
    let html = dioxus_ssr::render(&dom);
    (visible_text(&html), html)
}

/// The text a person reads: tags removed, entities decoded, spaces collapsed.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn trip(store: &MemoryStore, id: &str) -> Trip {
    match store.get(&RecordKey::new(RecordKind::Trip, id)).unwrap() {
        Some(Record::Trip(t)) => t,
        other => panic!("no trip {id}: {other:?}"),
    }
}

fn prison_of(store: &MemoryStore, trip: &Trip) -> Prison {
    match store
        .get(&RecordKey::new(RecordKind::Prison, trip.prison_id.as_str()))
        .unwrap()
    {
        Some(Record::Prison(p)) => p,
        other => panic!("no prison: {other:?}"),
    }
}

fn children_of(store: &MemoryStore, trip: &Trip) -> Vec<Child> {
    let all = store.children().unwrap();
    trip.children
        .iter()
        .map(|id| all.iter().find(|c| &c.id == id).cloned().unwrap())
        .collect()
}

fn hm(at: DateTime<Utc>) -> String {
    at.with_timezone(&Brussels).format("%H:%M").to_string()
}

/// The planned times of a trip, computed from its own data with the rules of
/// the field: at the door `lead` minutes early, travel time as logged, ten
/// minutes at the pickup, fifteen to get out.
fn expected_times(trip: &Trip, prison: &Prison) -> [String; 6] {
    let travel = Duration::minutes(
        trip.travel_minutes
            .expect("a trip with a known travel time") as i64,
    );
    let door = trip.visit_start - Duration::minutes(prison.arrival_lead_minutes as i64);
    let leave = door - travel;
    let meet = trip.pickup_time.unwrap_or(leave - Duration::minutes(10));
    let back = trip.visit_end + Duration::minutes(15) + travel;
    [meet, leave, door, trip.visit_start, trip.visit_end, back].map(hm)
}

fn pick(lang: Language, fr: &'static str, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Language::Fr => fr,
        Language::Nl => nl,
        _ => en,
    }
}

#[test]
fn trips_screen_lists_today_first_then_upcoming_days() {
    let store = demo_store();
    let am = trip(&store, "trip-today-am");
    let pm = trip(&store, "trip-today-pm");
    let meet = expected_times(&am, &prison_of(&store, &am))[0].clone();
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/");
        let today = pick(
            lang,
            "Aujourd'hui, mardi 10 mars",
            "Vandaag, dinsdag 10 maart",
            "Today, Tuesday 10 March",
        );
        assert!(text.contains(today), "{lang:?}: {text}");
        for child in children_of(&store, &am)
            .iter()
            .chain(&children_of(&store, &pm))
        {
            assert!(
                text.contains(&child.first_name),
                "{lang:?}: {}",
                child.first_name
            );
        }
        let meet_line = format!(
            "{} {meet} · {}",
            pick(lang, "Rendez-vous à", "Afspraak om", "Meet at"),
            am.pickup.address
        );
        assert!(text.contains(&meet_line), "{lang:?}: {meet_line} in {text}");
        let next = pick(
            lang,
            "À faire : J'ai les enfants",
            "Nu: Ik heb de kinderen",
            "Next: I have the children",
        );
        assert!(text.contains(next), "{lang:?}");
        // Today's trips come before tomorrow's heading.
        let tomorrow = pick(
            lang,
            "mercredi 11 mars",
            "woensdag 11 maart",
            "Wednesday 11 March",
        );
        let first_upcoming = text
            .find(tomorrow)
            .or_else(|| text.find(pick(lang, "jeudi", "donderdag", "Thursday")))
            .unwrap();
        assert!(text.find(today).unwrap() < first_upcoming);
        assert!(html.contains("href=\"/trip/trip-today-am\""));
        // Nothing has changed since the app started.
        assert!(!text.contains(pick(lang, "Modifié", "Gewijzigd", "Changed")));
        assert!(text.contains(pick(lang, "Mes trajets", "Mijn ritten", "My trips")));
    }
}

#[test]
fn trip_detail_shows_the_timeline_children_and_pickup_contact() {
    let store = demo_store();
    let am = trip(&store, "trip-today-am");
    let prison = prison_of(&store, &am);
    let [meet, leave, door, start, end, back] = expected_times(&am, &prison);
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, "/trip/trip-today-am");
        let rows = [
            (
                pick(
                    lang,
                    "Rendez-vous avec l'enfant",
                    "Afspraak met het kind",
                    "Meet the child",
                ),
                meet.clone(),
            ),
            (
                pick(lang, "Partir à", "Vertrekken om", "Leave by"),
                leave.clone(),
            ),
            (
                pick(
                    lang,
                    "À la porte de la prison à",
                    "Aan de deur van de gevangenis om",
                    "At the prison door by",
                ),
                door.clone(),
            ),
            (
                pick(lang, "Visite", "Bezoek", "Visit"),
                format!("{start}–{end}"),
            ),
            (
                pick(lang, "Retour vers", "Terug rond", "Back around"),
                back.clone(),
            ),
        ];
        for (label, time) in rows {
            assert!(
                text.contains(&format!("{label} {time}")),
                "{lang:?}: {label} {time} in {text}"
            );
        }
        for child in children_of(&store, &am) {
            assert!(text.contains(&child.first_name));
            let age = 2026 - child.birth_year;
            let age_text = match lang {
                Language::Fr => format!("{age} ans"),
                Language::Nl => format!("{age} jaar"),
                _ => format!("{age} years old"),
            };
            assert!(text.contains(&age_text), "{lang:?}: {age_text}");
            if !child.needs.is_empty() {
                assert!(text.contains(&child.needs));
            }
        }
        let guardian = match store
            .get(&RecordKey::new(
                RecordKind::Guardian,
                am.pickup.guardian_id.as_str(),
            ))
            .unwrap()
        {
            Some(Record::Guardian(g)) => g,
            other => panic!("{other:?}"),
        };
        assert!(text.contains(&guardian.name));
        assert!(html.contains(&format!("href=\"tel:{}\"", guardian.phone)));
        assert!(html.contains(&format!(
            "href=\"geo:{},{}\"",
            prison.location.lat, prison.location.lon
        )));
        assert!(html.contains("https://www.openstreetmap.org/directions?"));
        assert!(text.contains(pick(
            lang,
            "mardi 10 mars",
            "dinsdag 10 maart",
            "Tuesday 10 March"
        )));
        assert!(
            !text.to_lowercase().contains("detainee") && !text.to_lowercase().contains("détenu")
        );
    }
}

#[test]
fn warnings_and_status_banners_are_translated() {
    let store = demo_store();
    // Today's open trip goes to the prison in lockdown.
    for lang in LANGS {
        let (text, _) = render(store.clone(), lang, "/trip/trip-today-open");
        let lockdown = pick(
            lang,
            "La prison est fermée aux visites à ce moment.",
            "De gevangenis is op dat moment gesloten voor bezoek.",
            "The prison is closed to visits at that time.",
        );
        assert!(text.contains(lockdown), "{lang:?}: {text}");
        let no_volunteer = pick(
            lang,
            "Pas encore de volontaire pour ce trajet.",
            "Nog geen vrijwilliger voor deze rit.",
            "No volunteer is set for this trip yet.",
        );
        assert!(text.contains(no_volunteer), "{lang:?}");
    }
    // Next week's trip falls in the strike.
    let strike_trip = store
        .trips()
        .unwrap()
        .into_iter()
        .find(|t| {
            let status = prison_of(&store, t).status;
            status.kind == PrisonStatusKind::Strike && status.disrupts(t.visit_start, t.visit_end)
        })
        .expect("the demo plans a trip during the strike");
    for lang in LANGS {
        let (text, _) = render(store.clone(), lang, &format!("/trip/{}", strike_trip.id));
        let strike = pick(
            lang,
            "Grève à la prison : la visite risque de ne pas avoir lieu.",
            "Staking in de gevangenis: het bezoek gaat misschien niet door.",
            "Strike at the prison: this visit may not take place.",
        );
        assert!(text.contains(strike), "{lang:?}: {text}");
        let banner = pick(
            lang,
            "Les visites des enfants n'ont pas lieu.",
            "Bezoek van kinderen gaat niet door.",
            "Children's visits do not take place.",
        );
        assert!(text.contains(banner), "{lang:?}");
        // Visit rights are not on a volunteer's phone: no warning about them.
        assert!(!text.contains(pick(
            lang,
            "autorisation de visite",
            "toelating tot bezoek",
            "visit permission"
        )));
    }
}

#[test]
fn prison_sheet_shows_rules_rooms_checklist_and_example_notice() {
    let store = demo_store();
    let am = trip(&store, "trip-today-am");
    let prison = prison_of(&store, &am);
    assert!(prison.example_content);
    let rooms = store.rooms_of(&prison.id).unwrap();
    for lang in LANGS {
        let (text, html) = render(store.clone(), lang, &format!("/prison/{}", prison.id));
        assert!(text.contains(&prison.name));
        assert!(text.contains(&prison.address));
        let notice = pick(
            lang,
            "Contenu d'exemple",
            "Voorbeeldinhoud",
            "Example content",
        );
        assert!(text.contains(notice), "{lang:?}");
        for item in prison
            .documents_adult
            .iter()
            .chain(&prison.documents_child)
            .chain(&prison.forbidden_items)
        {
            assert!(text.contains(item.as_str()), "{item}");
        }
        assert!(text.contains(&prison.lockers));
        assert!(text.contains(&prison.last_checked.by));
        let lead = format!(
            "{} {}",
            pick(lang, "Soyez à la porte", "Wees", "Be at the door"),
            prison.arrival_lead_minutes
        );
        assert!(text.contains(&lead), "{lang:?}: {lead}");
        for room in &rooms {
            assert!(text.contains(&room.name));
        }
        assert!(text.contains(pick(
            lang,
            "Table à langer",
            "Verzorgingskussen",
            "Changing mat"
        )));
        assert!(html.contains("type=\"checkbox\""));
        assert!(text.contains(pick(
            lang,
            "Avant d'entrer",
            "Voor je binnengaat",
            "Before you go in"
        )));
    }
}

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
    let seen = fingerprints(&*store);
    let before = trips_overview(&*store, now(), &seen).unwrap();
    assert!(before.today.iter().all(|s| !s.changed));
    let mut moved = trip(&store, "trip-today-pm");
    moved.visit_start += Duration::minutes(30);
    moved.visit_end += Duration::minutes(30);
    store
        .apply(
            &ApplyPlan {
                upserts: vec![Record::Trip(moved)],
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    let after = trips_overview(&*store, now(), &seen).unwrap();
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
