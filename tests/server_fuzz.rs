//! Fuzzing the server's request decoding and the application of operations,
//! through its real HTTP edge. Each case enrolls a fresh device (a
//! coordinator or a volunteer) on a server holding a generated network and
//! sends it one to four requests: any bytes, any JSON, or sync requests built
//! from the network (operations of every kind, mostly valid, so that many are
//! applied) and then damaged at the JSON level (fields replaced by strange
//! strings, huge numbers, other types, deep nesting, removed) and at the byte
//! level (flipped bits, truncation, duplicated fields, numbers too big for any
//! integer, invalid UTF-8, compression claimed or not). A few go to the
//! coordinators' enrollment-code endpoint instead.
//!
//! What must hold for every request: the server answers (no dropped
//! connection, except that a body past the size limit may be cut off before
//! the client has sent it all), never with a 5xx; a 2xx is a response of the endpoint's type
//! (for a sync, one result per operation sent, in order); a 4xx is an
//! `ApiError` with a code and a message; `/health` still answers; and no
//! thread of the process panicked.
//!
//! `cargo test` runs a few cases. Longer runs:
//! `ITINERANCES_FUZZ_SECONDS=600 cargo test --test server_fuzz -- --nocapture`
//! (or `ITINERANCES_FUZZ_CASES=N`); `ITINERANCES_FUZZ_SEED` replays a run. A debug
//! build is meant: its overflow checks make an integer overflow a panic.
#![cfg(feature = "server")]

mod fuzz_support;
mod server_support;

use fuzz_support::bodies::{gzip, pick, plain_body, Device, World};
use fuzz_support::inputs::{case, Case, Encoding, Endpoint, Exchange, Token};
use fuzz_support::MAX_BODY_BYTES;
use itinerances::demo::generated_network;
use itinerances::domain::*;
use itinerances::protocol::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use server_support::{test_now, TestServer};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

const CASES_VAR: &str = "ITINERANCES_FUZZ_CASES";
const SECONDS_VAR: &str = "ITINERANCES_FUZZ_SECONDS";
const SEED_VAR: &str = "ITINERANCES_FUZZ_SEED";
const DEFAULT_CASES: u64 = 96;
/// Cases per proptest runner; each batch has its own seed.
const BATCH: u64 = 64;

/// What the runs saw: statuses, cases, requests.
#[derive(Default)]
struct Tally {
    statuses: BTreeMap<u16, u64>,
    applied: u64,
    rejected: BTreeMap<String, u64>,
    requests: u64,
    /// Oversized bodies whose connection was closed before the answer.
    cut_oversized: u64,
}

static PANICS: AtomicUsize = AtomicUsize::new(0);
static HOOK: Once = Once::new();

/// Counts every panic in the process (the server's threads included), then
/// reports it as usual.
fn count_panics() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, Ordering::SeqCst);
            previous(info);
        }));
    });
}

fn fail(message: String) -> TestCaseError {
    TestCaseError::fail(message)
}

/// A client that opens a new connection for every request. The server
/// closes a connection whose request body it refused without reading it
/// (a wrong token, a body past the limit), as HTTP/1.1 allows, but without
/// saying `Connection: close`: a client that kept the connection would see
/// its next request fail, and blame the wrong request.
fn fresh_connections() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .expect("an HTTP client")
}

