//! Settings: the screens' language, and leaving (un-enrolling) this device.

use crate::i18n::{t, tr, SCREEN_LANGUAGES};
use crate::ui::{use_app, use_device, use_screen_lang, Action, Route};
use dioxus::prelude::*;

#[component]
pub fn Settings() -> Element {
    let app = use_app();
    let device = use_device();
    device.watch();
    let screen_lang = use_screen_lang();
    let lang = (screen_lang.lang)();
    let chosen = (screen_lang.chosen)();
    let mut confirm_leave = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let pending = device.store.status().map(|s| s.pending).unwrap_or_default();
    let identity = device.identity();
    let navigator = navigator();
    let device_app = app.clone();
    let leave_app = app.clone();
    rsx! {
        h1 { {t(lang, "settings-title")} }
        fieldset { class: "card",
            legend { {t(lang, "settings-language")} }
            label { class: "choice",
                input {
                    r#type: "radio",
                    name: "lang",
                    checked: !chosen,
                    onchange: move |_| {
                        if let Err(e) = device_app.choose_lang(None) {
                            error.set(Some(e.to_string()));
                        }
                    },
                }
                {t(lang, "settings-language-device")}
            }
            for l in SCREEN_LANGUAGES {
                label { key: "{l.code()}", class: "choice", lang: l.code(),
                    input {
                        r#type: "radio",
                        name: "lang",
                        checked: chosen && l == lang,
                        onchange: {
                            let app = app.clone();
                            move |_| {
                                if let Err(e) = app.choose_lang(Some(l)) {
                                    error.set(Some(e.to_string()));
                                }
                            }
                        },
                    }
                    {t(l, "language-self")}
                }
            }
        }
        section { class: "card",
            h2 { {t(lang, "settings-device")} }
            if let Some(identity) = identity {
                p { {tr(lang, "settings-enrolled-as", &[("name", identity.display_name.into()), ("server", identity.server_url.into())])} }
            }
            if confirm_leave() {
                p { class: "error", {t(lang, "settings-leave-warning")} }
                if pending > 0 {
                    p { class: "error", strong { {tr(lang, "settings-leave-pending", &[("count", pending.into())])} } }
                }
                button {
                    class: "danger",
                    onclick: move |_| match leave_app.act(Action::Leave) {
                        Ok(()) => {
                            confirm_leave.set(false);
                            navigator.replace(Route::Enroll { code: String::new() });
                        }
                        Err(e) => error.set(Some(e.to_string())),
                    },
                    {t(lang, "settings-leave-confirm")}
                }
                button { class: "secondary", onclick: move |_| confirm_leave.set(false), {t(lang, "settings-leave-keep")} }
            } else {
                button { class: "danger", onclick: move |_| confirm_leave.set(true), {t(lang, "settings-leave")} }
            }
            if let Some(message) = error() {
                p { class: "error", role: "alert", "{message}" }
            }
        }
    }
}
