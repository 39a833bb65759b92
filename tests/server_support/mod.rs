//! A real server on port 0 with a temporary database, and a raw HTTP client.
#![allow(dead_code)] // Each test file uses a different part of this support.

use chrono::{DateTime, TimeZone, Utc};
use itinerances::domain::{GuardianId, OpId, Record, VolunteerId};
use itinerances::protocol::{
    ApiError, AuditEntry, Change, CreateFamilyLinkRequest, Cursor, EnrollRequest, EnrollResponse,
    FamilyLinkCreated, FamilyNotice, Hlc, Operation, Role, SyncRequest, SyncResponse,
    PROTOCOL_VERSION,
};
use itinerances::server::{launch_with_listener, AppState, ConnectionLimits, ServerOptions};
use reqwest::StatusCode;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

pub fn test_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0)
        .single()
        .expect("valid date")
}

pub struct TestServer {
    pub url: String,
    /// Where it listens, on 127.0.0.1, for raw TCP clients.
    pub addr: SocketAddr,
    pub state: AppState,
    pub client: reqwest::Client,
    now: Arc<Mutex<DateTime<Utc>>>,
    pub db_path: PathBuf,
    // Dropped last: the database lives as long as the server.
    _dir: tempfile::TempDir,
}

impl TestServer {
    pub async fn start(records: Vec<Record>) -> TestServer {
        Self::start_serving(records, None).await
    }

    /// A server that also serves the web app's files from `web_dir`.
    pub async fn start_serving(records: Vec<Record>, web_dir: Option<PathBuf>) -> TestServer {
        Self::start_configured(records, |options| options.web_dir = web_dir).await
    }

    /// A server that holds its connections within `limits` (shorter
    /// timeouts, smaller caps).
    pub async fn start_with_limits(records: Vec<Record>, limits: ConnectionLimits) -> TestServer {
        Self::start_configured(records, |options| options.connection_limits = limits).await
    }

    /// A server whose options the test adjusts (the clock stays the test's).
    pub async fn start_configured(
        records: Vec<Record>,
        configure: impl FnOnce(&mut ServerOptions),
    ) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let now = Arc::new(Mutex::new(test_now()));
        let clock_now = now.clone();
        let mut options = ServerOptions::default();
        configure(&mut options);
        let options = ServerOptions {
            clock: Arc::new(move || *clock_now.lock().expect("clock lock")),
            ..options
        };
        let state =
            AppState::open(&dir.path().join("server.sqlite3"), options).expect("open server db");
        state.load_records(records).expect("load records");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind port 0");
        let addr = listener.local_addr().expect("local addr");
        let url = format!("http://{addr}");
        tokio::spawn(launch_with_listener(listener, state.clone()));
        TestServer {
            url,
            addr,
            state,
            client: reqwest::Client::new(),
            now,
            db_path: dir.path().join("server.sqlite3"),
            _dir: dir,
        }
    }

    pub fn set_now(&self, at: DateTime<Utc>) {
        *self.now.lock().expect("clock lock") = at;
    }

    pub async fn enroll(&self, role: Role, name: &str, volunteer: Option<&str>) -> EnrollResponse {
        let created = self
            .state
            .create_enrollment_code(role, name, volunteer.map(VolunteerId::from))
            .expect("the server answers");
        let response = self
            .client
            .post(format!("{}/api/v1/enroll", self.url))
            .json(&EnrollRequest {
                code: created.code,
                device_name: format!("{name}'s phone"),
            })
            .send()
            .await
            .expect("the server answers");
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.expect("a JSON answer")
    }

    pub async fn sync_raw(&self, token: &str, request: &SyncRequest) -> reqwest::Response {
        self.client
            .post(format!("{}/api/v1/sync", self.url))
            .bearer_auth(token)
            .json(request)
            .send()
            .await
            .expect("the server answers")
    }

    pub async fn sync(
        &self,
        token: &str,
        cursor: Option<Cursor>,
        ops: Vec<Operation>,
    ) -> SyncResponse {
        let request = SyncRequest {
            version: PROTOCOL_VERSION,
            cursor,
            ops,
        };
        let response = self.sync_raw(token, &request).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.expect("a JSON answer")
    }

    pub async fn health(&self) -> String {
        let response = self
            .client
            .get(format!("{}/health", self.url))
            .send()
            .await
            .expect("the server answers");
        assert_eq!(response.status(), StatusCode::OK);
        response.text().await.expect("a text answer")
    }
}

/// The status and the error body of a refused request.
pub async fn api_error(response: reqwest::Response) -> (StatusCode, ApiError) {
    let status = response.status();
    let text = response.text().await.expect("a text answer");
    let error: ApiError =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not an ApiError ({e}): {text}"));
    assert!(!error.message.is_empty());
    (status, error)
}

/// A small generated network on a server, with the phone of one of its
/// volunteers ("Anne") enrolled.
pub async fn with_a_volunteers_phone(seed: u64) -> (TestServer, EnrollResponse) {
    let network = itinerances::demo::generated_network(seed, 1, 2, 10, test_now().date_naive());
    let volunteer = network
        .records
        .iter()
        .find_map(|r| match r {
            Record::Volunteer(v) => Some(v.id.clone()),
            _ => None,
        })
        .expect("a volunteer in the generated network");
    let server = TestServer::start(network.records).await;
    let phone = server
        .enroll(Role::Volunteer, "Anne", Some(volunteer.as_str()))
        .await;
    (server, phone)
}

/// A device's change, numbered `seq`, at the tests' clock (a millisecond
/// later per number, so that later changes win), with an id of its own.
pub fn op(seq: u64, change: Change) -> Operation {
    Operation {
        op_id: OpId(format!("op-{seq}-{}", OpId::random())),
        seq,
        hlc: Hlc {
            millis: test_now().timestamp_millis() + seq as i64,
            counter: 0,
            node: "device".into(),
        },
        at: test_now(),
        change,
    }
}

/// What the server holds to tell a family (`GET /api/v1/family-notices`),
/// read with a coordinator's token.
pub async fn notices(server: &TestServer, token: &str, guardian: &GuardianId) -> Vec<FamilyNotice> {
    server
        .client
        .get(format!(
            "{}/api/v1/family-notices?guardian_id={guardian}",
            server.url
        ))
        .bearer_auth(token)
        .send()
        .await
        .expect("the family notices answer")
        .json()
        .await
        .expect("the family notices as JSON")
}

/// A new link for a guardian, as a coordinator makes it
/// (`POST /api/v1/family-links`).
pub async fn create_link(
    server: &TestServer,
    token: &str,
    guardian: &GuardianId,
) -> FamilyLinkCreated {
    let response = server
        .client
        .post(format!("{}/api/v1/family-links", server.url))
        .bearer_auth(token)
        .json(&CreateFamilyLinkRequest {
            guardian_id: guardian.clone(),
            language: None,
            server_url: server.url.clone(),
        })
        .send()
        .await
        .expect("the family link answer");
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("the family link as JSON")
}

/// The audit log's newest thousand rows, read with a coordinator's token.
pub async fn audit_rows(server: &TestServer, token: &str) -> Vec<AuditEntry> {
    server
        .client
        .get(format!("{}/api/v1/audit?limit=1000", server.url))
        .bearer_auth(token)
        .send()
        .await
        .expect("the audit answer")
        .json()
        .await
        .expect("the audit rows as JSON")
}