async fn send(
    server: &TestServer,
    world: &World,
    device: &Device<'_>,
    other_token: &str,
    exchange: &Exchange,
    tally: &Mutex<Tally>,
) -> Result<(), TestCaseError> {
    let (endpoint, plain) = plain_body(world, device, &exchange.body);
    let path = match endpoint {
        Endpoint::Sync => "/api/v1/sync",
        Endpoint::EnrollmentCodes => "/api/v1/enrollment-codes",
    };
    let (wire, encoding) = match exchange.encoding {
        Encoding::Plain => (plain.clone(), None),
        Encoding::Gzip => (gzip(&plain), Some("gzip")),
        Encoding::ClaimedGzip => (plain.clone(), Some("gzip")),
        Encoding::UnclaimedGzip => (gzip(&plain), Some("identity")),
        Encoding::Unsupported => (plain.clone(), Some("br")),
    };
    let oversized = wire.len() > MAX_BODY_BYTES;
    let mut request = fresh_connections()
        .post(format!("{}{path}", server.url))
        .header("content-type", "application/json")
        .body(wire);
    if let Some(encoding) = encoding {
        request = request.header("content-encoding", encoding);
    }
    match &exchange.token {
        Token::Own => request = request.bearer_auth(&device.token),
        Token::Other => request = request.bearer_auth(other_token),
        Token::Missing => {}
        Token::Garbage(text) => {
            if let Ok(value) = reqwest::header::HeaderValue::from_str(&format!("Bearer {text}")) {
                request = request.header("authorization", value);
            }
        }
    }
    let response = match request.send().await {
        Ok(response) => response,
        // The server stops reading a body past its limit and may close the
        // connection before the client has finished sending: the client
        // then sees the connection cut, not the 413.
        Err(_) if oversized => {
            tally.lock().expect("tally").cut_oversized += 1;
            return Ok(());
        }
        Err(e) => return Err(fail(format!("no answer to a request to {path}: {e:?}"))),
    };
    let status = response.status();
    let answer = response
        .bytes()
        .await
        .map_err(|e| fail(format!("the answer from {path} was cut off: {e}")))?;
    let text = String::from_utf8_lossy(&answer);
    {
        let mut tally = tally.lock().expect("tally");
        *tally.statuses.entry(status.as_u16()).or_default() += 1;
        tally.requests += 1;
    }
    if status.is_success() {
        match endpoint {
            Endpoint::Sync => {
                let answer: SyncResponse = serde_json::from_slice(&answer).map_err(|e| {
                    fail(format!(
                        "a 2xx sync answer is no SyncResponse ({e}): {text}"
                    ))
                })?;
                // What the server accepted decodes here too; one result per operation, in order.
                let sent: SyncRequest = serde_json::from_slice(&plain).map_err(|e| {
                    fail(format!(
                        "the server accepted a request that does not decode ({e})"
                    ))
                })?;
                let sent_ops: Vec<(u64, &OpId)> =
                    sent.ops.iter().map(|op| (op.seq, &op.op_id)).collect();
                let answered: Vec<(u64, &OpId)> =
                    answer.results.iter().map(|r| (r.seq, &r.op_id)).collect();
                prop_assert_eq!(sent_ops, answered, "one result per operation, in order");
                let mut tally = tally.lock().expect("tally");
                for result in &answer.results {
                    match &result.outcome {
                        Outcome::Applied => tally.applied += 1,
                        Outcome::Rejected { code, .. } => {
                            *tally.rejected.entry(format!("{code:?}")).or_default() += 1;
                        }
                    }
                }
            }
            Endpoint::EnrollmentCodes => {
                serde_json::from_slice::<CreateCodeResponse>(&answer).map_err(|e| {
                    fail(format!(
                        "a 2xx code answer is no CreateCodeResponse ({e}): {text}"
                    ))
                })?;
            }
        }
    } else if status.is_client_error() {
        let error: ApiError = serde_json::from_slice(&answer)
            .map_err(|e| fail(format!("a {status} answer is no ApiError ({e}): {text}")))?;
        prop_assert!(
            !error.code.is_empty() && !error.message.is_empty(),
            "an empty ApiError: {text}"
        );
    } else {
        return Err(fail(format!("{path} answered {status}: {text}")));
    }
    Ok(())
}

async fn health(server: &TestServer) -> Result<(), TestCaseError> {
    let response = fresh_connections()
        .get(format!("{}/health", server.url))
        .send()
        .await
        .map_err(|e| fail(format!("/health does not answer: {e:?}")))?;
    prop_assert_eq!(response.status(), reqwest::StatusCode::OK);
    let text = response.text().await.map_err(|e| fail(e.to_string()))?;
    prop_assert_eq!(text, "ok");
    Ok(())
}

