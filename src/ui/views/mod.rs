//! One file per screen, grouped by who uses them: `volunteer/` (the phone's
//! screens), `office/` (the coordinators' workspace, wide screens) and
//! `shared/` (enrollment, settings, an address that leads nowhere). Each
//! screen reads what it needs through the small contexts of [`crate::ui`]
//! (`use_device`, `use_lang`...) and the plain data of [`crate::ui::model`];
//! changes go through `use_app().act`.

pub mod office;
pub mod shared;
pub mod volunteer;

pub use office::*;
pub use shared::*;
pub use volunteer::*;

use dioxus::prelude::*;

/// What a screen shows when the store cannot be read.
#[component]
pub(crate) fn StoreProblem(message: String) -> Element {
    rsx! {
        div { class: "banner danger", role: "alert", "{message}" }
    }
}
