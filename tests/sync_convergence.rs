//! Several devices work offline, sync in random order through a network that
//! loses answers, repeats requests and replays old ones. In the end every
//! device agrees with the server: no acknowledged operation lost, none
//! applied twice, every refusal kept visible.
//!
//! `cargo test` runs 256 cases; a long run sets the count, e.g.
//! `ITINERANCES_CONVERGENCE_CASES=10000 cargo test --test sync_convergence -- --nocapture`
//! (it says every thousand cases how far it got).

mod common;

use chrono::{Duration, Utc};
use common::{enrolled, Network, TestServer};
use itinerances::domain::*;
use itinerances::protocol::{Change, Operation, Role, SyncRequest, SyncResponse};
use itinerances::store::{MemoryStore, Store};
use itinerances::sync::{sync_once, HttpTransport, Transport, TransportError};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

/// A transport that misbehaves like a bad mobile network, on purpose.
struct UnreliableNetwork {
    inner: HttpTransport,
    dice: Mutex<u64>,
    sent_before: Mutex<Vec<SyncRequest>>,
}

impl UnreliableNetwork {
    fn new(inner: HttpTransport, seed: u64) -> Self {
        Self {
            inner,
            dice: Mutex::new(seed | 1),
            sent_before: Mutex::new(Vec::new()),
        }
    }

    /// A number in 0..100 (xorshift).
    fn roll(&self) -> u64 {
        let mut state = self.dice.lock().expect("dice");
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state % 100
    }
}

impl Transport for UnreliableNetwork {
    async fn exchange(&self, request: &SyncRequest) -> Result<SyncResponse, TransportError> {
        let old = {
            let history = self.sent_before.lock().expect("history");
            let pick = self.roll() as usize;
            (pick < 25 && !history.is_empty()).then(|| history[pick % history.len()].clone())
        };
        if let Some(old) = old {
            // An old request arrives late; its answer goes nowhere.
            let _ = self.inner.exchange(&old).await;
        }
        self.sent_before
            .lock()
            .expect("history")
            .push(request.clone());
        let response = self.inner.exchange(request).await?;
        if self.roll() < 20 {
            // The same request arrives twice.
            let _ = self.inner.exchange(request).await;
        }
        if self.roll() < 20 {
            return Err(TransportError::Offline("the answer was lost".into()));
        }
        Ok(response)
    }
}

#[derive(Debug, Clone)]
enum Action {
    Log {
        volunteer: usize,
        trip: usize,
        step: usize,
    },
    Report {
        volunteer: usize,
        trip: usize,
        km: u32,
    },
    Assign {
        trip: usize,
        volunteer: Option<usize>,
    },
    PrisonStatus {
        strike: bool,
    },
    Sync {
        device: usize,
    },
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        3 => (0..2usize, 0..3usize, 0..6usize).prop_map(|(volunteer, trip, step)| Action::Log { volunteer, trip, step }),
        1 => (0..2usize, 0..3usize, 0..400u32).prop_map(|(volunteer, trip, km)| Action::Report { volunteer, trip, km }),
        1 => (0..3usize, prop::option::of(0..2usize)).prop_map(|(trip, volunteer)| Action::Assign { trip, volunteer }),
        1 => any::<bool>().prop_map(|strike| Action::PrisonStatus { strike }),
        3 => (0..3usize).prop_map(|device| Action::Sync { device }),
    ]
}

fn keyed(records: Vec<Record>) -> BTreeMap<RecordKey, String> {
    records
        .into_iter()
        .map(|r| (r.key(), serde_json::to_string(&r).expect("serializes")))
        .collect()
}

fn trips(network: &Network, now: chrono::DateTime<Utc>) -> Vec<Trip> {
    (0..3)
        .map(|i| {
            let mut trip = network.trip.clone();
            trip.id = TripId(format!("t{i}"));
            trip.visit_start = now + Duration::days(1 + i as i64);
            trip.visit_end = trip.visit_start + Duration::hours(1);
            trip.volunteer_id = match i {
                0 => Some(network.volunteers[0].id.clone()),
                1 => Some(network.volunteers[1].id.clone()),
                _ => None,
            };
            trip
        })
        .collect()
}