async fn run_case(
    server: &TestServer,
    world: &World,
    other_token: &str,
    case: &Case,
    tally: &Mutex<Tally>,
) -> Result<(), TestCaseError> {
    let volunteer = case.volunteer.map(|at| pick(&world.volunteers, at));
    let (role, name) = match volunteer {
        Some(v) => (Role::Volunteer, format!("Volunteer {v}")),
        None => (Role::Coordinator, "Fuzz coordinator".to_owned()),
    };
    let enrolled = server
        .enroll(role, &name, volunteer.map(VolunteerId::as_str))
        .await;
    let device = Device {
        token: enrolled.token,
        volunteer,
        name,
    };
    let panics_before = PANICS.load(Ordering::SeqCst);
    for exchange in &case.exchanges {
        send(server, world, &device, other_token, exchange, tally).await?;
        health(server).await?;
    }
    prop_assert_eq!(
        PANICS.load(Ordering::SeqCst),
        panics_before,
        "a thread panicked"
    );
    Ok(())
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().map(|text| {
        text.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={text:?} is not a number"))
    })
}

#[test]
fn the_server_answers_every_request_within_its_contract() {
    count_panics();
    let seconds = env_number(SECONDS_VAR);
    let cases = env_number(CASES_VAR).unwrap_or(if seconds.is_some() {
        u64::MAX
    } else {
        DEFAULT_CASES
    });
    let deadline = seconds.map(|s| Instant::now() + Duration::from_secs(s));
    let mut seed = env_number(SEED_VAR).unwrap_or_else(rand_seed);

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let network = generated_network(21, 4, 6, 60, test_now().date_naive());
    let world = World {
        trips: network
            .records
            .iter()
            .filter_map(|r| match r {
                Record::Trip(t) => Some(t.clone()),
                _ => None,
            })
            .collect(),
        volunteers: network
            .volunteers
            .iter()
            .map(|(id, _)| id.clone())
            .collect(),
        records: network.records.clone(),
    };
    let server = runtime.block_on(TestServer::start(network.records));
    let other = runtime.block_on(server.enroll(
        Role::Volunteer,
        "Another phone",
        Some(world.volunteers[0].as_str()),
    ));
    let tally = Mutex::new(Tally::default());

    let started = Instant::now();
    let first_seed = seed;
    let mut run = 0;
    while run < cases && deadline.is_none_or(|d| Instant::now() < d) {
        let batch = BATCH.min(cases - run);
        let config = Config {
            cases: u32::try_from(batch).unwrap_or(u32::MAX),
            failure_persistence: None,
            ..Config::default()
        };
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        let mut runner =
            TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &bytes));
        let outcome = runner.run(&case(), |case| {
            runtime.block_on(run_case(&server, &world, &other.token, &case, &tally))
        });
        if let Err(e) = outcome {
            panic!("{e}\nreplay with {SEED_VAR}={seed} (first seed of the run {first_seed})");
        }
        run += batch;
        seed = seed.wrapping_add(1);
    }
    let elapsed = started.elapsed().as_secs_f64();
    let tally = tally.lock().expect("tally");
    eprintln!(
        "{run} cases, {} requests in {elapsed:.0} s (seeds {first_seed}..{seed}); statuses {:?}; operations applied {}, refused {:?}; oversized bodies cut off {}; panics {}",
        tally.requests,
        tally.statuses,
        tally.applied,
        tally.rejected,
        tally.cut_oversized,
        PANICS.load(Ordering::SeqCst)
    );
    assert_eq!(PANICS.load(Ordering::SeqCst), 0, "a thread panicked");
}

fn rand_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    u64::try_from(nanos % u128::from(u64::MAX)).unwrap_or(1)
}
