//! The app's shared state, provided once at the root and read with
//! [`use_app`]: the local store, the screen language, the sync status, and the
//! service that records changes and syncs.
//!
//! Components never call the network or write the store themselves: they send
//! an [`Action`] to [`AppContext::act`]. Local writes happen at once (the
//! store is on the device); syncs run in the background and never block a
//! screen.

use super::platform;
use crate::domain::{Author, OpId, TripEvent, TripId};
use crate::i18n::{lang_from_tag, Lang};
use crate::protocol::Change;
use crate::store::{DeviceIdentity, Store, StoreError};
use crate::sync::{sync_until_idle, HttpTransport};
use chrono::{DateTime, Utc};
use dioxus::prelude::*;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// How long a tapped step can be undone before it is recorded.
pub const UNDO_SECONDS: u64 = 5;

/// How many round trips one sync may take before it lets the timer retry.
const MAX_ROUNDS: usize = 5;

/// How long a change the server refused stays on the device, shown in the
/// sync bar, unless dismissed sooner.
pub const KEEP_REFUSED_DAYS: i64 = 14;

// Names of the device-only values the screens keep in the store.
const SEEN: &str = "seen";
const LANG: &str = "lang";
const HELD_STEP: &str = "held_step";

/// The current time. Screens read it through the context so that tests can
/// fix it.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// What the app starts with.
#[derive(Clone)]
pub struct Boot {
    pub store: Arc<dyn Store>,
    /// `None`: follow the device's language.
    pub lang: Option<Lang>,
    pub clock: Clock,
    /// Sync at start and every minute (off in component tests).
    pub background_sync: bool,
}

impl Boot {
    pub fn new(store: Arc<dyn Store>) -> Self {
        Self {
            store,
            lang: None,
            clock: Arc::new(Utc::now),
            background_sync: true,
        }
    }
}

/// What the sync bar shows besides the store's own counts.
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

/// A step tapped in the trip log, not recorded until its undo window passes.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldStep {
    pub event: TripEvent,
    pub token: u64,
}

/// Everything a screen asks the app to do.
#[derive(Debug, Clone)]
pub enum Action {
    /// Sync now, in the background.
    SyncNow,
    /// Save a change on this device, then sync in the background. Boxed: a
    /// change may carry a whole record, the other actions are small.
    Record(Box<Change>),
    /// Hide a refused change from the sync bar.
    DismissRejected(OpId),
    /// This device was just enrolled.
    Enrolled(DeviceIdentity),
    /// Forget everything on this device (un-enroll).
    Leave,
}

/// The shared state of the app.
#[derive(Clone)]
pub struct AppContext {
    pub store: Arc<dyn Store>,
    pub lang: Signal<Lang>,
    /// True once the person picked a language in settings.
    pub lang_chosen: Signal<bool>,
    pub sync: Signal<SyncState>,
    /// Bumped after every write, so that screens read the store again.
    pub revision: Signal<u64>,
    /// Fingerprint of each trip as the volunteer last saw it (in a list or
    /// opened), kept on the device across restarts.
    pub seen: Signal<HashMap<TripId, u64>>,
    pub held_step: Signal<Option<HeldStep>>,
    /// The last step written to the store, for "saved on this phone".
    pub saved_step: Signal<Option<TripEvent>>,
    pub clock: Clock,
}

impl AppContext {
    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    /// Reads the revision so that the calling component re-renders after writes.
    pub fn watch(&self) {
        let _ = (self.revision)();
    }

    fn bump(&self) {
        let mut revision = self.revision;
        revision += 1;
    }

