//! The year's figures for a network of a real network's size: 250 families
//! (about 500 children), 150 volunteers, 30 prisons and 6,000 trips with
//! their steps and reports (the generator spreads the trips over 134 days of
//! the year: every one of them is counted).
//!
//! (a) `figures` for the year, as the figures screen and the server count;
//! (b) the PDF report of that year, drawn by the server: its time and size;
//! (c) one volunteer's statement as PDF;
//! (d) the whole request for the report to a real server on 127.0.0.1 (the
//!     records read from SQLite, counted, drawn, sent), as the app makes it.
//!
//! Run with `cargo bench --bench figures`. Prints figures; asserts nothing
//! about time. With `FIGURES_PDF_OUT=path.pdf` it also writes the report.

#[path = "../tests/common/mod.rs"]
mod common;

mod bench_support;

use bench_support::{summary, timed};
use chrono::NaiveDate;
use common::TestServer;
use itinerances::demo::{generated_network_of, generated_steps};
use itinerances::domain::{Language, Record, Trip};
use itinerances::figures::pdf::{figures_pdf, statement_pdf};
use itinerances::figures::{figures, volunteer_statement, Period};
use itinerances::i18n::Lang;
use itinerances::protocol::Role;
use itinerances::server::ServerOptions;
use itinerances::sync::office::{pdf as fetch_pdf, report_pdf_path};
use std::collections::BTreeMap;
use std::time::Instant;

const PRISONS: usize = 30;
const VOLUNTEERS: usize = 150;
const FAMILIES: usize = 250;
const TRIPS: usize = 6_000;
const RUNS: usize = 30;

#[tokio::main]
async fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default();
    let demo = generated_network_of(1, PRISONS, VOLUNTEERS, FAMILIES, TRIPS, today);
    let trips: Vec<Trip> = demo.trips();
    let children = demo
        .records
        .iter()
        .filter(|r| matches!(r, Record::Child(_)))
        .count();
    let prisons: BTreeMap<_, _> = demo
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Prison(p) => Some((p.id.clone(), p.name.clone())),
            _ => None,
        })
        .collect();
    let (events, reports) = generated_steps(2, &trips);
    println!(
        "network: {children} children, {} trips, {} steps, {} reports, {} prisons",
        trips.len(),
        events.len(),
        reports.len(),
        prisons.len()
    );
    let year = Period::year(2026);

    let mut fig = figures(year, &trips, &events, &reports);
    let times = timed(RUNS, || {
        fig = figures(year, &trips, &events, &reports);
    });
    println!(
        "(a) figures of 2026 ({} planned, {} done): {}",
        fig.total.planned,
        fig.total.done,
        summary(times)
    );

    let mut pdf = Vec::new();
    let times = timed(RUNS, || {
        match figures_pdf(Language::Fr, "Itinérances", &fig, &prisons) {
            Ok(bytes) => pdf = bytes,
            Err(e) => eprintln!("the report failed: {e}"),
        }
    });
    println!(
        "(b) PDF report of 2026: {}; {} bytes",
        summary(times),
        pdf.len()
    );
    if let Ok(path) = std::env::var("FIGURES_PDF_OUT") {
        match std::fs::write(&path, &pdf) {
            Ok(()) => println!("    written to {path}"),
            Err(e) => eprintln!("    could not write {path}: {e}"),
        }
    }

    let Some((volunteer, name)) = demo.volunteers.first().cloned() else {
        return;
    };
    let server = TestServer::start_with(ServerOptions::default()).await;
    let mut records = demo.records.clone();
    records.extend(events.iter().cloned().map(Record::Event));
    records.extend(reports.iter().cloned().map(Record::Report));
    if let Err(e) = server.state.load_records(records) {
        eprintln!("the server refused the network: {e}");
        return;
    }
    let office = server.enroll(Role::Coordinator, "Office", None).await;
    let path = report_pdf_path(year.from, year.until, Lang::Fr);
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        match fetch_pdf(&office, &path).await {
            Ok(bytes) => size = bytes.len(),
            Err(e) => eprintln!("the server's report failed: {e}"),
        }
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "(d) GET the report of 2026 from a real server: {}; {size} bytes",
        summary(times)
    );

    let mut statement = Vec::new();
    let times = timed(RUNS, || {
        let lines = volunteer_statement(year, &volunteer, &trips, &events, &reports);
        match statement_pdf(Language::Fr, "Itinérances", &name, year, &lines) {
            Ok(bytes) => statement = bytes,
            Err(e) => eprintln!("the statement failed: {e}"),
        }
    });
    println!(
        "(c) a volunteer's statement of 2026 as PDF (counting included): {}; {} bytes",
        summary(times),
        statement.len()
    );
}
