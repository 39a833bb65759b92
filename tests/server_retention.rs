//! Retention with the server's clock moved forward: step notes and reports'
//! free text go two years after the trip, children no longer visiting lose
//! their names after three, audit rows go after five; the database and the
//! devices that sync lose them, and the year's figures stay the same.
#![cfg(feature = "server")]
#![allow(clippy::unwrap_used)]

mod server_support;

use chrono::{Datelike, Duration};
use itinerances::demo::{generated_network, generated_steps};
use itinerances::domain::*;
use itinerances::figures::{figures, Figures, Period};
use itinerances::protocol::*;
use itinerances::server::ANONYMOUS;
use reqwest::StatusCode;
use server_support::{audit_rows, create_link, notices, op, test_now, TestServer};
use std::collections::BTreeMap;

const SECRET: &str = "Papa a pleuré à la fin";

fn year_figures(records: &BTreeMap<RecordKey, Record>) -> Vec<Figures> {
    let mut trips = Vec::new();
    let mut events = Vec::new();
    let mut reports = Vec::new();
    for record in records.values() {
        match record {
            Record::Trip(t) => trips.push(t.clone()),
            Record::Event(e) => events.push(e.clone()),
            Record::Report(r) => reports.push(r.clone()),
            _ => {}
        }
    }
    let year = test_now().year();
    [year, year + 1]
        .map(|y| figures(Period::year(y), &trips, &events, &reports))
        .to_vec()
}

