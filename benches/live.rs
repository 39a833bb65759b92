//! From a step tapped on a phone to the coordinators' board: how long until
//! the board is told (the server's change event reaches the coordinator's
//! open stream), and until it holds the step (its sync answered), over 100
//! steps. Real server on a loopback port, real HTTP, a network of 30
//! volunteers and 600 trips; the phone and the board both connected.
//!
//! Run with `cargo bench --bench live`. The figures go to BENCHMARKS.md.

use chrono::{Duration as Days, Utc};
use futures_util::StreamExt;
use itinerances::demo::generated_network;
use itinerances::domain::*;
use itinerances::protocol::*;
use itinerances::server::{launch_with_listener, AppState, ServerOptions};
use itinerances::sync::live::EventReader;
use std::time::{Duration, Instant};

const STEPS: u64 = 100;

async fn enroll(client: &reqwest::Client, url: &str, code: String) -> EnrollResponse {
    let response = client
        .post(format!("{url}/api/v1/enroll"))
        .json(&EnrollRequest {
            code,
            device_name: "bench".into(),
        })
        .send()
        .await
        .unwrap_or_else(|e| panic!("enroll: {e}"));
    response
        .json()
        .await
        .unwrap_or_else(|e| panic!("enroll answer: {e}"))
}

async fn sync(
    client: &reqwest::Client,
    url: &str,
    token: &str,
    cursor: Option<Cursor>,
    ops: Vec<Operation>,
) -> SyncResponse {
    let response = client
        .post(format!("{url}/api/v1/sync"))
        .bearer_auth(token)
        .json(&SyncRequest {
            version: PROTOCOL_VERSION,
            cursor,
            ops,
        })
        .send()
        .await
        .unwrap_or_else(|e| panic!("sync: {e}"));
    response
        .json()
        .await
        .unwrap_or_else(|e| panic!("sync answer: {e}"))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() {
    let today = Utc::now().date_naive();
    let network = generated_network(11, 8, 30, 600, today);
    let trip = network
        .records
        .iter()
        .find_map(|r| match r {
            Record::Trip(t)
                if t.volunteer_id.is_some()
                    && t.visit_start > Utc::now()
                    && t.visit_start < Utc::now() + Days::days(14) =>
            {
                Some(t.clone())
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("an assigned trip in the coming days"));
    let volunteer = trip
        .volunteer_id
        .clone()
        .unwrap_or_else(|| panic!("assigned"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let state = AppState::open(&dir.path().join("live.sqlite3"), ServerOptions::default())
        .unwrap_or_else(|e| panic!("open: {e}"));
    state
        .load_records(network.records)
        .unwrap_or_else(|e| panic!("load: {e}"));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("bind: {e}"));
    let url = format!(
        "http://{}",
        listener
            .local_addr()
            .unwrap_or_else(|e| panic!("address: {e}"))
    );
    tokio::spawn(launch_with_listener(listener, state.clone()));
    let client = reqwest::Client::new();
    let code = |role, name: &str, v: Option<VolunteerId>| {
        state
            .create_enrollment_code(role, name, v)
            .unwrap_or_else(|e| panic!("code: {e}"))
            .code
    };
    let office = enroll(&client, &url, code(Role::Coordinator, "Office", None)).await;
    let phone = enroll(
        &client,
        &url,
        code(Role::Volunteer, "Phone", Some(volunteer.clone())),
    )
    .await;
    let mut office_cursor = sync(&client, &url, &office.token, None, Vec::new())
        .await
        .cursor;
    sync(&client, &url, &phone.token, None, Vec::new()).await;

    let response = client
        .get(format!("{url}/api/v1/events"))
        .bearer_auth(&office.token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("events: {e}"));
    let mut stream = response.bytes_stream();
    let mut reader = EventReader::default();

    let mut told = Vec::new();
    let mut held = Vec::new();
    for seq in 1..=STEPS {
        let at = Utc::now();
        let event = TripEvent {
            id: EventId::from(format!("bench-step-{seq}").as_str()),
            trip_id: trip.id.clone(),
            kind: EventKind::PickedUp,
            at,
            author: Author::Volunteer(volunteer.clone()),
            note: String::new(),
        };
        let op = Operation {
            op_id: OpId(format!("bench-{seq}")),
            seq,
            hlc: Hlc {
                millis: at.timestamp_millis(),
                counter: 0,
                node: "phone".into(),
            },
            at,
            change: Change::LogEvent { event },
        };
        let start = Instant::now();
        sync(&client, &url, &phone.token, None, vec![op]).await;
        // The board is told...
        loop {
            let piece = stream
                .next()
                .await
                .unwrap_or_else(|| panic!("the stream ended"))
                .unwrap_or_else(|e| panic!("the stream: {e}"));
            if reader.push(&piece).unwrap_or(0) > 0 {
                break;
            }
        }
        told.push(start.elapsed());
        // ... and holds the step once its sync is answered.
        let answer = sync(
            &client,
            &url,
            &office.token,
            Some(office_cursor),
            Vec::new(),
        )
        .await;
        office_cursor = answer.cursor;
        let id = format!("bench-step-{seq}");
        assert!(
            answer
                .changes
                .iter()
                .any(|r| matches!(r, Record::Event(e) if e.id.as_str() == id)),
            "the board's sync brings the step"
        );
        held.push(start.elapsed());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    told.sort();
    held.sort();
    println!("live: {STEPS} steps from a phone to the coordinators' board (loopback)");
    for (what, list) in [
        ("board told (event received)", &told),
        ("board holds the step (event + sync)", &held),
    ] {
        println!(
            "  {what}: p50 {}, p99 {}, max {}",
            ms(percentile(list, 0.5)),
            ms(percentile(list, 0.99)),
            ms(percentile(list, 1.0))
        );
    }
}
