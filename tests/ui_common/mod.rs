//! Shared setup of the screen tests: the demo network in a memory store,
//! the app rendered at an address with dioxus-ssr, and its visible text.

// Helpers set up fixed test data; if that fails the test must stop
// loudly, and `expect` messages would only repeat the line.
#![allow(clippy::unwrap_used)]
// Each test file uses its own part of this module and of the re-exports.
#![allow(dead_code, unused_imports)]

pub use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
pub use chrono_tz::Europe::Brussels;
pub use dioxus::history::{provide_history_context, MemoryHistory};
pub use dioxus::prelude::*;
pub use itinerances::demo::demo_network;
pub use itinerances::domain::{
    Author, Child, EventId, EventKind, Language, Prison, PrisonStatusKind, Record, RecordKey,
    RecordKind, Trip, TripEvent, TripId, VolunteerId,
};
pub use itinerances::protocol::{Change, RejectCode, Role};
pub use itinerances::store::{ApplyPlan, DeviceIdentity, MemoryStore, Store};
pub use itinerances::sync::{EnrollError, TransportError};
pub use itinerances::ui::model::{fingerprints, trips_overview};
pub use itinerances::ui::views::{enroll_error_key, UPCOMING_PAGE};
pub use itinerances::ui::{AppWith, Boot, BootProp};
pub use std::rc::Rc;
pub use std::sync::Arc;

pub const LANGS: [Language; 3] = [Language::Fr, Language::Nl, Language::En];

/// 08:00 in Brussels on Tuesday 10 March 2026 (winter time, UTC+1).
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 7, 0, 0).unwrap()
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

pub fn identity() -> DeviceIdentity {
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
pub fn demo_store() -> Arc<MemoryStore> {
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
pub struct Setup {
    pub boot: Boot,
    pub path: String,
}

#[allow(non_snake_case)]
pub fn Root() -> Element {
    let setup = use_context::<Setup>();
    use_hook(|| provide_history_context(Rc::new(MemoryHistory::with_initial_path(&setup.path))));
    rsx! { AppWith { boot: BootProp(setup.boot.clone()) } }
}

/// The app over `store` at `path`, built once (its first render).
fn app_at(store: Arc<MemoryStore>, lang: Option<Language>, path: &str) -> VirtualDom {
    let boot = Boot {
        store,
        lang,
        clock: Arc::new(now),
        background_sync: false,
    };
    let mut dom = VirtualDom::new(Root).with_root_context(Setup {
        boot,
        path: path.to_owned(),
    });
    dom.rebuild_in_place();
    dom
}

/// Renders the app at `path` and returns its visible text and its HTML.
pub fn render(store: Arc<MemoryStore>, lang: Language, path: &str) -> (String, String) {
    let html = dioxus_ssr::render(&app_at(store, Some(lang), path));
    (visible_text(&html), html)
}

/// Starts the app at `path` (a restart, when the store was used before),
/// lets its effects and tasks run, and returns the visible text and the HTML.
pub fn start(store: Arc<MemoryStore>, lang: Option<Language>, path: &str) -> (String, String) {
    let mut dom = app_at(store, lang, path);
    for _ in 0..5 {
        dom.process_events();
        dom.render_immediate(&mut dioxus::core::NoOpMutations);
    }
    let html = dioxus_ssr::render(&dom);
    (visible_text(&html), html)
}

/// The coordinator moves a trip by `minutes`, as a sync would bring it.
pub fn move_trip(store: &MemoryStore, id: &str, minutes: i64) {
    let mut moved = trip(store, id);
    moved.visit_start += Duration::minutes(minutes);
    moved.visit_end += Duration::minutes(minutes);
    store
        .apply(
            &ApplyPlan {
                upserts: vec![Record::Trip(moved)],
                ..Default::default()
            },
            now(),
        )
        .unwrap();
}

/// The text a person reads: tags removed, entities decoded, spaces collapsed.
pub fn visible_text(html: &str) -> String {
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

pub fn trip(store: &MemoryStore, id: &str) -> Trip {
    match store.get(&RecordKey::new(RecordKind::Trip, id)).unwrap() {
        Some(Record::Trip(t)) => t,
        other => panic!("no trip {id}: {other:?}"),
    }
}

pub fn prison_of(store: &MemoryStore, trip: &Trip) -> Prison {
    match store
        .get(&RecordKey::new(RecordKind::Prison, trip.prison_id.as_str()))
        .unwrap()
    {
        Some(Record::Prison(p)) => p,
        other => panic!("no prison: {other:?}"),
    }
}

pub fn children_of(store: &MemoryStore, trip: &Trip) -> Vec<Child> {
    let all = store.children().unwrap();
    trip.children
        .iter()
        .map(|id| all.iter().find(|c| &c.id == id).cloned().unwrap())
        .collect()
}

pub fn hm(at: DateTime<Utc>) -> String {
    at.with_timezone(&Brussels).format("%H:%M").to_string()
}

/// The planned times of a trip, computed from its own data with the rules of
/// the field: at the door `lead` minutes early, travel time as logged, ten
/// minutes at the pickup, fifteen to get out.
pub fn expected_times(trip: &Trip, prison: &Prison) -> [String; 6] {
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

pub fn pick(lang: Language, fr: &'static str, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Language::Fr => fr,
        Language::Nl => nl,
        _ => en,
    }
}

/// The demo network on a coordinator's browser (Sophie Lambert).
pub fn coordinator_store() -> Arc<MemoryStore> {
    let store = demo_store();
    let mut me = identity();
    me.role = Role::Coordinator;
    me.display_name = "Sophie Lambert".to_owned();
    me.volunteer_id = None;
    store.set_identity(&me).unwrap();
    store
}
