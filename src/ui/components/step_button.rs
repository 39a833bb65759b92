//! The one big button of the trip log.

use crate::domain::EventKind;
use crate::i18n::{t, Lang};
use dioxus::prelude::*;

/// A button filling the width of the phone, easy to hit with a thumb.
#[component]
pub fn BigStepButton(step: EventKind, lang: Lang, onclick: EventHandler<MouseEvent>) -> Element {
    rsx! {
        button {
            class: "big-step",
            onclick: move |e| onclick.call(e),
            {t(lang, &crate::ui::text_keys::step_do(step))}
        }
    }
}
