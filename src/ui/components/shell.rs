//! The frame around every screen: the top bar with navigation, the sync bar,
//! and the enrollment screen while the device is not enrolled.

use super::SyncBar;
use crate::i18n::t;
use crate::ui::views::Enroll;
use crate::ui::{use_device, use_lang, Route};
use dioxus::prelude::*;

#[component]
pub fn Shell() -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let route = use_route::<Route>();
    let enrolled = device.identity().is_some();
    let body = if enrolled || route == (Route::Enroll {}) {
        rsx! { Outlet::<Route> {} }
    } else {
        rsx! { Enroll {} }
    };
    rsx! {
        div { class: "app", lang: lang.code(),
            header { class: "topbar",
                Link { class: "brand", to: Route::Trips {}, "Itinérances" }
                if enrolled {
                    nav {
                        Link { to: Route::Trips {}, {t(lang, "nav-trips")} }
                        Link { to: Route::Settings {}, {t(lang, "nav-settings")} }
                    }
                }
            }
            if enrolled {
                SyncBar {}
            }
            main { {body} }
        }
    }
}
