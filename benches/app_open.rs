//! (f) From opening the app to today's trips on the screen, with 5,000 trips
//! in the device's store: open the encrypted sled store, start the app's root
//! component over it (what a phone or desktop runs, minus the window) and
//! render the trips screen to HTML.
//!
//! The store is filled the way a volunteer's phone is: a real server on
//! 127.0.0.1 holds a generated network whose 5,000 trips all go to one
//! volunteer, with the steps logged on the trips already under way, and the
//! phone's first sync writes that volunteer's scope into the store.
//!
//! Run with `cargo bench --bench app_open`; the figures go to BENCHMARKS.md.

#[path = "../tests/common/mod.rs"]
mod common;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Europe::Brussels;
use common::{enrolled, TestServer};
use dioxus::history::{provide_history_context, MemoryHistory};
use dioxus::prelude::*;
use itinerances::demo::generated_network;
use itinerances::domain::{Author, EventId, EventKind, Record, RecordKey, RecordKind, TripEvent};
use itinerances::protocol::Role;
use itinerances::server::{ScopeWindow, ServerOptions};
use itinerances::store::{SledStore, Store, StoreKey};
use itinerances::sync::{sync_once, HttpTransport};
use itinerances::ui::model::trips_overview;
use itinerances::ui::views::UPCOMING_PAGE;
use itinerances::ui::{AppWith, Boot, BootProp};
use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;
use tempfile::TempDir;

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
        "median {:.0} ms, p95 {:.0} ms, min {:.0} ms, max {:.0} ms",
        percentile(&values, 50.0),
        percentile(&values, 95.0),
        percentile(&values, 0.0),
        percentile(&values, 100.0)
    )
}

fn ms(from: Instant, to: Instant) -> f64 {
    (to - from).as_secs_f64() * 1000.0
}

fn brussels_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Brussels).date_naive()
}

/// What the phone holds after its first sync.
struct Filled {
    dir: TempDir,
    key: StoreKey,
    records: usize,
    trips: usize,
    steps: usize,
    /// Today's trips (Brussels day): how many, and the prison of each.
    todays: Vec<String>,
}

/// A server holding a network whose `TRIPS` trips all go to one volunteer,
/// spread over [today − 14 days, today + 120 days], with the steps of every
/// trip under way logged; then that volunteer's phone syncs once into a new
/// encrypted sled store.
async fn volunteers_phone(now: DateTime<Utc>) -> Filled {
    let today = brussels_day(now);
    let mut network = generated_network(5, 30, 1, TRIPS, today);
    let (volunteer, name) = network.volunteers[0].clone();
    let mut steps = Vec::new();
    for record in &network.records {
        let Record::Trip(trip) = record else { continue };
        let times = [
            trip.visit_start - Duration::minutes(90),
            trip.visit_start - Duration::minutes(30),
            trip.visit_start - Duration::minutes(15),
            trip.visit_start,
            trip.visit_end,
            trip.visit_end + Duration::minutes(90),
        ];
        for (k, (kind, at)) in EventKind::STEPS.iter().zip(times).enumerate() {
            if at <= now {
                steps.push(Record::Event(TripEvent {
                    id: EventId(format!("ge-{}-{k}", trip.id)),
                    trip_id: trip.id.clone(),
                    kind: *kind,
                    at,
                    author: Author::Volunteer(volunteer.clone()),
                    note: String::new(),
                }));
            }
        }
    }
    let step_count = steps.len();
    network.records.extend(steps);

    // The generated trips span exactly the default scope window, counted in
    // days; one more day on each side keeps the first and last days' trips in
    // scope whatever the time of day.
    let server = TestServer::start_with(ServerOptions {
        scope_window: ScopeWindow {
            past_days: 15,
            future_days: 121,
        },
        ..ServerOptions::default()
    })
    .await;
    server
        .state
        .load_records(network.records)
        .expect("load the network");
    let identity = server
        .enroll(Role::Volunteer, &name, Some(&volunteer))
        .await;
    let dir = tempfile::tempdir().expect("temp dir");
    let key = StoreKey::generate().expect("key");
    let store = enrolled(SledStore::open(dir.path(), &key).expect("open"), &identity);
    let http = HttpTransport::for_identity(&identity).expect("transport");
    let report = sync_once(&store, &http, now).await.expect("first sync");

    let trips = store.trips().expect("trips");
    assert_eq!(trips.len(), TRIPS, "every trip is in the volunteer's scope");
    let held_steps = store.list(RecordKind::Event).expect("steps").len();
    assert_eq!(held_steps, step_count, "every step is on the phone");
    let mut todays = Vec::new();
    for trip in trips
        .iter()
        .filter(|t| brussels_day(t.visit_start) == today)
    {
        let key = RecordKey::new(RecordKind::Prison, trip.prison_id.as_str());
        match store.get(&key).expect("prison") {
            Some(Record::Prison(prison)) => todays.push(prison.name),
            _ => panic!("the prison of trip {} is on the phone", trip.id),
        }
    }
    assert!(!todays.is_empty(), "trips today");
    Filled {
        dir,
        key,
        records: report.received,
        trips: trips.len(),
        steps: held_steps,
        todays,
    }
}

