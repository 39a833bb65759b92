//! A trip's series on its page: the family's later visits, and cancelling a
//! visit (with the reason; the volunteer's phone and the family are told at
//! their next sync), for its date only or with every later visit of the
//! series.

use super::trip_draft::{child_name, load};
use crate::domain::{CancelReason, EventId, EventKind, Progress, Trip, TripEvent, TripId};
use crate::i18n::{format_date, format_day_time, local_date, t, tr, Lang};
use crate::plan::{later_in_series, LeftAsItWas, PlanData};
use crate::protocol::Change;
use crate::ui::text_keys;
use crate::ui::views::StoreProblem;
use crate::ui::{use_app, use_device, use_lang, Action, Route};
use dioxus::prelude::*;

/// How many later visits the page lists by date.
const LISTED: usize = 8;

/// A later visit the change could not reach, in words.
pub(crate) fn left_text(lang: Lang, data: &PlanData, id: &TripId, why: &LeftAsItWas) -> String {
    let date = data
        .trips
        .iter()
        .find(|t| &t.id == id)
        .map(|t| format_date(lang, local_date(t.visit_start)))
        .unwrap_or_else(|| id.to_string());
    let why = match why {
        LeftAsItWas::Forbidden(child) => tr(
            lang,
            "trip-series-left-forbidden",
            &[("child", child_name(data, child).into())],
        ),
        LeftAsItWas::NoChildLeft => t(lang, "trip-series-left-no-child"),
        LeftAsItWas::Invalid(reason) => reason.clone(),
    };
    tr(
        lang,
        "trip-series-left",
        &[("date", date.into()), ("why", why.into())],
    )
}

/// The family's later visits of the series, with links to their pages.
#[component]
pub(crate) fn SeriesList(later: Vec<Trip>) -> Element {
    let lang = use_lang();
    let count = later.len();
    let more = count.saturating_sub(LISTED);
    rsx! {
        section { class: "series",
            h2 { {t(lang, "trip-series-title")} }
            if later.is_empty() {
                p { class: "muted", {t(lang, "trip-series-none")} }
            } else {
                p { {tr(lang, "trip-series-lead", &[("count", count.into())])} }
                ul {
                    for trip in later.into_iter().take(LISTED) {
                        li { key: "{trip.id}",
                            Link { to: Route::TripPage { id: trip.id.clone() },
                                {format_day_time(lang, trip.visit_start)}
                            }
                            if trip.volunteer_id.is_none() {
                                span { class: "muted", " · {t(lang, \"calendar-no-volunteer\")}" }
                            }
                        }
                    }
                }
                if more > 0 {
                    p { class: "muted", {tr(lang, "trip-series-more", &[("count", more.into())])} }
                }
            }
        }
    }
}

/// Cancelling a visit from the workspace: a reason, a note (needed for
/// "other reason"), and, for a visit of a series, the later ones too.
#[component]
pub(crate) fn TripCancel(id: TripId) -> Element {
    let device = use_device();
    device.watch();
    let app = use_app();
    let lang = use_lang();
    let mut reason = use_signal(|| None::<CancelReason>);
    let mut note = use_signal(String::new);
    let mut with_later = use_signal(|| false);
    let mut problem = use_signal(|| None::<String>);
    let mut done_later = use_signal(|| None::<usize>);
    let page = match load(&*device.store) {
        Ok(page) => page,
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    let data = &page.data;
    let Some(trip) = data.trips.iter().find(|t| t.id == id) else {
        return VNode::empty();
    };
    let progress = Progress::of(data.events.iter().filter(|e| e.trip_id == id));
    let now = device.now();
    let later: Vec<TripId> = later_in_series(trip, &data.trips, &data.events, now)
        .into_iter()
        .map(|t| t.id.clone())
        .collect();
    let state = match progress {
        Progress::Cancelled(r) => Some(tr(
            lang,
            "trip-cancel-done",
            &[("reason", t(lang, &text_keys::cancel(r)).into())],
        )),
        Progress::Done(_) => Some(t(lang, "trip-cancel-begun")),
        Progress::NotStarted => None,
    };
    let count = later.len();
    let confirm = move |_| {
        let Some(chosen) = reason() else {
            problem.set(Some(t(lang, "cancel-pick-reason")));
            return;
        };
        let ids: Vec<TripId> = std::iter::once(id.clone())
            .chain(later.iter().filter(|_| with_later()).cloned())
            .collect();
        let at = app.now();
        let mut cancelled = 0;
        for trip_id in ids {
            let event = TripEvent {
                id: EventId::random(),
                trip_id,
                kind: EventKind::Cancelled { reason: chosen },
                at,
                author: app.author(),
                note: note().trim().to_owned(),
            };
            if let Err(e) = event.validate() {
                problem.set(Some(if e.field == "event.note" {
                    t(lang, "cancel-say-why")
                } else {
                    e.to_string()
                }));
                return;
            }
            if let Err(e) = app.act(Action::Record(Box::new(Change::LogEvent { event }))) {
                problem.set(Some(e.to_string()));
                return;
            }
            cancelled += 1;
        }
        problem.set(None);
        done_later.set((cancelled > 1).then_some(cancelled - 1));
    };
    rsx! {
        section { class: "trip-cancel",
            h2 { {t(lang, "trip-cancel-title")} }
            if let Some(state) = state {
                p { role: "status", "{state}" }
                if let Some(n) = done_later() {
                    p { class: "ok", role: "status", {tr(lang, "trip-cancel-later-done", &[("count", n.into())])} }
                }
            } else {
                fieldset { class: "field",
                    legend { {t(lang, "cancel-title")} }
                    for r in CancelReason::ALL {
                        label { key: "{text_keys::cancel(r)}", class: "check",
                            input {
                                r#type: "radio",
                                name: "trip-cancel-reason",
                                checked: reason() == Some(r),
                                onchange: move |_| {
                                    reason.set(Some(r));
                                    problem.set(None);
                                },
                            }
                            " {t(lang, &text_keys::cancel(r))}"
                        }
                    }
                }
                div { class: "field",
                    label { r#for: "trip-cancel-note", {t(lang, "cancel-note")} }
                    textarea { id: "trip-cancel-note", value: "{note}", oninput: move |e| note.set(e.value()) }
                }
                if count > 0 {
                    label { class: "check",
                        input {
                            r#type: "checkbox",
                            name: "trip-cancel-later",
                            checked: with_later(),
                            onchange: move |e: FormEvent| with_later.set(e.checked()),
                        }
                        " {tr(lang, \"trip-cancel-later\", &[(\"count\", count.into())])}"
                    }
                }
                if let Some(message) = problem() {
                    p { class: "error", role: "alert", "{message}" }
                }
                button { r#type: "button", class: "danger", onclick: confirm, {t(lang, "cancel-confirm")} }
            }
        }
    }
}
