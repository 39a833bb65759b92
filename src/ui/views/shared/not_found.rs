//! An address that leads nowhere: said plainly, with the way back.

use crate::i18n::t;
use crate::ui::{use_lang, Route};
use dioxus::prelude::*;

#[component]
pub fn NotFound(segments: Vec<String>) -> Element {
    let lang = use_lang();
    // The segments are not shown: an address may carry a code or an id.
    let _ = segments;
    rsx! {
        div { class: "app", lang: lang.code(),
            header { class: "topbar",
                Link { class: "brand", to: Route::Trips {}, "Itinérances" }
            }
            main {
                section { class: "card",
                    h1 { {t(lang, "not-found-title")} }
                    p { {t(lang, "not-found-text")} }
                    Link { class: "button primary", to: Route::Trips {}, {t(lang, "not-found-back")} }
                }
            }
        }
    }
}