/// One opening of the app: the store, the app over it, the trips screen.
/// Returns (store opened, screen rendered) times and the HTML.
fn open_app(dir: &Path, key: &StoreKey, now: DateTime<Utc>) -> (f64, f64, String) {
    let start = Instant::now();
    let store = SledStore::open(dir, key).expect("open");
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
    // Closes the store: the next opening starts from the disk again (sled
    // would refuse a second opening while this one is held).
    drop(dom);
    (ms(start, opened), ms(opened, done), html)
}

/// Today's trips are on the screen, under the first heading: not an empty or
/// error page.
fn check_today(html: &str, todays: &[String]) {
    let today_section = html
        .split("<h2>")
        .nth(1)
        .and_then(|s| s.split("</section>").next())
        .expect("a first day heading on the trips screen");
    assert_eq!(
        today_section.matches("href=\"/trip/").count(),
        todays.len(),
        "today's trips shown"
    );
    for prison in todays {
        assert!(today_section.contains(prison.as_str()), "{prison} shown");
    }
}

fn main() {
    // `cargo test --benches` runs this binary too: stay quick there.
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    let now = Utc::now();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let filled = runtime.block_on(volunteers_phone(now));
    // The server is gone before anything is measured.
    drop(runtime);
    let (dir, key) = (filled.dir.path(), &filled.key);
    let todays = filled.todays.len();

    // The first opening after the first sync also computes what counts as
    // seen (every trip on the phone) and keeps it on the device.
    let (open, render, html) = open_app(dir, key, now);
    check_today(&html, &filled.todays);
    println!(
        "(f) one volunteer's phone: {} trips, {} steps ({} records from the first sync, encrypted sled store)",
        filled.trips, filled.steps, filled.records
    );
    println!(
        "    first opening after the first sync: {:.0} ms (store {:.0} ms, app and trips screen {:.0} ms)",
        open + render,
        open,
        render
    );

    let (mut opens, mut renders, mut totals) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let (open, render, html) = open_app(dir, key, now);
        check_today(&html, &filled.todays);
        opens.push(open);
        renders.push(render);
        totals.push(open + render);
    }
    println!(
        "(f) open the app to today's {todays} trips shown: {} ({RUNS} runs)",
        summary(totals)
    );
    println!(
        "    of which opening the encrypted store: {}",
        summary(opens)
    );
    println!(
        "    of which starting the app and rendering the trips screen: {}",
        summary(renders)
    );

    // Where the rendering time goes: reading and shaping the screen's data.
    let store = SledStore::open(dir, key).expect("open");
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
    // ... and in it, reading (decrypting, decoding) every record of the kinds
    // the screen lists, which it needs to find today's trips.
    let kinds = [
        RecordKind::Trip,
        RecordKind::Event,
        RecordKind::Prison,
        RecordKind::Child,
    ];
    let mut reads = Vec::new();
    let mut read = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        read = 0;
        for kind in kinds {
            read += store.list(kind).expect("list").len();
        }
        reads.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "    reading every trip, step, prison and child from the store ({read} records): {}",
        summary(reads)
    );

    // (g) Opening one of today's trips, the store already open.
    let store: Arc<dyn Store> = Arc::new(store);
    let today_trip = store
        .trips()
        .expect("trips")
        .into_iter()
        .find(|t| brussels_day(t.visit_start) == brussels_day(now))
        .map(|t| t.id)
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
        "(g) open one of today's trips (timeline, warnings checked against all {} trips): {}",
        filled.trips,
        summary(detail)
    );
}
