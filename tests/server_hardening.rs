//! The server under attack: a forged clock, a coordinator rewriting history,
//! a flood of refused operations, a burst of guessed codes, impossible
//! values, a forgotten phone, and idle syncs that must write nothing.
#![cfg(feature = "server")]

mod server_support;

use chrono::{DateTime, Duration, TimeZone, Utc};
use itinerances::demo::generated_network;
use itinerances::domain::*;
use itinerances::protocol::*;
use itinerances::server::AuditEntry;
use reqwest::StatusCode;
use server_support::{api_error, test_now, TestServer};
use std::path::Path;

/// The server's clock in these tests: a minute after the demo records were
/// imported, so that edits come after the import.
fn office_time() -> DateTime<Utc> {
    test_now() + Duration::minutes(1)
}

fn op(seq: u64, at: DateTime<Utc>, change: Change) -> Operation {
    Operation {
        op_id: OpId(format!("op-{seq}")),
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

fn outcome_code(result: &OpResult) -> Option<RejectCode> {
    match &result.outcome {
        Outcome::Applied => None,
        Outcome::Rejected { code, message } => {
            assert!(!message.is_empty());
            Some(*code)
        }
    }
}

fn message(result: &OpResult) -> String {
    match &result.outcome {
        Outcome::Applied => String::new(),
        Outcome::Rejected { message, .. } => message.clone(),
    }
}

/// A network, its server, and a volunteer with trips in the coming weeks.
struct Scene {
    server: TestServer,
    volunteer: VolunteerId,
    other_volunteer: VolunteerId,
    trip: Trip,
    someone_elses_trip: Trip,
}

async fn scene(seed: u64) -> Scene {
    let network = generated_network(seed, 2, 3, 30, test_now().date_naive());
    let trips: Vec<Trip> = network
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Trip(t)
                if t.volunteer_id.is_some()
                    && t.visit_start > test_now()
                    && t.visit_start < test_now() + Duration::days(60) =>
            {
                Some(t.clone())
            }
            _ => None,
        })
        .collect();
    let trip = trips[0].clone();
    let volunteer = trip.volunteer_id.clone().expect("assigned");
    let someone_elses_trip = trips
        .iter()
        .find(|t| t.volunteer_id.as_ref() != Some(&volunteer))
        .expect("a trip of another volunteer")
        .clone();
    let other_volunteer = someone_elses_trip.volunteer_id.clone().expect("assigned");
    let server = TestServer::start(network.records).await;
    server.set_now(office_time());
    Scene {
        server,
        volunteer,
        other_volunteer,
        trip,
        someone_elses_trip,
    }
}

fn step(id: &str, trip: &Trip, author: Author, at: DateTime<Utc>) -> Change {
    Change::LogEvent {
        event: TripEvent {
            id: EventId::from(id),
            trip_id: trip.id.clone(),
            kind: EventKind::PickedUp,
            at,
            author,
            note: String::new(),
        },
    }
}

fn report(trip: &Trip, author: Author, kilometres: u32, at: DateTime<Utc>) -> TripReport {
    TripReport {
        trip_id: trip.id.clone(),
        author,
        mood_before: Mood::Calm,
        mood_after: Mood::Happy,
        contact: Contact::Warm,
        incidents: String::new(),
        kilometres,
        text: String::new(),
        written_at: at,
    }
}

fn stored_trip(server: &TestServer, trip: &Trip) -> Trip {
    match server
        .state
        .record(&RecordKey::new(RecordKind::Trip, trip.id.as_str()))
        .expect("the server answers")
    {
        Some(Record::Trip(t)) => t,
        other => panic!("no trip: {other:?}"),
    }
}

fn stored_report(server: &TestServer, trip: &Trip) -> TripReport {
    match server
        .state
        .record(&RecordKey::new(RecordKind::Report, trip.id.as_str()))
        .expect("the server answers")
    {
        Some(Record::Report(r)) => r,
        other => panic!("no report: {other:?}"),
    }
}

