//! Idle syncs answered from the device's last idle answer: nothing is missed
//! when another device writes, nor when time brings a trip into the
//! volunteer's window.
#![cfg(feature = "server")]

mod server_support;

use chrono::Duration;
use itinerances::demo::generated_network;
use itinerances::domain::*;
use itinerances::protocol::*;
use server_support::{test_now, TestServer};

fn op(seq: u64, change: Change) -> Operation {
    let at = test_now() + Duration::minutes(1);
    Operation {
        op_id: OpId(format!("quiet-{seq}")),
        seq,
        hlc: Hlc {
            millis: at.timestamp_millis(),
            counter: 0,
            node: "office".into(),
        },
        at,
        change,
    }
}

#[tokio::test]
async fn an_idle_answer_is_reused_only_while_nothing_moved() {
    let mut network = generated_network(21, 2, 3, 30, test_now().date_naive());
    // One of the volunteer's trips starts just beyond the phone's window
    // (120 days ahead): it enters the window two minutes from now.
    let window = itinerances::server::ScopeWindow::default();
    let mut far_trip = None;
    for record in &mut network.records {
        if let Record::Trip(t) = record {
            if t.volunteer_id.is_some() && far_trip.is_none() {
                let start = test_now() + Duration::days(window.future_days) + Duration::minutes(2);
                t.visit_end = start + (t.visit_end - t.visit_start);
                t.visit_start = start;
                far_trip = Some(t.clone());
            }
        }
    }
    let far_trip = far_trip.expect("an assigned trip");
    let volunteer = far_trip.volunteer_id.clone().expect("assigned");
    let prison = network
        .records
        .iter()
        .find_map(|r| match r {
            Record::Prison(p) => Some(p.clone()),
            _ => None,
        })
        .expect("a prison");
    let server = TestServer::start(network.records).await;
    server.set_now(test_now() + Duration::minutes(1));
    let phone = server
        .enroll(Role::Volunteer, "Anne", Some(volunteer.as_str()))
        .await;
    let office = server.enroll(Role::Coordinator, "Office", None).await;
    let holds =
        |answer: &SyncResponse, key: &RecordKey| answer.changes.iter().any(|r| &r.key() == key);
    let far_key = RecordKey::new(RecordKind::Trip, far_trip.id.as_str());

    let first = server.sync(&phone.token, None, Vec::new()).await;
    assert!(
        !holds(&first, &far_key),
        "the far trip is not in the window yet"
    );
    let mut cursor = first.cursor;
    for _ in 0..3 {
        let idle = server.sync(&phone.token, Some(cursor), Vec::new()).await;
        assert!(idle.changes.is_empty() && idle.removed.is_empty() && !idle.reset);
        assert_eq!(idle.cursor, cursor);
        cursor = idle.cursor;
    }

    // Another device writes: the next idle sync brings it.
    let mut renamed = prison.clone();
    renamed.lockers = "Casiers à gauche de l'accueil (exemple)".to_owned();
    let written = server
        .sync(
            &office.token,
            None,
            vec![op(
                1,
                Change::Put {
                    record: Record::Prison(renamed.clone()),
                },
            )],
        )
        .await;
    assert!(matches!(written.results[0].outcome, Outcome::Applied));
    let idle = server.sync(&phone.token, Some(cursor), Vec::new()).await;
    assert!(
        idle.changes.contains(&Record::Prison(renamed)),
        "the prison's new text reaches the phone"
    );
    cursor = idle.cursor;
    let idle = server.sync(&phone.token, Some(cursor), Vec::new()).await;
    assert!(idle.changes.is_empty());
    cursor = idle.cursor;

    // Three minutes later, with nothing written, the far trip has entered
    // the window: the idle sync brings it.
    server.set_now(test_now() + Duration::minutes(4));
    let idle = server.sync(&phone.token, Some(cursor), Vec::new()).await;
    assert!(
        holds(&idle, &far_key),
        "the trip that entered the window reaches the phone"
    );
}

fn step(id: &str, trip: &Trip, author: Author, minutes: i64) -> Change {
    Change::LogEvent {
        event: TripEvent {
            id: EventId::from(id),
            trip_id: trip.id.clone(),
            kind: EventKind::PickedUp,
            at: test_now() + Duration::minutes(minutes),
            author,
            note: String::new(),
        },
    }
}

#[tokio::test]
async fn another_volunteers_steps_leave_the_answer_and_a_step_on_my_trip_reaches_me() {
    let network = generated_network(22, 3, 4, 40, test_now().date_naive());
    // Two volunteers, each with a trip of the coming weeks.
    let soon =
        |t: &&Trip| t.visit_start > test_now() && t.visit_start < test_now() + Duration::days(30);
    let trips: Vec<&Trip> = network
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Trip(t) if t.volunteer_id.is_some() => Some(t),
            _ => None,
        })
        .filter(soon)
        .collect();
    let mine = (*trips.first().expect("a trip in the coming weeks")).clone();
    let anne = mine.volunteer_id.clone().expect("assigned");
    let theirs = trips
        .iter()
        .find(|t| t.volunteer_id.as_ref() != Some(&anne))
        .map(|t| (*t).clone())
        .expect("another volunteer's trip");
    let bram = theirs.volunteer_id.clone().expect("assigned");
    let server = TestServer::start(network.records).await;
    server.set_now(test_now() + Duration::minutes(1));
    let anne_phone = server
        .enroll(Role::Volunteer, "Anne", Some(anne.as_str()))
        .await;
    let bram_phone = server
        .enroll(Role::Volunteer, "Bram", Some(bram.as_str()))
        .await;
    let office = server.enroll(Role::Coordinator, "Office", None).await;

    let first = server.sync(&anne_phone.token, None, Vec::new()).await;
    let mut cursor = first.cursor;
    let idle = server
        .sync(&anne_phone.token, Some(cursor), Vec::new())
        .await;
    assert_eq!(idle.cursor, cursor);

    // Bram logs steps on his own trip: Anne's phone has nothing new, and its
    // answer does not move.
    for n in 0..3 {
        let mut op = op(
            n + 1,
            step(
                &format!("bram-{n}"),
                &theirs,
                Author::Volunteer(bram.clone()),
                2,
            ),
        );
        op.op_id = OpId(format!("bram-op-{n}"));
        let written = server.sync(&bram_phone.token, None, vec![op]).await;
        assert!(matches!(written.results[0].outcome, Outcome::Applied));
        let idle = server
            .sync(&anne_phone.token, Some(cursor), Vec::new())
            .await;
        assert!(
            idle.changes.is_empty() && idle.removed.is_empty() && !idle.reset,
            "another volunteer's step is not sent to Anne's phone"
        );
        cursor = idle.cursor;
    }

    // The office adds a step to Anne's trip, in its own name: her next idle
    // sync brings it.
    let written = server
        .sync(
            &office.token,
            None,
            vec![op(
                1,
                step("office-1", &mine, Author::Coordinator("Office".into()), 3),
            )],
        )
        .await;
    assert!(matches!(written.results[0].outcome, Outcome::Applied));
    let idle = server
        .sync(&anne_phone.token, Some(cursor), Vec::new())
        .await;
    assert!(
        idle.changes
            .iter()
            .any(|r| matches!(r, Record::Event(e) if e.id.as_str() == "office-1")),
        "the step on Anne's own trip reaches her phone"
    );
    assert!(
        !idle
            .changes
            .iter()
            .any(|r| matches!(r, Record::Event(e) if e.trip_id == theirs.id)),
        "Bram's steps never reach Anne's phone"
    );
}
