//! Load on the sync server: 1,000 phones syncing as fast as 64 clients can
//! send, against the real server binary (release build) on one SQLite file.
//!
//! The database holds a generated network for 990 volunteers (12,000 trips
//! from 14 days ago to 120 days ahead, their families, 40 prisons); 990
//! volunteers' phones and 10 coordinators' phones enroll with one-time codes
//! and make their first sync. Then, for a fixed time each:
//!
//! - (h) every sync carries nothing new (the phones' periodic sync);
//! - (i) one sync in twenty carries one trip step from a volunteer's phone.
//!
//! 64 tasks share one HTTP client, so 64 keep-alive connections, and go
//! round the phones; each request is what the app sends (gzip JSON, with the
//! phone's token and cursor) and each answer is read and decoded like the
//! app does. Latency is measured by the client, from sending the request to
//! the decoded answer. The server's own CPU time is read from
//! `/proc/<pid>/stat` before and after each phase.
//!
//! Run with `cargo bench --bench load`; `ITINERANCES_LOAD_SECONDS` shortens
//! (or lengthens) each phase, 60 s by default; `ITINERANCES_LOAD_CLIENTS`
//! changes the number of concurrent clients. The figures go to BENCHMARKS.md.

use chrono::Utc;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use itinerances::demo::generated_network;
use itinerances::domain::*;
use itinerances::protocol::*;
use itinerances::server::{AppState, ServerOptions};
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const VOLUNTEERS: usize = 990;
const COORDINATORS: usize = 10;
const TRIPS: usize = 12_000;
const PRISONS: usize = 40;
const DEFAULT_SECONDS: u64 = 60;
const DEFAULT_CLIENTS: usize = 64;
/// In phase (i), one sync in this many carries a step.
const STEP_EVERY: u64 = 20;

/// One enrolled phone and where it stands.
struct Phone {
    token: String,
    device_id: String,
    author: Author,
    /// A trip of the volunteer's scope, to log steps on.
    trip: Option<TripId>,
    busy: AtomicBool,
    state: Mutex<PhoneState>,
}

#[derive(Default)]
struct PhoneState {
    cursor: Option<Cursor>,
    next_seq: u64,
    /// A step sent and not yet acknowledged (sent again until it is).
    pending: Option<Operation>,
}

/// What one phase measured.
#[derive(Default)]
struct Outcomes {
    latencies_us: Vec<u64>,
    steps: u64,
    /// Records the answers carried (coordinators receive the steps).
    received: u64,
    errors: u64,
    first_errors: Vec<String>,
}

impl Outcomes {
    fn error(&mut self, what: String) {
        self.errors += 1;
        if self.first_errors.len() < 10 {
            self.first_errors.push(what);
        }
    }

    fn merge(&mut self, other: Outcomes) {
        self.latencies_us.extend(other.latencies_us);
        self.steps += other.steps;
        self.received += other.received;
        self.errors += other.errors;
        for e in other.first_errors {
            if self.first_errors.len() < 10 {
                self.first_errors.push(e);
            }
        }
    }
}

/// The server binary on one database; killed when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// CPU time (user + system) a process has used, from `/proc/<pid>/stat`.
fn cpu_seconds(pid: &str) -> f64 {
    let ticks = ticks_per_second();
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return f64::NAN;
    };
    // The process name (in parentheses) may hold spaces: count after it.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(Vec::new(), |(_, rest)| rest.split_whitespace().collect());
    let field = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
    match (field(11), field(12)) {
        (Some(user), Some(system)) => (user + system) / ticks,
        _ => f64::NAN,
    }
}

fn ticks_per_second() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(text) => text
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={text:?} is not a number")),
        Err(_) => default,
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip")
}

fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .map_err(|e| format!("a damaged gzip answer: {e}"))?;
    Ok(out)
}

