//! Bad requests get a 4xx and a message a person can act on; the server keeps
//! answering afterwards.
#![cfg(feature = "server")]

mod server_support;

use chrono::Duration;
use flate2::write::GzEncoder;
use flate2::Compression;
use itinerances::demo::generated_network;
use itinerances::domain::*;
use itinerances::protocol::*;
use reqwest::StatusCode;
use server_support::{api_error, test_now, TestServer};
use std::io::Write;

async fn server() -> TestServer {
    let network = generated_network(7, 2, 2, 6, test_now().date_naive());
    TestServer::start(network.records).await
}

/// A phone typing `code` on its enrollment screen.
async fn post_enroll(server: &TestServer, code: String) -> reqwest::Response {
    server
        .client
        .post(format!("{}/api/v1/enroll", server.url))
        .json(&EnrollRequest {
            code,
            device_name: "Phone".into(),
        })
        .send()
        .await
        .expect("the server answers")
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(data).expect("gzip");
    encoder.finish().expect("gzip")
}

async fn post_sync_bytes(
    server: &TestServer,
    token: &str,
    body: Vec<u8>,
    gzipped: bool,
) -> reqwest::Response {
    let mut request = server
        .client
        .post(format!("{}/api/v1/sync", server.url))
        .bearer_auth(token)
        .header("content-type", "application/json")
        .body(body);
    if gzipped {
        request = request.header("content-encoding", "gzip");
    }
    request.send().await.expect("the server answers")
}

fn event_op(seq: u64) -> Operation {
    Operation {
        op_id: OpId(format!("op{seq}")),
        seq,
        hlc: Hlc {
            millis: test_now().timestamp_millis(),
            counter: 0,
            node: "dev".into(),
        },
        at: test_now(),
        change: Change::LogEvent {
            event: TripEvent {
                id: EventId(format!("ev{seq}")),
                trip_id: TripId::from("t"),
                kind: EventKind::PickedUp,
                at: test_now(),
                author: Author::Coordinator("c".into()),
                note: String::new(),
            },
        },
    }
}

#[tokio::test]
async fn malformed_bodies_are_refused_with_the_reason() {
    let server = server().await;
    let coordinator = server.enroll(Role::Coordinator, "Coord", None).await;

    let response = post_sync_bytes(
        &server,
        &coordinator.token,
        b"{\"version\": 2, ops".to_vec(),
        false,
    )
    .await;
    let (status, error) = api_error(response).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error.code, "malformed_request");
    assert!(error.message.contains("line 1"), "{}", error.message);

    let response = post_sync_bytes(
        &server,
        &coordinator.token,
        br#"{"version":2,"ops":[{"seq":1}]}"#.to_vec(),
        false,
    )
    .await;
    let (status, error) = api_error(response).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error.code, "malformed_request");
    assert!(error.message.contains("missing field"), "{}", error.message);

    let whole = gzip(br#"{"version":2,"ops":[]}"#);
    let response = post_sync_bytes(
        &server,
        &coordinator.token,
        whole[..whole.len() - 6].to_vec(),
        true,
    )
    .await;
    let (status, error) = api_error(response).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error.code, "malformed_request");

    let response = post_sync_bytes(&server, &coordinator.token, whole, true).await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "a whole gzip body is fine"
    );

    assert_eq!(server.health().await, "ok");
}

#[tokio::test]
async fn oversized_requests_are_refused() {
    let server = server().await;
    let coordinator = server.enroll(Role::Coordinator, "Coord", None).await;

    let mut big = br#"{"version":2,"ops":[],"padding":""#.to_vec();
    big.extend(std::iter::repeat_n(b'x', 1024 * 1024 + 10));
    big.extend(br#""}"#);
    let response = post_sync_bytes(&server, &coordinator.token, big, false).await;
    let (status, error) = api_error(response).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error.code, "too_large");

    // Small on the wire, huge once inflated.
    let mut bomb = br#"{"version":2,"ops":[],"padding":""#.to_vec();
    bomb.extend(std::iter::repeat_n(b'x', 9 * 1024 * 1024));
    let response = post_sync_bytes(&server, &coordinator.token, gzip(&bomb), true).await;
    let (status, error) = api_error(response).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error.code, "too_large");

    let request = SyncRequest {
        version: PROTOCOL_VERSION,
        cursor: None,
        ops: (1..=MAX_OPS_PER_REQUEST as u64 + 1).map(event_op).collect(),
    };
    let (status, error) = api_error(server.sync_raw(&coordinator.token, &request).await).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error.code, "too_many_ops");
    assert!(server.state.records(RecordKind::Event).unwrap().is_empty());

    assert_eq!(server.health().await, "ok");
}

