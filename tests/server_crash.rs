//! The server can be killed at any instant (the system's out-of-memory
//! killer, `kill -9`, a crash). This test runs the real server binary on one
//! database and kills it with SIGKILL, many times, at random moments, while
//! phones with real stores log steps and sync without pause. In the end every operation the server acknowledged is
//! in the database exactly once (one write in the audit log, never two; a
//! report rewritten n times written n times, its last version kept), no phone
//! has anything left to send, and every phone holds what the server holds of
//! its scope. (A kill leaves what the kernel was given; a power cut, which
//! only `synchronous = FULL` survives, is not what this test checks.)
#![cfg(feature = "server")]

mod common;

use chrono::{Duration, Utc};
use common::Network;
use itinerances::domain::*;
use itinerances::protocol::{Change, Outcome, Role, SyncRequest, SyncResponse};
use itinerances::server::{AppState, ServerOptions};
use itinerances::store::{SledStore, Store, StoreKey};
use itinerances::sync::{sync_once, sync_until_idle, HttpTransport, Transport, TransportError};
use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// How many times the server is killed.
const KILLS: usize = 100;
/// Phones of volunteers, each with its own trip; one coordinator's phone besides.
const VOLUNTEERS: usize = 4;

/// A tiny deterministic generator (xorshift), enough to vary the kill delays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The server binary, serving one database directory on a fixed port.
struct ServerProcess {
    data_dir: PathBuf,
    port: u16,
    child: Option<Child>,
    starts: usize,
}

impl ServerProcess {
    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn log_path(&self) -> PathBuf {
        self.data_dir.join("server.log")
    }

