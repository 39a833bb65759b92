//! The sync status shown on every screen: online or offline, changes waiting
//! for the server, the last sync, and refused changes in words.

use crate::i18n::{format_day_time, format_time, local_date, t, tr, Lang};
use crate::protocol::{Change, RejectCode};
use crate::store::RejectedOp;
use crate::ui::{use_app, use_device, use_lang, use_sync_status, Action};
use dioxus::prelude::*;

#[component]
pub fn SyncBar() -> Element {
    let app = use_app();
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let state = use_sync_status()();
    let status = device.store.status().unwrap_or_default();
    let rejected = device.store.rejected().unwrap_or_default();
    let now = device.now();

    let (class, online_text) = match state.online {
        Some(true) => ("sync online", t(lang, "sync-online")),
        Some(false) => ("sync offline", t(lang, "sync-offline")),
        None => ("sync unknown", t(lang, "sync-not-yet")),
    };
    let pending = if status.pending == 0 {
        t(lang, "sync-all-sent")
    } else {
        tr(lang, "sync-pending", &[("count", status.pending.into())])
    };
    let last = match status.last_sync {
        Some(at) if local_date(at) == local_date(now) => {
            tr(lang, "sync-last", &[("when", format_time(at).into())])
        }
        Some(at) => tr(
            lang,
            "sync-last",
            &[("when", format_day_time(lang, at).into())],
        ),
        None => t(lang, "sync-never"),
    };
    let sync_app = app.clone();
    rsx! {
        section { class: "{class}", role: "status", "aria-live": "polite",
            div { class: "sync-line sync-state",
                span { class: "dot", "aria-hidden": "true" }
                strong { {online_text} }
                span { "· {pending}" }
            }
            div { class: "sync-line",
                span { class: "muted", {last} }
                button {
                    class: "small",
                    disabled: state.running,
                    onclick: move |_| {
                        let _ = sync_app.act(Action::SyncNow);
                    },
                    if state.running { {t(lang, "sync-running")} } else { {t(lang, "sync-now")} }
                }
            }
            if let Some(problem) = state.problem.clone() {
                p { class: "problem", {tr(lang, "sync-problem", &[("reason", problem.into())])} }
            }
            for op in rejected {
                RejectedNotice { key: "{op.op.op_id}", op, lang }
            }
        }
    }
}

/// One refused change: what it was, why, and what to do.
#[component]
fn RejectedNotice(op: RejectedOp, lang: Lang) -> Element {
    let app = use_app();
    let what = match &op.op.change {
        Change::LogEvent { event } => tr(
            lang,
            "rejected-step",
            &[(
                "step",
                t(lang, &crate::ui::text_keys::step_done(event.kind)).into(),
            )],
        ),
        Change::SubmitReport { .. } => t(lang, "rejected-report"),
        _ => t(lang, "rejected-other"),
    };
    let advice = match op.code {
        RejectCode::Forbidden => t(lang, "rejected-forbidden"),
        RejectCode::NotFound => t(lang, "rejected-not-found"),
        RejectCode::Invalid => t(lang, "rejected-invalid"),
        RejectCode::Superseded => t(lang, "rejected-superseded"),
    };
    let op_id = op.op.op_id.clone();
    rsx! {
        div { class: "rejected", role: "alert",
            p { strong { {what} } }
            p { {advice} }
            p { class: "muted", "{op.message}" }
            button {
                class: "small",
                onclick: move |_| {
                    let _ = app.act(Action::DismissRejected(op_id.clone()));
                },
                {t(lang, "rejected-dismiss")}
            }
        }
    }
}