async fn scenario(actions: Vec<Action>, seed: u64) {
    let now = Utc::now();
    let server = TestServer::start().await;
    let network = Network::new(now);
    let trips = trips(&network, now);
    let mut records = network.records();
    records.retain(|r| r.kind() != RecordKind::Trip);
    records.extend(trips.iter().cloned().map(Record::Trip));
    server.state.load_records(records).expect("load network");

    let volunteer_ids: Vec<VolunteerId> = network.volunteers.iter().map(|v| v.id.clone()).collect();
    // Device 0 is the coordinator, 1 and 2 the volunteers' phones.
    let mut devices = vec![enrolled(
        MemoryStore::new(),
        &server.enroll(Role::Coordinator, "Coordination", None).await,
    )];
    for (i, id) in volunteer_ids.iter().enumerate() {
        let name = format!("Volunteer {i}");
        devices.push(enrolled(
            MemoryStore::new(),
            &server.enroll(Role::Volunteer, &name, Some(id)).await,
        ));
    }
    let networks: Vec<UnreliableNetwork> = devices
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let identity = d.identity().expect("identity").expect("enrolled");
            let http = HttpTransport::for_identity(&identity).expect("transport");
            UnreliableNetwork::new(http, seed.wrapping_add(i as u64 * 7919))
        })
        .collect();
    let mut recorded: Vec<(usize, Operation)> = Vec::new();
    let mut last_assignment: BTreeMap<TripId, Option<VolunteerId>> = BTreeMap::new();

    for action in actions {
        match action {
            Action::Log {
                volunteer,
                trip,
                step,
            } => {
                let event = TripEvent {
                    id: EventId::random(),
                    trip_id: trips[trip].id.clone(),
                    kind: EventKind::STEPS[step],
                    at: Utc::now(),
                    author: Author::Volunteer(volunteer_ids[volunteer].clone()),
                    note: String::new(),
                };
                let op = devices[volunteer + 1]
                    .record(Change::LogEvent { event }, Utc::now())
                    .expect("saved");
                recorded.push((volunteer + 1, op));
            }
            Action::Report {
                volunteer,
                trip,
                km,
            } => {
                let report = TripReport {
                    trip_id: trips[trip].id.clone(),
                    author: Author::Volunteer(volunteer_ids[volunteer].clone()),
                    mood_before: Mood::Calm,
                    mood_after: Mood::Happy,
                    contact: Contact::Warm,
                    incidents: String::new(),
                    kilometres: km,
                    text: String::new(),
                    written_at: Utc::now(),
                };
                let op = devices[volunteer + 1]
                    .record(Change::SubmitReport { report }, Utc::now())
                    .expect("saved");
                recorded.push((volunteer + 1, op));
            }
            Action::Assign { trip, volunteer } => {
                let to = volunteer.map(|v| volunteer_ids[v].clone());
                let change = Change::Assign {
                    trip_id: trips[trip].id.clone(),
                    volunteer_id: to.clone(),
                };
                let op = devices[0].record(change, Utc::now()).expect("saved");
                last_assignment.insert(trips[trip].id.clone(), to);
                recorded.push((0, op));
            }
            Action::PrisonStatus { strike } => {
                let mut prison = network.prison.clone();
                if strike {
                    prison.status.kind = PrisonStatusKind::Strike;
                    prison.status.note = "Staff strike".into();
                }
                let change = Change::Put {
                    record: Record::Prison(prison),
                };
                recorded.push((0, devices[0].record(change, Utc::now()).expect("saved")));
            }
            Action::Sync { device } => {
                // Errors are the point here: lost answers, and so on.
                let _ = sync_once(&devices[device], &networks[device], Utc::now()).await;
            }
        }
    }

    // The network heals; everyone syncs until quiet, twice round.
    for _ in 0..2 {
        for device in &devices {
            let identity = device.identity().expect("identity").expect("enrolled");
            let http = HttpTransport::for_identity(&identity).expect("transport");
            for _ in 0..5 {
                sync_once(device, &http, Utc::now())
                    .await
                    .expect("clean sync");
            }
        }
    }

    // Nothing left waiting; every operation either reached the server or is
    // shown as refused on its device.
    let server_events = keyed(server.state.records(RecordKind::Event).expect("events"));
    let mut expected_events = BTreeSet::new();
    for (device, op) in &recorded {
        let store = &devices[*device];
        let refused = store
            .rejected()
            .expect("rejected")
            .iter()
            .any(|r| r.op.op_id == op.op_id);
        if let Change::LogEvent { event } = &op.change {
            let key = RecordKey::new(RecordKind::Event, event.id.as_str());
            assert_eq!(
                server_events.contains_key(&key),
                !refused,
                "event {key} must be on the server unless refused"
            );
            if !refused {
                expected_events.insert(key);
            }
        }
        if *device == 0 {
            assert!(!refused, "the coordinator's {op:?} was refused");
        }
    }
    // Exactly once: the server holds the accepted events and nothing else.
    assert_eq!(
        server_events.keys().cloned().collect::<BTreeSet<_>>(),
        expected_events
    );
    for device in &devices {
        assert_eq!(device.status().expect("status").pending, 0);
    }
    // The coordinator's last word on each assignment holds.
    for (trip, volunteer) in &last_assignment {
        match server
            .state
            .record(&RecordKey::new(RecordKind::Trip, trip.as_str()))
            .expect("read")
        {
            Some(Record::Trip(t)) => assert_eq!(&t.volunteer_id, volunteer),
            other => panic!("trip {trip} missing: {other:?}"),
        }
    }

    // The coordinator sees the whole network exactly as the server holds it.
    for kind in RecordKind::ALL {
        assert_eq!(
            keyed(devices[0].list(kind).expect("list")),
            keyed(server.state.records(kind).expect("records")),
            "coordinator's {kind:?} records differ from the server's"
        );
    }
    // Each volunteer holds exactly their trips, those trips' children and
    // events, and nothing of the others.
    let server_trips = server.state.records(RecordKind::Trip).expect("trips");
    for (i, id) in volunteer_ids.iter().enumerate() {
        let phone = &devices[i + 1];
        let theirs: BTreeSet<String> = server_trips
            .iter()
            .filter_map(|r| match r {
                Record::Trip(t) if t.volunteer_id.as_ref() == Some(id) => Some(t.id.0.clone()),
                _ => None,
            })
            .collect();
        let held: BTreeSet<String> = phone
            .list(RecordKind::Trip)
            .expect("trips")
            .iter()
            .map(|r| r.id().to_owned())
            .collect();
        assert_eq!(held, theirs, "volunteer {i} holds the wrong trips");
        let events_held: BTreeSet<RecordKey> = phone
            .list(RecordKind::Event)
            .expect("events")
            .iter()
            .map(Record::key)
            .collect();
        let events_theirs: BTreeSet<RecordKey> = server
            .state
            .records(RecordKind::Event)
            .expect("events")
            .iter()
            .filter_map(|r| match r {
                Record::Event(e) if theirs.contains(e.trip_id.as_str()) => Some(r.key()),
                _ => None,
            })
            .collect();
        assert_eq!(events_held, events_theirs, "volunteer {i} events");
        if theirs.is_empty() {
            assert!(phone.list(RecordKind::Child).expect("children").is_empty());
        }
        assert!(phone
            .list(RecordKind::VisitRight)
            .expect("rights")
            .is_empty());
    }
}

/// How many cases a run checks: 256 unless the environment says otherwise.
const CASES_VAR: &str = "ITINERANCES_CONVERGENCE_CASES";
const DEFAULT_CASES: u32 = 256;

fn cases() -> u32 {
    match std::env::var(CASES_VAR) {
        Ok(text) => text
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{CASES_VAR}={text:?} is not a number of cases")),
        Err(_) => DEFAULT_CASES,
    }
}

/// Cases run so far: a long run says where it stands every thousand.
static CASES_RUN: AtomicU32 = AtomicU32::new(0);

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn devices_converge_to_the_server(actions in prop::collection::vec(action(), 5..40), seed in any::<u64>()) {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(scenario(actions, seed));
        let run = CASES_RUN.fetch_add(1, Ordering::Relaxed) + 1;
        if run.is_multiple_of(1_000) {
            eprintln!("{run} cases passed");
        }
    }
}
