//! (f) From opening the app to today's trips on the screen, with 5,000 trips
//! in the device's store: open the encrypted sled store, start the app's root
//! component over it (what a phone or desktop runs, minus the window) and
//! render the trips screen to HTML.
//!
//! Run with `cargo bench --bench app_open`; the figures go to BENCHMARKS.md.

#[path = "../tests/common/mod.rs"]
mod common;

use chrono::{NaiveDate, Utc};
use chrono_tz::Europe::Brussels;
use common::filled_sled;
use dioxus::history::{provide_history_context, MemoryHistory};
use dioxus::prelude::*;
use itinerances::demo::generated_network;
use itinerances::domain::{Record, VolunteerId};
use itinerances::protocol::Role;
use itinerances::store::{DeviceIdentity, SledStore, Store};
use itinerances::ui::model::trips_overview;
use itinerances::ui::views::UPCOMING_PAGE;
use itinerances::ui::{AppWith, Boot, BootProp};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

const TRIPS: usize = 5_000;
const RUNS: usize = 20;

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

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn summary(mut values: Vec<f64>) -> String {
    values.sort_by(|a, b| a.total_cmp(b));
    format!(
        "median {:.0} ms, p95 {:.0} ms, max {:.0} ms",
        percentile(&values, 50.0),
        percentile(&values, 95.0),
        percentile(&values, 100.0)
    )
}

fn brussels_day(at: chrono::DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Brussels).date_naive()
}

fn main() {
    // `cargo test --benches` runs this binary too: stay quick there.
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    let now = Utc::now();
    let today = brussels_day(now);
    let network = generated_network(5, 30, 20, TRIPS, today);
    let todays = network
        .records
        .iter()
        .filter(|r| matches!(r, Record::Trip(t) if brussels_day(t.visit_start) == today))
        .count();
    let (dir, key) = filled_sled(&network.records, now);
    {
        let store = SledStore::open(dir.path(), &key).expect("open");
        store
            .set_identity(&DeviceIdentity {
                server_url: "http://127.0.0.1:9".to_owned(),
                device_id: "bench-device".into(),
                token: "bench".to_owned(),
                account_id: "bench-account".into(),
                role: Role::Volunteer,
                display_name: "Bench".to_owned(),
                volunteer_id: Some(VolunteerId::from("bench")),
            })
            .expect("identity");
    }

    let (mut open, mut render, mut total) = (Vec::new(), Vec::new(), Vec::new());
    let mut cards = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let store = SledStore::open(dir.path(), &key).expect("open");
        let opened = Instant::now();
        let boot = Boot {
            store: Arc::new(store),
            lang: None,
            clock: Arc::new(move || now),
            background_sync: false,
        };
        let mut dom = VirtualDom::new(Root).with_root_context(Setup {
            boot,
            path: "/".to_owned(),
        });
        dom.rebuild_in_place();
        let html = dioxus_ssr::render(&dom);
        let done = Instant::now();
        // Today's trips are on the screen, not an empty or error page.
        let today_section = html
            .split("<h2>")
            .nth(1)
            .expect("a first day heading on the trips screen");
        cards = today_section.matches("href=\"/trip/").count();
        assert_eq!(cards, todays, "today's trips shown");
        open.push((opened - start).as_secs_f64() * 1000.0);
        render.push((done - opened).as_secs_f64() * 1000.0);
        total.push((done - start).as_secs_f64() * 1000.0);
        drop(dom);
    }
    println!(
        "(f) open the app on a store of {TRIPS} trips ({} records) to today's {cards} trips shown: {} ({RUNS} runs)",
        network.records.len(),
        summary(total)
    );
    println!(
        "    of which opening the encrypted store: {}",
        summary(open)
    );
    println!(
        "    of which starting the app and rendering the trips screen: {}",
        summary(render)
    );

    // (g) Opening one of today's trips, the store already open.
    let store: Arc<dyn Store> = Arc::new(SledStore::open(dir.path(), &key).expect("open"));
    let today_trip = network
        .records
        .iter()
        .find_map(|r| match r {
            Record::Trip(t) if brussels_day(t.visit_start) == today => Some(t.id.clone()),
            _ => None,
        })
        .expect("a trip today");
    let mut detail = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let boot = Boot {
            store: store.clone(),
            lang: None,
            clock: Arc::new(move || now),
            background_sync: false,
        };
        let mut dom = VirtualDom::new(Root).with_root_context(Setup {
            boot,
            path: format!("/trip/{today_trip}"),
        });
        dom.rebuild_in_place();
        let html = dioxus_ssr::render(&dom);
        detail.push(start.elapsed().as_secs_f64() * 1000.0);
        assert!(
            html.contains("class=\"timeline\""),
            "the trip's timeline is shown"
        );
    }
    println!(
        "(g) open one of today's trips (timeline, warnings checked against all {TRIPS} trips): {}",
        summary(detail)
    );
    drop(store);

    // Where the rendering time goes: reading and shaping the screen's data.
    let store = SledStore::open(dir.path(), &key).expect("open");
    let mut model = Vec::new();
    let mut shown = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let overview =
            trips_overview(&store, now, &HashMap::new(), UPCOMING_PAGE).expect("overview");
        model.push(start.elapsed().as_secs_f64() * 1000.0);
        shown = overview.today.len()
            + overview
                .upcoming
                .iter()
                .map(|(_, list)| list.len())
                .sum::<usize>();
    }
    println!(
        "    reading the trips screen's data alone ({shown} trips listed from today on): {}",
        summary(model)
    );
}
