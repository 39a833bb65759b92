//! Each device receives its scope and nothing else, and learns what left it.
#![cfg(feature = "server")]

mod server_support;

use chrono::Duration;
use itinerances::demo::generated_network;
use itinerances::domain::*;
use itinerances::protocol::*;
use itinerances::server::{AuditAction, AuditEntry};
use reqwest::StatusCode;
use server_support::{audit_rows, op, test_now, TestServer};
use std::collections::BTreeSet;

fn step(id: &str, trip: &TripId, volunteer: &VolunteerId) -> Change {
    Change::LogEvent {
        event: TripEvent {
            id: EventId::from(id),
            trip_id: trip.clone(),
            kind: EventKind::PickedUp,
            at: test_now(),
            author: Author::Volunteer(volunteer.clone()),
            note: String::new(),
        },
    }
}

fn trips_of(records: &[Record], volunteer: &VolunteerId, window: bool) -> Vec<Trip> {
    let (from, until) = (
        test_now() - Duration::days(14),
        test_now() + Duration::days(120),
    );
    records
        .iter()
        .filter_map(|r| match r {
            Record::Trip(t) if t.volunteer_id.as_ref() == Some(volunteer) => Some(t.clone()),
            _ => None,
        })
        .filter(|t| !window || (t.visit_start >= from && t.visit_start <= until))
        .collect()
}

fn keys(records: &[Record], kind: RecordKind) -> BTreeSet<String> {
    records
        .iter()
        .filter(|r| r.kind() == kind)
        .map(|r| r.id().to_owned())
        .collect()
}

fn assert_rejected(result: &OpResult, expected: RejectCode) {
    match &result.outcome {
        Outcome::Rejected { code, message } => {
            assert_eq!(*code, expected, "{message}");
            assert!(!message.is_empty());
        }
        Outcome::Applied => panic!("expected a rejection, got Applied"),
    }
}

#[tokio::test]
async fn each_volunteer_pulls_only_their_own_trips_and_people() {
    // Several generated networks, of several shapes.
    for (seed, prisons, volunteers, trips) in [(42, 3, 4, 60), (7, 1, 2, 25), (2026, 5, 6, 120)] {
        pulls_hold_only_the_volunteers_own_scope(seed, prisons, volunteers, trips).await;
    }
}

async fn pulls_hold_only_the_volunteers_own_scope(
    seed: u64,
    prisons: usize,
    volunteers: usize,
    trips: usize,
) {
    let network = generated_network(seed, prisons, volunteers, trips, test_now().date_naive());
    let all = network.records.clone();
    let server = TestServer::start(network.records).await;
    for (volunteer_id, name) in &network.volunteers {
        let device = server
            .enroll(Role::Volunteer, name, Some(volunteer_id.as_str()))
            .await;
        let pulled = server.sync(&device.token, None, Vec::new()).await;
        assert!(pulled.reset);
        assert!(pulled.removed.is_empty());

        let trips = trips_of(&all, volunteer_id, true);
        let trip_ids: BTreeSet<String> = trips.iter().map(|t| t.id.0.clone()).collect();
        let children: BTreeSet<String> = trips
            .iter()
            .flat_map(|t| t.children.iter().map(|c| c.0.clone()))
            .collect();
        let guardians: BTreeSet<String> = trips
            .iter()
            .map(|t| t.pickup.guardian_id.0.clone())
            .collect();
        let parents: BTreeSet<String> = trips.iter().map(|t| t.parent_id.0.clone()).collect();
        let got = &pulled.changes;
        assert_eq!(keys(got, RecordKind::Trip), trip_ids, "{name}'s trips");
        assert_eq!(keys(got, RecordKind::Child), children, "{name}'s children");
        assert_eq!(
            keys(got, RecordKind::Guardian),
            guardians,
            "{name}'s pickup contacts"
        );
        assert_eq!(keys(got, RecordKind::Parent), parents);
        assert!(
            keys(got, RecordKind::VisitRight).is_empty(),
            "never visit rights"
        );
        assert_eq!(
            keys(got, RecordKind::Volunteer),
            BTreeSet::from([volunteer_id.0.clone()])
        );
        assert_eq!(
            keys(got, RecordKind::Prison),
            keys(&all, RecordKind::Prison)
        );
        assert_eq!(keys(got, RecordKind::Room), keys(&all, RecordKind::Room));
        for record in got {
            match record {
                Record::Parent(p) => {
                    assert!(p.last_name.is_empty() && p.transfers.is_empty(), "redacted")
                }
                Record::Child(c) => assert!(c.last_name.is_empty(), "a child's surname stays"),
                Record::Event(e) => assert!(trip_ids.contains(e.trip_id.as_str())),
                Record::Report(r) => assert!(trip_ids.contains(r.trip_id.as_str())),
                _ => {}
            }
        }
        // Nothing changed: the next pull is empty.
        let again = server
            .sync(&device.token, Some(pulled.cursor), Vec::new())
            .await;
        assert!(!again.reset && again.changes.is_empty() && again.removed.is_empty());
        assert_eq!(again.cursor, pulled.cursor);
    }
}

