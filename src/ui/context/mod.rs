//! The app's shared state, provided once at the root in small contexts, each
//! read through its own hook: [`use_device`] (the store, the time),
//! [`use_lang`] (the screens' language), [`use_sync_status`],
//! [`use_trip_memory`] (what was seen, the step in its undo window). Screens
//! that change something send an [`Action`] through [`use_app`].
//!
//! Components never call the network or write shared records themselves:
//! local writes happen at once (the store is on the device); syncs run in
//! the background and never block a screen.

mod device;
mod lang;
mod sync_status;
mod trip_memory;

pub use device::{use_device, Device};
pub use lang::{use_lang, use_screen_lang, ScreenLang};
pub use sync_status::{use_sync_status, SyncState};
pub use trip_memory::{use_trip_memory, HeldStep, TripMemory};

use super::platform;
use crate::domain::{OpId, TripEvent};
use crate::i18n::{lang_from_tag, Lang};
use crate::protocol::Change;
use crate::store::{DeviceIdentity, Store, StoreError};
use crate::sync::{sync_until_idle, HttpTransport};
use chrono::{DateTime, Utc};
use dioxus::prelude::*;
use lang::LANG;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use trip_memory::{HELD_STEP, SEEN};

/// How long a tapped step can be undone before it is recorded.
pub const UNDO_SECONDS: u64 = 5;

/// How many round trips one sync may take before it lets the timer retry.
const MAX_ROUNDS: usize = 5;

/// How long a change the server refused stays on the device, shown in the
/// sync bar, unless dismissed sooner.
pub const KEEP_REFUSED_DAYS: i64 = 14;

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