/// A refusal that leaves the body unread closes the connection and says so:
/// a client keeping its connections (like the app's) sends its next request
/// on a new one instead of seeing it fail.
#[tokio::test]
async fn refusals_before_the_body_is_read_say_the_connection_closes() {
    let server = server().await;
    let coordinator = server.enroll(Role::Coordinator, "Coord", None).await;
    let padded = |size: usize| {
        let mut body = br#"{"version":2,"ops":[],"padding":""#.to_vec();
        body.extend(std::iter::repeat_n(b'x', size));
        body.extend(br#""}"#);
        body
    };
    let good = SyncRequest {
        version: PROTOCOL_VERSION,
        cursor: None,
        ops: Vec::new(),
    };
    for round in 0..10 {
        let refused = post_sync_bytes(&server, "not-a-token", padded(256 * 1024), false).await;
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(
            refused.headers().get("connection").map(|v| v.as_bytes()),
            Some(&b"close"[..]),
            "round {round}: a wrong token"
        );
        let answer = server
            .client
            .post(format!("{}/api/v1/sync", server.url))
            .bearer_auth(&coordinator.token)
            .json(&good)
            .send()
            .await
            .unwrap_or_else(|e| panic!("round {round}: the next request failed: {e}"));
        assert_eq!(answer.status(), StatusCode::OK, "round {round}");

        let too_big =
            post_sync_bytes(&server, &coordinator.token, padded(1024 * 1024 + 10), false).await;
        assert_eq!(too_big.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(
            too_big.headers().get("connection").map(|v| v.as_bytes()),
            Some(&b"close"[..]),
            "round {round}: a body past the limit"
        );
    }
    assert_eq!(server.health().await, "ok");
}

#[tokio::test]
async fn another_protocol_version_asks_to_update_the_app() {
    let server = server().await;
    let coordinator = server.enroll(Role::Coordinator, "Coord", None).await;
    let body = br#"{"version":3,"something_new":[1,2,3]}"#.to_vec();
    let (status, error) =
        api_error(post_sync_bytes(&server, &coordinator.token, body, false).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error.code, "unsupported_version");
    assert!(
        error.message.contains("update the app"),
        "{}",
        error.message
    );
    assert_eq!(server.health().await, "ok");
}

#[tokio::test]
async fn missing_wrong_and_revoked_tokens_are_unauthenticated() {
    let server = server().await;
    let coordinator = server.enroll(Role::Coordinator, "Coord", None).await;
    let phone = server.enroll(Role::Coordinator, "Second", None).await;
    let request = SyncRequest {
        version: PROTOCOL_VERSION,
        cursor: None,
        ops: Vec::new(),
    };

    let response = server
        .client
        .post(format!("{}/api/v1/sync", server.url))
        .json(&request)
        .send()
        .await
        .unwrap();
    let (status, error) = api_error(response).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error.code, "unauthenticated");
    assert!(
        error.message.contains("enroll this device again"),
        "{}",
        error.message
    );

    let (status, error) = api_error(server.sync_raw("not-a-token", &request).await).await;
    assert_eq!(
        (status, error.code.as_str()),
        (StatusCode::UNAUTHORIZED, "unauthenticated")
    );

    assert_eq!(
        server.sync_raw(&phone.token, &request).await.status(),
        StatusCode::OK
    );
    let response = server
        .client
        .delete(format!("{}/api/v1/devices/{}", server.url, phone.device_id))
        .bearer_auth(&coordinator.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let (status, error) = api_error(server.sync_raw(&phone.token, &request).await).await;
    assert_eq!(
        (status, error.code.as_str()),
        (StatusCode::UNAUTHORIZED, "unauthenticated")
    );

    let response = server
        .client
        .delete(format!("{}/api/v1/devices/no-such-device", server.url))
        .bearer_auth(&coordinator.token)
        .send()
        .await
        .unwrap();
    assert_eq!(api_error(response).await.0, StatusCode::NOT_FOUND);
    assert_eq!(server.health().await, "ok");
}

#[tokio::test]
async fn enrollment_codes_are_checked() {
    let server = server().await;
    let enroll = |code: String| post_enroll(&server, code);

    let (status, error) = api_error(enroll("ABCD-EFGH".into()).await).await;
    assert_eq!(
        (status, error.code.as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_code")
    );
    assert!(error.message.contains("coordinator"));
    let (_, error) = api_error(enroll("nonsense".into()).await).await;
    assert_eq!(error.code, "invalid_code");

    // Typed loosely: lower case, a space instead of the dash.
    let created = server
        .state
        .create_enrollment_code(Role::Coordinator, "C", None)
        .unwrap();
    let loose = created.code.to_lowercase().replace('-', " ");
    let response = enroll(loose).await;
    assert_eq!(response.status(), StatusCode::OK);
    let enrolled: EnrollResponse = response.json().await.unwrap();
    assert_eq!(enrolled.role, Role::Coordinator);
    assert_eq!(enrolled.account_id, created.account_id);

    let (status, error) = api_error(enroll(created.code.clone()).await).await;
    assert_eq!(
        (status, error.code.as_str()),
        (StatusCode::UNAUTHORIZED, "used_code")
    );

    let old = server
        .state
        .create_enrollment_code(Role::Coordinator, "Late", None)
        .unwrap();
    server.set_now(test_now() + Duration::days(8));
    let (status, error) = api_error(enroll(old.code).await).await;
    assert_eq!(
        (status, error.code.as_str()),
        (StatusCode::UNAUTHORIZED, "expired_code")
    );

    let malformed = server
        .client
        .post(format!("{}/api/v1/enroll", server.url))
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    let (status, error) = api_error(malformed).await;
    assert_eq!(
        (status, error.code.as_str()),
        (StatusCode::BAD_REQUEST, "malformed_request")
    );
    assert_eq!(server.health().await, "ok");
}

#[tokio::test]
async fn guessing_codes_is_stopped_for_a_while() {
    let server = server().await;
    let enroll = |code: String| post_enroll(&server, code);
    let good = server
        .state
        .create_enrollment_code(Role::Coordinator, "C", None)
        .unwrap();
    for i in 0..10 {
        let (status, error) = api_error(enroll(format!("ABCD-EFG{}", i % 8 + 2)).await).await;
        assert_eq!(
            (status, error.code.as_str()),
            (StatusCode::UNAUTHORIZED, "invalid_code"),
            "guess {i}"
        );
    }
    // The eleventh try is refused, even with a good code, and says what to do.
    let (status, error) = api_error(enroll(good.code.clone()).await).await;
    assert_eq!(
        (status, error.code.as_str()),
        (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts")
    );
    assert!(
        error.message.contains("Wait 10 minutes"),
        "{}",
        error.message
    );
    assert_eq!(server.health().await, "ok");
    // Ten minutes later the good code works.
    server.set_now(test_now() + Duration::minutes(11));
    let response = enroll(good.code).await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn volunteers_cannot_use_coordinator_endpoints() {
    let network = generated_network(7, 2, 2, 6, test_now().date_naive());
    let (volunteer_id, _) = network.volunteers[0].clone();
    let server = TestServer::start(network.records).await;
    let volunteer = server
        .enroll(Role::Volunteer, "Vol", Some(volunteer_id.as_str()))
        .await;
    let coordinator = server.enroll(Role::Coordinator, "Coord", None).await;

    let request = CreateCodeRequest {
        role: Role::Coordinator,
        display_name: "Me".into(),
        volunteer_id: None,
        server_url: None,
    };
    let response = server
        .client
        .post(format!("{}/api/v1/enrollment-codes", server.url))
        .bearer_auth(&volunteer.token)
        .json(&request)
        .send()
        .await
        .unwrap();
    let (status, error) = api_error(response).await;
    assert_eq!(
        (status, error.code.as_str()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
    for path in ["audit", &format!("devices/{}", coordinator.device_id)] {
        let request = if path == "audit" {
            server.client.get(format!("{}/api/v1/{path}", server.url))
        } else {
            server
                .client
                .delete(format!("{}/api/v1/{path}", server.url))
        };
        let response = request.bearer_auth(&volunteer.token).send().await.unwrap();
        assert_eq!(api_error(response).await.0, StatusCode::FORBIDDEN, "{path}");
    }

    // A coordinator may; a volunteer code needs an existing volunteer record.
    let bad = CreateCodeRequest {
        role: Role::Volunteer,
        display_name: "Ghost".into(),
        volunteer_id: Some(VolunteerId::from("nobody")),
        server_url: None,
    };
    let response = server
        .client
        .post(format!("{}/api/v1/enrollment-codes", server.url))
        .bearer_auth(&coordinator.token)
        .json(&bad)
        .send()
        .await
        .unwrap();
    assert_eq!(api_error(response).await.0, StatusCode::BAD_REQUEST);
    let good = CreateCodeRequest {
        role: Role::Volunteer,
        display_name: "Vol".into(),
        volunteer_id: Some(volunteer_id),
        server_url: None,
    };
    let response = server
        .client
        .post(format!("{}/api/v1/enrollment-codes", server.url))
        .bearer_auth(&coordinator.token)
        .json(&good)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let created: CreateCodeResponse = response.json().await.unwrap();
    assert_eq!(created.code.len(), 9);
    assert_eq!(
        created.account_id, volunteer.account_id,
        "one account per volunteer"
    );

    let response = server
        .client
        .get(format!("{}/api/v1/nothing-here", server.url))
        .send()
        .await
        .unwrap();
    assert_eq!(api_error(response).await.0, StatusCode::NOT_FOUND);
    assert_eq!(server.health().await, "ok");
}