async fn audit(server: &TestServer, token: &str, query: &str) -> Vec<AuditEntry> {
    let response = server
        .client
        .get(format!("{}/api/v1/audit?{query}", server.url))
        .bearer_auth(token)
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("audit rows")
}

#[tokio::test]
async fn a_refused_stamp_from_the_future_moves_no_clock_and_the_later_assignment_wins() {
    let s = scene(41).await;
    let now = office_time();
    let phone = s
        .server
        .enroll(Role::Volunteer, "Hostile", Some(s.volunteer.as_str()))
        .await;
    let office = s.server.enroll(Role::Coordinator, "Office", None).await;
    let home = s.server.enroll(Role::Coordinator, "Home", None).await;

    // A volunteer's phone tries to take a trip (refused), stamped ten minutes
    // ahead, with the counter at its maximum and a node that sorts last.
    let mut forged = op(
        1,
        now + Duration::minutes(10),
        Change::Assign {
            trip_id: s.trip.id.clone(),
            volunteer_id: Some(s.volunteer.clone()),
        },
    );
    forged.hlc.counter = u32::MAX;
    forged.hlc.node = "~~~~~~~~".into();
    for _ in 0..2 {
        // Sent twice: the replay gets the same answer and moves nothing either.
        let answer = s
            .server
            .sync(&phone.token, None, vec![forged.clone()])
            .await;
        assert_eq!(
            outcome_code(&answer.results[0]),
            Some(RejectCode::Forbidden)
        );
        assert!(
            answer.clock.millis <= now.timestamp_millis(),
            "the server's clock stays at its own time"
        );
    }

    // Two coordinators reassign the trip three seconds apart.
    let first = op(
        1,
        now,
        Change::Assign {
            trip_id: s.trip.id.clone(),
            volunteer_id: Some(s.other_volunteer.clone()),
        },
    );
    let answer = s.server.sync(&office.token, None, vec![first]).await;
    assert_eq!(answer.results[0].outcome, Outcome::Applied);
    assert!(answer.clock.millis <= now.timestamp_millis());
    assert_eq!(
        stored_trip(&s.server, &s.trip).volunteer_id,
        Some(s.other_volunteer.clone())
    );

    let later = now + Duration::seconds(3);
    s.server.set_now(later);
    let second = op(
        1,
        later,
        Change::Assign {
            trip_id: s.trip.id.clone(),
            volunteer_id: None,
        },
    );
    let answer = s.server.sync(&home.token, None, vec![second]).await;
    assert_eq!(
        answer.results[0].outcome,
        Outcome::Applied,
        "the later assignment is applied, and says so truly"
    );
    assert_eq!(stored_trip(&s.server, &s.trip).volunteer_id, None);
    let seen_by_office = answer
        .changes
        .iter()
        .any(|r| matches!(r, Record::Trip(t) if t.id == s.trip.id && t.volunteer_id.is_none()));
    assert!(
        seen_by_office,
        "the coordinator's pull shows the trip as it is"
    );
}

