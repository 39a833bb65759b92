//! A phone's app can be killed at any instant (battery, the system reclaiming
//! memory, a volunteer swiping it away in the car park). This test kills a
//! process that is writing trip events to a sled store, many times over the
//! same directory, and checks that every event the process had reported as
//! saved is still there exactly once, in a gapless outbox, and shown.
//!
//! The writer is this same test binary, re-executed with an environment
//! variable naming the store's directory.

use chrono::Utc;
use itinerances::domain::{Author, EventId, EventKind, Record, TripEvent, TripId, VolunteerId};
use itinerances::protocol::Change;
use itinerances::store::{SledStore, Store, StoreKey};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const DIR_VAR: &str = "ITINERANCES_CRASH_STORE_DIR";
const ROUNDS: usize = 50;

fn key() -> StoreKey {
    StoreKey::from_bytes([3; 32])
}

/// The writer: records events until it is killed, saying which ones are saved.
#[test]
#[ignore = "the writer process of every_saved_event_survives_being_killed"]
fn crash_child_writer() {
    let Ok(dir) = std::env::var(DIR_VAR) else {
        return;
    };
    let store = SledStore::open(Path::new(&dir), &key()).expect("the store opens");
    let mut out = std::io::stdout().lock();
    loop {
        let event = TripEvent {
            id: EventId::random(),
            trip_id: TripId::from("t1"),
            kind: EventKind::Arrived,
            at: Utc::now(),
            author: Author::Volunteer(VolunteerId::from("v1")),
            note: "arrived at the visitors' entrance".into(),
        };
        let started = Instant::now();
        let op = store
            .record(Change::LogEvent { event }, Utc::now())
            .expect("records");
        let micros = started.elapsed().as_micros();
        writeln!(out, "saved {} {micros}", op.op_id).expect("writes stdout");
        out.flush().expect("flushes stdout");
    }
}

/// A tiny deterministic generator (xorshift), enough to vary the kill delays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn every_saved_event_survives_being_killed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let exe = std::env::current_exe().expect("test binary");
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut saved: Vec<String> = Vec::new();
    let mut micros: Vec<u64> = Vec::new();
    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args(["--exact", "crash_child_writer", "--nocapture", "--ignored"])
            .env(DIR_VAR, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starts the writer");
        // Read while it writes, so that a full pipe never holds it up.
        let mut stdout = child.stdout.take().expect("piped stdout");
        let reader = std::thread::spawn(move || {
            let mut text = String::new();
            stdout.read_to_string(&mut text).expect("reads stdout");
            text
        });
        std::thread::sleep(Duration::from_millis(20 + rng.next() % 181));
        if let Some(status) = child.try_wait().expect("polls the writer") {
            let mut err = String::new();
            if let Some(mut stderr) = child.stderr.take() {
                stderr.read_to_string(&mut err).expect("reads stderr");
            }
            panic!("round {round}: the writer stopped by itself ({status}):\n{err}");
        }
        child.kill().expect("kills the writer");
        child.wait().expect("reaps the writer");
        let text = reader.join().expect("reader thread");
        // A line cut by the kill is not a report: only whole lines count.
        let whole = &text[..text.rfind('\n').map_or(0, |i| i + 1)];
        for line in whole.lines() {
            let mut words = line.split(' ');
            if words.next() == Some("saved") {
                saved.push(words.next().expect("op id").to_owned());
                micros.extend(words.next().and_then(|m| m.parse::<u64>().ok()));
            }
        }
    }
    assert!(saved.len() >= ROUNDS, "only {} events saved", saved.len());

    let store = SledStore::open(dir.path(), &key()).expect("reopens after the kills");
    let pending = store.pending(usize::MAX).expect("reads the outbox");
    let seqs: Vec<u64> = pending.iter().map(|op| op.seq).collect();
    let expected: Vec<u64> = (1..=pending.len() as u64).collect();
    assert_eq!(seqs, expected, "the outbox has gaps or duplicates");

    let mut count: HashMap<&str, usize> = HashMap::new();
    for op in &pending {
        *count.entry(op.op_id.as_str()).or_default() += 1;
        let Change::LogEvent { event } = &op.change else {
            panic!("unexpected change {:?}", op.change);
        };
        assert_eq!(
            store.get(&op.change.key()).expect("reads state"),
            Some(Record::Event(event.clone())),
            "operation {} is not shown",
            op.seq
        );
    }
    for op_id in &saved {
        assert_eq!(count.get(op_id.as_str()), Some(&1), "saved event {op_id}");
    }
    let shown = store
        .list(itinerances::domain::RecordKind::Event)
        .expect("lists");
    assert_eq!(shown.len(), pending.len(), "state and outbox disagree");

    micros.sort_unstable();
    if let (Some(median), Some(max)) = (micros.get(micros.len() / 2), micros.last()) {
        eprintln!(
            "{} events saved over {ROUNDS} kills ({} in the outbox); record: median {median} µs, max {max} µs",
            saved.len(),
            pending.len()
        );
    }
}
