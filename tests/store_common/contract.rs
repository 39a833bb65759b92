//! The contract every local store keeps, written once: each test takes a
//! fresh, empty store. tests/store_contract.rs runs them on the memory and
//! sled stores, tests/browser_store.rs on the browser store in Chromium.

use super::*;
use itinerances::protocol::{Change, Cursor, Hlc, RejectCode};
use itinerances::store::{ApplyPlan, Store};

pub fn a_change_shows_at_once_and_waits_for_the_server(store: &dyn Store) {
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

pub fn operations_are_numbered_from_one_without_gaps(store: &dyn Store) {
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

pub fn an_acknowledged_change_leaves_the_outbox_and_the_server_version_stays(store: &dyn Store) {
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

pub fn an_acknowledged_change_follows_the_server(store: &dyn Store) {
    // Acknowledged, and the server sends its version back in the same answer.
    let seq = log(store, "e1", EventKind::PickedUp, 10);
    let echoed = store
        .get(&RecordKey::new(RecordKind::Event, "e1"))
        .expect("read")
        .expect("shown at once");
    sync(
        store,
        ApplyPlan {
            acknowledged: vec![seq],
            upserts: vec![echoed],
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
    assert_eq!(
        store.events_of(&TripId::from("t1")).expect("events").len(),
        1
    );
    // Acknowledged but not sent back: the record is outside this device's
    // scope now (the trip went to someone else), so it does not linger.
    let seq = log(store, "e2", EventKind::Arrived, 20);
    sync(
        store,
        ApplyPlan {
            acknowledged: vec![seq],
            ..ApplyPlan::default()
        },
    );
    assert!(store
        .get(&RecordKey::new(RecordKind::Event, "e2"))
        .expect("read")
        .is_none());
}

pub fn a_refused_change_is_rolled_back_and_shown_with_its_reason(store: &dyn Store) {
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

pub fn a_later_change_survives_the_refusal_of_an_earlier_one(store: &dyn Store) {
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

pub fn a_record_leaving_the_scope_is_purged(store: &dyn Store) {
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

pub fn a_reset_purges_what_the_server_no_longer_sends_but_keeps_pending_changes(store: &dyn Store) {
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

pub fn the_status_counts_what_waits_and_what_was_refused(store: &dyn Store) {
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

pub fn the_clock_follows_enrollment_and_the_server(store: &dyn Store) {
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

pub fn typed_reads_sort_for_the_screens(store: &dyn Store) {
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

pub fn a_wipe_forgets_everything(store: &dyn Store) {
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

pub fn device_values_stay_on_the_device_and_go_with_a_wipe(store: &dyn Store) {
    let ticks = serde_json::json!({ "day": "2026-11-22", "ticked": ["Carte d'identité"] });
    assert_eq!(store.device_value("checklist/p1").expect("reads"), None);
    store
        .set_device_value("checklist/p1", Some(&ticks))
        .expect("writes");
    store
        .set_device_value("lang", Some(&serde_json::json!("nl")))
        .expect("writes");
    assert_eq!(
        store.device_value("checklist/p1").expect("reads"),
        Some(ticks)
    );
    // Never sent, never counted as waiting.
    assert!(store.pending(10).expect("pending").is_empty());
    assert_eq!(store.status().expect("status").pending, 0);
    // A record with the same name is another thing.
    put(store, child("lang", "Lina"));
    assert_eq!(
        store.device_value("lang").expect("reads"),
        Some(serde_json::json!("nl"))
    );
    store.set_device_value("lang", None).expect("removes");
    assert_eq!(store.device_value("lang").expect("reads"), None);
    store.wipe().expect("wipes");
    assert_eq!(store.device_value("checklist/p1").expect("reads"), None);
}

/// Calls `$wrap!` with the name of every test of the contract: each suite
/// wraps them in a test of its own, with a fresh store of its kind.
// Unused where store_common serves other tests (tests/store_sled.rs).
#[allow(unused_macros)]
macro_rules! contract_tests {
    ($wrap:ident) => {
        $wrap!(
            a_change_shows_at_once_and_waits_for_the_server,
            operations_are_numbered_from_one_without_gaps,
            an_acknowledged_change_leaves_the_outbox_and_the_server_version_stays,
            an_acknowledged_change_follows_the_server,
            a_refused_change_is_rolled_back_and_shown_with_its_reason,
            a_later_change_survives_the_refusal_of_an_earlier_one,
            a_record_leaving_the_scope_is_purged,
            a_reset_purges_what_the_server_no_longer_sends_but_keeps_pending_changes,
            the_status_counts_what_waits_and_what_was_refused,
            the_clock_follows_enrollment_and_the_server,
            typed_reads_sort_for_the_screens,
            a_wipe_forgets_everything,
            device_values_stay_on_the_device_and_go_with_a_wipe,
        );
    };
}
#[allow(unused_imports)]
pub(crate) use contract_tests;
