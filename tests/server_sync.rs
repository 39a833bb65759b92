//! Coordinators' operations: validation, references, last writer wins,
//! append-only steps and deletions that reach other devices.
#![cfg(feature = "server")]

mod server_support;

use itinerances::demo::generated_network;
use itinerances::domain::*;
use itinerances::protocol::*;
use server_support::{test_now, TestServer};

fn op(seq: u64, millis_offset: i64, change: Change) -> Operation {
    Operation {
        op_id: OpId(format!("op-{seq}")),
        seq,
        hlc: Hlc {
            millis: test_now().timestamp_millis() + millis_offset,
            counter: 0,
            node: "coordinator-laptop".into(),
        },
        at: test_now(),
        change,
    }
}

fn rejection(result: &OpResult) -> (RejectCode, String) {
    match &result.outcome {
        Outcome::Rejected { code, message } => (*code, message.clone()),
        Outcome::Applied => panic!("expected a rejection for op {}", result.seq),
    }
}

fn first<T>(records: &[Record], pick: impl Fn(&Record) -> Option<T>) -> T {
    records
        .iter()
        .find_map(pick)
        .expect("present in the network")
}

#[tokio::test]
async fn coordinators_edits_are_validated_and_last_writer_wins() {
    let network = generated_network(21, 2, 2, 12, test_now().date_naive());
    let all = network.records.clone();
    let server = TestServer::start(network.records).await;
    // Edits come after the import, by the server's clock.
    let after_import = test_now() + chrono::Duration::minutes(1);
    server.set_now(after_import);
    let coordinator = server.enroll(Role::Coordinator, "Coord", None).await;
    let laptop = server.enroll(Role::Coordinator, "Coord 2", None).await;
    let start = server.sync(&laptop.token, None, Vec::new()).await;

    let child = first(&all, |r| match r {
        Record::Child(c) => Some(c.clone()),
        _ => None,
    });
    let trip = first(&all, |r| match r {
        Record::Trip(t) => Some(t.clone()),
        _ => None,
    });
    let mut renamed = child.clone();
    renamed.first_name = "Renamed".into();
    let mut older = child.clone();
    older.first_name = "Older".into();
    let mut invalid = child.clone();
    invalid.first_name = " ".into();
    let mut orphan = child.clone();
    orphan.id = ChildId::from("new-child");
    orphan.guardian_id = GuardianId::from("nobody");
    let event = TripEvent {
        id: EventId::from("ev-1"),
        trip_id: trip.id.clone(),
        kind: EventKind::PickedUp,
        at: test_now(),
        author: Author::Coordinator("Coord".into()),
        note: String::new(),
    };
    let mut rewritten = event.clone();
    rewritten.note = "rewritten".into();

    let response = server
        .sync(
            &coordinator.token,
            None,
            vec![
                op(
                    1,
                    10_000,
                    Change::Put {
                        record: Record::Child(renamed.clone()),
                    },
                ),
                op(
                    2,
                    5_000,
                    Change::Put {
                        record: Record::Child(older),
                    },
                ),
                op(
                    3,
                    20_000,
                    Change::Put {
                        record: Record::Child(invalid),
                    },
                ),
                op(
                    4,
                    20_000,
                    Change::Put {
                        record: Record::Child(orphan),
                    },
                ),
                op(
                    5,
                    20_000,
                    Change::Put {
                        record: Record::Event(event.clone()),
                    },
                ),
                op(
                    6,
                    20_000,
                    Change::LogEvent {
                        event: event.clone(),
                    },
                ),
                op(7, 30_000, Change::LogEvent { event: rewritten }),
                op(
                    8,
                    20_000,
                    Change::Assign {
                        trip_id: TripId::from("no-trip"),
                        volunteer_id: None,
                    },
                ),
                op(
                    9,
                    20_000,
                    Change::Delete {
                        key: RecordKey::new(RecordKind::Child, child.id.as_str()),
                    },
                ),
            ],
        )
        .await;
    let r = &response.results;
    assert_eq!(r[0].outcome, Outcome::Applied);
    let (code, message) = rejection(&r[1]);
    assert_eq!(
        code,
        RejectCode::Superseded,
        "an older edit is answered as lost..."
    );
    assert!(message.contains("newer version is kept"), "{message}");
    assert_eq!(
        server
            .state
            .record(&RecordKey::new(RecordKind::Child, child.id.as_str()))
            .unwrap(),
        Some(Record::Child(renamed.clone())),
        "...but the newer one stays"
    );
    assert_eq!(rejection(&r[2]).0, RejectCode::Invalid);
    assert!(rejection(&r[2]).1.contains("first_name"));
    let (code, message) = rejection(&r[3]);
    assert_eq!(code, RejectCode::NotFound);
    assert!(message.contains("guardian nobody"), "{message}");
    assert_eq!(
        rejection(&r[4]).0,
        RejectCode::Invalid,
        "steps are never put"
    );
    assert_eq!(r[5].outcome, Outcome::Applied);
    assert_eq!(
        rejection(&r[6]).0,
        RejectCode::Invalid,
        "another step under a used id"
    );
    assert_eq!(
        server
            .state
            .record(&RecordKey::new(RecordKind::Event, "ev-1"))
            .unwrap(),
        Some(Record::Event(event)),
        "steps are append-only"
    );
    assert_eq!(rejection(&r[7]).0, RejectCode::NotFound);
    let (code, message) = rejection(&r[8]);
    assert_eq!(code, RejectCode::Invalid, "a child still on a trip stays");
    assert!(message.contains("still used by"), "{message}");
    // The server's clock moved with what it applied, never past its own time.
    assert_eq!(response.clock.millis, after_import.timestamp_millis());
    assert_eq!(response.clock.node, "server");

    // The other coordinator device learns the edit.
    let next = server
        .sync(&laptop.token, Some(start.cursor), Vec::new())
        .await;
    assert!(next.changes.contains(&Record::Child(renamed)));
}