#[tokio::test]
async fn a_coordinators_correction_is_never_lost_to_a_phones_clock() {
    let s = scene(42).await;
    let now = office_time();
    let phone = s
        .server
        .enroll(Role::Volunteer, "Marie", Some(s.volunteer.as_str()))
        .await;
    let office = s.server.enroll(Role::Coordinator, "Office", None).await;
    let mine = Author::Volunteer(s.volunteer.clone());

    // The phone's date runs ten minutes fast; its report is taken.
    let ahead = now + Duration::minutes(10);
    let sent = op(
        1,
        ahead,
        Change::SubmitReport {
            report: report(&s.trip, mine.clone(), 40, now),
        },
    );
    let first = s.server.sync(&phone.token, None, vec![sent]).await;
    assert_eq!(first.results[0].outcome, Outcome::Applied);

    // A second later the coordinator corrects the kilometres, in their name.
    let correction_time = now + Duration::seconds(1);
    s.server.set_now(correction_time);
    let corrected = report(
        &s.trip,
        Author::Coordinator("Office".into()),
        48,
        correction_time,
    );
    let answer = s
        .server
        .sync(
            &office.token,
            None,
            vec![op(
                1,
                correction_time,
                Change::SubmitReport {
                    report: corrected.clone(),
                },
            )],
        )
        .await;
    assert_eq!(answer.results[0].outcome, Outcome::Applied);
    assert_eq!(stored_report(&s.server, &s.trip), corrected);

    // An edit the phone made before the correction, sent late, loses and
    // is told so; the phone then holds the corrected report.
    let late = op(
        2,
        now - Duration::seconds(30),
        Change::SubmitReport {
            report: report(&s.trip, mine, 41, now),
        },
    );
    let answer = s
        .server
        .sync(&phone.token, Some(first.cursor), vec![late])
        .await;
    assert_eq!(
        outcome_code(&answer.results[0]),
        Some(RejectCode::Superseded)
    );
    assert!(answer.changes.contains(&Record::Report(corrected.clone())));
    assert_eq!(stored_report(&s.server, &s.trip).kilometres, 48);

    let rows = audit(&s.server, &office.token, "kind=report").await;
    assert!(
        rows.iter()
            .any(|r| r.detail.contains("corrects the report of volunteer")),
        "{rows:?}"
    );
}

#[tokio::test]
async fn coordinators_never_write_in_a_volunteers_name_nor_erase_a_step() {
    let s = scene(43).await;
    let now = office_time();
    let phone = s
        .server
        .enroll(Role::Volunteer, "Marie", Some(s.volunteer.as_str()))
        .await;
    let office = s.server.enroll(Role::Coordinator, "Office", None).await;
    let mine = Author::Volunteer(s.volunteer.clone());
    let answer = s
        .server
        .sync(
            &phone.token,
            None,
            vec![
                op(1, now, step("ev-vol", &s.trip, mine.clone(), now)),
                op(
                    2,
                    now,
                    Change::SubmitReport {
                        report: report(&s.trip, mine.clone(), 30, now),
                    },
                ),
            ],
        )
        .await;
    assert!(answer.results.iter().all(|r| r.outcome == Outcome::Applied));

    let later = now + Duration::seconds(5);
    s.server.set_now(later);
    let answer = s
        .server
        .sync(
            &office.token,
            None,
            vec![
                op(1, later, step("ev-forged", &s.trip, mine.clone(), later)),
                op(
                    2,
                    later,
                    step(
                        "ev-other",
                        &s.trip,
                        Author::Coordinator("Another coordinator".into()),
                        later,
                    ),
                ),
                op(
                    3,
                    later,
                    Change::SubmitReport {
                        report: report(&s.trip, mine.clone(), 99, later),
                    },
                ),
                op(
                    4,
                    later,
                    Change::Put {
                        record: Record::Report(report(&s.trip, mine, 99, later)),
                    },
                ),
                op(
                    5,
                    later,
                    Change::Delete {
                        key: RecordKey::new(RecordKind::Event, "ev-vol"),
                    },
                ),
                op(
                    6,
                    later,
                    Change::Delete {
                        key: RecordKey::new(RecordKind::Report, s.trip.id.as_str()),
                    },
                ),
                op(
                    7,
                    later,
                    step(
                        "ev-office",
                        &s.trip,
                        Author::Coordinator("Office".into()),
                        later,
                    ),
                ),
            ],
        )
        .await;
    let r = &answer.results;
    for refused in &r[..6] {
        assert_eq!(
            outcome_code(refused),
            Some(RejectCode::Forbidden),
            "op {}",
            refused.seq
        );
    }
    assert!(message(&r[0]).contains("your own name (\"Office\")"));
    assert_eq!(
        r[6].outcome,
        Outcome::Applied,
        "a correction in the coordinator's own name"
    );
    assert!(s
        .server
        .state
        .record(&RecordKey::new(RecordKind::Event, "ev-vol"))
        .expect("the server answers")
        .is_some());
    assert_eq!(stored_report(&s.server, &s.trip).kilometres, 30);
}