/// One sync as the app sends it; the decoded answer.
async fn post_sync(
    client: &reqwest::Client,
    url: &str,
    phone: &Phone,
    request: &SyncRequest,
) -> Result<SyncResponse, String> {
    let json = serde_json::to_vec(request).map_err(|e| e.to_string())?;
    let response = client
        .post(format!("{url}/api/v1/sync"))
        .bearer_auth(&phone.token)
        .header("content-type", "application/json")
        .header("content-encoding", "gzip")
        .header("accept-encoding", "gzip")
        .body(gzip(&json))
        .send()
        .await
        .map_err(|e| format!("no answer: {e:?}"))?;
    let status = response.status();
    let gzipped = response
        .headers()
        .get("content-encoding")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"gzip"));
    let raw = response
        .bytes()
        .await
        .map_err(|e| format!("answer cut off: {e:?}"))?;
    let body = if gzipped { gunzip(&raw)? } else { raw.to_vec() };
    if !status.is_success() {
        return Err(format!("{status}: {}", String::from_utf8_lossy(&body)));
    }
    serde_json::from_slice(&body).map_err(|e| format!("not a SyncResponse: {e}"))
}

/// One round trip of `phone`, with a step when `with_step`; checks the answer
/// and moves the phone's cursor.
async fn sync_phone(
    client: &reqwest::Client,
    url: &str,
    phone: &Phone,
    with_step: bool,
) -> Result<Synced, String> {
    let request = {
        let mut state = phone.state.lock().expect("phone state");
        if with_step && state.pending.is_none() {
            if let Some(trip) = &phone.trip {
                let now = Utc::now();
                state.next_seq += 1;
                state.pending = Some(Operation {
                    op_id: OpId::random(),
                    seq: state.next_seq,
                    hlc: Hlc {
                        millis: now.timestamp_millis(),
                        counter: 0,
                        node: phone.device_id.clone(),
                    },
                    at: now,
                    change: Change::LogEvent {
                        event: TripEvent {
                            id: EventId::random(),
                            trip_id: trip.clone(),
                            kind: EventKind::STEPS[(state.next_seq % 6) as usize],
                            at: now,
                            author: phone.author.clone(),
                            note: String::new(),
                        },
                    },
                });
            }
        }
        SyncRequest {
            version: PROTOCOL_VERSION,
            cursor: state.cursor,
            ops: state.pending.iter().cloned().collect(),
        }
    };
    let answer = post_sync(client, url, phone, &request).await?;
    let mut state = phone.state.lock().expect("phone state");
    match (request.ops.first(), answer.results.as_slice()) {
        (None, []) => {}
        (Some(op), [result]) if result.seq == op.seq && result.outcome == Outcome::Applied => {
            state.pending = None;
        }
        (_, results) => return Err(format!("unexpected results {results:?}")),
    }
    state.cursor = Some(answer.cursor);
    Ok(Synced {
        stepped: !request.ops.is_empty(),
        received: answer.changes.len(),
    })
}

/// What one round trip did.
struct Synced {
    stepped: bool,
    received: usize,
}

/// The phones sync round and round for `seconds`, `clients` at a time.
async fn phase(
    client: &reqwest::Client,
    url: &str,
    phones: &Arc<Vec<Phone>>,
    clients: usize,
    seconds: u64,
    step_every: Option<u64>,
) -> (Outcomes, f64) {
    let next = Arc::new(AtomicUsize::new(0));
    let sent = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let end = start + Duration::from_secs(seconds);
    let mut workers = Vec::new();
    for _ in 0..clients {
        let (client, url, phones) = (client.clone(), url.to_owned(), phones.clone());
        let (next, sent) = (next.clone(), sent.clone());
        workers.push(tokio::spawn(async move {
            let mut outcomes = Outcomes::default();
            while Instant::now() < end {
                let phone = loop {
                    let i = next.fetch_add(1, Ordering::Relaxed) % phones.len();
                    let phone = &phones[i];
                    if !phone.busy.swap(true, Ordering::Acquire) {
                        break phone;
                    }
                };
                let n = sent.fetch_add(1, Ordering::Relaxed);
                let with_step = step_every.is_some_and(|every| n % every == 0);
                let begun = Instant::now();
                let result = sync_phone(&client, &url, phone, with_step).await;
                let micros = u64::try_from(begun.elapsed().as_micros()).unwrap_or(u64::MAX);
                phone.busy.store(false, Ordering::Release);
                match result {
                    Ok(synced) => {
                        outcomes.latencies_us.push(micros);
                        outcomes.steps += u64::from(synced.stepped);
                        outcomes.received += synced.received as u64;
                    }
                    Err(e) => outcomes.error(e),
                }
            }
            outcomes
        }));
    }
    let mut all = Outcomes::default();
    for worker in workers {
        all.merge(worker.await.expect("a client task"));
    }
    (all, start.elapsed().as_secs_f64())
}

