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

/// The store of this device: encrypted sled in the user's data directory,
/// with its key in a file beside it.
#[cfg(not(target_arch = "wasm32"))]
pub fn open_store() -> Result<Arc<dyn Store>, StoreError> {
    use crate::store::{SledStore, StoreKey};
    let base = dirs::data_local_dir()
        .or_else(dirs::home_dir)
        .ok_or_else(|| StoreError::Io("no data directory for this user; set HOME".to_owned()))?;
    let dir = base.join("itinerances");
    std::fs::create_dir_all(&dir)
        .map_err(|e| StoreError::Io(format!("cannot create {}: {e}", dir.display())))?;
    let key = StoreKey::load_or_create(&dir.join("store.key"))?;
    Ok(Arc::new(SledStore::open(&dir.join("store"), &key)?))
}

/// The store of this device. A browser keeps its data in memory: closing the
/// tab forgets it, which suits a shared computer and the demo.
#[cfg(target_arch = "wasm32")]
pub fn open_store() -> Result<Arc<dyn Store>, StoreError> {
    Ok(Arc::new(crate::store::MemoryStore::new()))
}

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
