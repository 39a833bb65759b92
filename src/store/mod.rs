//! The local store of a device: what the screens read, and the outbox of
//! operations the server has not acknowledged yet.
//!
//! One trait, [`Store`], three implementations: `SledStore` on phones and
//! desktops (native only, encrypted at rest with a [`StoreKey`]),
//! `BrowserStore` in browsers (IndexedDB, sealed with a WebCrypto key the
//! page cannot export), [`MemoryStore`] in tests and where a browser keeps
//! nothing. Their semantics are written once, in `logic`, over a small
//! transactional key-value backend; all pass the same contract tests
//! (tests/store_contract.rs natively, tests/browser_store.rs in Chromium) and
//! the sled one a crash test (tests/store_crash.rs).
//!
//! Depends on `domain` and `protocol` only. The decisions of a sync (what to
//! drop, keep, purge) are made by `sync::plan` and handed here as an
//! [`ApplyPlan`]; the store only executes them, atomically.

use crate::domain::{
    AccountId, Child, DeviceId, OpId, Prison, PrisonId, Record, RecordKey, RecordKind, Trip,
    TripEvent, TripId, TripReport, VisitRoom, VolunteerId,
};
use crate::protocol::{Change, Cursor, Hlc, Operation, RejectCode, Role};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

mod backend;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(not(target_arch = "wasm32"))]
mod crypto;
mod logic;
mod memory;
#[cfg(not(target_arch = "wasm32"))]
mod sled_store;

#[cfg(target_arch = "wasm32")]
pub use browser::{BrowserStore, DATABASE};
#[cfg(not(target_arch = "wasm32"))]
pub use crypto::StoreKey;
pub use memory::MemoryStore;
#[cfg(not(target_arch = "wasm32"))]
pub use sled_store::SledStore;

/// Who this device is, once enrolled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceIdentity {
    pub server_url: String,
    pub device_id: DeviceId,
    pub token: String,
    pub account_id: AccountId,
    pub role: Role,
    pub display_name: String,
    pub volunteer_id: Option<VolunteerId>,
}

/// An operation the server refused, kept visible until the user dismisses it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RejectedOp {
    pub op: Operation,
    pub code: RejectCode,
    pub message: String,
    pub rejected_at: DateTime<Utc>,
}

/// What the sync status bar shows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SyncStatus {
    /// Operations waiting for the server.
    pub pending: usize,
    /// Operations the server refused, not yet dismissed.
    pub rejected: usize,
    pub last_sync: Option<DateTime<Utc>>,
    pub cursor: Option<Cursor>,
}

/// What one sync response does to the store, decided by `sync::plan`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ApplyPlan {
    /// Outbox sequence numbers the server acknowledged: drop them.
    pub acknowledged: Vec<u64>,
    /// Outbox sequence numbers the server refused: roll them back and keep
    /// them in the rejected list.
    pub rejected: Vec<(u64, RejectCode, String)>,
    /// Records as the server holds them now.
    pub upserts: Vec<Record>,
    /// Records that left this device's scope: purge them.
    pub removals: Vec<RecordKey>,
    /// The upserts are the whole scope: purge every other server record.
    pub reset: bool,
    pub cursor: Option<Cursor>,
    /// The server's clock: the device's clock moves past it.
    pub clock: Option<Hlc>,
}

/// Errors of a local store, said so that the user knows what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the data on this device could not be read or written ({0}); free some space or restart the app")]
    Io(String),
    #[error("the data on this device is damaged ({0}); sync again, or re-enroll this device to start afresh")]
    Corrupt(String),
    #[error(
        "the data on this device is locked by another copy of the app; close it and try again"
    )]
    Locked,
    #[error("this device is not enrolled yet: enter the server address and the code from your coordinator")]
    NotEnrolled,
}

/// The local store of one device.
///
/// Every method is atomic and, on [`SledStore`], durable when it returns; on
/// `BrowserStore`, once its write leaves the queue ([`Store::unsaved_writes`]).
pub trait Store: Send + Sync {
    fn identity(&self) -> Result<Option<DeviceIdentity>, StoreError>;
    fn set_identity(&self, identity: &DeviceIdentity) -> Result<(), StoreError>;

    /// Records a change made on this device: gives it the next sequence number
    /// and clock stamp, applies it to the local state (the screens show it at
    /// once) and appends it to the outbox, in one transaction, durably.
    fn record(&self, change: Change, now: DateTime<Utc>) -> Result<Operation, StoreError>;

    /// The oldest `limit` operations the server has not acknowledged, in order.
    fn pending(&self, limit: usize) -> Result<Vec<Operation>, StoreError>;

    fn cursor(&self) -> Result<Option<Cursor>, StoreError>;

    /// Executes what a sync response decided, in one transaction, durably:
    /// drops acknowledged operations, rolls refused ones back into
    /// [`Store::rejected`], writes the server's records, purges removed ones
    /// (and, on `reset`, every server record not among the upserts), then
    /// recomputes what the screens show for every touched record. A purged
    /// record with no pending change on this device is gone from every read.
    ///
    /// An acknowledged change whose record the response does not carry is
    /// folded into the server's version as the server applied it, so that it
    /// does not disappear from the screens until the next pull.
    /// Unknown sequence numbers are ignored (a replayed response).
    fn apply(&self, plan: &ApplyPlan, now: DateTime<Utc>) -> Result<(), StoreError>;

