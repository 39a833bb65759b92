//! The frame around the phone screens: the top bar with navigation, the sync
//! bar, and the enrollment screen while the device is not enrolled. A
//! coordinator's device is sent on to the workspace (`views::office`).

use super::SyncBar;
use crate::i18n::t;
use crate::protocol::Role;
use crate::ui::views::Enroll;
use crate::ui::{use_device, use_lang, Route};
use dioxus::prelude::*;

#[component]
pub fn Shell() -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let route = use_route::<Route>();
    let role = device.role();
    let enrolled = role.is_some();
    let coordinator = role == Some(Role::Coordinator);
    // The volunteers' trips list is not a coordinator's home.
    let to_office = coordinator && route == (Route::Trips {});
    let navigator = navigator();
    use_effect(use_reactive((&to_office,), move |(to_office,)| {
        if to_office {
            navigator.replace(Route::OfficeHome {});
        }
    }));
    let body = if to_office {
        rsx! {}
    } else if enrolled || matches!(route, Route::Enroll { .. }) {
        rsx! { Outlet::<Route> {} }
    } else {
        rsx! { Enroll {} }
    };
    let home = if coordinator {
        Route::OfficeHome {}
    } else {
        Route::Trips {}
    };
    rsx! {
        div { class: "app", lang: lang.code(),
            header { class: "topbar",
                Link { class: "brand", to: home.clone(), "Itinérances" }
                if enrolled {
                    nav {
                        if coordinator {
                            Link { to: home, {t(lang, "office-title")} }
                        } else {
                            Link { to: Route::Trips {}, {t(lang, "nav-trips")} }
                            Link { to: Route::MyKilometres {}, {t(lang, "volunteer-km-link")} }
                        }
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