#[tokio::test]
async fn volunteers_write_only_steps_and_reports_of_their_own_trips() {
    let network = generated_network(3, 2, 2, 30, test_now().date_naive());
    let all = network.records.clone();
    let (anne, _) = network.volunteers[0].clone();
    let (bert, _) = network.volunteers[1].clone();
    let server = TestServer::start(network.records).await;
    let device = server
        .enroll(Role::Volunteer, "Anne", Some(anne.as_str()))
        .await;
    let coordinator = server.enroll(Role::Coordinator, "Coord", None).await;
    let own = trips_of(&all, &anne, true)[0].clone();
    let others = trips_of(&all, &bert, true)[0].clone();
    let child = all
        .iter()
        .find(|r| r.kind() == RecordKind::Child)
        .unwrap()
        .clone();
    let events_before = server.state.records(RecordKind::Event).unwrap().len();

    let mut forged = step("ev-forged", &own.id, &bert);
    if let Change::LogEvent { event } = &mut forged {
        event.author = Author::Volunteer(bert.clone());
    }
    let response = server
        .sync(
            &device.token,
            None,
            vec![
                op(1, step("ev-other", &others.id, &anne)),
                op(
                    2,
                    Change::Put {
                        record: child.clone(),
                    },
                ),
                op(
                    3,
                    Change::Assign {
                        trip_id: others.id.clone(),
                        volunteer_id: Some(anne.clone()),
                    },
                ),
                op(
                    4,
                    Change::Delete {
                        key: RecordKey::new(RecordKind::Child, own.children[0].as_str()),
                    },
                ),
                op(5, forged),
                op(6, step("ev-own", &own.id, &anne)),
            ],
        )
        .await;
    for result in &response.results[..5] {
        assert_rejected(result, RejectCode::Forbidden);
    }
    assert_eq!(response.results[5].outcome, Outcome::Applied);
    assert_eq!(
        server.state.records(RecordKind::Event).unwrap().len(),
        events_before + 1
    );
    assert!(server
        .state
        .record(&RecordKey::new(RecordKind::Event, "ev-other"))
        .unwrap()
        .is_none());
    let stored_other = server
        .state
        .record(&RecordKey::new(RecordKind::Trip, others.id.as_str()))
        .unwrap();
    assert_eq!(
        stored_other,
        Some(Record::Trip(others.clone())),
        "untouched"
    );
    assert!(server.state.record(&child.key()).unwrap().is_some());

    // Someone else's trip does not exist, as far as this volunteer can tell.
    let get = |token: &str, id: &TripId| {
        server
            .client
            .get(format!("{}/api/v1/trips/{id}", server.url))
            .bearer_auth(token.to_owned())
            .send()
    };
    let response = get(&device.token, &others.id).await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let missing = get(&device.token, &TripId::from("no-such-trip"))
        .await
        .unwrap();
    assert_eq!(
        response
            .text()
            .await
            .unwrap()
            .replace(others.id.as_str(), "X"),
        missing.text().await.unwrap().replace("no-such-trip", "X"),
        "same answer as for a trip that does not exist"
    );
    let mine = get(&device.token, &own.id).await.unwrap();
    assert_eq!(mine.status(), StatusCode::OK);
    assert_eq!(mine.json::<Trip>().await.unwrap().id, own.id);
    assert_eq!(
        get(&coordinator.token, &others.id).await.unwrap().status(),
        StatusCode::OK
    );
}

/// A trip of `volunteer` whose children appear in no other of their trips.
fn trip_with_own_children(records: &[Record], volunteer: &VolunteerId) -> Trip {
    let trips = trips_of(records, volunteer, true);
    trips
        .iter()
        .find(|t| {
            trips
                .iter()
                .filter(|o| o.id != t.id)
                .all(|o| o.children.iter().all(|c| !t.children.contains(c)))
        })
        .expect("a trip with its own children")
        .clone()
}