    /// Does what a screen asks. Local writes are done when this returns;
    /// network work is spawned.
    pub fn act(&self, action: Action) -> Result<(), StoreError> {
        match action {
            Action::SyncNow => self.spawn_sync(),
            Action::Record(change) => {
                let trip = match &*change {
                    Change::LogEvent { event } => Some(event.trip_id.clone()),
                    _ => None,
                };
                self.store.record(*change, self.now())?;
                // The volunteer's own step does not mark the trip as changed.
                if let Some(trip) = trip {
                    if let Ok(Some(fp)) = super::model::fingerprint_of(&*self.store, &trip) {
                        self.mark_seen(vec![(trip, fp)]);
                    }
                }
                self.bump();
                self.spawn_sync();
            }
            Action::DismissRejected(op_id) => {
                self.store.dismiss_rejected(&op_id)?;
                self.bump();
            }
            Action::Enrolled(identity) => {
                self.store.set_identity(&identity)?;
                self.bump();
                self.spawn_sync();
            }
            Action::Leave => {
                self.store.wipe()?;
                let mut seen = self.seen;
                seen.write().clear();
                let mut sync = self.sync;
                sync.set(SyncState::default());
                self.bump();
            }
        }
        Ok(())
    }

    /// Remembers these trips as seen as they are now (shown in a list or
    /// opened), on the device, so that a later change is marked.
    pub fn mark_seen(&self, trips: Vec<(TripId, u64)>) {
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
        self.keep_seen();
    }

    /// Tidies the device once, after the first screen is shown: refused
    /// changes older than [`KEEP_REFUSED_DAYS`] go (they may hold a note
    /// about a child, and the server will never take them), and so does what
    /// was seen of trips no longer on the device.
    fn tidy(&self) {
        let cutoff = self.now() - chrono::Duration::days(KEEP_REFUSED_DAYS);
        if let Ok(refused) = self.store.rejected() {
            let old: Vec<_> = refused
                .into_iter()
                .filter(|r| r.rejected_at < cutoff)
                .collect();
            for r in &old {
                let _ = self.store.dismiss_rejected(&r.op.op_id);
            }
            if !old.is_empty() {
                self.bump();
            }
        }
        self.forget_gone_trips();
    }

    /// Forgets what was seen of trips no longer on the device.
    fn forget_gone_trips(&self) {
        let Ok(trips) = self.store.trips() else {
            return;
        };
        let present: std::collections::HashSet<TripId> = trips.into_iter().map(|t| t.id).collect();
        let mut seen = self.seen;
        if seen.peek().keys().any(|id| !present.contains(id)) {
            seen.write().retain(|id, _| present.contains(id));
            self.keep_seen();
        }
    }

    fn keep_seen(&self) {
        // Only a reminder: failing to keep it must not stop the screen.
        if let Ok(value) = serde_json::to_value(&*self.seen.peek()) {
            let _ = self.store.set_device_value(SEEN, Some(&value));
        }
    }

    /// Sets the screens' language; `None` follows the device again. Kept on
    /// the device.
    pub fn choose_lang(&self, choice: Option<Lang>) -> Result<(), StoreError> {
        let value = choice.map(|l| serde_json::Value::from(l.code()));
        self.store.set_device_value(LANG, value.as_ref())?;
        let mut lang = self.lang;
        let mut chosen = self.lang_chosen;
        chosen.set(choice.is_some());
        let current = *lang.peek();
        lang.set(choice.or_else(platform::device_language).unwrap_or(current));
        Ok(())
    }

    /// Who signs what this device writes.
    pub fn author(&self) -> Author {
        match self.store.identity() {
            Ok(Some(DeviceIdentity {
                volunteer_id: Some(id),
                ..
            })) => Author::Volunteer(id),
            Ok(Some(identity)) => Author::Coordinator(identity.display_name),
            _ => Author::Coordinator(String::new()),
        }
    }

