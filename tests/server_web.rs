//! The same process serves the API, compressed, and the web app's files.
#![cfg(feature = "server")]

mod server_support;

use itinerances::demo::generated_network;
use itinerances::protocol::*;
use reqwest::StatusCode;
use server_support::{api_error, test_now, TestServer};
use std::io::Read;

#[tokio::test]
async fn responses_are_gzipped_when_the_client_accepts_it() {
    let network = generated_network(7, 2, 2, 6, test_now().date_naive());
    let server = TestServer::start(network.records).await;
    let coordinator = server.enroll(Role::Coordinator, "Coord", None).await;
    let response = server
        .client
        .post(format!("{}/api/v1/sync", server.url))
        .bearer_auth(&coordinator.token)
        .header("accept-encoding", "gzip")
        .json(&SyncRequest {
            version: PROTOCOL_VERSION,
            cursor: None,
            ops: Vec::new(),
        })
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-encoding"], "gzip");
    let compressed = response.bytes().await.unwrap();
    let mut json = String::new();
    flate2::read::GzDecoder::new(&compressed[..])
        .read_to_string(&mut json)
        .unwrap();
    let body: SyncResponse = serde_json::from_str(&json).unwrap();
    assert!(body.reset);
    assert!(!body.changes.is_empty());
}

#[tokio::test]
async fn the_web_app_is_served_beside_the_api() {
    let web = tempfile::tempdir().unwrap();
    std::fs::write(web.path().join("index.html"), "<h1>Itinérances</h1>").unwrap();
    std::fs::write(web.path().join("app.js"), "console.log(1)").unwrap();
    let server = TestServer::start_serving(Vec::new(), Some(web.path().to_owned())).await;
    let get = |path: &str| server.client.get(format!("{}{path}", server.url)).send();

    let index = get("/").await.unwrap();
    assert_eq!(index.status(), StatusCode::OK);
    assert!(index.text().await.unwrap().contains("Itinérances"));
    assert_eq!(
        get("/app.js").await.unwrap().text().await.unwrap(),
        "console.log(1)"
    );
    // A screen's address opens the app, which routes it.
    let deep = get("/trips/t1").await.unwrap();
    assert_eq!(deep.status(), StatusCode::OK);
    assert!(deep.text().await.unwrap().contains("Itinérances"));
    // The API never falls back to the page.
    let (status, error) = api_error(get("/api/v1/nothing").await.unwrap()).await;
    assert_eq!(
        (status, error.code.as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    assert_eq!(server.health().await, "ok");
}
