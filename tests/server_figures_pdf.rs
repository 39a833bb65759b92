#![allow(clippy::unwrap_used)]
//! The figures' PDF report and a volunteer's statement, asked of a real
//! server: they are PDFs, poppler reads the network's name, the period and
//! the numbers (counted here again from the records given to the server),
//! their pages are not blank, and only the right callers get them.

mod server_support;

use chrono::NaiveDate;
use itinerances::demo::{generated_network_of, generated_steps};
use itinerances::domain::{
    EventKind, Guardian, Language, Record, Trip, TripEvent, TripId, TripReport, VolunteerId,
};
use itinerances::i18n::{local_date, t};
use itinerances::protocol::{CreateFamilyLinkRequest, FamilyLinkCreated, Role};
use reqwest::StatusCode;
use server_support::{api_error, TestServer};
use std::collections::HashMap;
use std::io::Write;
use std::process::Command;

struct Network {
    records: Vec<Record>,
    trips: Vec<Trip>,
    events: Vec<TripEvent>,
    reports: Vec<TripReport>,
}

fn network() -> Network {
    let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let demo = generated_network_of(5, 3, 6, 30, 240, today);
    let trips: Vec<Trip> = demo.trips();
    let (events, reports) = generated_steps(11, &trips);
    let mut records = demo.records;
    records.extend(events.iter().cloned().map(Record::Event));
    records.extend(reports.iter().cloned().map(Record::Report));
    Network {
        records,
        trips,
        events,
        reports,
    }
}

/// Kilometres of each trip: its latest report.
fn kilometres(net: &Network) -> HashMap<TripId, u64> {
    let mut latest: HashMap<TripId, &TripReport> = HashMap::new();
    for r in &net.reports {
        if latest
            .get(&r.trip_id)
            .is_none_or(|kept| kept.written_at <= r.written_at)
        {
            latest.insert(r.trip_id.clone(), r);
        }
    }
    latest
        .into_iter()
        .map(|(id, r)| (id, u64::from(r.kilometres)))
        .collect()
}

/// Whether a trip was done: it reached the end of the visit or home, and was
/// never cancelled.
fn done(net: &Network, trip: &Trip) -> bool {
    let steps: Vec<&TripEvent> = net.events.iter().filter(|e| e.trip_id == trip.id).collect();
    let cancelled = steps
        .iter()
        .any(|e| matches!(e.kind, EventKind::Cancelled { .. }));
    let ended = steps
        .iter()
        .any(|e| matches!(e.kind, EventKind::VisitEnded | EventKind::Returned));
    ended && !cancelled
}

fn tool(name: &str) {
    let found = Command::new(name).arg("-v").output();
    assert!(
        found.is_ok(),
        "{name} is missing: install poppler-utils (scripts/bootstrap does) to run these tests"
    );
}

/// The text of a PDF, laid out as on the page.
fn pdf_text(pdf: &[u8]) -> String {
    tool("pdftotext");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("file.pdf");
    std::fs::File::create(&path)
        .unwrap()
        .write_all(pdf)
        .unwrap();
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext read the file: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// Each page rendered at 50 dpi: how many of its pixels are not white.
fn inked_pixels_per_page(pdf: &[u8]) -> Vec<usize> {
    tool("pdftoppm");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("file.pdf");
    std::fs::File::create(&path)
        .unwrap()
        .write_all(pdf)
        .unwrap();
    let out = Command::new("pdftoppm")
        .args(["-r", "50"])
        .arg(&path)
        .arg(dir.path().join("page"))
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftoppm rendered the file: {out:?}");
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ppm"))
        .collect();
    pages.sort();
    pages
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap();
            // P6 header: magic, width, height, max value, each ended by whitespace.
            let mut fields = 0;
            let mut at = 0;
            while fields < 4 {
                while bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                while !bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                fields += 1;
            }
            let pixels = &bytes[at + 1..];
            pixels
                .chunks(3)
                .filter(|px| px.iter().any(|v| *v < 200))
                .count()
        })
        .collect()
}

/// The line of the text that holds `label`, and says `value` after it.
fn says(text: &str, label: &str, value: &str) -> bool {
    text.lines().any(|line| {
        line.find(label).is_some_and(|at| {
            line[at + label.len()..]
                .split_whitespace()
                .any(|word| word == value)
        })
    })
}

async fn get(server: &TestServer, token: Option<&str>, path: &str) -> reqwest::Response {
    let mut request = server.client.get(format!("{}{path}", server.url));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap()
}

async fn pdf(server: &TestServer, token: &str, path: &str) -> Vec<u8> {
    let response = get(server, Some(token), path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "application/pdf"
    );
    let bytes = response.bytes().await.unwrap().to_vec();
    assert!(bytes.starts_with(b"%PDF-"), "the answer is a PDF");
    bytes
}

