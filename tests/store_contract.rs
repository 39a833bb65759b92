//! One contract for every local store: the same suite runs against the memory
//! store and the sled store (in a temporary directory). Sled-only behaviour
//! (reopening, the key, the lock, encryption on disk) follows at the end.

use chrono::{DateTime, Duration, TimeZone, Utc};
use itinerances::domain::*;
use itinerances::protocol::{Change, Cursor, Hlc, RejectCode, Role};
use itinerances::store::{
    ApplyPlan, DeviceIdentity, MemoryStore, SledStore, Store, StoreError, StoreKey,
};
use std::path::Path;

fn t(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 8, 0, 0)
        .single()
        .expect("valid date")
        + Duration::minutes(minutes)
}

fn child(id: &str, first_name: &str) -> Record {
    Record::Child(Child {
        id: ChildId::from(id),
        first_name: first_name.into(),
        birth_year: 2019,
        language: Language::Fr,
        needs: "comfort blanket".into(),
        guardian_id: GuardianId::from("g1"),
    })
}

fn trip(id: &str, volunteer: Option<&str>) -> Record {
    Record::Trip(Trip {
        id: TripId::from(id),
        children: vec![ChildId::from("c1")],
        parent_id: ParentId::from("p1"),
        prison_id: PrisonId::from("haren"),
        room_id: None,
        visit_start: t(120),
        visit_end: t(180),
        pickup: Pickup {
            guardian_id: GuardianId::from("g1"),
            address: "Rue de l'Exemple 1, 1000 Bruxelles".into(),
            location: GeoPoint::new(50.85, 4.35),
        },
        pickup_time: None,
        travel_mode: TravelMode::Car,
        travel_minutes: None,
        volunteer_id: volunteer.map(VolunteerId::from),
        status: TripStatus::Confirmed,
    })
}

fn event(id: &str, trip: &str, kind: EventKind, at: DateTime<Utc>) -> TripEvent {
    TripEvent {
        id: EventId::from(id),
        trip_id: TripId::from(trip),
        kind,
        at,
        author: Author::Volunteer(VolunteerId::from("v1")),
        note: String::new(),
    }
}

fn log(store: &dyn Store, id: &str, kind: EventKind, minute: i64) -> u64 {
    let change = Change::LogEvent {
        event: event(id, "t1", kind, t(minute)),
    };
    store.record(change, t(minute)).expect("records").seq
}

fn put(store: &dyn Store, record: Record) -> u64 {
    store
        .record(Change::Put { record }, t(1))
        .expect("records")
        .seq
}

fn child_key(id: &str) -> RecordKey {
    RecordKey::new(RecordKind::Child, id)
}

fn identity() -> DeviceIdentity {
    DeviceIdentity {
        server_url: "https://example.org".into(),
        device_id: DeviceId::from("phone1"),
        token: "secret-token".into(),
        account_id: AccountId::from("a1"),
        role: Role::Volunteer,
        display_name: "Anne".into(),
        volunteer_id: Some(VolunteerId::from("v1")),
    }
}

fn sync(store: &dyn Store, plan: ApplyPlan) {
    store.apply(&plan, t(30)).expect("applies");
}

// ---- the contract -------------------------------------------------------

fn a_change_shows_at_once_and_waits_for_the_server(store: &dyn Store) {
    put(store, child("c1", "Lina"));
    assert_eq!(
        store.get(&child_key("c1")).expect("reads"),
        Some(child("c1", "Lina"))
    );
    assert_eq!(
        store.list(RecordKind::Child).expect("lists"),
        vec![child("c1", "Lina")]
    );
    let pending = store.pending(10).expect("pending");
    assert_eq!(pending.len(), 1);
    assert_eq!(
        pending[0].change,
        Change::Put {
            record: child("c1", "Lina")
        }
    );
    assert_eq!(pending[0].hlc.node, "local");
}