fn database_size(path: &Path) -> (u64, i64) {
    let conn = rusqlite::Connection::open(path).expect("open the server's database");
    let _: (i64, i64, i64) = conn
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .expect("checkpoint");
    let pages: i64 = conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .expect("page count");
    let page_size: i64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .expect("page size");
    let outcomes: i64 = conn
        .query_row("SELECT COUNT(*) FROM applied_ops", [], |r| r.get(0))
        .expect("count outcomes");
    (u64::try_from(pages * page_size).unwrap_or(0), outcomes)
}

#[tokio::test]
async fn refused_operations_and_long_values_do_not_fill_the_disk() {
    let s = scene(44).await;
    let now = office_time();
    let phone = s
        .server
        .enroll(Role::Volunteer, "Hostile", Some(s.volunteer.as_str()))
        .await;
    let office = s.server.enroll(Role::Coordinator, "Office", None).await;
    let (size_before, _) = database_size(&s.server.db_path);

    // An id far beyond any real one is refused whole, in words.
    let mut long_id = op(
        1,
        now,
        step("ev-x", &s.trip, Author::Coordinator("Office".into()), now),
    );
    long_id.op_id = OpId("x".repeat(100_000));
    let request = SyncRequest {
        version: PROTOCOL_VERSION,
        cursor: None,
        ops: vec![long_id],
    };
    let (status, error) = api_error(s.server.sync_raw(&office.token, &request).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(error.message.contains("wrong id"), "{}", error.message);

    // A coordinator's name of 100,000 characters is refused.
    let long_name = op(
        1,
        now,
        step(
            "ev-y",
            &s.trip,
            Author::Coordinator("O".repeat(100_000)),
            now,
        ),
    );
    let answer = s.server.sync(&office.token, None, vec![long_name]).await;
    assert_eq!(outcome_code(&answer.results[0]), Some(RejectCode::Invalid));

    // Twenty requests of 400 refused steps each (someone else's trip), each
    // with a long note and a long clock node.
    let mut sent_bytes = 0;
    let mut seq = 0;
    for _ in 0..20 {
        let ops: Vec<Operation> = (0..400)
            .map(|_| {
                seq += 1;
                let mut o = op(
                    seq,
                    now,
                    Change::LogEvent {
                        event: TripEvent {
                            id: EventId(format!("flood-{seq}")),
                            trip_id: s.someone_elses_trip.id.clone(),
                            kind: EventKind::Arrived,
                            at: now,
                            author: Author::Volunteer(s.volunteer.clone()),
                            note: "n".repeat(1000),
                        },
                    },
                );
                o.hlc.node = "z".repeat(500);
                o
            })
            .collect();
        let request = SyncRequest {
            version: PROTOCOL_VERSION,
            cursor: None,
            ops,
        };
        sent_bytes += serde_json::to_vec(&request).expect("serializes").len();
        let response = s.server.sync_raw(&phone.token, &request).await;
        assert_eq!(response.status(), StatusCode::OK);
        let answer: SyncResponse = response.json().await.expect("an answer");
        assert!(answer
            .results
            .iter()
            .all(|r| outcome_code(r) == Some(RejectCode::Forbidden)));
    }
    let (size_after, outcomes) = database_size(&s.server.db_path);
    assert!(sent_bytes > 8_000_000, "{sent_bytes} bytes sent");
    assert!(
        size_after < size_before + 512 * 1024,
        "the database grew from {size_before} to {size_after} bytes for {sent_bytes} bytes refused"
    );
    assert!(
        outcomes <= 400 + 10,
        "{outcomes} outcomes kept: those the phone was answered about are pruned"
    );

    // An old copy of an answered operation is not applied again.
    let old = op(
        1,
        now,
        step(
            "ev-old",
            &s.trip,
            Author::Volunteer(s.volunteer.clone()),
            now,
        ),
    );
    let answer = s.server.sync(&phone.token, None, vec![old]).await;
    assert_eq!(answer.results[0].outcome, Outcome::Applied);
    assert!(s
        .server
        .state
        .record(&RecordKey::new(RecordKind::Event, "ev-old"))
        .expect("the server answers")
        .is_none());
}

#[tokio::test]
async fn a_burst_of_wrong_codes_stops_at_the_limit() {
    // Room for the whole burst on one address: what is tested here is the
    // count of wrong codes, not the cap on connections.
    let network = generated_network(45, 1, 2, 6, test_now().date_naive());
    let server = TestServer::start_configured(network.records, |options| {
        options.connection_limits.max_per_address = 1000;
        options.connection_limits.max_connections = 1000;
    })
    .await;
    let mut tries = Vec::new();
    for i in 0..200 {
        let client = server.client.clone();
        let url = format!("{}/api/v1/enroll", server.url);
        tries.push(tokio::spawn(async move {
            client
                .post(url)
                .json(&EnrollRequest {
                    code: format!("ABCD-{:04}", 2222 + i % 7000)
                        .replace('0', "2")
                        .replace('1', "3"),
                    device_name: "Guess".into(),
                })
                .send()
                .await
                .expect("the server answers")
                .status()
        }));
    }
    let mut wrong = 0;
    let mut waited = 0;
    for t in tries {
        match t.await.expect("task") {
            StatusCode::UNAUTHORIZED => wrong += 1,
            StatusCode::TOO_MANY_REQUESTS => waited += 1,
            other => panic!("unexpected {other}"),
        }
    }
    assert!(wrong <= 10, "{wrong} codes were checked");
    assert_eq!(wrong + waited, 200);

    // Even a right code waits now, from that address.
    let code = server
        .state
        .create_enrollment_code(Role::Coordinator, "Office", None)
        .expect("a code");
    let response = server
        .client
        .post(format!("{}/api/v1/enroll", server.url))
        .json(&EnrollRequest {
            code: code.code,
            device_name: "Office".into(),
        })
        .send()
        .await
        .expect("the server answers");
    let (status, error) = api_error(response).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(error.message.contains("Wait"), "{}", error.message);
}

#[tokio::test]
async fn the_audit_says_who_gave_codes_enrolled_revoked_and_read_trips_and_steps() {
    let s = scene(46).await;
    let now = office_time();
    let office = s.server.enroll(Role::Coordinator, "Office", None).await;
    let response = s
        .server
        .client
        .post(format!("{}/api/v1/enrollment-codes", s.server.url))
        .bearer_auth(&office.token)
        .json(&CreateCodeRequest {
            role: Role::Volunteer,
            display_name: "Marie".into(),
            volunteer_id: Some(s.volunteer.clone()),
            server_url: None,
        })
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), StatusCode::OK);
    let code: CreateCodeResponse = response.json().await.expect("a code");
    let response = s
        .server
        .client
        .post(format!("{}/api/v1/enroll", s.server.url))
        .json(&EnrollRequest {
            code: code.code,
            device_name: "Marie's phone".into(),
        })
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), StatusCode::OK);
    let phone: EnrollResponse = response.json().await.expect("enrolled");
    let mine = Author::Volunteer(s.volunteer.clone());
    let first = s
        .server
        .sync(
            &phone.token,
            None,
            vec![op(1, now, step("ev-1", &s.trip, mine, now))],
        )
        .await;
    assert!(first
        .changes
        .iter()
        .any(|r| matches!(r, Record::Event(e) if e.id.as_str() == "ev-1")));
    let response = s
        .server
        .client
        .delete(format!(
            "{}/api/v1/devices/{}",
            s.server.url, phone.device_id
        ))
        .bearer_auth(&office.token)
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), StatusCode::NO_CONTENT);

    let rows = audit(&s.server, &office.token, "limit=1000").await;
    let code_row = rows
        .iter()
        .find(|r| r.kind == "account" && r.account_id == Some(office.account_id.clone()))
        .expect("the code's creation, by the coordinator");
    assert!(
        code_row.detail.contains("volunteer code for Marie"),
        "{}",
        code_row.detail
    );
    let device_rows: Vec<&AuditEntry> = rows
        .iter()
        .filter(|r| r.kind == "device" && r.record_id == phone.device_id.as_str())
        .collect();
    assert!(device_rows
        .iter()
        .any(|r| r.detail.starts_with("enroll volunteer")));
    assert!(device_rows
        .iter()
        .any(|r| r.detail == "revoke" && r.account_id == Some(office.account_id.clone())));
    let reads_by_phone = |kind: &str| {
        rows.iter().any(|r| {
            r.kind == kind
                && r.device_id == Some(phone.device_id.clone())
                && r.action == itinerances::server::AuditAction::Read
        })
    };
    assert!(
        reads_by_phone("trip"),
        "a trip's pickup address is personal"
    );
    assert!(reads_by_phone("event"), "a step's note is personal");

    // The log pages back, newest first, without gaps or repeats.
    let mut seen = Vec::new();
    let mut before: Option<i64> = None;
    loop {
        let query = match before {
            Some(id) => format!("limit=7&before={id}"),
            None => "limit=7".to_owned(),
        };
        let page = audit(&s.server, &office.token, &query).await;
        if page.is_empty() {
            break;
        }
        assert!(page.windows(2).all(|w| w[0].id > w[1].id));
        before = page.last().map(|r| r.id);
        // Each search of the log is itself written in it: those rows come
        // after `rows` was read.
        seen.extend(page.into_iter().filter(|r| r.kind != "audit").map(|r| r.id));
    }
    let all: Vec<i64> = rows
        .iter()
        .filter(|r| r.kind != "audit")
        .map(|r| r.id)
        .collect();
    assert_eq!(seen, all, "paging gives every row once");
    let devices = audit(&s.server, &office.token, "kind=device").await;
    assert!(!devices.is_empty() && devices.iter().all(|r| r.kind == "device"));
}

