//! The server tells connected devices that something changed: a step logged
//! on a volunteer's phone reaches the coordinator's open stream, the phone
//! is not told about its own change, a coordinator's edit reaches the phone,
//! and a device without a valid token gets no stream.
#![cfg(feature = "server")]

mod server_support;

use chrono::{DateTime, Duration, Utc};
use futures_util::StreamExt;
use itinerances::demo::generated_network;
use itinerances::domain::*;
use itinerances::protocol::*;
use itinerances::sync::live::EventReader;
use reqwest::StatusCode;
use server_support::{test_now, TestServer};

fn op(seq: u64, at: DateTime<Utc>, change: Change) -> Operation {
    Operation {
        op_id: OpId(format!("live-{seq}")),
        seq,
        hlc: Hlc {
            millis: at.timestamp_millis(),
            counter: 0,
            node: "device".into(),
        },
        at,
        change,
    }
}

/// An open event stream, read piece by piece.
struct Listening {
    stream: std::pin::Pin<Box<dyn futures_util::Stream<Item = reqwest::Result<Vec<u8>>>>>,
    reader: EventReader,
    text: String,
}

impl Listening {
    async fn open(server: &TestServer, token: &str) -> Listening {
        let response = server
            .client
            .get(format!("{}/api/v1/events", server.url))
            .bearer_auth(token)
            .send()
            .await
            .expect("the server answers");
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok()),
            Some("text/event-stream")
        );
        let mut listening = Listening {
            stream: Box::pin(response.bytes_stream().map(|r| r.map(|b| b.to_vec()))),
            reader: EventReader::default(),
            text: String::new(),
        };
        // The stream says it listens before anything else: from then on no
        // change can be missed.
        while !listening.text.contains(": listening") {
            listening.read().await;
        }
        listening
    }

    /// Reads until a change is announced; gives the generation it carries.
    async fn next_change(&mut self) -> u64 {
        loop {
            let before = self.text.len();
            if self.read().await > 0 {
                let block = &self.text[before..];
                let data = block
                    .lines()
                    .find_map(|l| l.strip_prefix("data: "))
                    .expect("a change carries a number");
                return data.trim().parse().expect("a number");
            }
        }
    }

    async fn read(&mut self) -> usize {
        let piece = tokio::time::timeout(std::time::Duration::from_secs(30), self.stream.next())
            .await
            .expect("the stream moves within 30 s")
            .expect("the stream stays open")
            .expect("the stream reads");
        self.text.push_str(&String::from_utf8_lossy(&piece));
        self.reader.push(&piece).expect("readable events")
    }
}

#[tokio::test]
async fn a_step_on_a_phone_reaches_the_office_and_an_office_edit_reaches_the_phone() {
    let network = generated_network(77, 2, 3, 30, test_now().date_naive());
    let trip = network
        .records
        .iter()
        .find_map(|r| match r {
            Record::Trip(t) if t.volunteer_id.is_some() && t.visit_start > test_now() => {
                Some(t.clone())
            }
            _ => None,
        })
        .expect("an assigned trip");
    let volunteer = trip.volunteer_id.clone().expect("assigned");
    let server = TestServer::start(network.records).await;
    let now = test_now() + Duration::minutes(1);
    server.set_now(now);
    let office = server.enroll(Role::Coordinator, "Office", None).await;
    let phone = server
        .enroll(Role::Volunteer, "Anne", Some(volunteer.as_str()))
        .await;
    let mut office_stream = Listening::open(&server, &office.token).await;
    let mut phone_stream = Listening::open(&server, &phone.token).await;

    // The phone logs a step: the office is told, the phone is not.
    let step = Change::LogEvent {
        event: TripEvent {
            id: EventId::from("live-step"),
            trip_id: trip.id.clone(),
            kind: EventKind::PickedUp,
            at: now,
            author: Author::Volunteer(volunteer.clone()),
            note: String::new(),
        },
    };
    let answer = server
        .sync(&phone.token, None, vec![op(1, now, step)])
        .await;
    assert!(matches!(answer.results[0].outcome, Outcome::Applied));
    let first = office_stream.next_change().await;

    // The office moves the trip's meeting place: the phone is told, and the
    // first change it hears of is this one, not its own.
    let mut moved = trip.clone();
    moved.pickup.address = "Gare de Namur, sortie principale".to_owned();
    let answer = server
        .sync(
            &office.token,
            None,
            vec![op(
                1,
                now,
                Change::Put {
                    record: Record::Trip(moved),
                },
            )],
        )
        .await;
    assert!(matches!(answer.results[0].outcome, Outcome::Applied));
    let heard = phone_stream.next_change().await;
    assert!(
        heard > first,
        "the phone heard {heard}, its own step was {first}"
    );
    // A sync that changes nothing announces nothing: the next change the
    // office hears is the phone's next step.
    server.sync(&phone.token, None, Vec::new()).await;
    let step = Change::LogEvent {
        event: TripEvent {
            id: EventId::from("live-step-2"),
            trip_id: trip.id.clone(),
            kind: EventKind::Arrived,
            at: now,
            author: Author::Volunteer(volunteer),
            note: String::new(),
        },
    };
    server
        .sync(&phone.token, None, vec![op(2, now, step)])
        .await;
    assert_eq!(office_stream.next_change().await, first + 2);
}

#[tokio::test]
async fn no_stream_without_a_valid_token() {
    let server = TestServer::start(Vec::new()).await;
    for token in [None, Some("not-a-token")] {
        let mut request = server.client.get(format!("{}/api/v1/events", server.url));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("the server answers");
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
}
