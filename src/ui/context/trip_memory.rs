//! What the device remembers of the volunteer's trips besides the store's
//! records: the fingerprint of each trip as last seen (so that a
//! coordinator's change is marked), the step held in its undo window, and the
//! last step saved. Read with [`use_trip_memory`].

use super::Device;
use crate::domain::{TripEvent, TripId};
use dioxus::prelude::*;
use std::collections::{HashMap, HashSet};

/// Names of the device-only values this memory keeps in the store.
pub(super) const SEEN: &str = "seen";
pub(super) const HELD_STEP: &str = "held_step";

/// A step tapped in the trip log, not recorded until its undo window passes.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldStep {
    pub event: TripEvent,
    pub token: u64,
}

#[derive(Clone, Copy)]
pub struct TripMemory {
    /// Fingerprint of each trip as the volunteer last saw it (in a list or
    /// opened), kept on the device across restarts.
    pub seen: Signal<HashMap<TripId, u64>>,
    pub held_step: Signal<Option<HeldStep>>,
    /// The last step written to the store, for "saved on this phone".
    pub saved_step: Signal<Option<TripEvent>>,
}

impl TripMemory {
    /// Remembers these trips as seen as they are now (shown in a list or
    /// opened), on the device, so that a later change is marked.
    pub fn mark_seen(&self, device: &Device, trips: Vec<(TripId, u64)>) {
        let mut seen = self.seen;
        let fresh: Vec<_> = {
            let current = seen.peek();
            trips
                .into_iter()
                .filter(|(id, fp)| current.get(id) != Some(fp))
                .collect()
        };
        if fresh.is_empty() {
            return;
        }
        seen.write().extend(fresh);
        self.keep_seen(device);
    }

    /// Forgets what was seen of trips no longer on the device.
    pub(super) fn forget_gone_trips(&self, device: &Device) {
        let Ok(trips) = device.store.trips() else {
            return;
        };
        let present: HashSet<TripId> = trips.into_iter().map(|t| t.id).collect();
        let mut seen = self.seen;
        if seen.peek().keys().any(|id| !present.contains(id)) {
            seen.write().retain(|id, _| present.contains(id));
            self.keep_seen(device);
        }
    }

    pub(super) fn forget_all(&self) {
        let mut seen = self.seen;
        seen.write().clear();
    }

    fn keep_seen(&self, device: &Device) {
        // Only a reminder: failing to keep it must not stop the screen.
        if let Ok(value) = serde_json::to_value(&*self.seen.peek()) {
            let _ = device.store.set_device_value(SEEN, Some(&value));
        }
    }
}

/// What the device remembers of the trips.
pub fn use_trip_memory() -> TripMemory {
    try_use_context::<TripMemory>().unwrap_or_else(|| {
        panic!("use_trip_memory() needs the app's contexts: render screens inside ui::App")
    })
}
