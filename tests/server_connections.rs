//! Browsers get the headers that keep other sites out, and the API takes
//! nothing but JSON.
#![cfg(feature = "server")]

mod server_support;

use itinerances::protocol::*;
use reqwest::StatusCode;
use server_support::{api_error, TestServer};

const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
    script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
    img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; \
    base-uri 'none'; form-action 'self'; object-src 'none'";

#[tokio::test]
async fn every_answer_carries_the_browser_headers_and_api_answers_are_never_stored() {
    let web = tempfile::tempdir().expect("temp dir");
    std::fs::write(web.path().join("index.html"), "<h1>Itinérances</h1>").expect("write");
    std::fs::write(web.path().join("app.js"), "console.log(1)").expect("write");
    let server = TestServer::start_serving(Vec::new(), Some(web.path().to_owned())).await;
    let coordinator = server.enroll(Role::Coordinator, "Coord", None).await;
    let url = |path: &str| format!("{}{path}", server.url);
    let client = &server.client;

    let answers = [
        ("an API answer", true, StatusCode::OK, {
            client
                .get(url("/api/v1/audit"))
                .bearer_auth(&coordinator.token)
        }),
        ("an API refusal", true, StatusCode::UNAUTHORIZED, {
            client.post(url("/api/v1/sync")).json(&SyncRequest {
                version: PROTOCOL_VERSION,
                cursor: None,
                ops: Vec::new(),
            })
        }),
        ("an API 404", true, StatusCode::NOT_FOUND, {
            client.get(url("/api/v1/nothing"))
        }),
        (
            "a request that is not JSON",
            true,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            { client.post(url("/api/v1/enroll")).body("code=x") },
        ),
        ("the page", false, StatusCode::OK, client.get(url("/"))),
        ("a file", false, StatusCode::OK, client.get(url("/app.js"))),
    ];
    for (what, api, status, request) in answers {
        let response = request.send().await.expect("an answer");
        assert_eq!(response.status(), status, "{what}");
        let headers = response.headers();
        for (name, value) in [
            ("content-security-policy", CONTENT_SECURITY_POLICY),
            ("x-content-type-options", "nosniff"),
            ("referrer-policy", "no-referrer"),
            ("x-frame-options", "DENY"),
            ("cross-origin-opener-policy", "same-origin"),
        ] {
            assert_eq!(
                headers.get(name).and_then(|v| v.to_str().ok()),
                Some(value),
                "{what}: {name}"
            );
        }
        let cache = headers.get("cache-control").and_then(|v| v.to_str().ok());
        if api {
            assert_eq!(cache, Some("no-store"), "{what}");
        } else {
            assert_ne!(cache, Some("no-store"), "{what}: the app may be cached");
        }
    }
}

#[tokio::test]
async fn an_enrollment_that_is_not_json_is_refused_and_never_counts_as_a_wrong_code() {
    let server = TestServer::start(Vec::new()).await;
    let created = server
        .state
        .create_enrollment_code(Role::Coordinator, "Office", None)
        .expect("a code");
    let as_json = |code: &str| {
        serde_json::to_string(&EnrollRequest {
            code: code.to_owned(),
            device_name: "Office".into(),
        })
        .expect("JSON")
    };
    let wrong = "ABCD-EFGH2";
    // What a page of another site can make a browser send, without asking.
    let mut posts = vec![(Some("text/plain"), as_json(&created.code))];
    for _ in 0..3 {
        posts.extend([
            (Some("text/plain;charset=UTF-8"), as_json(wrong)),
            (
                Some("application/x-www-form-urlencoded"),
                format!("code={wrong}&device_name=Office"),
            ),
            (
                Some("multipart/form-data; boundary=x"),
                format!("--x\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\n{wrong}\r\n--x--\r\n"),
            ),
            (None, as_json(wrong)),
        ]);
    }
    assert!(
        posts.len() > 10,
        "more than the wrong codes an address may give"
    );
    for (content_type, body) in posts {
        let mut request = server
            .client
            .post(format!("{}/api/v1/enroll", server.url))
            .body(body);
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let (status, error) = api_error(request.send().await.expect("an answer")).await;
        assert_eq!(
            (status, error.code.as_str()),
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
            "{content_type:?}"
        );
        assert!(
            error.message.contains("application/json"),
            "{}",
            error.message
        );
    }

    // Neither used nor counted: the code still enrolls, sent as JSON.
    let response = server
        .client
        .post(format!("{}/api/v1/enroll", server.url))
        .header("content-type", "application/json; charset=utf-8")
        .body(as_json(&created.code))
        .send()
        .await
        .expect("an answer");
    assert_eq!(response.status(), StatusCode::OK);
    let enrolled: EnrollResponse = response.json().await.expect("an EnrollResponse");
    assert_eq!(enrolled.account_id, created.account_id);
}