    /// Starts the binary and waits until it answers `/health`. A port not yet
    /// free again after a kill makes the binary exit: it is started again.
    async fn start(&mut self) {
        let client = reqwest::Client::new();
        let deadline = Instant::now() + std::time::Duration::from_secs(20);
        while Instant::now() < deadline {
            let log = File::options()
                .create(true)
                .append(true)
                .open(self.log_path())
                .expect("server log");
            let child = Command::new(env!("CARGO_BIN_EXE_itinerances"))
                .arg("serve")
                .arg("--data-dir")
                .arg(&self.data_dir)
                .arg("--port")
                .arg(self.port.to_string())
                .env("RUST_LOG", "warn")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .expect("starts the server binary");
            self.child = Some(child);
            self.starts += 1;
            loop {
                if let Some(child) = self.child.as_mut() {
                    if child.try_wait().expect("polls the server").is_some() {
                        self.child = None;
                        break;
                    }
                }
                let health = client.get(format!("{}/health", self.url())).send().await;
                if health.is_ok_and(|r| r.status().is_success()) {
                    return;
                }
                if Instant::now() > deadline {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let log = std::fs::read_to_string(self.log_path()).unwrap_or_default();
        panic!("the server did not start on port {}:\n{log}", self.port);
    }

    /// SIGKILL: no shutdown, no flush, no answer to the requests in flight.
    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().expect("kills the server");
            child.wait().expect("reaps the server");
        }
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A port nobody listens on right now, for every start of the server.
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind port 0");
    listener.local_addr().expect("local addr").port()
}

/// The HTTP transport, noting the step each acknowledged operation carried.
struct Witness {
    inner: HttpTransport,
    acknowledged: Mutex<BTreeMap<OpId, EventId>>,
}

impl Witness {
    fn acknowledged_steps(&self) -> BTreeSet<String> {
        let acknowledged = self.acknowledged.lock().expect("witness");
        acknowledged
            .values()
            .map(|e| e.as_str().to_owned())
            .collect()
    }
}

impl Transport for Witness {
    async fn exchange(&self, request: &SyncRequest) -> Result<SyncResponse, TransportError> {
        let response = self.inner.exchange(request).await?;
        let mut acknowledged = self.acknowledged.lock().expect("witness");
        for result in &response.results {
            let sent = request.ops.iter().find(|op| op.seq == result.seq);
            // Each phone alone writes its reports, later ones with later
            // stamps: an answer other than "applied", even to an operation
            // sent again after a kill, is wrong.
            match (sent.map(|op| &op.change), &result.outcome) {
                (Some(Change::LogEvent { event }), Outcome::Applied) => {
                    acknowledged.insert(result.op_id.clone(), event.id.clone());
                }
                (Some(Change::SubmitReport { .. }), Outcome::Applied) => {}
                (_, outcome) => panic!("operation {} answered {outcome:?}", result.seq),
            }
        }
        Ok(response)
    }
}

/// One phone: its encrypted store and what it sent.
struct Phone {
    store: SledStore,
    transport: Witness,
    author: Author,
    trips: Vec<TripId>,
    _dir: tempfile::TempDir,
}

/// What a phone's loop saw while the server was being killed.
#[derive(Debug, Default)]
struct Tally {
    /// The ids of the steps logged on the phone.
    steps: BTreeSet<String>,
    /// Per trip, how many reports the phone wrote, and the last one.
    reports: BTreeMap<TripId, (i64, TripReport)>,
    syncs: usize,
    offline: usize,
}

/// Logs steps and syncs until told to stop. A failed sync other than "the
/// server cannot be reached" is a failure of the test.
async fn log_and_sync(phone: &Phone, seed: u64, stop: &AtomicBool) -> Tally {
    let mut rng = Rng(seed | 1);
    let mut tally = Tally::default();
    while !stop.load(Ordering::Relaxed) {
        let trip = &phone.trips[rng.below(phone.trips.len() as u64) as usize];
        let roll = rng.below(12);
        if roll < 6 {
            let event = TripEvent {
                id: EventId::random(),
                trip_id: trip.clone(),
                kind: EventKind::STEPS[rng.below(6) as usize],
                at: Utc::now(),
                author: phone.author.clone(),
                note: format!("step {}", tally.steps.len()),
            };
            tally.steps.insert(event.id.as_str().to_owned());
            phone
                .store
                .record(Change::LogEvent { event }, Utc::now())
                .expect("saved on the phone");
        } else if roll == 6 && matches!(phone.author, Author::Volunteer(_)) {
            // The report of the trip, rewritten with the kilometres so far.
            let written = tally.reports.entry(trip.clone()).or_insert((
                0,
                TripReport {
                    trip_id: trip.clone(),
                    author: phone.author.clone(),
                    mood_before: Mood::Calm,
                    mood_after: Mood::Happy,
                    contact: Contact::Warm,
                    incidents: String::new(),
                    kilometres: 0,
                    text: String::new(),
                    written_at: Utc::now(),
                },
            ));
            written.0 += 1;
            written.1.kilometres = u32::try_from(written.0).expect("few reports");
            written.1.written_at = Utc::now();
            let report = written.1.clone();
            phone
                .store
                .record(Change::SubmitReport { report }, Utc::now())
                .expect("saved on the phone");
        }
        match sync_once(&phone.store, &phone.transport, Utc::now()).await {
            Ok(_) => tally.syncs += 1,
            Err(e) if e.is_offline() => {
                tally.offline += 1;
                tokio::time::sleep(std::time::Duration::from_millis(5 + rng.below(20))).await;
            }
            Err(e) => panic!("a sync failed otherwise than offline: {e}"),
        }
    }
    tally
}

/// The network: one trip tomorrow per volunteer, each assigned to them.
fn network_records(network: &Network) -> (Vec<Record>, Vec<(Volunteer, Trip)>) {
    let mut records = network.records();
    records.retain(|r| !matches!(r.kind(), RecordKind::Trip | RecordKind::Volunteer));
    let mut assigned = Vec::new();
    for i in 0..VOLUNTEERS {
        let mut volunteer = network.volunteers[0].clone();
        volunteer.id = VolunteerId(format!("v{i}"));
        volunteer.name = format!("Volunteer {i}");
        let mut trip = network.trip.clone();
        trip.id = TripId(format!("t{i}"));
        trip.visit_start += Duration::hours(2 * i as i64);
        trip.visit_end = trip.visit_start + Duration::hours(1);
        trip.volunteer_id = Some(volunteer.id.clone());
        records.push(Record::Volunteer(volunteer.clone()));
        records.push(Record::Trip(trip.clone()));
        assigned.push((volunteer, trip));
    }
    (records, assigned)
}

fn keyed(records: Vec<Record>) -> BTreeMap<RecordKey, String> {
    records
        .into_iter()
        .map(|r| (r.key(), serde_json::to_string(&r).expect("serializes")))
        .collect()
}

/// How many times the audit log says each record of a kind was written.
fn writes_per_record(db_path: &Path, kind: RecordKind) -> BTreeMap<String, i64> {
    let conn = rusqlite::Connection::open(db_path).expect("opens the database");
    let mut stmt = conn
        .prepare(
            "SELECT record_id, COUNT(*) FROM audit_log
             WHERE kind = ?1 AND action = 'write' GROUP BY record_id",
        )
        .expect("audit query");
    let rows = stmt
        .query_map([kind.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("audit rows");
    rows.collect::<Result<_, _>>().expect("audit rows read")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_operations_survive_the_server_being_killed() {
    let started = Instant::now();
    let data_dir = tempfile::tempdir().expect("temp dir");
    // The binary's database, filled and given codes before its first start.
    let db_path = data_dir.path().join("itinerances.sqlite3");
    let network = Network::new(Utc::now());
    let (records, assigned) = network_records(&network);
    let mut codes = Vec::new();
    {
        let state = AppState::open(&db_path, ServerOptions::default()).expect("creates the db");
        state.load_records(records).expect("loads the network");
        let coordinator = "Coordination";
        let code = state
            .create_enrollment_code(Role::Coordinator, coordinator, None)
            .expect("coordinator code");
        codes.push((code.code, Author::Coordinator(coordinator.into()), None));
        for (volunteer, trip) in &assigned {
            let code = state
                .create_enrollment_code(
                    Role::Volunteer,
                    &volunteer.name,
                    Some(volunteer.id.clone()),
                )
                .expect("volunteer code");
            codes.push((
                code.code,
                Author::Volunteer(volunteer.id.clone()),
                Some(trip.id.clone()),
            ));
        }
    }

    let mut server = ServerProcess {
        data_dir: data_dir.path().to_path_buf(),
        port: free_port(),
        child: None,
        starts: 0,
    };
    server.start().await;

    let all_trips: Vec<TripId> = assigned.iter().map(|(_, t)| t.id.clone()).collect();
    let mut phones = Vec::new();
    for (code, author, trip) in codes {
        let identity = itinerances::sync::enroll(&server.url(), &code, "Phone")
            .await
            .expect("enrolls");
        let dir = tempfile::tempdir().expect("temp dir");
        let store = SledStore::open(dir.path(), &StoreKey::generate().expect("key"))
            .expect("opens the phone's store");
        store.set_identity(&identity).expect("keeps the identity");
        let inner = HttpTransport::for_identity(&identity).expect("transport");
        sync_once(&store, &inner, Utc::now())
            .await
            .expect("first sync");
        phones.push(Arc::new(Phone {
            store,
            transport: Witness {
                inner,
                acknowledged: Mutex::new(BTreeMap::new()),
            },
            author,
            // The coordinator logs steps on every trip, each volunteer on theirs.
            trips: trip.map_or_else(|| all_trips.clone(), |t| vec![t]),
            _dir: dir,
        }));
    }

    // The phones work while the server is killed and started again.
    let stop = Arc::new(AtomicBool::new(false));
    let workers: Vec<_> = phones
        .iter()
        .enumerate()
        .map(|(i, phone)| {
            let (phone, stop) = (phone.clone(), stop.clone());
            tokio::spawn(async move { log_and_sync(&phone, 0x5eed_0000 + i as u64, &stop).await })
        })
        .collect();
    let mut rng = Rng(0xc0ff_ee00_dead_beef);
    for _ in 0..KILLS {
        tokio::time::sleep(std::time::Duration::from_millis(5 + rng.below(150))).await;
        server.kill();
        server.start().await;
    }
    stop.store(true, Ordering::Relaxed);
    let mut tally = Tally::default();
    for worker in workers {
        let t = worker.await.expect("a phone's loop");
        tally.steps.extend(t.steps);
        tally.reports.extend(t.reports);
        tally.syncs += t.syncs;
        tally.offline += t.offline;
    }

    // The server stays up: every phone sends what it still holds.
    for phone in &phones {
        sync_until_idle(&phone.store, &phone.transport, Utc::now(), 20)
            .await
            .expect("a clean sync");
        let status = phone.store.status().expect("status");
        assert_eq!(status.pending, 0, "a phone still has changes to send");
        assert!(
            phone.store.rejected().expect("rejected").is_empty(),
            "a step was refused"
        );
    }
    // A last round, so that each phone also receives the others' last steps.
    for phone in &phones {
        sync_once(&phone.store, &phone.transport, Utc::now())
            .await
            .expect("a clean sync");
    }
    server.kill();

    let state = AppState::open(&db_path, ServerOptions::default()).expect("reopens the db");
    let server_events = state.records(RecordKind::Event).expect("events");
    let on_server: BTreeSet<String> = server_events.iter().map(|r| r.id().to_owned()).collect();
    // Every step acknowledged is in the database, and so is every step
    // logged: none was left behind, none came from nowhere.
    let mut acknowledged = BTreeSet::new();
    for phone in &phones {
        acknowledged.extend(phone.transport.acknowledged_steps());
    }
    assert!(
        acknowledged.is_subset(&on_server),
        "an acknowledged step is missing"
    );
    assert_eq!(
        on_server, tally.steps,
        "the server's steps are not the ones logged"
    );
    // Written exactly once: one write in the audit log per step, never two.
    let writes = writes_per_record(&db_path, RecordKind::Event);
    for id in &on_server {
        assert_eq!(
            writes.get(id),
            Some(&1),
            "step {id} written other than once"
        );
    }
    assert_eq!(writes.len(), on_server.len(), "a write for a step not held");
    // Each report operation applied once, the last one kept.
    let report_writes = writes_per_record(&db_path, RecordKind::Report);
    for (trip, (count, last)) in &tally.reports {
        assert_eq!(
            report_writes.get(trip.as_str()),
            Some(count),
            "the report of {trip} written another number of times than sent"
        );
        let key = RecordKey::new(RecordKind::Report, trip.as_str());
        assert_eq!(
            state.record(&key).expect("reads"),
            Some(Record::Report(last.clone())),
            "the report of {trip} is not the last one written"
        );
    }
    let reports: i64 = tally.reports.values().map(|(count, _)| count).sum();

    // Every phone holds what the server holds of its scope.
    let coordinator = &phones[0];
    for kind in RecordKind::ALL {
        assert_eq!(
            keyed(coordinator.store.list(kind).expect("list")),
            keyed(state.records(kind).expect("records")),
            "the coordinator's {kind:?} records differ from the server's"
        );
    }
    for phone in &phones[1..] {
        let trip = &phone.trips[0];
        let of_trip = |kind: RecordKind| {
            let records = state.records(kind).expect("records");
            keyed(
                records
                    .into_iter()
                    .filter(|r| match r {
                        Record::Event(e) => e.trip_id == *trip,
                        Record::Report(report) => report.trip_id == *trip,
                        _ => false,
                    })
                    .collect(),
            )
        };
        for kind in [RecordKind::Event, RecordKind::Report] {
            assert_eq!(
                keyed(phone.store.list(kind).expect("list")),
                of_trip(kind),
                "the phone of trip {trip} holds other {kind:?} records than the server"
            );
        }
    }
    eprintln!(
        "{KILLS} kills ({} starts) in {:.1} s: {} steps logged ({} acknowledged during the kills or after), {reports} reports, {} syncs answered, {} syncs cut off",
        server.starts,
        started.elapsed().as_secs_f64(),
        tally.steps.len(),
        acknowledged.len(),
        tally.syncs,
        tally.offline
    );
}