/// The service that carries out [`Action`]s over the small contexts.
#[derive(Clone)]
pub struct AppContext {
    pub device: Device,
    pub lang: ScreenLang,
    pub sync: Signal<SyncState>,
    pub trips: TripMemory,
    /// A change was announced while a sync ran: sync once more after it.
    /// Not a signal: no screen shows it.
    resync: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl AppContext {
    pub fn now(&self) -> DateTime<Utc> {
        self.device.now()
    }

    /// Who signs what this device writes.
    pub fn author(&self) -> crate::domain::Author {
        self.device.author()
    }

    /// Does what a screen asks. Local writes are done when this returns;
    /// network work is spawned.
    pub fn act(&self, action: Action) -> Result<(), StoreError> {
        let device = &self.device;
        match action {
            Action::SyncNow => self.spawn_sync(),
            Action::Record(change) => {
                let trip = match &*change {
                    Change::LogEvent { event } => Some(event.trip_id.clone()),
                    _ => None,
                };
                device.store.record(*change, self.now())?;
                // The volunteer's own step does not mark the trip as changed.
                if let Some(trip) = trip {
                    if let Ok(Some(fp)) = super::model::fingerprint_of(&*device.store, &trip) {
                        self.trips.mark_seen(device, vec![(trip, fp)]);
                    }
                }
                device.bump();
                self.spawn_sync();
            }
            Action::DismissRejected(op_id) => {
                device.store.dismiss_rejected(&op_id)?;
                device.bump();
            }
            Action::Enrolled(identity) => {
                device.store.set_identity(&identity)?;
                device.bump();
                self.spawn_sync();
            }
            Action::Leave => {
                device.store.wipe()?;
                self.trips.forget_all();
                let mut sync = self.sync;
                sync.set(SyncState::default());
                device.bump();
            }
        }
        Ok(())
    }

    /// Sets the screens' language; `None` follows the device again.
    pub fn choose_lang(&self, choice: Option<Lang>) -> Result<(), StoreError> {
        self.lang.choose(&self.device, choice)
    }

    /// Tidies the device once, after the first screen is shown: refused
    /// changes older than [`KEEP_REFUSED_DAYS`] go (they may hold a note
    /// about a child, and the server will never take them), and so does what
    /// was seen of trips no longer on the device.
    fn tidy(&self) {
        let device = &self.device;
        let cutoff = self.now() - chrono::Duration::days(KEEP_REFUSED_DAYS);
        if let Ok(refused) = device.store.rejected() {
            let old: Vec<_> = refused
                .into_iter()
                .filter(|r| r.rejected_at < cutoff)
                .collect();
            for r in &old {
                let _ = device.store.dismiss_rejected(&r.op.op_id);
            }
            if !old.is_empty() {
                device.bump();
            }
        }
        self.trips.forget_gone_trips(device);
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
        self.device
            .store
            .set_device_value(HELD_STEP, Some(&value))?;
        static NEXT_TOKEN: AtomicU64 = AtomicU64::new(1);
        let token = NEXT_TOKEN.fetch_add(1, Ordering::Relaxed);
        let mut held = self.trips.held_step;
        held.set(Some(HeldStep { event, token }));
        let ctx = self.clone();
        dioxus::core::spawn_forever(async move {
            platform::sleep(std::time::Duration::from_secs(UNDO_SECONDS)).await;
            let still_held = ctx
                .trips
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
        self.device.store.set_device_value(HELD_STEP, None)?;
        let mut held = self.trips.held_step;
        held.set(None);
        Ok(())
    }

    /// Records the held step now, if any.
    pub fn commit_held(&self) -> Result<(), StoreError> {
        let Some(step) = self.trips.held_step.peek().clone() else {
            return Ok(());
        };
        self.act(Action::Record(Box::new(Change::LogEvent {
            event: step.event.clone(),
        })))?;
        // Recorded: a crash before this line records it again at the next
        // start, with the same id, which the server takes once.
        self.device.store.set_device_value(HELD_STEP, None)?;
        let mut held = self.trips.held_step;
        held.set(None);
        let mut saved = self.trips.saved_step;
        saved.set(Some(step.event));
        Ok(())
    }

    /// Starts one sync unless one is running or the device is not enrolled.
    /// Spawned at the root so that leaving a screen does not cancel it.
    fn spawn_sync(&self) {
        if self.sync.peek().running {
            // What was just announced may have come after this sync's pull.
            self.resync
                .store(true, std::sync::atomic::Ordering::Relaxed);
            return;
        }
        let Some(identity) = self.device.identity() else {
            return;
        };
        let ctx = self.clone();
        let mut sync = self.sync;
        sync.write().running = true;
        dioxus::core::spawn_forever(async move {
            let store = ctx.device.store.clone();
            let result = match HttpTransport::for_identity(&identity) {
                Ok(transport) => sync_until_idle(&*store, &transport, ctx.now(), MAX_ROUNDS)
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
                ctx.device.bump();
                return;
            }
            let again = ctx.resync.swap(false, std::sync::atomic::Ordering::Relaxed);
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
            ctx.device.bump();
            if again {
                ctx.spawn_sync();
            }
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

/// Provides the app's contexts to every screen below; call once, at the root.
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
            device: Device {
                store: boot.store.clone(),
                revision: Signal::new(0),
                clock: boot.clock.clone(),
            },
            lang: ScreenLang {
                lang: Signal::new(chosen.or(device_lang).unwrap_or(Lang::Fr)),
                chosen: Signal::new(chosen.is_some()),
            },
            sync: Signal::new(SyncState::default()),
            trips: TripMemory {
                seen: Signal::new(seen),
                held_step: Signal::new(None),
                saved_step: Signal::new(None),
            },
            resync: Default::default(),
        }
    });
    use_context_provider(|| context.device.clone());
    use_context_provider(|| context.lang);
    use_context_provider(|| context.sync);
    use_context_provider(|| context.trips);
    use_context_provider(|| context.clone());
    let guarded = context.device.store.clone();
    use_hook(move || platform::guard_unsent_changes(guarded));
    use_hook(platform::guard_unsaved_forms);
    // A step tapped just before the app was closed: its undo window is over.
    let held_ctx = context.clone();
    use_hook(move || {
        let store = &held_ctx.device.store;
        if let Ok(Some(value)) = store.device_value(HELD_STEP) {
            match serde_json::from_value::<TripEvent>(value) {
                Ok(event) => {
                    let mut held = held_ctx.trips.held_step;
                    held.set(Some(HeldStep { event, token: 0 }));
                    if let Err(e) = held_ctx.commit_held() {
                        let mut sync = held_ctx.sync;
                        sync.write().problem = Some(e.to_string());
                    }
                }
                // Unreadable: nothing to record; do not trip on it again.
                Err(_) => {
                    let _ = store.set_device_value(HELD_STEP, None);
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
                    let waiting = timer_ctx.device.store.status().is_ok_and(|s| s.pending > 0);
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
    let live_ctx = context.clone();
    use_hook(move || {
        if background {
            spawn(async move { listen_for_changes(live_ctx).await });
        }
    });
    context
}

/// While the device is enrolled, keeps a connection open on which the server
/// announces changes, and syncs at each one. A dropped connection is opened
/// again after a pause that grows while the server stays out of reach (the
/// periodic sync goes on meanwhile), with a sync for what was missed.
async fn listen_for_changes(ctx: AppContext) {
    const FIRST_PAUSE: std::time::Duration = std::time::Duration::from_secs(2);
    const LONGEST_PAUSE: std::time::Duration = std::time::Duration::from_secs(60);
    let mut pause = FIRST_PAUSE;
    let mut first = true;
    loop {
        if let Some(identity) = ctx.device.identity() {
            if !first {
                ctx.spawn_sync();
            }
            first = false;
            let announced = ctx.clone();
            match crate::sync::live::listen(&identity, move || announced.spawn_sync()).await {
                Ok(true) => pause = FIRST_PAUSE,
                _ => pause = (pause * 2).min(LONGEST_PAUSE),
            }
        }
        platform::sleep(pause).await;
    }
}

/// The service that carries out a screen's [`Action`]s. Panics with a clear
/// message when a component is rendered outside the app's root (a
/// programming error, never a user's).
pub fn use_app() -> AppContext {
    try_use_context::<AppContext>().unwrap_or_else(|| {
        panic!("use_app() needs an AppContext: render screens inside ui::App, or call ui::use_app_provider in the root component")
    })
}