#[tokio::test]
async fn deleting_a_trip_reaches_coordinators_as_removals() {
    let network = generated_network(22, 1, 1, 6, test_now().date_naive());
    let all = network.records.clone();
    let server = TestServer::start(network.records).await;
    // Edits come after the import, by the server's clock.
    let after_import = test_now() + chrono::Duration::minutes(1);
    server.set_now(after_import);
    let coordinator = server.enroll(Role::Coordinator, "Coord", None).await;
    let laptop = server.enroll(Role::Coordinator, "Coord 2", None).await;
    let trips: Vec<Trip> = all
        .iter()
        .filter_map(|r| match r {
            Record::Trip(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let (done, trip) = (&trips[0], &trips[1]);
    let key = RecordKey::new(RecordKind::Trip, trip.id.as_str());
    let start = server.sync(&laptop.token, None, Vec::new()).await;
    assert!(start.reset);

    let step = TripEvent {
        id: EventId::from("ev-del"),
        trip_id: done.id.clone(),
        kind: EventKind::PickedUp,
        at: test_now(),
        author: Author::Coordinator("Coord".into()),
        note: String::new(),
    };
    let response = server
        .sync(
            &coordinator.token,
            None,
            vec![
                op(1, 1_000, Change::LogEvent { event: step }),
                // What happened on a trip stays: it is cancelled, not deleted.
                op(
                    2,
                    1_500,
                    Change::Delete {
                        key: RecordKey::new(RecordKind::Trip, done.id.as_str()),
                    },
                ),
                op(3, 2_000, Change::Delete { key: key.clone() }),
                // An edit made earlier, arriving late, does not bring it back.
                op(
                    4,
                    1_800,
                    Change::Put {
                        record: Record::Trip(trip.clone()),
                    },
                ),
            ],
        )
        .await;
    let r = &response.results;
    assert_eq!(r[0].outcome, Outcome::Applied);
    let (code, message) = rejection(&r[1]);
    assert_eq!(code, RejectCode::Forbidden);
    assert!(message.contains("cancel it"), "{message}");
    assert_eq!(r[2].outcome, Outcome::Applied);
    assert_eq!(rejection(&r[3]).0, RejectCode::Superseded);
    assert_eq!(server.state.record(&key).unwrap(), None);
    assert!(server
        .state
        .record(&RecordKey::new(RecordKind::Event, "ev-del"))
        .unwrap()
        .is_some());

    let next = server
        .sync(&laptop.token, Some(start.cursor), Vec::new())
        .await;
    assert!(!next.reset);
    assert!(next.removed.contains(&key));

    // A cursor from another database starts the device afresh.
    let restored = server
        .sync(
            &laptop.token,
            Some(Cursor(next.cursor.0 + 1000)),
            Vec::new(),
        )
        .await;
    assert!(restored.reset);
    assert!(restored.changes.iter().all(|r| r.key() != key));
}

#[tokio::test]
async fn a_device_with_a_wrong_date_does_not_win_later_edits() {
    let network = generated_network(23, 2, 2, 6, test_now().date_naive());
    let all = network.records.clone();
    let server = TestServer::start(network.records).await;
    let ahead = server
        .enroll(Role::Coordinator, "Laptop set to next year", None)
        .await;
    let right = server.enroll(Role::Coordinator, "Office", None).await;
    let child = first(&all, |r| match r {
        Record::Child(c) => Some(c.clone()),
        _ => None,
    });
    let a_year = 365 * 24 * 3600 * 1000;

    let mut future = child.clone();
    future.needs = "Written by the laptop with a wrong date".into();
    let answer = server
        .sync(
            &ahead.token,
            None,
            vec![op(
                1,
                a_year,
                Change::Put {
                    record: Record::Child(future),
                },
            )],
        )
        .await;
    assert!(matches!(answer.results[0].outcome, Outcome::Applied));
    // The server's clock did not jump a year ahead with it.
    assert!(answer.clock.millis <= test_now().timestamp_millis() + 5 * 60 * 1000);

    // An edit made a second later by a device with the right date wins.
    let mut later = child.clone();
    later.needs = "Written a second later, at the office".into();
    let mut edit = op(
        1,
        1_000,
        Change::Put {
            record: Record::Child(later.clone()),
        },
    );
    edit.hlc.node = "office".into();
    let answer = server.sync(&right.token, None, vec![edit]).await;
    assert!(matches!(answer.results[0].outcome, Outcome::Applied));
    let stored = answer
        .changes
        .iter()
        .find_map(|r| match r {
            Record::Child(c) if c.id == child.id => Some(c.clone()),
            _ => None,
        })
        .expect("the child is in the coordinator's pull");
    assert_eq!(stored.needs, later.needs);
}