fn operations_are_numbered_from_one_without_gaps(store: &dyn Store) {
    let seqs: Vec<u64> = (0..5)
        .map(|i| log(store, &format!("e{i}"), EventKind::PickedUp, 5))
        .collect();
    assert_eq!(seqs, vec![1, 2, 3, 4, 5]);
    let pending = store.pending(3).expect("pending");
    assert_eq!(
        pending.iter().map(|o| o.seq).collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
    // Same wall-clock minute: the clock still moves forward.
    let all = store.pending(100).expect("pending");
    assert!(all.windows(2).all(|w| w[0].hlc < w[1].hlc));
}

fn an_acknowledged_change_leaves_the_outbox_and_the_server_version_stays(store: &dyn Store) {
    let seq = put(store, child("c1", "Lina"));
    sync(
        store,
        ApplyPlan {
            acknowledged: vec![seq],
            upserts: vec![child("c1", "Lina M.")],
            cursor: Some(Cursor(7)),
            ..ApplyPlan::default()
        },
    );
    assert!(store.pending(10).expect("pending").is_empty());
    assert_eq!(
        store.get(&child_key("c1")).expect("reads"),
        Some(child("c1", "Lina M."))
    );
    assert_eq!(store.cursor().expect("cursor"), Some(Cursor(7)));
}

fn an_acknowledged_change_stays_visible_until_the_server_sends_its_version(store: &dyn Store) {
    let seq = log(store, "e1", EventKind::PickedUp, 10);
    sync(
        store,
        ApplyPlan {
            acknowledged: vec![seq],
            ..ApplyPlan::default()
        },
    );
    assert_eq!(
        store.events_of(&TripId::from("t1")).expect("events").len(),
        1
    );
    // A replayed response acknowledges it again: nothing happens.
    sync(
        store,
        ApplyPlan {
            acknowledged: vec![seq],
            ..ApplyPlan::default()
        },
    );
    assert_eq!(store.status().expect("status").pending, 0);
}

fn a_refused_change_is_rolled_back_and_shown_with_its_reason(store: &dyn Store) {
    sync(
        store,
        ApplyPlan {
            upserts: vec![trip("t1", Some("v1"))],
            ..ApplyPlan::default()
        },
    );
    let op = store
        .record(
            Change::Assign {
                trip_id: TripId::from("t1"),
                volunteer_id: Some(VolunteerId::from("v2")),
            },
            t(5),
        )
        .expect("records");
    let key = RecordKey::new(RecordKind::Trip, "t1");
    assert_eq!(
        store.get(&key).expect("reads"),
        Some(trip("t1", Some("v2")))
    );
    sync(
        store,
        ApplyPlan {
            rejected: vec![(
                op.seq,
                RejectCode::Forbidden,
                "only a coordinator assigns trips".into(),
            )],
            ..ApplyPlan::default()
        },
    );
    assert_eq!(
        store.get(&key).expect("reads"),
        Some(trip("t1", Some("v1")))
    );
    assert!(store.pending(10).expect("pending").is_empty());
    let rejected = store.rejected().expect("rejected");
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0].op, op);
    assert_eq!(rejected[0].code, RejectCode::Forbidden);
    assert_eq!(rejected[0].message, "only a coordinator assigns trips");
    store.dismiss_rejected(&op.op_id).expect("dismisses");
    assert!(store.rejected().expect("rejected").is_empty());
}

fn a_later_change_survives_the_refusal_of_an_earlier_one(store: &dyn Store) {
    sync(
        store,
        ApplyPlan {
            upserts: vec![child("c1", "Lina")],
            ..ApplyPlan::default()
        },
    );
    let first = put(store, child("c1", "Linaa"));
    put(store, child("c1", "Lina B."));
    sync(
        store,
        ApplyPlan {
            rejected: vec![(first, RejectCode::Invalid, "typo".into())],
            ..ApplyPlan::default()
        },
    );
    assert_eq!(
        store.get(&child_key("c1")).expect("reads"),
        Some(child("c1", "Lina B."))
    );
    assert_eq!(store.pending(10).expect("pending").len(), 1);
}

fn a_record_leaving_the_scope_is_purged(store: &dyn Store) {
    sync(
        store,
        ApplyPlan {
            upserts: vec![child("c1", "Lina"), child("c2", "Noah")],
            ..ApplyPlan::default()
        },
    );
    sync(
        store,
        ApplyPlan {
            removals: vec![child_key("c1")],
            ..ApplyPlan::default()
        },
    );
    assert_eq!(store.get(&child_key("c1")).expect("reads"), None);
    let names: Vec<String> = store
        .children()
        .expect("children")
        .into_iter()
        .map(|c| c.first_name)
        .collect();
    assert_eq!(names, vec!["Noah".to_owned()]);
}

