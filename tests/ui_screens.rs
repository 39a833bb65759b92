//! The volunteer's screens rendered to HTML (dioxus-ssr) against a memory
//! store filled with the demo network, in French, Dutch and English. Times are
//! computed here from the trip's own data, not read back from the screens.

#![allow(clippy::unwrap_used)]

mod ui_common;

use ui_common::*;
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
