//! Banners about a prison: strike or lockdown, and the example-content notice.

use crate::domain::{PrisonStatus, PrisonStatusKind};
use crate::i18n::{format_day_time, t, tr, Lang};
use dioxus::prelude::*;

/// Says when a prison does not work normally; shows nothing otherwise.
#[component]
pub fn StatusBanner(status: PrisonStatus, lang: Lang) -> Element {
    let title = match status.kind {
        PrisonStatusKind::Normal => return rsx! {},
        PrisonStatusKind::Strike => t(lang, "status-strike"),
        PrisonStatusKind::Lockdown => t(lang, "status-lockdown"),
    };
    let period = match (status.from, status.until) {
        (Some(from), Some(until)) => Some(tr(
            lang,
            "status-from-until",
            &[
                ("from", format_day_time(lang, from).into()),
                ("until", format_day_time(lang, until).into()),
            ],
        )),
        (None, Some(until)) => Some(tr(
            lang,
            "status-until",
            &[("until", format_day_time(lang, until).into())],
        )),
        (Some(from), None) => Some(tr(
            lang,
            "status-from",
            &[("from", format_day_time(lang, from).into())],
        )),
        (None, None) => None,
    };
    let children = match status.child_visits_kept {
        Some(true) => Some(t(lang, "status-child-visits-kept")),
        Some(false) => Some(t(lang, "status-child-visits-cancelled")),
        None => None,
    };
    rsx! {
        div { class: "banner danger", role: "alert",
            strong { {title} }
            if let Some(period) = period { p { {period} } }
            if let Some(children) = children { p { {children} } }
            if !status.note.is_empty() { p { "{status.note}" } }
        }
    }
}

/// Says that a sheet's rules are examples, not the prison's real rules.
#[component]
pub fn ExampleNotice(lang: Lang) -> Element {
    rsx! {
        div { class: "banner notice", {t(lang, "example-content")} }
    }
}
