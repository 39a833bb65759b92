//! What the app keeps on the device only, across restarts: the chosen
//! language, what the volunteer has seen, the checklist ticks of the day, and
//! a step tapped just before the app was closed. Each test restarts the app
//! (a new VirtualDom) over the same store.

#![allow(clippy::unwrap_used)]

mod ui_common;

use serde_json::json;
use std::collections::HashMap;
use ui_common::*;

/// How many checkboxes are ticked.
fn ticked(html: &str) -> usize {
    html.split("<input")
        .skip(1)
        .filter(|input| {
            let tag = &input[..input.find('>').unwrap_or(input.len())];
            tag.contains("checkbox") && tag.contains("checked")
        })
        .count()
}

fn changed_marks(text: &str) -> usize {
    text.matches("Modifié").count()
}

#[test]
fn the_chosen_language_is_kept_on_the_device() {
    let store = demo_store();
    // The device speaks no language of the screens here: French by default.
    let (text, _) = start(store.clone(), None, "/");
    assert!(text.contains("Mes trajets"), "{text}");
    store.set_device_value("lang", Some(&json!("nl"))).unwrap();
    let (text, html) = start(store.clone(), None, "/settings");
    assert!(
        text.contains("Instellingen") || text.contains("Taal"),
        "{text}"
    );
    // "Nederlands" is the choice ticked, not "follow the device".
    let nl_choice = html
        .split("<label")
        .find(|l| l.contains("Nederlands"))
        .unwrap();
    assert!(nl_choice.contains("checked"), "{nl_choice}");
    // Leaving the device forgets the choice with everything else.
    store.wipe().unwrap();
    assert_eq!(store.device_value("lang").unwrap(), None);
}

#[test]
fn a_trip_shown_in_the_list_then_changed_is_marked_after_a_restart() {
    let store = demo_store();
    let (text, _) = start(store.clone(), Some(Language::Fr), "/");
    assert_eq!(changed_marks(&text), 0, "{text}");
    // What was shown is remembered on the device.
    let seen: HashMap<TripId, u64> =
        serde_json::from_value(store.device_value("seen").unwrap().unwrap()).unwrap();
    assert!(
        seen.contains_key(&TripId::from("trip-today-pm")),
        "{seen:?}"
    );

    // The coordinator moves the afternoon trip while the app is closed.
    move_trip(&store, "trip-today-pm", 30);
    let (text, _) = start(store.clone(), Some(Language::Fr), "/");
    assert_eq!(changed_marks(&text), 1, "{text}");

    // Opening it counts as seeing it: the mark goes, also after a restart.
    start(store.clone(), Some(Language::Fr), "/trip/trip-today-pm");
    let (text, _) = start(store.clone(), Some(Language::Fr), "/");
    assert_eq!(changed_marks(&text), 0, "{text}");

    // A trip that left the device is forgotten at the next start.
    store
        .apply(
            &ApplyPlan {
                removals: vec![RecordKey::new(RecordKind::Trip, "trip-today-pm")],
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    start(store.clone(), Some(Language::Fr), "/");
    let seen: HashMap<TripId, u64> =
        serde_json::from_value(store.device_value("seen").unwrap().unwrap()).unwrap();
    assert!(
        !seen.contains_key(&TripId::from("trip-today-pm")),
        "{seen:?}"
    );
    assert!(
        seen.contains_key(&TripId::from("trip-today-am")),
        "{seen:?}"
    );
}

#[test]
fn the_checklist_ticks_last_the_day() {
    let store = demo_store();
    let am = trip(&store, "trip-today-am");
    let prison = prison_of(&store, &am);
    let path = format!("/prison/{}", prison.id);
    let (text, html) = start(store.clone(), Some(Language::Fr), &path);
    assert!(!text.contains("Tout est prêt"), "{text}");
    assert_eq!(ticked(&html), 0);

    let every_item: Vec<String> = prison
        .documents_adult
        .iter()
        .map(|d| format!("adult:{d}"))
        .chain(prison.documents_child.iter().map(|d| format!("child:{d}")))
        .chain(["locker".to_owned()])
        .collect();
    let name = format!("checklist/{}", prison.id);
    store
        .set_device_value(
            &name,
            Some(&json!({ "day": today(), "ticked": every_item })),
        )
        .unwrap();
    let (text, html) = start(store.clone(), Some(Language::Fr), &path);
    assert!(text.contains("Tout est prêt. Bonne visite !"), "{text}");
    assert_eq!(ticked(&html), every_item.len(), "every box ticked");

    // Yesterday's ticks do not count today.
    let yesterday = today().pred_opt().unwrap();
    store
        .set_device_value(
            &name,
            Some(&json!({ "day": yesterday, "ticked": every_item })),
        )
        .unwrap();
    let (text, html) = start(store.clone(), Some(Language::Fr), &path);
    assert!(!text.contains("Tout est prêt"), "{text}");
    assert_eq!(ticked(&html), 0);
}

#[test]
fn a_step_tapped_just_before_the_app_closed_is_recorded_at_the_next_start() {
    // Recording a step starts a sync, which needs an async runtime; the
    // server address leads nowhere, so the step stays waiting on the device.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let _inside = runtime.enter();
    let store = demo_store();
    let mut nowhere = identity();
    nowhere.server_url = "http://127.0.0.1:9".to_owned();
    store.set_identity(&nowhere).unwrap();
    let event = TripEvent {
        id: EventId::from("ev-held"),
        trip_id: TripId::from("trip-today-am"),
        kind: EventKind::PickedUp,
        at: now(),
        author: Author::Volunteer("v-anne".into()),
        note: String::new(),
    };
    store
        .set_device_value("held_step", Some(&serde_json::to_value(&event).unwrap()))
        .unwrap();
    assert!(store.pending(10).unwrap().is_empty());

    let (text, _) = start(store.clone(), Some(Language::Fr), "/trip/trip-today-am/log");
    let pending = store.pending(10).unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].change, Change::LogEvent { event });
    assert_eq!(store.device_value("held_step").unwrap(), None);
    assert!(
        text.contains("« Enfants pris en charge » : enregistré sur ce téléphone."),
        "{text}"
    );
    assert!(text.contains("Nous sommes à la prison"), "{text}");

    // Another start records nothing more.
    start(store.clone(), Some(Language::Fr), "/trip/trip-today-am/log");
    assert_eq!(store.pending(10).unwrap().len(), 1);
}

#[test]
fn refused_changes_go_after_two_weeks() {
    let store = demo_store();
    let refuse = |id: &str, days_ago: i64| {
        let at = now() - Duration::days(days_ago);
        let event = TripEvent {
            id: EventId::from(id),
            trip_id: TripId::from("trip-today-am"),
            kind: EventKind::PickedUp,
            at,
            author: Author::Volunteer("v-anne".into()),
            note: "Noah had a fever".to_owned(),
        };
        let op = store.record(Change::LogEvent { event }, at).unwrap();
        let plan = ApplyPlan {
            rejected: vec![(op.seq, RejectCode::Forbidden, "trip reassigned".to_owned())],
            ..Default::default()
        };
        store.apply(&plan, at).unwrap();
    };
    refuse("ev-old", 15);
    refuse("ev-recent", 2);
    assert_eq!(store.rejected().unwrap().len(), 2);
    start(store.clone(), Some(Language::Fr), "/");
    let left: Vec<String> = store
        .rejected()
        .unwrap()
        .iter()
        .map(|r| match &r.op.change {
            Change::LogEvent { event } => event.id.to_string(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(left, vec!["ev-recent".to_owned()]);
}
