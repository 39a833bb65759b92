//! Leaving a form that holds changes not saved yet, inside the app: a link
//! of the workspace asks first ("leave without saving?") instead of throwing
//! the typing away. Closing or reloading the tab is asked by the browser
//! itself (`platform::guard_unsaved_forms`).

use crate::i18n::t;
use crate::ui::{platform, use_lang, Route};
use dioxus::prelude::*;

/// Where the person asked to go while a form held unsaved changes; shared by
/// the workspace's links and its question ([`LeaveQuestion`]).
#[derive(Clone, Copy)]
pub struct LeaveRequest(pub Signal<Option<Route>>);

/// A link that, when a form holds unsaved changes, asks before leaving.
/// Outside a frame that asks (no [`LeaveRequest`]), it is a plain link.
#[component]
pub fn GuardedLink(
    to: Route,
    #[props(default)] class: Option<String>,
    #[props(default)] current: bool,
    children: Element,
) -> Element {
    let request = try_use_context::<LeaveRequest>();
    let navigator = navigator();
    let target = to.clone();
    rsx! {
        Link {
            class,
            "aria-current": if current { "page" } else { "false" },
            to,
            onclick_only: true,
            onclick: move |_| match request {
                Some(LeaveRequest(mut asked)) if platform::unsaved_form() => {
                    asked.set(Some(target.clone()));
                }
                _ => {
                    navigator.push(target.clone());
                }
            },
            {children}
        }
    }
}

/// The question, when a link was followed from a form with unsaved changes:
/// leave without saving, or stay on the form (nothing is lost).
#[component]
pub fn LeaveQuestion() -> Element {
    let lang = use_lang();
    let Some(LeaveRequest(mut asked)) = try_use_context::<LeaveRequest>() else {
        return VNode::empty();
    };
    let navigator = navigator();
    let Some(target) = asked() else {
        return VNode::empty();
    };
    rsx! {
        div { class: "banner notice leave", role: "alertdialog", "aria-labelledby": "leave-question",
            p { id: "leave-question", {t(lang, "leave-question")} }
            div { class: "actions",
                button {
                    class: "secondary",
                    autofocus: true,
                    onclick: move |_| asked.set(None),
                    {t(lang, "leave-stay")}
                }
                button {
                    class: "danger",
                    onclick: move |_| {
                        platform::set_unsaved_form(false);
                        asked.set(None);
                        navigator.push(target.clone());
                    },
                    {t(lang, "leave-go")}
                }
            }
        }
    }
}
