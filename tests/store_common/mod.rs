//! Sample records and small helpers shared by the store's integration tests.
// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use itinerances::domain::*;
use itinerances::protocol::{Change, Role};
use itinerances::store::{ApplyPlan, DeviceIdentity, Store};
#[cfg(not(target_arch = "wasm32"))]
use itinerances::store::{SledStore, StoreKey};
#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;

pub mod contract;

pub fn t(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 8, 0, 0)
        .single()
        .expect("valid date")
        + Duration::minutes(minutes)
}

pub fn child(id: &str, first_name: &str) -> Record {
    Record::Child(Child {
        id: ChildId::from(id),
        first_name: first_name.into(),
        last_name: String::new(),
        birth_year: 2019,
        language: Language::Fr,
        needs: "comfort blanket".into(),
        guardian_id: GuardianId::from("g1"),
        archived: false,
    })
}

pub fn trip(id: &str, volunteer: Option<&str>) -> Record {
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
        series: None,
    })
}

pub fn event(id: &str, trip: &str, kind: EventKind, at: DateTime<Utc>) -> TripEvent {
    TripEvent {
        id: EventId::from(id),
        trip_id: TripId::from(trip),
        kind,
        at,
        author: Author::Volunteer(VolunteerId::from("v1")),
        note: String::new(),
    }
}

pub fn log(store: &dyn Store, id: &str, kind: EventKind, minute: i64) -> u64 {
    let change = Change::LogEvent {
        event: event(id, "t1", kind, t(minute)),
    };
    store.record(change, t(minute)).expect("records").seq
}

pub fn put(store: &dyn Store, record: Record) -> u64 {
    store
        .record(Change::Put { record }, t(1))
        .expect("records")
        .seq
}

pub fn child_key(id: &str) -> RecordKey {
    RecordKey::new(RecordKind::Child, id)
}

pub fn identity() -> DeviceIdentity {
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

pub fn sync(store: &dyn Store, plan: ApplyPlan) {
    store.apply(&plan, t(30)).expect("applies");
}

#[cfg(not(target_arch = "wasm32"))]
pub fn key() -> StoreKey {
    StoreKey::from_bytes([7; 32])
}

#[cfg(not(target_arch = "wasm32"))]
pub fn open(dir: &Path, key: &StoreKey) -> SledStore {
    SledStore::open(dir, key).expect("opens")
}
