//! The device: its store, the time, and a revision that screens watch so
//! that they read the store again after a write. Read with [`use_device`].

use super::Clock;
use crate::domain::Author;
use crate::protocol::Role;
use crate::store::{DeviceIdentity, Store};
use chrono::{DateTime, Utc};
use dioxus::prelude::*;
use std::sync::Arc;

#[derive(Clone)]
pub struct Device {
    pub store: Arc<dyn Store>,
    /// Bumped after every write, so that screens read the store again.
    pub revision: Signal<u64>,
    pub clock: Clock,
}

impl Device {
    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    /// Reads the revision so that the calling component re-renders after writes.
    pub fn watch(&self) {
        let _ = (self.revision)();
    }

    pub(super) fn bump(&self) {
        let mut revision = self.revision;
        revision += 1;
    }

    /// Who this device is enrolled as, if it is.
    pub fn identity(&self) -> Option<DeviceIdentity> {
        self.store.identity().ok().flatten()
    }

    /// The role of the person using this device, once enrolled.
    pub fn role(&self) -> Option<Role> {
        self.identity().map(|i| i.role)
    }

    /// Who signs what this device writes.
    pub fn author(&self) -> Author {
        match self.identity() {
            Some(DeviceIdentity {
                volunteer_id: Some(id),
                ..
            }) => Author::Volunteer(id),
            Some(identity) => Author::Coordinator(identity.display_name),
            None => Author::Coordinator(String::new()),
        }
    }
}

/// The device. Panics with a clear message outside the app's root (a
/// programming error, never a user's).
pub fn use_device() -> Device {
    try_use_context::<Device>().unwrap_or_else(|| {
        panic!("use_device() needs the app's contexts: render screens inside ui::App, or call ui::use_app_provider in the root component")
    })
}
