use super::*;
use crate::demo::demo_network;
use crate::domain::{Author, EventId, EventKind, PrisonId, Transfer};
use crate::store::{ApplyPlan, MemoryStore};
use chrono::{Duration, NaiveDate};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

fn now() -> DateTime<Utc> {
    day().and_hms_opt(6, 0, 0).unwrap_or_default().and_utc()
}

fn store_with(extra: Vec<Record>) -> MemoryStore {
    let store = MemoryStore::new();
    let mut upserts = demo_network(day()).records;
    upserts.extend(extra);
    let plan = ApplyPlan {
        upserts,
        reset: true,
        ..ApplyPlan::default()
    };
    if let Err(e) = store.apply(&plan, now()) {
        panic!("the demo applies: {e}");
    }
    store
}

fn prison(store: &MemoryStore, name: &str) -> Prison {
    store
        .list(RecordKind::Prison)
        .unwrap_or_default()
        .into_iter()
        .find_map(|r| match r {
            Record::Prison(p) if p.name.contains(name) => Some(p),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{name} in the demo"))
}

#[test]
fn a_strike_lists_the_coming_trips_it_falls_on_unless_visits_are_kept() {
    let store = store_with(Vec::new());
    let lantin = prison(&store, "Lantin");
    let list = disrupted_by_status(&store, &lantin, now()).unwrap_or_default();
    assert!(!list.is_empty(), "the demo's strike falls on a trip");
    for row in &list {
        assert_eq!(row.trip.prison_id, lantin.id);
        assert_eq!(row.reason, CancelReason::Strike);
        assert!(lantin
            .status
            .disrupts(row.trip.visit_start, row.trip.visit_end));
        assert!(!row.children.is_empty());
    }
    let mut kept = lantin.clone();
    kept.status.child_visits_kept = Some(true);
    assert!(disrupted_by_status(&store, &kept, now())
        .unwrap_or_default()
        .is_empty());
    // Cancelled already: off the list.
    let first = &list[0].trip;
    let cancelled = Record::Event(TripEvent {
        id: EventId::from("cancel-strike"),
        trip_id: first.id.clone(),
        kind: EventKind::Cancelled {
            reason: CancelReason::Strike,
        },
        at: now(),
        author: Author::Coordinator("Office".into()),
        note: String::new(),
    });
    let store = store_with(vec![cancelled]);
    let after = disrupted_by_status(&store, &prison(&store, "Lantin"), now()).unwrap_or_default();
    assert!(after.iter().all(|r| r.trip.id != first.id));
    assert_eq!(after.len(), list.len() - 1);
}

#[test]
fn a_transferred_or_released_parent_flags_their_coming_trips() {
    let store = store_with(Vec::new());
    let trip = store
        .trips()
        .unwrap_or_default()
        .into_iter()
        .filter(|t| t.visit_start > now() + Duration::days(3))
        .min_by_key(|t| t.visit_start)
        .unwrap_or_else(|| panic!("a coming trip"));
    let parent = store
        .list(RecordKind::Parent)
        .unwrap_or_default()
        .into_iter()
        .find_map(|r| match r {
            Record::Parent(p) if p.id == trip.parent_id => Some(p),
            _ => None,
        })
        .unwrap_or_else(|| panic!("the trip's parent"));
    assert!(disrupted_for_parent(&store, &parent, now())
        .unwrap_or_default()
        .iter()
        .all(|r| r.trip.id != trip.id));

    let mut moved = parent.clone();
    moved.transfers.push(Transfer {
        from: parent.prison_id.clone(),
        to: PrisonId::from("elsewhere"),
        on: day() + Duration::days(1),
    });
    moved.prison_id = PrisonId::from("elsewhere");
    let list = disrupted_for_parent(&store, &moved, now()).unwrap_or_default();
    let row = list
        .iter()
        .find(|r| r.trip.id == trip.id)
        .unwrap_or_else(|| panic!("the trip at the old prison is flagged"));
    assert_eq!(row.reason, CancelReason::ParentTransferred);

    let mut released = parent.clone();
    released.released_on = Some(day() + Duration::days(1));
    let list = disrupted_for_parent(&store, &released, now()).unwrap_or_default();
    assert!(list
        .iter()
        .any(|r| r.trip.id == trip.id && r.reason == CancelReason::ParentReleased));
}
