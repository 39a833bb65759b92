//! The trip log: one big button for the next step, a short undo, the steps
//! done so far, and cancelling with a reason.

use super::{load_trip, names_phrase};
use crate::domain::{CancelReason, EventId, EventKind, Progress, TripEvent, TripId};
use crate::i18n::{format_time, t, tr, Lang};
use crate::protocol::Change;
use crate::ui::components::{snake, step_key, BigStepButton};
use crate::ui::context::UNDO_SECONDS;
use crate::ui::{use_app, use_device, use_lang, use_trip_memory, Action, Route};
use dioxus::prelude::*;

/// The reasons a volunteer can pick, in the order shown.
pub const CANCEL_REASONS: [CancelReason; 8] = [
    CancelReason::ChildIll,
    CancelReason::GuardianWithdrew,
    CancelReason::RefusedAtDoor,
    CancelReason::Strike,
    CancelReason::Lockdown,
    CancelReason::ParentTransferred,
    CancelReason::ParentReleased,
    CancelReason::Other,
];

#[component]
pub fn TripLog(id: TripId) -> Element {
    let app = use_app();
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let memory = use_trip_memory();
    let mut problem = use_signal(|| None::<String>);
    let data = match load_trip(&device, &memory, &id, lang) {
        Ok(data) => data,
        Err(instead) => return instead,
    };
    let held = memory
        .held_step
        .read()
        .clone()
        .filter(|h| h.event.trip_id == id);
    let saved = memory.saved_step.read().clone().filter(|e| e.trip_id == id);
    let mut events = data.summary.events.clone();
    events.extend(held.as_ref().map(|h| h.event.clone()));
    let progress = Progress::of(&events);

    let tap_app = app.clone();
    let tap_id = id.clone();
    let mut on_step = move |step: EventKind| {
        let event = TripEvent {
            id: EventId::random(),
            trip_id: tap_id.clone(),
            kind: step,
            at: tap_app.now(),
            author: tap_app.author(),
            note: String::new(),
        };
        problem.set(tap_app.hold_step(event).err().map(|e| e.to_string()));
    };
    let undo_app = app.clone();
    let names = names_phrase(lang, &data.summary.children);
    rsx! {
        h1 { "{names}" }
        if let Some(prison) = &data.summary.prison {
            p { class: "lead", "{prison.name}" }
        }
        if let Some(message) = problem() {
            p { class: "error", role: "alert", "{message}" }
        }
        if let Some(held) = held {
            div { class: "banner notice", role: "status",
                p {
                    {tr(lang, "log-held", &[
                        ("step", t(lang, &crate::ui::text_keys::step_done(held.event.kind)).into()),
                        ("seconds", UNDO_SECONDS.into()),
                    ])}
                }
                button { class: "secondary", onclick: move |_| problem.set(undo_app.undo_step().err().map(|e| e.to_string())), {t(lang, "log-undo")} }
            }
        } else if let Some(saved) = saved {
            p { class: "ok", role: "status",
                {tr(lang, "log-saved", &[("step", t(lang, &crate::ui::text_keys::step_done(saved.kind)).into())])}
            }
        }
        match progress {
            Progress::Cancelled(reason) => rsx! {
                p { class: "banner danger",
                    {tr(lang, "card-cancelled", &[("reason", t(lang, &crate::ui::text_keys::cancel(reason)).into())])}
                }
                Link { class: "button primary", to: Route::Report { id: id.clone() }, {t(lang, "log-write-report")} }
            },
            _ => match progress.next_step() {
                Some(step) => rsx! {
                    BigStepButton { step, lang, onclick: move |_| on_step(step) }
                },
                None => rsx! {
                    p { class: "ok", {t(lang, "log-all-done")} }
                    Link { class: "button primary", to: Route::Report { id: id.clone() }, {t(lang, "log-write-report")} }
                },
            },
        }
        h2 { {t(lang, "log-steps")} }
        ol { class: "steps",
            for step in EventKind::STEPS {
                StepLine { key: "{step_key(step)}", step, lang, events: events.clone() }
            }
        }
        if !matches!(progress, Progress::Cancelled(_) | Progress::Done(EventKind::Returned)) {
            CancelForm { id: id.clone(), lang }
        }
    }
}

/// One step of the normal sequence, with its time once done.
#[component]
fn StepLine(step: EventKind, lang: Lang, events: Vec<TripEvent>) -> Element {
    let done = events.iter().find(|e| e.kind == step);
    let label = t(lang, &crate::ui::text_keys::step_done(step));
    rsx! {
        li { class: if done.is_some() { "done" } else { "todo" },
            "{label}"
            if let Some(e) = done {
                span { class: "time", {format!(" · {}", format_time(e.at))} }
            }
        }
    }
}

/// Cancelling a trip: a reason from the list, a note for "other".
#[component]
fn CancelForm(id: TripId, lang: Lang) -> Element {
    let app = use_app();
    let mut open = use_signal(|| false);
    let mut reason = use_signal(|| None::<CancelReason>);
    let mut note = use_signal(String::new);
    let mut error = use_signal(|| None::<String>);
    if !open() {
        return rsx! {
            button { class: "secondary", onclick: move |_| open.set(true), {t(lang, "cancel-open")} }
        };
    }
    let confirm = move |_| {
        let Some(chosen) = reason() else {
            error.set(Some(t(lang, "cancel-pick-reason")));
            return;
        };
        let event = TripEvent {
            id: EventId::random(),
            trip_id: id.clone(),
            kind: EventKind::Cancelled { reason: chosen },
            at: app.now(),
            author: app.author(),
            note: note().trim().to_owned(),
        };
        if let Err(e) = event.validate() {
            error.set(Some(if e.field == "event.note" {
                t(lang, "cancel-say-why")
            } else {
                e.to_string()
            }));
            return;
        }
        // Cancelling is confirmed on purpose, so it is recorded at once.
        let recorded = app
            .commit_held()
            .and_then(|()| app.act(Action::Record(Box::new(Change::LogEvent { event }))));
        match recorded {
            Ok(()) => open.set(false),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    rsx! {
        fieldset { class: "card cancel",
            legend { {t(lang, "cancel-title")} }
            for r in CANCEL_REASONS {
                label { key: "{snake(&r)}", class: "choice",
                    input {
                        r#type: "radio",
                        name: "cancel-reason",
                        checked: reason() == Some(r),
                        onchange: move |_| {
                            reason.set(Some(r));
                            error.set(None);
                        },
                    }
                    {t(lang, &crate::ui::text_keys::cancel(r))}
                }
            }
            label { r#for: "cancel-note", {t(lang, "cancel-note")} }
            textarea { id: "cancel-note", value: "{note}", oninput: move |e| note.set(e.value()) }
            if let Some(message) = error() {
                p { class: "error", role: "alert", "{message}" }
            }
            button { class: "danger", onclick: confirm, {t(lang, "cancel-confirm")} }
            button { class: "secondary", onclick: move |_| open.set(false), {t(lang, "cancel-keep")} }
        }
    }
}
