//! Families' links on a network of a real network's size: 1,000 families
//! (about 2,000 children), 150 volunteers, 30 prisons, 6,000 trips, and a
//! link for every family on a real server on port 0.
//!
//! (m) bytes of a family's page and of its calendar feed, plain and gzip;
//! (n) time per request as a client on the same machine sees it (HTTP on
//!     127.0.0.1 included), pages and feeds of the 1,000 links: p50, p99.
//!
//! Run with `cargo bench --bench family`. Prints figures; asserts nothing
//! about time.
#![allow(clippy::unwrap_used)]

#[path = "../tests/server_support/mod.rs"]
mod server_support;

use itinerances::demo::generated_network_of;
use itinerances::domain::Record;
use itinerances::protocol::{CreateFamilyLinkRequest, FamilyLinkCreated, Role};
use server_support::{test_now, TestServer};
use std::time::Instant;

const PRISONS: usize = 30;
const VOLUNTEERS: usize = 150;
const FAMILIES: usize = 1_000;
const TRIPS: usize = 6_000;

fn percentile(values: &mut [f64], p: f64) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[((p / 100.0) * (values.len() - 1) as f64).round() as usize]
}

/// Fetches `url` `with_gzip` or not: (milliseconds, body bytes as sent).
async fn fetch(server: &TestServer, url: &str, with_gzip: bool) -> (f64, usize) {
    let mut request = server.client.get(url);
    if with_gzip {
        request = request.header("accept-encoding", "gzip");
    }
    let start = Instant::now();
    let response = request.send().await.unwrap();
    assert!(
        response.status().is_success(),
        "{url}: {}",
        response.status()
    );
    let bytes = response.bytes().await.unwrap();
    (start.elapsed().as_secs_f64() * 1000.0, bytes.len())
}

#[tokio::main]
async fn main() {
    let records = generated_network_of(
        41,
        PRISONS,
        VOLUNTEERS,
        FAMILIES,
        TRIPS,
        test_now().date_naive(),
    )
    .records;
    let guardians: Vec<_> = records
        .iter()
        .filter_map(|r| match r {
            Record::Guardian(g) => Some(g.id.clone()),
            _ => None,
        })
        .collect();
    let children = records
        .iter()
        .filter(|r| matches!(r, Record::Child(_)))
        .count();
    let started = Instant::now();
    let server = TestServer::start_configured(records, |o| {
        o.coordination_phone = "+32 2 555 01 23".into();
    })
    .await;
    println!(
        "network: {} families, {children} children, {TRIPS} trips, loaded in {:.1} s",
        guardians.len(),
        started.elapsed().as_secs_f64()
    );
    let office = server.enroll(Role::Coordinator, "Office", None).await;
    let mut links = Vec::new();
    for guardian in &guardians {
        let created: FamilyLinkCreated = server
            .client
            .post(format!("{}/api/v1/family-links", server.url))
            .bearer_auth(&office.token)
            .json(&CreateFamilyLinkRequest {
                guardian_id: guardian.clone(),
                language: None,
                server_url: server.url.clone(),
            })
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        links.push(created.url);
    }
    println!("{} links created", links.len());

    let (mut page_ms, mut feed_ms) = (Vec::new(), Vec::new());
    let (mut page_bytes, mut page_gzip, mut feed_bytes, mut feed_gzip) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for url in &links {
        let (ms, bytes) = fetch(&server, url, false).await;
        page_ms.push(ms);
        page_bytes.push(bytes as f64);
        let (_, gzip) = fetch(&server, url, true).await;
        page_gzip.push(gzip as f64);
        let feed = format!("{url}/calendar.ics");
        let (ms, bytes) = fetch(&server, &feed, false).await;
        feed_ms.push(ms);
        feed_bytes.push(bytes as f64);
        let (_, gzip) = fetch(&server, &feed, true).await;
        feed_gzip.push(gzip as f64);
    }
    let line = |name: &str, values: &mut Vec<f64>, unit: &str| {
        let (p50, p99, max) = (
            percentile(values, 50.0),
            percentile(values, 99.0),
            percentile(values, 100.0),
        );
        println!("{name}: median {p50:.1} {unit}, p99 {p99:.1} {unit}, max {max:.1} {unit}");
    };
    line("(m) page, plain", &mut page_bytes, "B");
    line("(m) page, gzip", &mut page_gzip, "B");
    line("(m) calendar feed, plain", &mut feed_bytes, "B");
    line("(m) calendar feed, gzip", &mut feed_gzip, "B");
    line("(n) page request", &mut page_ms, "ms");
    line("(n) calendar request", &mut feed_ms, "ms");
}
