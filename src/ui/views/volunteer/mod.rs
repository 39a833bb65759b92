//! The volunteer's screens, phone first: today's trips, a trip and its
//! timeline, the trip log, the report, the prison sheet.

mod kilometres;
mod prison_sheet;
mod report;
mod trip_detail;
mod trip_log;
mod trips;

pub use kilometres::MyKilometres;
pub use prison_sheet::PrisonSheet;
pub use report::Report;
pub(crate) use trip_detail::office_warning_text;
pub use trip_detail::TripDetail;
pub use trip_log::TripLog;
pub use trips::{Trips, UPCOMING_PAGE};

use super::StoreProblem;
use crate::domain::{Child, TripId};
use crate::i18n::{t, Lang};
use crate::ui::model::{trip_detail, TripDetailData};
use crate::ui::{Device, TripMemory};
use dioxus::prelude::*;

/// The trip a screen is about, or what the screen shows instead: "not on
/// this device" (cancelled, reassigned, or a wrong address) or the store's
/// problem. Screens call their hooks before this, so that a trip leaving the
/// device while its screen is open does not change their order.
fn load_trip(
    device: &Device,
    memory: &TripMemory,
    id: &TripId,
    lang: Lang,
) -> Result<TripDetailData, Element> {
    let seen = memory.seen.peek().clone();
    match trip_detail(&*device.store, id, device.now(), &seen) {
        Ok(Some(data)) => Ok(data),
        Ok(None) => Err(rsx! { NotHere { lang } }),
        Err(e) => Err(rsx! { StoreProblem { message: e.to_string() } }),
    }
}

/// The children's first names as one phrase: "Lina", "Lina et Noah",
/// "Lina, Noah et Sami".
pub fn names_phrase(lang: Lang, children: &[Child]) -> String {
    let names: Vec<&str> = children.iter().map(|c| c.first_name.as_str()).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), t(lang, "and")),
    }
}

/// What a screen shows when its record is not on this device.
#[component]
pub(crate) fn NotHere(lang: Lang) -> Element {
    rsx! {
        div { class: "card",
            p { {t(lang, "not-on-device")} }
            Link { class: "button", to: crate::ui::Route::Trips {}, {t(lang, "back-to-trips")} }
        }
    }
}