#[tokio::test]
async fn impossible_values_are_refused_in_words() {
    let s = scene(47).await;
    let now = office_time();
    let phone = s
        .server
        .enroll(Role::Volunteer, "Marie", Some(s.volunteer.as_str()))
        .await;
    let mine = Author::Volunteer(s.volunteer.clone());
    let old = Utc
        .with_ymd_and_hms(1900, 1, 1, 8, 0, 0)
        .single()
        .expect("date");
    let mut hidden = step("ev-3", &s.trip, mine.clone(), now);
    if let Change::LogEvent { event } = &mut hidden {
        event.note = "calme\u{202E}ecnetsixe".into();
    }
    let answer = s
        .server
        .sync(
            &phone.token,
            None,
            vec![
                op(1, now, step("ev-1", &s.trip, mine.clone(), old)),
                op(2, now, step("ev-2", &s.trip, mine, now + Duration::days(3))),
                op(3, now, hidden),
            ],
        )
        .await;
    let r = &answer.results;
    assert!(r
        .iter()
        .all(|r| outcome_code(r) == Some(RejectCode::Invalid)));
    assert!(
        message(&r[0]).contains("not possible"),
        "{}",
        message(&r[0])
    );
    assert!(
        message(&r[1]).contains("in the future"),
        "{}",
        message(&r[1])
    );
    assert!(message(&r[2]).contains("invisible"), "{}", message(&r[2]));

    for seq in [0, i64::MAX as u64 + 1, u64::MAX] {
        let mut o = op(
            4,
            now,
            Change::Assign {
                trip_id: s.trip.id.clone(),
                volunteer_id: None,
            },
        );
        o.seq = seq;
        let request = SyncRequest {
            version: PROTOCOL_VERSION,
            cursor: None,
            ops: vec![o],
        };
        let (status, error) = api_error(s.server.sync_raw(&phone.token, &request).await).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "seq {seq}");
        assert!(
            error.message.contains("sequence number"),
            "{}",
            error.message
        );
    }
}

