//! The screens' language: the one chosen in settings, kept on the device, or
//! the device's own. Read with [`use_lang`]; changed through [`ScreenLang`].

use super::super::platform;
use super::Device;
use crate::i18n::Lang;
use crate::store::StoreError;
use dioxus::prelude::*;

/// The name of the device-only value that keeps the chosen language.
pub(super) const LANG: &str = "lang";

#[derive(Clone, Copy)]
pub struct ScreenLang {
    pub lang: Signal<Lang>,
    /// True once the person picked a language in settings.
    pub chosen: Signal<bool>,
}

impl ScreenLang {
    /// Sets the screens' language; `None` follows the device again. Kept on
    /// the device.
    pub fn choose(&self, device: &Device, choice: Option<Lang>) -> Result<(), StoreError> {
        let value = choice.map(|l| serde_json::Value::from(l.code()));
        device.store.set_device_value(LANG, value.as_ref())?;
        let mut lang = self.lang;
        let mut chosen = self.chosen;
        chosen.set(choice.is_some());
        let current = *lang.peek();
        lang.set(choice.or_else(platform::device_language).unwrap_or(current));
        Ok(())
    }
}

/// The screens' language and how it was chosen.
pub fn use_screen_lang() -> ScreenLang {
    try_use_context::<ScreenLang>().unwrap_or_else(|| {
        panic!("use_screen_lang() needs the app's contexts: render screens inside ui::App")
    })
}

/// The screens' language; the calling component re-renders when it changes.
pub fn use_lang() -> Lang {
    (use_screen_lang().lang)()
}
