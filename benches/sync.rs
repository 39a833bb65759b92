//! Sync figures: bytes on the wire and time for the syncs a volunteer's phone
//! makes, server throughput, local store opening and durable appends.
//!
//! Run with `cargo bench --bench sync`; the figures go to BENCHMARKS.md.
//! Everything runs on this machine: a real server on 127.0.0.1, real stores.

#[path = "../tests/common/mod.rs"]
mod common;

use chrono::{Duration, Utc};
use common::{enrolled, filled_sled, TestServer};
use itinerances::demo::generated_network;
use itinerances::domain::*;
use itinerances::protocol::{Change, Role};
use itinerances::store::{MemoryStore, SledStore, Store, StoreKey};
use itinerances::sync::{sync_once, HttpTransport};
use std::time::Instant;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn sorted(mut values: Vec<f64>) -> Vec<f64> {
    values.sort_by(|a, b| a.total_cmp(b));
    values
}

fn volunteer_trip(records: &[Record], volunteer: &VolunteerId) -> Option<TripId> {
    records.iter().find_map(|r| match r {
        Record::Trip(t) if t.volunteer_id.as_ref() == Some(volunteer) => Some(t.id.clone()),
        _ => None,
    })
}

async fn first_sync_and_one_change() {
    let today = Utc::now().date_naive();
    let server = TestServer::start().await;
    let network = generated_network(7, 30, 1, 60, today);
    let volunteer = network.volunteers[0].0.clone();
    let trip = volunteer_trip(&network.records, &volunteer).expect("a trip");
    server
        .state
        .load_records(network.records.clone())
        .expect("load");

    // (b) first sync of a volunteer's scope: fresh device each time.
    let mut times = Vec::new();
    let mut bytes = (0, 0);
    let mut received = 0;
    for _ in 0..10 {
        let identity = server
            .enroll(Role::Volunteer, "Bench", Some(&volunteer))
            .await;
        let phone = enrolled(MemoryStore::new(), &identity);
        let http = HttpTransport::for_identity(&identity).expect("transport");
        let start = Instant::now();
        let report = sync_once(&phone, &http, Utc::now()).await.expect("sync");
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        let stats = http.last_exchange();
        bytes = (stats.request_bytes, stats.response_bytes);
        received = report.received;
    }
    let trips = 60;
    let times = sorted(times);
    println!(
        "(b) first sync, {trips} trips + 30 prison sheets ({received} records): request {} B, response {} B, total {} B; time median {:.1} ms, max {:.1} ms (10 runs)",
        bytes.0,
        bytes.1,
        bytes.0 + bytes.1,
        percentile(&times, 50.0),
        percentile(&times, 100.0)
    );

    // (a) the sync after one status change.
    let identity = server
        .enroll(Role::Volunteer, "Bench", Some(&volunteer))
        .await;
    let phone = enrolled(MemoryStore::new(), &identity);
    let http = HttpTransport::for_identity(&identity).expect("transport");
    sync_once(&phone, &http, Utc::now())
        .await
        .expect("first sync");
    let mut times = Vec::new();
    let mut totals = Vec::new();
    let mut requests = 0;
    for i in 0..50 {
        let event = TripEvent {
            id: EventId::random(),
            trip_id: trip.clone(),
            kind: EventKind::STEPS[i % 6],
            at: Utc::now(),
            author: Author::Volunteer(volunteer.clone()),
            note: String::new(),
        };
        phone
            .record(Change::LogEvent { event }, Utc::now())
            .expect("saved");
        let start = Instant::now();
        let report = sync_once(&phone, &http, Utc::now()).await.expect("sync");
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(report.acknowledged, 1);
        requests += 1;
        let stats = http.last_exchange();
        totals.push((stats.request_bytes + stats.response_bytes) as f64);
    }
    let times = sorted(times);
    let totals = sorted(totals);
    println!(
        "(a) sync after one status change: {} request(s) each; bytes both ways median {:.0} B, max {:.0} B; time median {:.1} ms, p99 {:.1} ms (50 runs)",
        requests / 50,
        percentile(&totals, 50.0),
        percentile(&totals, 100.0),
        percentile(&times, 50.0),
        percentile(&times, 99.0)
    );
}