fn percentile_ms(sorted_us: &[u64], p: f64) -> f64 {
    if sorted_us.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * (sorted_us.len() - 1) as f64).round() as usize;
    sorted_us[rank.min(sorted_us.len() - 1)] as f64 / 1000.0
}

fn report(name: &str, mut outcomes: Outcomes, elapsed: f64, server_cpu: f64, client_cpu: f64) {
    outcomes.latencies_us.sort_unstable();
    let syncs = outcomes.latencies_us.len();
    let lat = &outcomes.latencies_us;
    println!(
        "{name}: {syncs} syncs in {elapsed:.1} s = {:.0} syncs/s ({} with a step, {} records received); latency median {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {} errors; server CPU {:.1} s = {:.3} ms per sync, bench process CPU {:.1} s",
        syncs as f64 / elapsed,
        outcomes.steps,
        outcomes.received,
        percentile_ms(lat, 50.0),
        percentile_ms(lat, 95.0),
        percentile_ms(lat, 99.0),
        percentile_ms(lat, 100.0),
        outcomes.errors,
        server_cpu,
        server_cpu * 1000.0 / syncs.max(1) as f64,
        client_cpu,
    );
    for e in &outcomes.first_errors {
        println!("  error: {e}");
    }
}

/// The database, filled and given one code per phone before the server starts.
fn prepare(db_path: &Path) -> Vec<(String, Author)> {
    let today = Utc::now().date_naive();
    let network = generated_network(42, PRISONS, VOLUNTEERS, TRIPS, today);
    let state = AppState::open(db_path, ServerOptions::default()).expect("creates the db");
    let records = network.records.len();
    state.load_records(network.records).expect("loads");
    let mut codes = Vec::new();
    for i in 0..COORDINATORS {
        let name = format!("Coordinator {i}");
        let code = state
            .create_enrollment_code(Role::Coordinator, &name, None)
            .expect("code");
        codes.push((code.code, Author::Coordinator(name)));
    }
    for (id, name) in &network.volunteers {
        let code = state
            .create_enrollment_code(Role::Volunteer, name, Some(id.clone()))
            .expect("code");
        codes.push((code.code, Author::Volunteer(id.clone())));
    }
    drop(state);
    let megabytes = std::fs::metadata(db_path).map_or(0, |m| m.len()) / (1024 * 1024);
    println!(
        "database: {records} records ({VOLUNTEERS} volunteers, {TRIPS} trips, {PRISONS} prisons), {} enrollment codes, {megabytes} MiB",
        codes.len()
    );
    codes
}

