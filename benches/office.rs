//! The coordinators' workspace on a network of a real network's size: about
//! 500 children, 150 volunteers, 30 prisons and a year of trips (6,000).
//!
//! (j) a coordinator's first sync, from a real server on port 0 into the
//!     browser's kind of store (memory): requests, bytes both ways, time;
//! (k) opening the workspace (the overview rendered) over that store;
//! (l) the children's list rendered, and a search over it.
//!
//! Run with `cargo bench --bench office`. Prints figures; asserts nothing
//! about time.

#[path = "../tests/common/mod.rs"]
mod common;

mod bench_support;

use bench_support::{summary, timed};
use chrono::{DateTime, Utc};
use common::{enrolled, TestServer};
use dioxus::history::{provide_history_context, MemoryHistory};
use dioxus::prelude::*;
use itinerances::demo::generated_network_of;
use itinerances::domain::RecordKind;
use itinerances::i18n::local_date;
use itinerances::protocol::Role;
use itinerances::server::{ScopeWindow, ServerOptions};
use itinerances::store::{MemoryStore, Store};
use itinerances::sync::{sync_once, HttpTransport};
use itinerances::ui::network::children_list;
use itinerances::ui::{AppWith, Boot, BootProp};
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

const PRISONS: usize = 30;
const VOLUNTEERS: usize = 150;
const FAMILIES: usize = 250;
const TRIPS: usize = 6_000;
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

/// Renders the app at `path` over `store`, as the screen's first render.
fn render(store: Arc<MemoryStore>, now: DateTime<Utc>, path: &str) -> String {
    let boot = Boot {
        store,
        lang: Some(itinerances::domain::Language::Fr),
        clock: Arc::new(move || now),
        background_sync: false,
    };
    let mut dom = VirtualDom::new(Root).with_root_context(Setup {
        boot,
        path: path.to_owned(),
    });
    dom.rebuild_in_place();
    dioxus_ssr::render(&dom)
}

#[tokio::main]
async fn main() {
    let now = Utc::now();
    let today = local_date(now);
    let network = generated_network_of(11, PRISONS, VOLUNTEERS, FAMILIES, TRIPS, today);
    let records = network.records.len();
    let server = TestServer::start_with(ServerOptions {
        scope_window: ScopeWindow::default(),
        ..ServerOptions::default()
    })
    .await;
    server
        .state
        .load_records(network.records)
        .expect("load the network");
    let identity = server.enroll(Role::Coordinator, "Office", None).await;
    let store = Arc::new(enrolled(MemoryStore::new(), &identity));
    let http = HttpTransport::for_identity(&identity).expect("transport");

    // Nothing waits on a new device: one request brings the whole network.
    let start = Instant::now();
    let report = sync_once(&*store, &http, now).await.expect("first sync");
    let first_sync = start.elapsed().as_secs_f64() * 1000.0;
    let bytes = http.last_exchange();
    let (requests, sent, received) = (1, bytes.request_bytes, bytes.response_bytes);
    assert!(report.reset && report.received > 0);
    let children = store.list(RecordKind::Child).expect("children").len();
    let trips = store.trips().expect("trips").len();
    println!(
        "network: {records} records, {children} children, {VOLUNTEERS} volunteers, {PRISONS} prisons, {trips} trips"
    );
    println!(
        "(j) coordinator's first sync: {requests} request(s), {sent} B sent, {received} B received (gzip), {first_sync:.0} ms"
    );

    let overview = timed(RUNS, || {
        let html = render(store.clone(), now, "/office");
        assert!(html.contains("ensemble"), "the overview is rendered");
    });
    println!(
        "(k) open the workspace (overview rendered): {}",
        summary(overview)
    );
    let list = timed(RUNS, || {
        let html = render(store.clone(), now, "/office/children");
        assert!(html.contains("table"));
    });
    println!(
        "(l) children's list rendered ({children} children): {}",
        summary(list)
    );
    let mut found = 0;
    let search = timed(RUNS, || {
        found = children_list(&*store, "ma", now, false)
            .expect("search")
            .len();
    });
    println!(
        "(l) a search over the children (\"ma\", {found} found): {}",
        summary(search)
    );
}