fn a_reset_purges_what_the_server_no_longer_sends_but_keeps_pending_changes(store: &dyn Store) {
    sync(
        store,
        ApplyPlan {
            upserts: vec![
                child("c1", "Lina"),
                child("c2", "Noah"),
                trip("t1", Some("v1")),
            ],
            ..ApplyPlan::default()
        },
    );
    log(store, "e1", EventKind::PickedUp, 10);
    put(store, child("c2", "Noah K."));
    sync(
        store,
        ApplyPlan {
            upserts: vec![trip("t1", Some("v1"))],
            reset: true,
            ..ApplyPlan::default()
        },
    );
    assert_eq!(store.get(&child_key("c1")).expect("reads"), None);
    // Noah's record came from the server, but a change to it is still pending:
    // the screens keep showing what this device wrote.
    assert_eq!(
        store.get(&child_key("c2")).expect("reads"),
        Some(child("c2", "Noah K."))
    );
    assert_eq!(
        store.events_of(&TripId::from("t1")).expect("events").len(),
        1
    );
    assert_eq!(store.trips().expect("trips").len(), 1);
}

fn the_status_counts_what_waits_and_what_was_refused(store: &dyn Store) {
    assert_eq!(store.status().expect("status").pending, 0);
    let a = log(store, "e1", EventKind::PickedUp, 10);
    let b = log(store, "e2", EventKind::Arrived, 20);
    log(store, "e3", EventKind::Entered, 30);
    sync(
        store,
        ApplyPlan {
            acknowledged: vec![a],
            rejected: vec![(b, RejectCode::NotFound, "trip gone".into())],
            cursor: Some(Cursor(3)),
            ..ApplyPlan::default()
        },
    );
    let status = store.status().expect("status");
    assert_eq!((status.pending, status.rejected), (1, 1));
    assert_eq!(status.last_sync, Some(t(30)));
    assert_eq!(status.cursor, Some(Cursor(3)));
}

fn the_clock_follows_enrollment_and_the_server(store: &dyn Store) {
    store.set_identity(&identity()).expect("enrolls");
    assert_eq!(store.identity().expect("identity"), Some(identity()));
    let server = Hlc {
        millis: t(600).timestamp_millis(),
        counter: 4,
        node: "server".into(),
    };
    sync(
        store,
        ApplyPlan {
            clock: Some(server.clone()),
            ..ApplyPlan::default()
        },
    );
    log(store, "e1", EventKind::PickedUp, 10);
    let op = store.pending(1).expect("pending").remove(0);
    assert_eq!(op.hlc.node, "phone1");
    assert!(op.hlc.millis > server.millis || op.hlc.counter > server.counter);
}

fn typed_reads_sort_for_the_screens(store: &dyn Store) {
    log(store, "e-b", EventKind::Arrived, 50);
    log(store, "e-a", EventKind::PickedUp, 10);
    store
        .record(
            Change::LogEvent {
                event: event("e-x", "t2", EventKind::PickedUp, t(1)),
            },
            t(1),
        )
        .expect("records");
    let ids: Vec<String> = store
        .events_of(&TripId::from("t1"))
        .expect("events")
        .into_iter()
        .map(|e| e.id.0)
        .collect();
    assert_eq!(ids, vec!["e-a".to_owned(), "e-b".to_owned()]);
    assert_eq!(store.report_of(&TripId::from("t1")).expect("report"), None);
    assert!(store.prisons().expect("prisons").is_empty());
    assert!(store
        .rooms_of(&PrisonId::from("haren"))
        .expect("rooms")
        .is_empty());
}

fn a_wipe_forgets_everything(store: &dyn Store) {
    store.set_identity(&identity()).expect("enrolls");
    sync(
        store,
        ApplyPlan {
            upserts: vec![child("c1", "Lina")],
            cursor: Some(Cursor(9)),
            ..ApplyPlan::default()
        },
    );
    let seq = log(store, "e1", EventKind::PickedUp, 10);
    log(store, "e2", EventKind::Arrived, 20);
    sync(
        store,
        ApplyPlan {
            rejected: vec![(seq, RejectCode::Forbidden, "no".into())],
            ..ApplyPlan::default()
        },
    );
    store.wipe().expect("wipes");
    assert_eq!(store.identity().expect("identity"), None);
    assert_eq!(store.get(&child_key("c1")).expect("reads"), None);
    assert!(store.list(RecordKind::Event).expect("lists").is_empty());
    assert!(store.rejected().expect("rejected").is_empty());
    assert_eq!(store.status().expect("status"), Default::default());
    assert_eq!(log(store, "e3", EventKind::PickedUp, 10), 1);
}

macro_rules! contract {
    ($($name:ident),* $(,)?) => {
        mod memory {
            $( #[test] fn $name() { super::$name(&itinerances::store::MemoryStore::new()); } )*
        }
        mod sled {
            $( #[test] fn $name() {
                let dir = tempfile::tempdir().expect("temp dir");
                let store = super::open(dir.path(), &super::key());
                super::$name(&store);
            } )*
        }
    };
}