async fn start_server(data_dir: &Path) -> Server {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let child = Command::new(env!("CARGO_BIN_EXE_itinerances"))
        .args(["serve", "--port", &port.to_string(), "--data-dir"])
        .arg(data_dir)
        // Every simulated phone comes from 127.0.0.1: as behind a reverse
        // proxy, the cap per address is lifted to the cap in all.
        .args(["--max-connections-per-address", "2048"])
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .expect("starts the server");
    let server = Server {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    let client = reqwest::Client::new();
    for _ in 0..500 {
        if let Ok(r) = client.get(format!("{}/health", server.url)).send().await {
            if r.status().is_success() {
                return server;
            }
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the server did not start");
}

async fn enroll_all(
    client: &reqwest::Client,
    url: &str,
    codes: Vec<(String, Author)>,
) -> Vec<Phone> {
    let mut phones = Vec::new();
    for (code, author) in codes {
        let response = client
            .post(format!("{url}/api/v1/enroll"))
            .json(&EnrollRequest {
                code,
                device_name: "Phone".into(),
            })
            .send()
            .await
            .expect("enrolls");
        assert!(response.status().is_success(), "enrollment refused");
        let enrolled: EnrollResponse = response.json().await.expect("an enrollment");
        phones.push(Phone {
            token: enrolled.token,
            device_id: enrolled.device_id.as_str().to_owned(),
            author,
            trip: None,
            busy: AtomicBool::new(false),
            state: Mutex::new(PhoneState::default()),
        });
    }
    phones
}

/// Each phone's first sync; a volunteer keeps one of its trips for steps.
async fn first_syncs(client: &reqwest::Client, url: &str, phones: &mut [Phone]) -> (usize, f64) {
    let mut records = 0;
    let started = Instant::now();
    for phone in phones.iter_mut() {
        let request = SyncRequest {
            version: PROTOCOL_VERSION,
            cursor: None,
            ops: Vec::new(),
        };
        let answer = post_sync(client, url, phone, &request)
            .await
            .expect("first sync");
        records += answer.changes.len();
        if matches!(phone.author, Author::Volunteer(_)) {
            phone.trip = answer.changes.iter().find_map(|r| match r {
                Record::Trip(t) => Some(t.id.clone()),
                _ => None,
            });
        }
        phone.state.lock().expect("phone state").cursor = Some(answer.cursor);
    }
    (records, started.elapsed().as_secs_f64())
}

fn main() {
    // `cargo test --benches` runs this binary too: stay quick there.
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    let seconds = env_number("ITINERANCES_LOAD_SECONDS", DEFAULT_SECONDS);
    let clients = usize::try_from(env_number(
        "ITINERANCES_LOAD_CLIENTS",
        DEFAULT_CLIENTS as u64,
    ))
    .unwrap_or(DEFAULT_CLIENTS);
    let dir = tempfile::tempdir().expect("temp dir");
    let codes = prepare(&dir.path().join("itinerances.sqlite3"));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let server = start_server(dir.path()).await;
        let pid = server.child.id().to_string();
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(clients)
            .build()
            .expect("client");

        let started = Instant::now();
        let mut phones = enroll_all(&client, &server.url, codes).await;
        println!(
            "enrolled {} phones in {:.1} s",
            phones.len(),
            started.elapsed().as_secs_f64()
        );
        let (records, took) = first_syncs(&client, &server.url, &mut phones).await;
        let with_trip = phones.iter().filter(|p| p.trip.is_some()).count();
        let megabytes = ["itinerances.sqlite3", "itinerances.sqlite3-wal"]
            .iter()
            .filter_map(|f| std::fs::metadata(dir.path().join(f)).ok())
            .map(|m| m.len())
            .sum::<u64>()
            / (1024 * 1024);
        println!(
            "first syncs: {} phones, {records} records received in {took:.1} s; {with_trip} volunteers' phones hold a trip; database and log now {megabytes} MiB",
            phones.len()
        );
        let phones = Arc::new(phones);
        // Two rounds so that every phone's checkpoints settle, as between
        // two periodic syncs of a phone.
        for _ in 0..2 {
            for phone in phones.iter() {
                sync_phone(&client, &server.url, phone, false)
                    .await
                    .expect("a warm-up sync");
            }
        }

        for (name, step_every) in [
            ("(h) idle syncs", None),
            ("(i) syncs, one in twenty with a step", Some(STEP_EVERY)),
        ] {
            let (server_before, bench_before) = (cpu_seconds(&pid), cpu_seconds("self"));
            let (outcomes, elapsed) =
                phase(&client, &server.url, &phones, clients, seconds, step_every).await;
            let server_cpu = cpu_seconds(&pid) - server_before;
            let bench_cpu = cpu_seconds("self") - bench_before;
            report(
                &format!("{name}, {} phones, {clients} clients", phones.len()),
                outcomes,
                elapsed,
                server_cpu,
                bench_cpu,
            );
        }
        drop(server);
    });
}
