//! A coordinator's decision reaches a volunteer's phone, the volunteer records
//! the trip with no network, and everything comes back to the coordinator.
//! Real server on a real port, real sled stores in temp dirs.

mod common;

use chrono::{Duration, Utc};
use common::{enrolled, Network, TestServer};
use itinerances::domain::*;
use itinerances::protocol::{Change, Role};
use itinerances::store::{SledStore, Store, StoreKey};
use itinerances::sync::{sync_until_idle, HttpTransport, SyncError};

fn transport(store: &SledStore) -> HttpTransport {
    let identity = store.identity().expect("read identity").expect("enrolled");
    HttpTransport::for_identity(&identity).expect("transport")
}

async fn sync(store: &SledStore) -> Result<itinerances::sync::SyncReport, SyncError> {
    sync_until_idle(store, &transport(store), Utc::now(), 10).await
}

fn trip_events(store: &SledStore, trip: &TripId) -> Vec<TripEvent> {
    let mut events: Vec<TripEvent> = store
        .list(RecordKind::Event)
        .expect("list events")
        .into_iter()
        .filter_map(|r| match r {
            Record::Event(e) if &e.trip_id == trip => Some(e),
            _ => None,
        })
        .collect();
    events.sort_by_key(|e| e.at);
    events
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trip_goes_out_offline_and_comes_back_whole() {
    let now = Utc::now();
    let mut server = TestServer::start().await;
    let network = Network::new(now);
    server
        .state
        .load_records(network.records())
        .expect("load network");
    let anne = network.volunteers[0].id.clone();
    let bart = network.volunteers[1].id.clone();
    let trip_id = network.trip.id.clone();

    // The coordinator's laptop assigns the trip to Anne.
    let coordinator_dir = tempfile::tempdir().expect("temp dir");
    let coordinator_key = StoreKey::generate().expect("key");
    let coordinator_identity = server.enroll(Role::Coordinator, "Coordination", None).await;
    let coordinator = enrolled(
        SledStore::open(coordinator_dir.path(), &coordinator_key).expect("open store"),
        &coordinator_identity,
    );
    sync(&coordinator).await.expect("first coordinator sync");
    coordinator
        .record(
            Change::Assign {
                trip_id: trip_id.clone(),
                volunteer_id: Some(anne.clone()),
            },
            Utc::now(),
        )
        .expect("assign");
    let report = sync(&coordinator).await.expect("coordinator sync");
    assert_eq!(report.acknowledged, 1);

    // Anne's phone enrolls and receives the trip, the children and the prison sheet.
    let phone_dir = tempfile::tempdir().expect("temp dir");
    let phone_key = StoreKey::generate().expect("key");
    let anne_identity = server.enroll(Role::Volunteer, "Anne", Some(&anne)).await;
    let phone = enrolled(
        SledStore::open(phone_dir.path(), &phone_key).expect("open store"),
        &anne_identity,
    );
    sync(&phone).await.expect("first phone sync");
    let trip_key = RecordKey::new(RecordKind::Trip, trip_id.as_str());
    assert!(
        phone.get(&trip_key).expect("read").is_some(),
        "trip reached the phone"
    );
    let children = phone.list(RecordKind::Child).expect("children");
    assert_eq!(
        children.len(),
        2,
        "both children of the trip are on the phone"
    );
    assert!(phone
        .get(&RecordKey::new(RecordKind::Prison, "lantin"))
        .expect("read")
        .is_some());
    // The parent arrives without surname.
    match phone
        .get(&RecordKey::new(RecordKind::Parent, "p1"))
        .expect("read")
    {
        Some(Record::Parent(p)) => assert!(p.last_name.is_empty() && p.first_name == "Karim"),
        other => panic!("parent missing or wrong: {other:?}"),
    }

    // In the prison car park: no network. Every step is saved on the phone.
    server.stop().await;
    let start = Utc::now();
    for (i, step) in EventKind::STEPS.iter().enumerate() {
        let event = TripEvent {
            id: EventId::random(),
            trip_id: trip_id.clone(),
            kind: *step,
            at: start + Duration::minutes(30 * i as i64),
            author: Author::Volunteer(anne.clone()),
            note: String::new(),
        };
        phone
            .record(Change::LogEvent { event }, Utc::now())
            .expect("saved on this phone");
        let err = sync(&phone).await.expect_err("server is unreachable");
        assert!(err.is_offline(), "offline, not an error: {err}");
    }
    let report = TripReport {
        trip_id: trip_id.clone(),
        author: Author::Volunteer(anne.clone()),
        mood_before: Mood::Worried,
        mood_after: Mood::Calm,
        contact: Contact::Warm,
        incidents: String::new(),
        kilometres: 84,
        text: "Léa drew a picture for her father.".into(),
        written_at: Utc::now(),
    };
    phone
        .record(
            Change::SubmitReport {
                report: report.clone(),
            },
            Utc::now(),
        )
        .expect("report saved");
    assert_eq!(phone.status().expect("status").pending, 7);

    // The phone is switched off and on again.
    drop(phone);
    let phone = SledStore::open(phone_dir.path(), &phone_key).expect("reopen store");
    assert_eq!(phone.status().expect("status").pending, 7);
    assert_eq!(trip_events(&phone, &trip_id).len(), 6);

    // Back in range: everything goes up.
    server.restart().await;
    let report_sync = sync(&phone).await.expect("phone sync");
    assert_eq!(report_sync.acknowledged, 7);
    assert_eq!(phone.status().expect("status").pending, 0);
    assert!(phone.rejected().expect("rejected").is_empty());

    // The coordinator sees every event once, in order, and the report.
    sync(&coordinator).await.expect("coordinator sync");
    let seen: Vec<EventKind> = trip_events(&coordinator, &trip_id)
        .iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(seen, EventKind::STEPS.to_vec());
    match coordinator
        .get(&RecordKey::new(RecordKind::Report, trip_id.as_str()))
        .expect("read")
    {
        Some(Record::Report(r)) => {
            assert_eq!(r.kilometres, 84);
            assert_eq!(r.text, report.text);
        }
        other => panic!("report missing: {other:?}"),
    }
    // And so does the server, once each.
    let on_server = server
        .state
        .records(RecordKind::Event)
        .expect("server events");
    assert_eq!(on_server.len(), 6);

    // The coordinator gives the trip to Bart: Anne's phone forgets the children.
    coordinator
        .record(
            Change::Assign {
                trip_id: trip_id.clone(),
                volunteer_id: Some(bart.clone()),
            },
            Utc::now(),
        )
        .expect("reassign");
    sync(&coordinator).await.expect("coordinator sync");
    let purge = sync(&phone).await.expect("phone sync");
    assert!(
        purge.removed >= 3,
        "trip and children left the phone: {purge:?}"
    );
    assert!(phone.get(&trip_key).expect("read").is_none());
    for child in &network.children {
        let key = RecordKey::new(RecordKind::Child, child.id.as_str());
        assert!(phone.get(&key).expect("read").is_none(), "{key} purged");
    }
    assert!(phone.list(RecordKind::Child).expect("children").is_empty());
    assert!(phone
        .list(RecordKind::Guardian)
        .expect("guardians")
        .is_empty());
    assert!(phone.list(RecordKind::Report).expect("reports").is_empty());
    // The prison sheet stays: it is not personal, and Anne may go there again.
    assert!(phone
        .get(&RecordKey::new(RecordKind::Prison, "lantin"))
        .expect("read")
        .is_some());
    // Reopening from disk does not bring anything back.
    drop(phone);
    let phone = SledStore::open(phone_dir.path(), &phone_key).expect("reopen store");
    assert!(phone.list(RecordKind::Child).expect("children").is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_step_on_a_trip_taken_away_is_refused_and_shown() {
    let now = Utc::now();
    let server = TestServer::start().await;
    let mut network = Network::new(now);
    let anne = network.volunteers[0].id.clone();
    let bart = network.volunteers[1].id.clone();
    network.trip.volunteer_id = Some(anne.clone());
    server
        .state
        .load_records(network.records())
        .expect("load network");
    let dir = tempfile::tempdir().expect("temp dir");
    let identity = server.enroll(Role::Volunteer, "Anne", Some(&anne)).await;
    let phone = enrolled(
        SledStore::open(dir.path(), &StoreKey::generate().expect("key")).expect("open"),
        &identity,
    );
    sync(&phone).await.expect("first sync");

    // Meanwhile the trip goes to Bart; Anne, offline, logs a step.
    let mut trip = network.trip.clone();
    trip.volunteer_id = Some(bart);
    server
        .state
        .load_records(vec![Record::Trip(trip)])
        .expect("reassign on the server");
    let event = TripEvent {
        id: EventId::random(),
        trip_id: network.trip.id.clone(),
        kind: EventKind::PickedUp,
        at: Utc::now(),
        author: Author::Volunteer(anne),
        note: String::new(),
    };
    phone
        .record(Change::LogEvent { event }, Utc::now())
        .expect("saved");
    assert_eq!(phone.list(RecordKind::Event).expect("events").len(), 1);

    let report = sync(&phone).await.expect("sync");
    assert_eq!(report.rejected, 1);
    // Rolled back, but not silently: the refusal is there, in words.
    assert!(phone.list(RecordKind::Event).expect("events").is_empty());
    let rejected = phone.rejected().expect("rejected");
    assert_eq!(rejected.len(), 1);
    assert!(!rejected[0].message.is_empty());
    assert_eq!(phone.status().expect("status").rejected, 1);
    assert!(server
        .state
        .records(RecordKind::Event)
        .expect("events")
        .is_empty());
}