#[tokio::test]
async fn the_report_says_the_networks_name_the_period_and_the_numbers_in_each_language() {
    let net = network();
    let server = TestServer::start_configured(net.records.clone(), |o| {
        o.network_name = "Réseau Itinérances Liège".to_owned();
    })
    .await;
    let office = server.enroll(Role::Coordinator, "Coordination", None).await;

    let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let until = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let in_period: Vec<&Trip> = net
        .trips
        .iter()
        .filter(|t| (from..=until).contains(&local_date(t.visit_start)))
        .collect();
    let km = kilometres(&net);
    let planned = in_period.len();
    let done_count = in_period.iter().filter(|t| done(&net, t)).count();
    let total_km: u64 = in_period
        .iter()
        .map(|t| km.get(&t.id).copied().unwrap_or(0))
        .sum();
    assert!(planned > 100 && done_count > 50 && total_km > 1000);

    for (lang, code, period) in [
        (
            Language::Fr,
            "fr",
            "Du 1er janvier 2026 au 31 décembre 2026",
        ),
        (
            Language::Nl,
            "nl",
            "Van 1 januari 2026 tot 31 december 2026",
        ),
        (
            Language::En,
            "en",
            "From 1 January 2026 to 31 December 2026",
        ),
    ] {
        let bytes = pdf(
            &server,
            &office.token,
            &format!("/api/v1/figures/report.pdf?from=2026-01-01&to=2026-12-31&lang={code}"),
        )
        .await;
        let text = pdf_text(&bytes);
        assert!(text.contains("Réseau Itinérances Liège"), "{text}");
        assert!(
            text.contains(period),
            "the period in {code}: {period}\n{text}"
        );
        assert!(
            says(&text, &t(lang, "figures-planned"), &planned.to_string()),
            "{text}"
        );
        assert!(
            says(&text, &t(lang, "figures-done"), &done_count.to_string()),
            "{text}"
        );
        assert!(
            says(&text, &t(lang, "figures-kilometres"), &total_km.to_string()),
            "{text}"
        );
        assert!(text.contains(&t(lang, "figures-chart-months")));
        let pages = inked_pixels_per_page(&bytes);
        assert!(pages.len() >= 3, "a few pages: {pages:?}");
        assert!(
            pages.iter().all(|inked| *inked > 500),
            "no blank page: {pages:?}"
        );
    }

    // The read is in the audit log.
    let audit: Vec<itinerances::server::AuditEntry> =
        get(&server, Some(&office.token), "/api/v1/audit?kind=figures")
            .await
            .json()
            .await
            .unwrap();
    assert_eq!(audit.len(), 3);
    assert_eq!(audit[0].record_id, "2026-01-01..2026-12-31");
}

#[tokio::test]
async fn a_volunteer_gets_their_own_statement_and_no_one_elses() {
    let net = network();
    let server = TestServer::start(net.records.clone()).await;
    let km = kilometres(&net);
    let mut per_volunteer: HashMap<VolunteerId, (usize, u64)> = HashMap::new();
    for trip in &net.trips {
        if let Some(v) = &trip.volunteer_id {
            if done(&net, trip) {
                let entry = per_volunteer.entry(v.clone()).or_default();
                entry.0 += 1;
                entry.1 += km.get(&trip.id).copied().unwrap_or(0);
            }
        }
    }
    let (mine, (trips, kms)) = per_volunteer
        .iter()
        .max_by_key(|(_, (n, _))| *n)
        .map(|(v, c)| (v.clone(), *c))
        .unwrap();
    let other = per_volunteer.keys().find(|v| **v != mine).unwrap().clone();
    let name = net
        .records
        .iter()
        .find_map(|r| match r {
            Record::Volunteer(v) if v.id == mine => Some(v.name.clone()),
            _ => None,
        })
        .unwrap();

    let volunteer = server
        .enroll(Role::Volunteer, &name, Some(mine.as_str()))
        .await;
    let path = |who: &VolunteerId| {
        format!(
            "/api/v1/figures/statement.pdf?volunteer={who}&from=2026-01-01&to=2026-12-31&lang=en"
        )
    };
    let text = pdf_text(&pdf(&server, &volunteer.token, &path(&mine)).await);
    assert!(text.contains(&name), "{text}");
    assert!(text.contains("From 1 January 2026 to 31 December 2026"));
    let total = text
        .lines()
        .find(|l| l.trim_start().starts_with("Total"))
        .unwrap();
    let numbers: Vec<&str> = total.split_whitespace().skip(1).collect();
    assert_eq!(numbers, [trips.to_string(), kms.to_string()], "{text}");

    // Someone else's statement: refused, in words.
    let (status, error) =
        api_error(get(&server, Some(&volunteer.token), &path(&other)).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(error.message.contains("your own statement"));
    // The report is for coordinators.
    let response = get(
        &server,
        Some(&volunteer.token),
        "/api/v1/figures/report.pdf?from=2026-01-01&to=2026-12-31&lang=en",
    )
    .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // A coordinator may ask for anyone's.
    let office = server.enroll(Role::Coordinator, "Coordination", None).await;
    let text = pdf_text(&pdf(&server, &office.token, &path(&other)).await);
    assert!(text.contains("Kilometre statement"));

    // No token, or a family's link as a token: not signed in.
    let guardian = net
        .records
        .iter()
        .find_map(|r| match r {
            Record::Guardian(g) => Some(g.clone()),
            _ => None,
        })
        .unwrap();
    let link = family_link(&server, &office.token, &guardian).await;
    let family_token = link.url.rsplit('/').next().unwrap().to_owned();
    for token in [None, Some(family_token.as_str())] {
        for p in [
            path(&mine),
            "/api/v1/figures/report.pdf?from=2026-01-01&to=2026-12-31".to_owned(),
        ] {
            let response = get(&server, token, &p).await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{p}");
        }
    }

    // A period written wrong is explained.
    let (status, error) = api_error(
        get(
            &server,
            Some(&office.token),
            "/api/v1/figures/report.pdf?from=2026-13-01&to=2026-12-31",
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(error.message.contains("YYYY-MM-DD"), "{}", error.message);
}

async fn family_link(server: &TestServer, token: &str, guardian: &Guardian) -> FamilyLinkCreated {
    let response = server
        .client
        .post(format!("{}/api/v1/family-links", server.url))
        .bearer_auth(token)
        .json(&CreateFamilyLinkRequest {
            guardian_id: guardian.id.clone(),
            language: None,
            server_url: server.url.clone(),
        })
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}