async fn preview(server: &TestServer, token: &str) -> RetentionPreview {
    let response = server
        .client
        .get(format!("{}/api/v1/retention", server.url))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

#[tokio::test]
async fn personal_data_goes_when_due_from_the_database_and_the_devices_and_the_figures_stay() {
    let mut network = generated_network(41, 2, 4, 60, test_now().date_naive());
    // Every visit right ends with the last trips: the children's names are
    // then needed three years more.
    let last_trip = network
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Trip(t) => Some(t.visit_end.date_naive()),
            _ => None,
        })
        .max()
        .unwrap();
    for (i, record) in network.records.iter_mut().enumerate() {
        match record {
            Record::VisitRight(r) => r.valid_until = Some(last_trip.max(r.valid_from)),
            // Each family's address and e-mail, findable in the database.
            Record::Guardian(g) => {
                g.pickup_address = format!("{} (home {i})", g.pickup_address);
                g.email = format!("family{i}@example.be");
            }
            _ => {}
        }
    }
    let trips: Vec<Trip> = network.trips();
    let (mut events, mut reports) = generated_steps(7, &trips);
    for event in events.iter_mut().step_by(3) {
        event.note = SECRET.to_owned();
    }
    for report in &mut reports {
        report.text = SECRET.to_owned();
        report.incidents = "Retard à l'entrée".to_owned();
    }
    assert!(!events.is_empty() && !reports.is_empty());
    network
        .records
        .extend(events.into_iter().map(Record::Event));
    network
        .records
        .extend(reports.into_iter().map(Record::Report));

    let server = TestServer::start(network.records).await;
    let office = server.enroll(Role::Coordinator, "Office", None).await;
    // A family with a link is told of a cancelled visit: the server holds
    // the message and the family's phone number (no mail server here).
    let told = trips
        .iter()
        .find(|t| t.visit_start > test_now() + Duration::days(2))
        .unwrap();
    create_link(&server, &office.token, &told.pickup.guardian_id).await;
    let cancel = Change::LogEvent {
        event: TripEvent {
            id: EventId::from("told-cancel"),
            trip_id: told.id.clone(),
            kind: EventKind::Cancelled {
                reason: CancelReason::ChildIll,
            },
            at: test_now(),
            author: Author::Coordinator("Office".into()),
            note: String::new(),
        },
    };
    let first = server.sync(&office.token, None, vec![op(1, cancel)]).await;
    let sent = notices(&server, &office.token, &told.pickup.guardian_id).await;
    assert!(
        sent.iter()
            .any(|n| n.trip_id.as_ref() == Some(&told.id) && !n.recipient.is_empty()),
        "{sent:?}"
    );
    let mut held: BTreeMap<RecordKey, Record> =
        first.changes.into_iter().map(|r| (r.key(), r)).collect();
    let before = year_figures(&held);

    // Today nothing is due; the preview says when what goes.
    let today = preview(&server, &office.token).await;
    assert_eq!(today.due_now, RetentionCounts::default());
    assert_eq!(
        (today.notes_days, today.children_days, today.audit_days),
        (730, 1095, 1825)
    );

    // Six years later: notes, names and the oldest audit rows are due.
    // The office syncs every few weeks meanwhile (a device silent for 90
    // days is signed out).
    let later = test_now() + Duration::days(6 * 365);
    let mut cursor = first.cursor;
    let mut at = test_now();
    while at < later {
        at = (at + Duration::days(60)).min(later);
        server.set_now(at);
        let idle = server.sync(&office.token, Some(cursor), Vec::new()).await;
        assert!(
            idle.changes.is_empty(),
            "nothing changes before retention runs"
        );
        cursor = idle.cursor;
    }
    let due = preview(&server, &office.token).await;
    assert!(
        due.due_now.notes > 0
            && due.due_now.children > 0
            && due.due_now.people > 0
            && due.due_now.audit_rows > 0
    );
    let run = server.state.run_retention().await.unwrap();
    assert_eq!(
        (run.notes, run.children, run.people, run.audit_rows),
        (
            due.due_now.notes,
            due.due_now.children,
            due.due_now.people,
            due.due_now.audit_rows
        ),
        "the run removes what the preview announced"
    );
    assert_eq!(
        preview(&server, &office.token).await.due_now,
        RetentionCounts::default(),
        "nothing is left to remove"
    );

    // Gone from the database.
    let db = rusqlite::Connection::open(&server.db_path).unwrap();
    let secret_rows: i64 = db
        .query_row(
            "SELECT COUNT(*) FROM records WHERE body LIKE ?1",
            [format!("%{SECRET}%")],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(secret_rows, 0, "no note or report text is left");
    let messages: i64 = db
        .query_row("SELECT COUNT(*) FROM family_notices", [], |r| r.get(0))
        .unwrap();
    assert_eq!(messages, 0, "a message to a family is left");
    assert!(run.messages > 0);
    let links: i64 = db
        .query_row("SELECT COUNT(*) FROM family_links", [], |r| r.get(0))
        .unwrap();
    assert_eq!(links, 0, "a family's link is left");
    for trace in ["%(home %", "%@example.be%"] {
        let rows: i64 = db
            .query_row(
                "SELECT COUNT(*) FROM records WHERE body LIKE ?1",
                [trace],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(rows, 0, "a family's address or e-mail is left ({trace})");
    }
    let oldest: String = db
        .query_row("SELECT MIN(at) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    assert!(
        oldest >= (later - Duration::days(1825)).to_rfc3339(),
        "no audit row older than five years: {oldest}"
    );

    // The office's device receives the cleaned records at its next sync.
    let next = server.sync(&office.token, Some(cursor), Vec::new()).await;
    for record in next.changes {
        held.insert(record.key(), record);
    }
    for record in held.values() {
        match record {
            Record::Event(e) => assert!(e.note.is_empty(), "a note is left on the device"),
            Record::Report(r) => assert!(r.text.is_empty() && r.incidents.is_empty()),
            Record::Child(c) => {
                assert_eq!(c.first_name, ANONYMOUS, "a child's name is left");
                assert!(c.last_name.is_empty() && c.needs.is_empty() && c.archived);
            }
            Record::Guardian(g) => {
                assert_eq!(
                    (g.name.as_str(), g.phone.as_str(), g.pickup_address.as_str()),
                    (ANONYMOUS, ANONYMOUS, ANONYMOUS),
                    "a family's name, phone or address is left"
                );
                assert!(g.email.is_empty() && g.archived);
                // The place is kept to a tenth of a degree.
                let tenth = |v: f64| ((v * 10.0).round() / 10.0 - v).abs() < 1e-9;
                assert!(tenth(g.pickup_location.lat) && tenth(g.pickup_location.lon));
            }
            Record::Parent(p) => {
                assert_eq!(p.first_name, ANONYMOUS, "a parent's name is left");
                assert!(p.last_name.is_empty());
            }
            Record::Trip(t) => assert_eq!(t.pickup.address, ANONYMOUS, "an address is left"),
            _ => {}
        }
    }
    // The figures count the same: trips, steps, kilometres, children.
    assert_eq!(year_figures(&held), before);

    // The removals are in the audit log, in the server's name.
    let rows = audit_rows(&server, &office.token).await;
    let removals = rows.iter().filter(|r| r.detail == "retention").count() as u64;
    let trips_cleaned = held
        .values()
        .filter(|r| matches!(r, Record::Trip(_)))
        .count() as u64;
    assert_eq!(
        removals,
        run.notes + run.children + run.people + trips_cleaned
    );
}

#[tokio::test]
async fn a_volunteer_cannot_see_what_retention_will_remove() {
    let (server, phone) = server_support::with_a_volunteers_phone(42).await;
    let response = server
        .client
        .get(format!("{}/api/v1/retention", server.url))
        .bearer_auth(&phone.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}
