//! What differs between a phone or desktop and a browser: where the store
//! lives, the device's language, its name, and how to wait.
//!
//! Each function is small and cfg'd so that the screens stay the same code on
//! every platform.

use crate::i18n::{lang_from_tag, Lang};
use crate::store::{Store, StoreError};
use std::sync::Arc;
use std::time::Duration;

/// How often the app syncs by itself.
pub const SYNC_EVERY: Duration = Duration::from_secs(60);

/// How often it tries again while changes wait and there is no network.
pub const RETRY_EVERY: Duration = Duration::from_secs(10);

/// Waits without blocking the screens.
pub async fn sleep(duration: Duration) {
    futures_timer::Delay::new(duration).await;
}

/// The language the device or browser is set to, if the screens speak it.
#[cfg(not(target_arch = "wasm32"))]
pub fn device_language() -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find_map(|tag| lang_from_tag(&tag))
}

/// The language the device or browser is set to, if the screens speak it.
#[cfg(target_arch = "wasm32")]
pub fn device_language() -> Option<Lang> {
    let navigator = web_sys::window()?.navigator();
    navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .chain(navigator.language())
        .find_map(|tag| lang_from_tag(&tag))
}

/// A name for this device, shown to the coordinator in the list of devices.
pub fn device_name() -> String {
    if cfg!(target_arch = "wasm32") {
        "Browser".to_owned()
    } else if cfg!(any(target_os = "android", target_os = "ios")) {
        "Phone".to_owned()
    } else {
        "Desktop".to_owned()
    }
}

/// The store the app opened, and why it is not kept when it is not.
#[derive(Clone)]
pub struct OpenedStore {
    pub store: Arc<dyn Store>,
    /// Set when this device cannot keep its data: the screens say so.
    pub not_kept: Option<String>,
}

/// The store of this device: encrypted sled in the user's data directory,
/// with its key in a file beside it.
#[cfg(not(target_arch = "wasm32"))]
pub async fn open_store() -> Result<OpenedStore, StoreError> {
    use crate::store::{SledStore, StoreKey};
    let base = dirs::data_local_dir()
        .or_else(dirs::home_dir)
        .ok_or_else(|| StoreError::Io("no data directory for this user; set HOME".to_owned()))?;
    let dir = base.join("itinerances");
    std::fs::create_dir_all(&dir)
        .map_err(|e| StoreError::Io(format!("cannot create {}: {e}", dir.display())))?;
    let key = StoreKey::load_or_create(&dir.join("store.key"))?;
    Ok(OpenedStore {
        store: Arc::new(SledStore::open(&dir.join("store"), &key)?),
        not_kept: None,
    })
}

/// The store of this device: IndexedDB, sealed with a key the page cannot
/// export, one tab at a time. Where the browser keeps nothing (storage turned off, a page not
/// served over HTTPS) or the data does not open, the app still works, in
/// memory, and says that closing the tab forgets everything.
#[cfg(target_arch = "wasm32")]
pub async fn open_store() -> Result<OpenedStore, StoreError> {
    use crate::store::{BrowserStore, MemoryStore, DATABASE};
    Ok(match BrowserStore::open(DATABASE).await {
        Ok(store) => OpenedStore {
            store: Arc::new(store),
            not_kept: None,
        },
        // Another tab holds this browser's data: working beside it would
        // mean enrolling again; that tab is the one to use.
        Err(StoreError::Locked) => return Err(StoreError::Locked),
        Err(e) => OpenedStore {
            store: Arc::new(MemoryStore::new()),
            not_kept: Some(e.to_string()),
        },
    })
}

/// In a browser, closing or reloading the tab is asked first while a change
/// is still on its way to IndexedDB, and while changes wait for the server:
/// they stay in this browser (or, in memory, are lost), and reach the server
/// only once the app is opened here again.
#[cfg(target_arch = "wasm32")]
pub fn guard_unsent_changes(store: Arc<dyn Store>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_leave = Closure::<dyn FnMut(web_sys::BeforeUnloadEvent)>::new(
        move |event: web_sys::BeforeUnloadEvent| {
            if store.unsaved_writes() > 0 || store.status().is_ok_and(|s| s.pending > 0) {
                event.prevent_default();
                // Older browsers need a text; none of them shows it any more.
                event.set_return_value("unsent changes");
            }
        },
    );
    let _ =
        window.add_event_listener_with_callback("beforeunload", on_leave.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_leave.forget();
}

/// Says the page's language on the document itself, for screen readers and
/// the browser's own translation and hyphenation.
#[cfg(target_arch = "wasm32")]
pub fn set_document_lang(code: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", code);
    }
}

/// Windows of the desktop and phone apps carry the language on the frame.
#[cfg(not(target_arch = "wasm32"))]
pub fn set_document_lang(_code: &str) {}

/// Phones and desktops keep their store on disk: nothing to guard.
#[cfg(not(target_arch = "wasm32"))]
pub fn guard_unsent_changes(_store: Arc<dyn Store>) {}

/// The server address offered on the enrollment screen: in a browser, the
/// server the app came from; elsewhere, nothing (the coordinator gives it).
#[cfg(target_arch = "wasm32")]
pub fn default_server() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The server address offered on the enrollment screen: in a browser, the
/// server the app came from; elsewhere, nothing (the coordinator gives it).
#[cfg(not(target_arch = "wasm32"))]
pub fn default_server() -> String {
    String::new()
}

/// Whether a form on screen holds changes not saved yet.
static UNSAVED_FORM: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Says whether a form holds changes not saved yet (forms call it as they are
/// typed in, saved or left).
pub fn set_unsaved_form(unsaved: bool) {
    UNSAVED_FORM.store(unsaved, std::sync::atomic::Ordering::Relaxed);
}

/// Whether a form on screen holds changes not saved yet.
pub fn unsaved_form() -> bool {
    UNSAVED_FORM.load(std::sync::atomic::Ordering::Relaxed)
}

/// In a browser, closing or reloading the tab while a form holds changes not
/// saved yet would lose them: the browser asks first.
#[cfg(target_arch = "wasm32")]
pub fn guard_unsaved_forms() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_leave = Closure::<dyn FnMut(web_sys::BeforeUnloadEvent)>::new(
        move |event: web_sys::BeforeUnloadEvent| {
            if UNSAVED_FORM.load(std::sync::atomic::Ordering::Relaxed) {
                event.prevent_default();
                event.set_return_value("unsaved form");
            }
        },
    );
    let _ =
        window.add_event_listener_with_callback("beforeunload", on_leave.as_ref().unchecked_ref());
    on_leave.forget();
}

/// A desktop or phone app is not closed by mistake with a browser's tab.
#[cfg(not(target_arch = "wasm32"))]
pub fn guard_unsaved_forms() {}