async fn idle_sync_throughput() {
    let today = Utc::now().date_naive();
    let server = TestServer::start().await;
    let devices_count = 40;
    let network = generated_network(11, 30, devices_count, 2_000, today);
    server
        .state
        .load_records(network.records.clone())
        .expect("load");
    let mut devices = Vec::new();
    for (id, name) in &network.volunteers {
        let identity = server.enroll(Role::Volunteer, name, Some(id)).await;
        let store = enrolled(MemoryStore::new(), &identity);
        let http = HttpTransport::for_identity(&identity).expect("transport");
        sync_once(&store, &http, Utc::now())
            .await
            .expect("first sync");
        devices.push((store, http));
    }
    let devices = std::sync::Arc::new(devices);
    let per_task = 250;
    let tasks = 8;
    let start = Instant::now();
    let mut handles = Vec::new();
    for t in 0..tasks {
        let devices = devices.clone();
        handles.push(tokio::spawn(async move {
            for i in 0..per_task {
                let (store, http) = &devices[(t * 7 + i) % devices.len()];
                let report = sync_once(store, http, Utc::now()).await.expect("sync");
                assert_eq!(report.received, 0);
            }
        }));
    }
    for handle in handles {
        handle.await.expect("task");
    }
    let elapsed = start.elapsed().as_secs_f64();
    let total = tasks * per_task;
    println!(
        "(c) idle syncs (nothing new) from {devices_count} devices, {tasks} concurrent clients: {total} syncs in {:.2} s = {:.0} syncs/s",
        elapsed,
        total as f64 / elapsed
    );
}

fn store_open_and_today() {
    let today = Utc::now().date_naive();
    let network = generated_network(5, 30, 20, 5_000, today);
    let (dir, key) = filled_sled(&network.records, Utc::now());
    let mut times = Vec::new();
    let mut todays = 0;
    for _ in 0..5 {
        let start = Instant::now();
        let store = SledStore::open(dir.path(), &key).expect("open");
        let trips = store.list(RecordKind::Trip).expect("trips");
        todays = trips
            .iter()
            .filter(|r| matches!(r, Record::Trip(t) if t.visit_start.date_naive() == today))
            .count();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        drop(store);
    }
    let times = sorted(times);
    println!(
        "(d) open a sled store of 5,000 trips ({} records) and load today's ({todays}): median {:.0} ms, max {:.0} ms (5 runs)",
        network.records.len(),
        percentile(&times, 50.0),
        percentile(&times, 100.0)
    );
}

fn durable_append() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SledStore::open(dir.path(), &StoreKey::generate().expect("key")).expect("open");
    let mut times = Vec::new();
    let start_at = Utc::now();
    for i in 0..1_000 {
        let event = TripEvent {
            id: EventId::random(),
            trip_id: TripId::from("bench"),
            kind: EventKind::STEPS[i % 6],
            at: start_at + Duration::seconds(i as i64),
            author: Author::Volunteer(VolunteerId::from("v")),
            note: String::new(),
        };
        let start = Instant::now();
        store
            .record(Change::LogEvent { event }, Utc::now())
            .expect("saved");
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let times = sorted(times);
    println!(
        "(e) durable event append (transaction + flush to disk): median {:.2} ms, p99 {:.2} ms, max {:.2} ms (1,000 appends)",
        percentile(&times, 50.0),
        percentile(&times, 99.0),
        percentile(&times, 100.0)
    );
}

fn main() {
    // `cargo test --benches` runs this binary too: stay quick there.
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(first_sync_and_one_change());
    runtime.block_on(idle_sync_throughput());
    store_open_and_today();
    durable_append();
}
