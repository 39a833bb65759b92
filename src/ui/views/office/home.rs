//! The workspace's first screen: the network in a few numbers, each a way
//! into the screen that deals with it.

use crate::i18n::{t, tr};
use crate::ui::network::overview;
use crate::ui::views::StoreProblem;
use crate::ui::{use_device, use_lang, Route};
use dioxus::prelude::*;

#[component]
pub fn OfficeHome() -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let counts = match overview(&*device.store, device.now()) {
        Ok(counts) => counts,
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    let n = |key: &str, count: usize| tr(lang, key, &[("count", count.into())]);
    rsx! {
        h1 { {t(lang, "office-nav-home")} }
        ul { class: "figures",
            li { Link { to: Route::Children {}, {n("home-children", counts.children)} } }
            li { {n("home-volunteers", counts.volunteers)} }
            li { {n("home-prisons", counts.prisons)} }
            li { {n("home-trips-coming", counts.trips_coming)} }
            li { class: if counts.trips_open > 0 { "attention" } else { "" },
                {n("home-trips-open", counts.trips_open)}
            }
            li { class: if counts.rights_expiring > 0 { "attention" } else { "" },
                Link { to: Route::Children {}, {n("home-rights-expiring", counts.rights_expiring)} }
            }
        }
    }
}