contract!(
    a_change_shows_at_once_and_waits_for_the_server,
    operations_are_numbered_from_one_without_gaps,
    an_acknowledged_change_leaves_the_outbox_and_the_server_version_stays,
    an_acknowledged_change_stays_visible_until_the_server_sends_its_version,
    a_refused_change_is_rolled_back_and_shown_with_its_reason,
    a_later_change_survives_the_refusal_of_an_earlier_one,
    a_record_leaving_the_scope_is_purged,
    a_reset_purges_what_the_server_no_longer_sends_but_keeps_pending_changes,
    the_status_counts_what_waits_and_what_was_refused,
    the_clock_follows_enrollment_and_the_server,
    typed_reads_sort_for_the_screens,
    a_wipe_forgets_everything,
);

// ---- sled only ----------------------------------------------------------

fn key() -> StoreKey {
    StoreKey::from_bytes([7; 32])
}

fn open(dir: &Path, key: &StoreKey) -> SledStore {
    SledStore::open(dir, key).expect("opens")
}

#[test]
fn sled_keeps_everything_across_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let store = open(dir.path(), &key());
        store.set_identity(&identity()).expect("enrolls");
        sync(
            &store,
            ApplyPlan {
                upserts: vec![child("c1", "Lina")],
                cursor: Some(Cursor(4)),
                ..ApplyPlan::default()
            },
        );
        log(&store, "e1", EventKind::PickedUp, 10);
    }
    let store = open(dir.path(), &key());
    assert_eq!(store.identity().expect("identity"), Some(identity()));
    assert_eq!(
        store.get(&child_key("c1")).expect("reads"),
        Some(child("c1", "Lina"))
    );
    assert_eq!(store.pending(10).expect("pending").len(), 1);
    assert_eq!(store.cursor().expect("cursor"), Some(Cursor(4)));
    assert_eq!(log(&store, "e2", EventKind::Arrived, 20), 2);
}

#[test]
fn sled_with_the_wrong_key_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    drop(open(dir.path(), &key()));
    let err = SledStore::open(dir.path(), &StoreKey::from_bytes([8; 32])).expect_err("refuses");
    assert!(
        matches!(&err, StoreError::Corrupt(m) if m.contains("key does not match")),
        "{err}"
    );
}

#[test]
fn sled_opened_twice_is_locked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let _first = open(dir.path(), &key());
    let err = SledStore::open(dir.path(), &key()).expect_err("refuses");
    assert!(matches!(err, StoreError::Locked), "{err}");
}

#[test]
fn sled_writes_no_name_in_clear_on_disk() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let store = open(dir.path(), &key());
        sync(
            &store,
            ApplyPlan {
                upserts: vec![child("c1", "Zoubida")],
                ..ApplyPlan::default()
            },
        );
        put(&store, child("c2", "Zoubida"));
    }
    for entry in walk(dir.path()) {
        let bytes = std::fs::read(&entry).expect("reads file");
        assert!(
            !bytes.windows(7).any(|w| w == b"Zoubida"),
            "a child's name is readable in {}",
            entry.display()
        );
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("lists dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn sled_reports_damaged_data_instead_of_crashing() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let store = open(dir.path(), &key());
        put(&store, child("c1", "Lina"));
    }
    {
        let db = ::sled::open(dir.path()).expect("raw open");
        let state = db.open_tree("state").expect("tree");
        state.insert("child/c1", &b"garbage"[..]).expect("writes");
        state
            .insert("child/c9", &b"\x01garbage"[..])
            .expect("writes");
        db.flush().expect("flushes");
    }
    let store = open(dir.path(), &key());
    let err = store.get(&child_key("c1")).expect_err("damaged");
    assert!(
        matches!(&err, StoreError::Corrupt(m) if m.contains("child/c1")),
        "{err}"
    );
    assert!(matches!(
        store.list(RecordKind::Child),
        Err(StoreError::Corrupt(_))
    ));
    // The damaged record cannot be changed either, but nothing panics.
    assert!(store
        .record(
            Change::Put {
                record: child("c1", "Lina")
            },
            t(1)
        )
        .is_err());
}

#[test]
fn memory_store_is_usable_behind_a_trait_object() {
    let store: Box<dyn Store> = Box::new(MemoryStore::new());
    put(store.as_ref(), child("c1", "Lina"));
    assert_eq!(store.children().expect("children").len(), 1);
}
