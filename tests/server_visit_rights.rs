//! A forbidden visit right blocks a trip on the server too: a coordinator's
//! device that saves such a trip gets it refused, with the reason in words;
//! allowed visits and visits before a decision takes effect go through.
#![cfg(feature = "server")]
#![allow(clippy::unwrap_used)]

mod server_support;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use itinerances::demo::generated_network;
use itinerances::domain::*;
use itinerances::protocol::*;
use server_support::{test_now, TestServer};

fn office_time() -> DateTime<Utc> {
    test_now() + Duration::minutes(1)
}

fn op(seq: u64, change: Change) -> Operation {
    let at = office_time();
    Operation {
        op_id: OpId(format!("op-{seq}")),
        seq,
        hlc: Hlc {
            millis: at.timestamp_millis(),
            counter: seq as u32,
            node: "office".into(),
        },
        at,
        change,
    }
}

fn put(seq: u64, record: Record) -> Operation {
    op(seq, Change::Put { record })
}

/// A network on a server, one of its future trips, and a coordinator's token.
async fn scene() -> (TestServer, Trip, String) {
    let network = generated_network(7, 2, 3, 30, test_now().date_naive());
    let trip = network
        .records
        .iter()
        .find_map(|r| match r {
            Record::Trip(t)
                if t.visit_start > test_now() + Duration::days(2)
                    && t.visit_start < test_now() + Duration::days(40) =>
            {
                Some(t.clone())
            }
            _ => None,
        })
        .unwrap();
    let server = TestServer::start(network.records).await;
    server.set_now(office_time());
    let office = server.enroll(Role::Coordinator, "Office", None).await;
    (server, trip, office.token)
}

fn forbidding(id: &str, trip: &Trip, from: NaiveDate) -> Record {
    Record::VisitRight(VisitRight {
        id: VisitRightId::from(id),
        child_id: trip.children[0].clone(),
        parent_id: trip.parent_id.clone(),
        allowed: false,
        decided_by: DecidedBy::YouthCourt,
        format: VisitFormat {
            collective: false,
            supervised: true,
        },
        rhythm: Rhythm {
            visits: 1,
            per: RhythmPeriod::Month,
        },
        valid_from: from,
        valid_until: None,
        reference: "Example decision".into(),
    })
}

/// The same trip, under another id, `days` later.
fn moved(trip: &Trip, id: &str, days: i64) -> Trip {
    let mut t = trip.clone();
    t.id = TripId::from(id);
    t.visit_start += Duration::days(days);
    t.visit_end += Duration::days(days);
    t.pickup_time = t.pickup_time.map(|p| p + Duration::days(days));
    t.volunteer_id = None;
    t
}

fn stored(server: &TestServer, id: &TripId) -> Option<Record> {
    server
        .state
        .record(&RecordKey::new(RecordKind::Trip, id.as_str()))
        .unwrap()
}

#[tokio::test]
async fn a_trip_with_a_forbidden_visit_right_is_refused_by_the_server() {
    let (server, trip, token) = scene().await;
    let day = trip.visit_day();
    let forbidden_trip = moved(&trip, "trip-forbidden", 0);
    let answer = server
        .sync(
            &token,
            None,
            vec![
                put(1, forbidding("right-forbidden", &trip, day)),
                put(2, Record::Trip(forbidden_trip.clone())),
            ],
        )
        .await;
    assert_eq!(answer.results[0].outcome, Outcome::Applied);
    match &answer.results[1].outcome {
        Outcome::Rejected { code, message } => {
            assert_eq!(*code, RejectCode::Forbidden);
            assert!(message.contains("forbidden"), "{message}");
            assert!(message.contains(trip.children[0].as_str()), "{message}");
        }
        Outcome::Applied => panic!("a trip with a forbidden visit was saved"),
    }
    assert_eq!(stored(&server, &forbidden_trip.id), None);

    // Editing the existing trip of that day (a new room, a new time) is
    // refused too, and the trip stays as it was.
    let mut edited = trip.clone();
    edited.travel_minutes = Some(55);
    let answer = server
        .sync(&token, None, vec![put(3, Record::Trip(edited))])
        .await;
    assert!(matches!(
        answer.results[0].outcome,
        Outcome::Rejected {
            code: RejectCode::Forbidden,
            ..
        }
    ));
    match stored(&server, &trip.id) {
        Some(Record::Trip(kept)) => assert_eq!(kept.travel_minutes, trip.travel_minutes),
        other => panic!("the trip is gone: {other:?}"),
    }
}

#[tokio::test]
async fn an_allowed_visit_is_saved_and_a_later_decision_does_not_block_an_earlier_trip() {
    let (server, trip, token) = scene().await;
    let day = trip.visit_day();
    // Visits are forbidden from ten days after the trip.
    let before = moved(&trip, "trip-before", 0);
    let after = moved(&trip, "trip-after", 14);
    let answer = server
        .sync(
            &token,
            None,
            vec![
                put(1, Record::Trip(moved(&trip, "trip-allowed", 1))),
                put(
                    2,
                    forbidding("right-later", &trip, day + Duration::days(10)),
                ),
                put(3, Record::Trip(before.clone())),
                put(4, Record::Trip(after.clone())),
            ],
        )
        .await;
    assert_eq!(answer.results[0].outcome, Outcome::Applied, "allowed");
    assert_eq!(answer.results[1].outcome, Outcome::Applied, "the decision");
    assert_eq!(
        answer.results[2].outcome,
        Outcome::Applied,
        "a trip before the decision takes effect"
    );
    assert!(
        matches!(
            answer.results[3].outcome,
            Outcome::Rejected {
                code: RejectCode::Forbidden,
                ..
            }
        ),
        "a trip after the decision: {:?}",
        answer.results[3].outcome
    );
    assert!(matches!(stored(&server, &before.id), Some(Record::Trip(_))));
    assert_eq!(stored(&server, &after.id), None);
}
