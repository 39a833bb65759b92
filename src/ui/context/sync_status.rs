//! What the sync bar shows besides the store's own counts. Read with
//! [`use_sync_status`].

use dioxus::prelude::*;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncState {
    /// `None` until the first attempt.
    pub online: Option<bool>,
    pub running: bool,
    /// Why the last sync failed, when not simply offline.
    pub problem: Option<String>,
    /// The server no longer knows this device (revoked, or signed out after
    /// a long time without sync): its data was wiped and the enroll screen
    /// says why, with this text key.
    pub signed_out: Option<&'static str>,
}

/// The sync status; the calling component re-renders when it changes.
pub fn use_sync_status() -> Signal<SyncState> {
    try_use_context::<Signal<SyncState>>().unwrap_or_else(|| {
        panic!("use_sync_status() needs the app's contexts: render screens inside ui::App")
    })
}