#[tokio::test]
async fn a_phone_that_does_not_sync_for_the_expiry_period_must_enroll_again() {
    let network = generated_network(48, 1, 2, 6, test_now().date_naive());
    let server = TestServer::start_configured(network.records, |options| {
        options.token_expiry = Duration::days(30);
    })
    .await;
    let forgotten = server.enroll(Role::Coordinator, "Drawer", None).await;
    let used = server.enroll(Role::Coordinator, "Office", None).await;
    server.sync(&forgotten.token, None, Vec::new()).await;
    server.set_now(test_now() + Duration::days(20));
    server.sync(&used.token, None, Vec::new()).await;

    server.set_now(test_now() + Duration::days(31));
    let request = SyncRequest {
        version: PROTOCOL_VERSION,
        cursor: None,
        ops: Vec::new(),
    };
    let (status, error) = api_error(server.sync_raw(&forgotten.token, &request).await).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error.code, "token_expired");
    assert!(
        error.message.contains("enroll it again"),
        "{}",
        error.message
    );
    let still = server.sync_raw(&used.token, &request).await;
    assert_eq!(still.status(), StatusCode::OK, "synced 11 days ago");
}

fn modified(path: &Path) -> Vec<Option<std::time::SystemTime>> {
    ["", "-wal"]
        .iter()
        .map(|suffix| {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            std::fs::metadata(name).and_then(|m| m.modified()).ok()
        })
        .collect()
}