    /// Holds a tapped step for [`UNDO_SECONDS`], then records it.
    ///
    /// Trip events are append-only on the server and the protocol has no way
    /// to take one back, so an undo cannot be a compensating change: the step
    /// waits on the device instead, written to the store as a device-only
    /// value so that closing the app does not lose it (it is recorded at the
    /// next start). A step already held (another quick tap) is recorded at
    /// once. The timer runs at the root, so leaving the screen does not lose
    /// the step.
    pub fn hold_step(&self, event: TripEvent) -> Result<(), StoreError> {
        self.commit_held()?;
        let value = serde_json::to_value(&event)
            .map_err(|e| StoreError::Corrupt(format!("step {}: {e}", event.id)))?;
        self.store.set_device_value(HELD_STEP, Some(&value))?;
        static NEXT_TOKEN: AtomicU64 = AtomicU64::new(1);
        let token = NEXT_TOKEN.fetch_add(1, Ordering::Relaxed);
        let mut held = self.held_step;
        held.set(Some(HeldStep { event, token }));
        let ctx = self.clone();
        dioxus::core::spawn_forever(async move {
            platform::sleep(std::time::Duration::from_secs(UNDO_SECONDS)).await;
            let still_held = ctx
                .held_step
                .peek()
                .as_ref()
                .is_some_and(|h| h.token == token);
            if still_held {
                // Nowhere to show an error from a timer but the sync bar's
                // problem line; the step stays held so that a tap retries.
                if let Err(e) = ctx.commit_held() {
                    let mut sync = ctx.sync;
                    sync.write().problem = Some(e.to_string());
                }
            }
        });
        Ok(())
    }

    /// Forgets the held step: nothing was recorded.
    pub fn undo_step(&self) -> Result<(), StoreError> {
        self.store.set_device_value(HELD_STEP, None)?;
        let mut held = self.held_step;
        held.set(None);
        Ok(())
    }

    /// Records the held step now, if any.
    pub fn commit_held(&self) -> Result<(), StoreError> {
        let Some(step) = self.held_step.peek().clone() else {
            return Ok(());
        };
        self.act(Action::Record(Box::new(Change::LogEvent {
            event: step.event.clone(),
        })))?;
        // Recorded: a crash before this line records it again at the next
        // start, with the same id, which the server takes once.
        self.store.set_device_value(HELD_STEP, None)?;
        let mut held = self.held_step;
        held.set(None);
        let mut saved = self.saved_step;
        saved.set(Some(step.event));
        Ok(())
    }

    /// Starts one sync unless one is running or the device is not enrolled.
    /// Spawned at the root so that leaving a screen does not cancel it.
    fn spawn_sync(&self) {
        if self.sync.peek().running {
            return;
        }
        let Ok(Some(identity)) = self.store.identity() else {
            return;
        };
        let ctx = self.clone();
        let mut sync = self.sync;
        sync.write().running = true;
        dioxus::core::spawn_forever(async move {
            let result = match HttpTransport::for_identity(&identity) {
                Ok(transport) => sync_until_idle(&*ctx.store, &transport, ctx.now(), MAX_ROUNDS)
                    .await
                    .map(|_| ())
                    .map_err(|e| (signed_out_key(&e), e.is_offline(), e.to_string())),
                Err(e) => Err((None, false, e.to_string())),
            };
            let mut sync = ctx.sync;
            if let Err((Some(key), _, _)) = &result {
                // Revoked or expired: nothing on this device may stay, and
                // nothing more can be sent. The enroll screen says why.
                let _ = ctx.act(Action::Leave);
                sync.set(SyncState {
                    signed_out: Some(key),
                    ..SyncState::default()
                });
                ctx.bump();
                return;
            }
            sync.set(match result {
                Ok(()) => SyncState {
                    online: Some(true),
                    ..SyncState::default()
                },
                Err((_, true, _)) => SyncState {
                    online: Some(false),
                    ..SyncState::default()
                },
                Err((_, false, message)) => SyncState {
                    online: Some(true),
                    problem: Some(message),
                    ..SyncState::default()
                },
            });
            ctx.bump();
        });
    }
}