#[tokio::test]
async fn a_reassigned_trip_leaves_the_former_volunteers_phone() {
    let network = generated_network(11, 2, 2, 40, test_now().date_naive());
    let all = network.records.clone();
    let (anne, _) = network.volunteers[0].clone();
    let (bert, _) = network.volunteers[1].clone();
    let server = TestServer::start(network.records).await;
    let anne_phone = server
        .enroll(Role::Volunteer, "Anne", Some(anne.as_str()))
        .await;
    let bert_phone = server
        .enroll(Role::Volunteer, "Bert", Some(bert.as_str()))
        .await;
    let coordinator = server.enroll(Role::Coordinator, "Coord", None).await;
    let trip = trip_with_own_children(&all, &anne);

    let first = server.sync(&anne_phone.token, None, Vec::new()).await;
    assert!(keys(&first.changes, RecordKind::Trip).contains(trip.id.as_str()));
    let bert_first = server.sync(&bert_phone.token, None, Vec::new()).await;

    let assign = Change::Assign {
        trip_id: trip.id.clone(),
        volunteer_id: Some(bert.clone()),
    };
    let done = server
        .sync(&coordinator.token, None, vec![op(1, assign)])
        .await;
    assert_eq!(done.results[0].outcome, Outcome::Applied);

    let lost = server
        .sync(&anne_phone.token, Some(first.cursor), Vec::new())
        .await;
    // The answer above never reached the phone: it asks again from the same cursor.
    let second = server
        .sync(&anne_phone.token, Some(first.cursor), Vec::new())
        .await;
    for answer in [&lost, &second] {
        assert!(!answer.reset);
        assert!(answer
            .removed
            .contains(&RecordKey::new(RecordKind::Trip, trip.id.as_str())));
        for child in &trip.children {
            assert!(answer
                .removed
                .contains(&RecordKey::new(RecordKind::Child, child.as_str())));
        }
        assert!(answer
            .changes
            .iter()
            .all(|r| r.key() != RecordKey::new(RecordKind::Trip, trip.id.as_str())));
    }
    let idle = server
        .sync(&anne_phone.token, Some(second.cursor), Vec::new())
        .await;
    assert!(idle.removed.is_empty() && idle.changes.is_empty());

    let bert_next = server
        .sync(&bert_phone.token, Some(bert_first.cursor), Vec::new())
        .await;
    assert!(keys(&bert_next.changes, RecordKind::Trip).contains(trip.id.as_str()));
    // A sibling's trip may have brought the child to Bert's phone already.
    let mut bert_children = keys(&bert_first.changes, RecordKind::Child);
    bert_children.extend(keys(&bert_next.changes, RecordKind::Child));
    for child in &trip.children {
        assert!(bert_children.contains(child.as_str()));
    }

    // Anne may no longer log steps on it.
    let late = server
        .sync(
            &anne_phone.token,
            Some(idle.cursor),
            vec![op(1, step("ev-late", &trip.id, &anne))],
        )
        .await;
    assert_rejected(&late.results[0], RejectCode::Forbidden);
}

#[tokio::test]
async fn trips_leave_the_phone_as_time_passes() {
    let network = generated_network(5, 2, 1, 30, test_now().date_naive());
    let all = network.records.clone();
    let (anne, _) = network.volunteers[0].clone();
    let server = TestServer::start(network.records).await;
    let phone = server
        .enroll(Role::Volunteer, "Anne", Some(anne.as_str()))
        .await;
    let first = server.sync(&phone.token, None, Vec::new()).await;

    let later = test_now() + Duration::days(40);
    server.set_now(later);
    let next = server
        .sync(&phone.token, Some(first.cursor), Vec::new())
        .await;
    let gone: BTreeSet<String> = trips_of(&all, &anne, true)
        .into_iter()
        .filter(|t| t.visit_start < later - Duration::days(14))
        .map(|t| t.id.0)
        .collect();
    assert!(!gone.is_empty());
    let removed: BTreeSet<String> = next
        .removed
        .iter()
        .filter(|k| k.kind == RecordKind::Trip)
        .map(|k| k.id.clone())
        .collect();
    assert_eq!(removed, gone);
    assert_ne!(next.cursor, first.cursor, "a new scope gets a new cursor");
    let idle = server
        .sync(&phone.token, Some(next.cursor), Vec::new())
        .await;
    assert!(idle.removed.is_empty() && idle.changes.is_empty());
}

#[tokio::test]
async fn a_replayed_request_applies_its_operations_once() {
    let network = generated_network(9, 1, 1, 12, test_now().date_naive());
    let all = network.records.clone();
    let (anne, _) = network.volunteers[0].clone();
    let server = TestServer::start(network.records).await;
    let phone = server
        .enroll(Role::Volunteer, "Anne", Some(anne.as_str()))
        .await;
    let trip = trips_of(&all, &anne, true)[0].clone();
    let ops = vec![
        op(1, step("ev-replay", &trip.id, &anne)),
        op(
            2,
            Change::Put {
                record: all[0].clone(),
            },
        ),
    ];

    let once = server.sync(&phone.token, None, ops.clone()).await;
    let twice = server.sync(&phone.token, None, ops.clone()).await;
    assert_eq!(once.results, twice.results);
    assert_eq!(once.results[0].outcome, Outcome::Applied);
    assert_rejected(&once.results[1], RejectCode::Forbidden);
    assert_eq!(once.changes, twice.changes);

    let coordinator = server.enroll(Role::Coordinator, "Coord", None).await;
    let audit = audit_rows(&server, &coordinator.token).await;
    let writes = audit
        .iter()
        .filter(|e| e.action == AuditAction::Write && e.record_id == "ev-replay")
        .count();
    assert_eq!(writes, 1, "applied once");
    let child_reads: Vec<&AuditEntry> = audit
        .iter()
        .filter(|e| e.action == AuditAction::Read && e.kind == "child")
        .collect();
    assert!(!child_reads.is_empty(), "reads of children are logged");
    assert!(child_reads
        .iter()
        .all(|e| e.device_id.as_ref() == Some(&phone.device_id)));
    assert!(child_reads
        .iter()
        .all(|e| e.account_id.as_ref() == Some(&phone.account_id)));
}