    /// A record as the screens see it: the server's version with this
    /// device's pending operations applied on top.
    fn get(&self, key: &RecordKey) -> Result<Option<Record>, StoreError>;

    /// Every record of one kind, as the screens see them.
    fn list(&self, kind: RecordKind) -> Result<Vec<Record>, StoreError>;

    fn rejected(&self) -> Result<Vec<RejectedOp>, StoreError>;
    fn dismiss_rejected(&self, op_id: &OpId) -> Result<(), StoreError>;

    fn status(&self) -> Result<SyncStatus, StoreError>;

    /// Changes this store holds that are not durable yet. Always 0 on
    /// [`SledStore`]; in a browser, transactions waiting for IndexedDB (a
    /// few milliseconds' worth).
    fn unsaved_writes(&self) -> usize;

    /// Forgets everything: records, outbox, identity, device-only values
    /// (the device leaves).
    fn wipe(&self) -> Result<(), StoreError>;

    /// A value kept on this device only, never sent: the screens' language,
    /// what the volunteer has seen, checklist ticks, a step in its undo
    /// window. Encrypted like the rest on [`SledStore`], and wiped with it.
    fn device_value(&self, name: &str) -> Result<Option<serde_json::Value>, StoreError>;

    /// Sets (or, with `None`, removes) a device-only value, durably.
    fn set_device_value(
        &self,
        name: &str,
        value: Option<&serde_json::Value>,
    ) -> Result<(), StoreError>;

    // Typed reads for the screens. A record of another kind under a kind's
    // prefix cannot happen (the key is derived from the record), so the
    // filters below only unwrap the enum.

    /// Every trip this device holds, by visit start.
    fn trips(&self) -> Result<Vec<Trip>, StoreError> {
        let mut trips: Vec<Trip> = self
            .list(RecordKind::Trip)?
            .into_iter()
            .filter_map(|r| match r {
                Record::Trip(t) => Some(t),
                _ => None,
            })
            .collect();
        trips.sort_by(|a, b| a.visit_start.cmp(&b.visit_start).then(a.id.cmp(&b.id)));
        Ok(trips)
    }

    /// The steps logged on one trip, oldest first.
    fn events_of(&self, trip: &TripId) -> Result<Vec<TripEvent>, StoreError> {
        let mut events: Vec<TripEvent> = self
            .list(RecordKind::Event)?
            .into_iter()
            .filter_map(|r| match r {
                Record::Event(e) if &e.trip_id == trip => Some(e),
                _ => None,
            })
            .collect();
        events.sort_by(|a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
        Ok(events)
    }

    /// Every step this device holds (the figures count them all).
    fn all_events(&self) -> Result<Vec<TripEvent>, StoreError> {
        Ok(self
            .list(RecordKind::Event)?
            .into_iter()
            .filter_map(|r| match r {
                Record::Event(e) => Some(e),
                _ => None,
            })
            .collect())
    }

    /// Every report this device holds.
    fn all_reports(&self) -> Result<Vec<TripReport>, StoreError> {
        Ok(self
            .list(RecordKind::Report)?
            .into_iter()
            .filter_map(|r| match r {
                Record::Report(r) => Some(r),
                _ => None,
            })
            .collect())
    }

    /// The report of one trip, once written.
    fn report_of(&self, trip: &TripId) -> Result<Option<TripReport>, StoreError> {
        match self.get(&RecordKey::new(RecordKind::Report, trip.as_str()))? {
            Some(Record::Report(report)) => Ok(Some(report)),
            _ => Ok(None),
        }
    }

    /// Every prison sheet, by name.
    fn prisons(&self) -> Result<Vec<Prison>, StoreError> {
        let mut prisons: Vec<Prison> = self
            .list(RecordKind::Prison)?
            .into_iter()
            .filter_map(|r| match r {
                Record::Prison(p) => Some(p),
                _ => None,
            })
            .collect();
        prisons.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        Ok(prisons)
    }

    /// The visit rooms of one prison, by name.
    fn rooms_of(&self, prison: &PrisonId) -> Result<Vec<VisitRoom>, StoreError> {
        let mut rooms: Vec<VisitRoom> = self
            .list(RecordKind::Room)?
            .into_iter()
            .filter_map(|r| match r {
                Record::Room(room) if &room.prison_id == prison => Some(room),
                _ => None,
            })
            .collect();
        rooms.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        Ok(rooms)
    }

    /// Every child this device holds, by first name.
    fn children(&self) -> Result<Vec<Child>, StoreError> {
        let mut children: Vec<Child> = self
            .list(RecordKind::Child)?
            .into_iter()
            .filter_map(|r| match r {
                Record::Child(c) => Some(c),
                _ => None,
            })
            .collect();
        children.sort_by(|a, b| a.first_name.cmp(&b.first_name).then(a.id.cmp(&b.id)));
        Ok(children)
    }
}
