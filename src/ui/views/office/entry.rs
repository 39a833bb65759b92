//! The workspace's screens as the router sees them. A volunteer's phone never
//! opens the workspace, so the web app keeps its screens (and their forms) in
//! a wasm file of their own, fetched the first time a coordinator opens an
//! `/office` address (`dx bundle --wasm-split`, with the `wasm-split`
//! feature). The router therefore never names a screen itself: each
//! [`Route`] of the workspace leads to a stub of the same name here, and
//! every stub goes through [`screen`], the one way into that file. Without
//! the feature (desktop, mobile, tests, a plain web build) [`screen`] is
//! called directly.

use crate::domain::{ChildId, GuardianId, ParentId, PrisonId, TripId, VolunteerId};
use crate::ui::Route;
use dioxus::prelude::*;

/// The screens themselves, under the names the stubs take over.
mod real {
    pub use super::super::assign::AssignMonth;
    pub use super::super::audit::OfficeAudit;
    pub use super::super::calendar::OfficeCalendar;
    pub use super::super::child_form::{ChildEdit, ChildNew};
    pub use super::super::children::{ChildFile, Children};
    pub use super::super::devices::Devices;
    pub use super::super::family_notices::FamilyNotices;
    pub use super::super::figures::OfficeFigures;
    pub use super::super::guardian_form::{GuardianEdit, GuardianNew};
    pub use super::super::home::OfficeHome;
    pub use super::super::import::{FamiliesImport, VolunteerImport};
    pub use super::super::parents::{ParentEdit, ParentNew, Parents};
    pub use super::super::plan_month::PlanMonth;
    pub use super::super::prisons::{PrisonEdit, PrisonNew, Prisons};
    pub use super::super::right_form::RightNew;
    pub use super::super::today::OfficeToday;
    pub use super::super::trip_page::{TripNew, TripPage};
    pub use super::super::volunteer_form::{VolunteerEdit, VolunteerNew};
    pub use super::super::volunteers::Volunteers;
}

/// For each screen of the workspace: a stub component for the router, and
/// its arm in [`screen`].
macro_rules! screens {
    ($($name:ident { $($field:ident: $ty:ty),* })*) => {
        $(
            #[component]
            pub fn $name($($field: $ty),*) -> Element {
                rsx! { OfficeScreen { route: Route::$name { $($field),* } } }
            }
        )*

        /// The screen of a workspace address.
        fn screen(route: Route) -> Element {
            match route {
                $(Route::$name { $($field),* } => rsx! { real::$name { $($field),* } },)*
                // Only the workspace's addresses are sent here.
                _ => VNode::empty(),
            }
        }
    };
}

screens! {
    OfficeHome {}
    OfficeToday {}
    Children {}
    ChildNew {}
    ChildFile { id: ChildId }
    ChildEdit { id: ChildId }
    RightNew { id: ChildId }
    GuardianNew {}
    FamiliesImport {}
    GuardianEdit { id: GuardianId }
    Prisons {}
    PrisonEdit { id: PrisonId }
    PrisonNew {}
    Parents {}
    ParentNew {}
    ParentEdit { id: ParentId }
    Volunteers {}
    VolunteerNew {}
    VolunteerEdit { id: VolunteerId }
    VolunteerImport {}
    Devices {}
    FamilyNotices {}
    TripNew {}
    TripPage { id: TripId }
    AssignMonth {}
    PlanMonth {}
    OfficeFigures {}
    OfficeAudit {}
    OfficeCalendar {}
}

/// Shows the screen of a workspace address, from the split-off file when
/// there is one.
#[component]
fn OfficeScreen(route: Route) -> Element {
    #[cfg(all(feature = "wasm-split", target_arch = "wasm32"))]
    return split::show(route);
    #[cfg(not(all(feature = "wasm-split", target_arch = "wasm32")))]
    screen(route)
}

/// The web app's split: the loader of the workspace's wasm file. The code the
/// `wasm_split` macros generate to reach that file (exported symbols, calls
/// through an imported function) is unsafe by nature; this module is the only
/// place the crate allows it.
#[cfg(all(feature = "wasm-split", target_arch = "wasm32"))]
#[allow(unsafe_code)]
mod split {
    use super::screen;
    use crate::i18n::t;
    use crate::ui::{use_lang, Route};
    use dioxus::prelude::*;

    /// `screen` and all it alone reaches go to the module named "office".
    static SCREENS: wasm_split::LazyLoader<Route, Element> =
        wasm_split::lazy_loader!(extern "office" fn screen(route: Route) -> Element);

    pub(super) fn show(route: Route) -> Element {
        rsx! { Loader { route } }
    }

    #[component]
    fn Loader(route: Route) -> Element {
        let lang = use_lang();
        // Fetches the file once; the next screens are shown at once.
        let loaded = use_resource(|| async { SCREENS.load().await });
        match SCREENS.call(route) {
            Ok(element) => element,
            Err(_) if loaded() == Some(false) => rsx! {
                div { class: "banner danger", role: "alert", {t(lang, "office-load-failed")} }
            },
            Err(_) => rsx! {
                p { class: "muted", role: "status", {t(lang, "office-loading")} }
            },
        }
    }
}