#[tokio::test]
async fn a_sync_with_nothing_new_writes_nothing() {
    let s = scene(49).await;
    let phone = s
        .server
        .enroll(Role::Volunteer, "Marie", Some(s.volunteer.as_str()))
        .await;
    let office = s.server.enroll(Role::Coordinator, "Office", None).await;
    let mut cursors = Vec::new();
    for token in [&phone.token, &office.token] {
        // The first syncs send the scope and settle what the device holds.
        let mut cursor = None;
        for _ in 0..3 {
            cursor = Some(s.server.sync(token, cursor, Vec::new()).await.cursor);
        }
        cursors.push(cursor);
    }
    let before = modified(&s.server.db_path);
    assert!(before.iter().all(Option::is_some), "{before:?}");
    for _ in 0..20 {
        for (token, cursor) in [&phone.token, &office.token].iter().zip(&cursors) {
            let answer = s.server.sync(token, *cursor, Vec::new()).await;
            assert!(answer.changes.is_empty() && answer.removed.is_empty());
            assert_eq!(Some(answer.cursor), *cursor);
        }
    }
    assert_eq!(modified(&s.server.db_path), before, "nothing was written");

    // Something new for the phone is written down (the audit row of the read).
    let mut moved = s.trip.clone();
    moved.pickup.address = "Rue Neuve 1, 1000 Bruxelles".into();
    let later = office_time() + Duration::seconds(1);
    s.server.set_now(later);
    s.server
        .sync(
            &office.token,
            cursors[1],
            vec![op(
                1,
                later,
                Change::Put {
                    record: Record::Trip(moved.clone()),
                },
            )],
        )
        .await;
    let written = modified(&s.server.db_path);
    let answer = s.server.sync(&phone.token, cursors[0], Vec::new()).await;
    assert!(answer.changes.contains(&Record::Trip(moved)));
    assert_ne!(modified(&s.server.db_path), written);
}
