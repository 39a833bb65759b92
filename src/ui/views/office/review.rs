//! The trips a disruption falls on, to decide one by one or all at once:
//! cancel (with the reason; the volunteer's phone and the family are told at
//! their next sync, and the visit counts as owed), keep (leave it), or move
//! to another day at the same times. Shown on a prison's page while its
//! status disrupts visits, and on a parent's page after a transfer or a
//! release.

use crate::domain::{DetainedParent, EventId, EventKind, Prison, Record, TripEvent};
use crate::i18n::{format_date, format_time, local_date, t, tr};
use crate::protocol::Change;
use crate::ui::components::parse_date;
use crate::ui::disruption::{self, ToReview};
use crate::ui::text_keys;
use crate::ui::{use_app, use_device, use_lang, Action};
use dioxus::prelude::*;

/// The coming trips a prison's saved status falls on; follows the store, so
/// a trip leaves the list as soon as it is cancelled or moved.
#[component]
pub fn PrisonDisruption(prison: Prison) -> Element {
    let device = use_device();
    device.watch();
    let rows =
        disruption::disrupted_by_status(&*device.store, &prison, device.now()).unwrap_or_default();
    rsx! {
        TripReview { rows, title_key: "review-title-prison", intro_key: "review-intro-prison" }
    }
}

/// The coming trips of a parent that a transfer or a release no longer fits.
#[component]
pub fn ParentDisruption(parent: DetainedParent) -> Element {
    let device = use_device();
    device.watch();
    let rows =
        disruption::disrupted_for_parent(&*device.store, &parent, device.now()).unwrap_or_default();
    rsx! {
        TripReview { rows, title_key: "review-title-parent", intro_key: "review-intro-parent" }
    }
}

#[component]
fn TripReview(rows: Vec<ToReview>, title_key: &'static str, intro_key: &'static str) -> Element {
    let app = use_app();
    let device = use_device();
    let lang = use_lang();
    let mut moves = use_signal(Vec::<String>::new);
    let mut problem = use_signal(|| None::<String>);
    if rows.is_empty() {
        return VNode::empty();
    }
    let now = device.now();
    let cancel_change = {
        let app = app.clone();
        move |row: &ToReview| Change::LogEvent {
            event: TripEvent {
                id: EventId::random(),
                trip_id: row.trip.id.clone(),
                kind: EventKind::Cancelled { reason: row.reason },
                at: now,
                author: app.author(),
                note: String::new(),
            },
        }
    };
    let all = rows.clone();
    let cancel_all = {
        let app = app.clone();
        let cancel_change = cancel_change.clone();
        move |_| {
            for row in &all {
                if let Err(e) = app.act(Action::Record(Box::new(cancel_change(row)))) {
                    problem.set(Some(e.to_string()));
                    return;
                }
            }
        }
    };
    let count = rows.len();
    rsx! {
        section { class: "card review", "aria-labelledby": "review-title",
            h2 { id: "review-title", {tr(lang, title_key, &[("count", count.into())])} }
            p { {t(lang, intro_key)} }
            div { class: "actions",
                button { class: "danger", onclick: cancel_all, {tr(lang, "review-cancel-all", &[("count", count.into())])} }
            }
            table { class: "records",
                thead {
                    tr {
                        th { scope: "col", {t(lang, "review-col-when")} }
                        th { scope: "col", {t(lang, "today-col-children")} }
                        th { scope: "col", {t(lang, "today-col-volunteer")} }
                        th { scope: "col", {t(lang, "review-col-why")} }
                        th { scope: "col", {t(lang, "review-col-decide")} }
                    }
                }
                tbody {
                    for (i, row) in rows.into_iter().enumerate() {
                        tr { key: "{row.trip.id}", "data-trip": "{row.trip.id}",
                            td { {format!("{} {}", format_date(lang, local_date(row.trip.visit_start)), format_time(row.trip.visit_start))} }
                            td { {row.children.join(", ")} }
                            td { {row.volunteer.clone().unwrap_or_else(|| t(lang, "today-no-volunteer"))} }
                            td { {t(lang, &text_keys::cancel(row.reason))} }
                            td {
                                button {
                                    class: "secondary",
                                    onclick: {
                                        let app = app.clone();
                                        let change = cancel_change(&row);
                                        move |_| {
                                            if let Err(e) = app.act(Action::Record(Box::new(change.clone()))) {
                                                problem.set(Some(e.to_string()));
                                            }
                                        }
                                    },
                                    {t(lang, "review-cancel")}
                                }
                                label { r#for: "move-{i}", class: "sr-only", {t(lang, "review-move-to")} }
                                input {
                                    id: "move-{i}",
                                    r#type: "date",
                                    value: moves.read().get(i).cloned().unwrap_or_default(),
                                    oninput: move |e| {
                                        let mut list = moves.write();
                                        if list.len() <= i {
                                            list.resize(i + 1, String::new());
                                        }
                                        list[i] = e.value();
                                    },
                                }
                                button {
                                    class: "secondary",
                                    onclick: {
                                        let app = app.clone();
                                        let trip = row.trip.clone();
                                        move |_| {
                                            let chosen = moves.read().get(i).cloned().unwrap_or_default();
                                            let Some(day) = parse_date(&chosen) else {
                                                problem.set(Some(t(lang, "form-date")));
                                                return;
                                            };
                                            // Same times, another day.
                                            let shift = day - local_date(trip.visit_start);
                                            let mut moved = trip.clone();
                                            moved.visit_start += shift;
                                            moved.visit_end += shift;
                                            moved.pickup_time = moved.pickup_time.map(|p| p + shift);
                                            let change = Change::Put { record: Record::Trip(moved) };
                                            match app.act(Action::Record(Box::new(change))) {
                                                Ok(()) => problem.set(None),
                                                Err(e) => problem.set(Some(e.to_string())),
                                            }
                                        }
                                    },
                                    {t(lang, "review-move")}
                                }
                            }
                        }
                    }
                }
            }
            p { class: "muted", {t(lang, "review-keep")} }
            if let Some(message) = problem() {
                p { class: "error", role: "alert", "{message}" }
            }
        }
    }
}