/// The text key that explains why the server signed this device out, when
/// it did.
fn signed_out_key(error: &crate::sync::SyncError) -> Option<&'static str> {
    use crate::sync::{SyncError, TransportError};
    match error {
        SyncError::Transport(TransportError::Unauthorized(api)) => {
            Some(if api.code == "token_expired" {
                "signed-out-expired"
            } else {
                "signed-out-revoked"
            })
        }
        _ => None,
    }
}

/// Provides the app's state to every screen below; call once, at the root.
pub fn use_app_provider(boot: Boot) -> AppContext {
    let context = use_hook(|| {
        let device_lang = platform::device_language();
        let stored_lang = match boot.store.device_value(LANG) {
            Ok(Some(serde_json::Value::String(tag))) => lang_from_tag(&tag),
            _ => None,
        };
        let chosen = boot.lang.or(stored_lang);
        // Trips already on the device when the app first keeps what was seen
        // count as seen.
        let seen = match boot.store.device_value(SEEN) {
            Ok(Some(value)) => serde_json::from_value(value).unwrap_or_default(),
            _ => {
                let now = super::model::fingerprints(&*boot.store);
                if let Ok(value) = serde_json::to_value(&now) {
                    let _ = boot.store.set_device_value(SEEN, Some(&value));
                }
                now
            }
        };
        AppContext {
            lang: Signal::new(chosen.or(device_lang).unwrap_or(Lang::Fr)),
            lang_chosen: Signal::new(chosen.is_some()),
            sync: Signal::new(SyncState::default()),
            revision: Signal::new(0),
            seen: Signal::new(seen),
            held_step: Signal::new(None),
            saved_step: Signal::new(None),
            clock: boot.clock.clone(),
            store: boot.store.clone(),
        }
    });
    use_context_provider(|| context.clone());
    let guarded = context.store.clone();
    use_hook(move || platform::guard_unsent_changes(guarded));
    // A step tapped just before the app was closed: its undo window is over.
    let held_ctx = context.clone();
    use_hook(move || {
        if let Ok(Some(value)) = held_ctx.store.device_value(HELD_STEP) {
            match serde_json::from_value::<TripEvent>(value) {
                Ok(event) => {
                    let mut held = held_ctx.held_step;
                    held.set(Some(HeldStep { event, token: 0 }));
                    if let Err(e) = held_ctx.commit_held() {
                        let mut sync = held_ctx.sync;
                        sync.write().problem = Some(e.to_string());
                    }
                }
                // Unreadable: nothing to record; do not trip on it again.
                Err(_) => {
                    let _ = held_ctx.store.set_device_value(HELD_STEP, None);
                }
            }
        }
    });
    let tidy_ctx = context.clone();
    use_hook(move || {
        spawn(async move { tidy_ctx.tidy() });
    });
    let background = boot.background_sync;
    let timer_ctx = context.clone();
    use_hook(move || {
        if background {
            spawn(async move {
                // At start, then every minute; every few seconds while changes
                // wait and the last try found no network, so that they leave
                // as soon as the network is back.
                let mut since_last = platform::SYNC_EVERY;
                loop {
                    let offline = timer_ctx.sync.peek().online == Some(false);
                    let waiting = timer_ctx.store.status().is_ok_and(|s| s.pending > 0);
                    if since_last >= platform::SYNC_EVERY || (offline && waiting) {
                        timer_ctx.spawn_sync();
                        since_last = std::time::Duration::ZERO;
                    }
                    platform::sleep(platform::RETRY_EVERY).await;
                    since_last += platform::RETRY_EVERY;
                }
            });
        }
    });
    context
}

/// The app's state. Panics with a clear message when a component is rendered
/// outside the app's root (a programming error, never a user's).
pub fn use_app() -> AppContext {
    try_use_context::<AppContext>().unwrap_or_else(|| {
        panic!("use_app() needs an AppContext: render screens inside ui::App, or call ui::use_app_provider in the root component")
    })
}
