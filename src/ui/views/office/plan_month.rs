//! Plan a month: the visits the children's visit rights ask for, proposed in
//! the prisons' visiting hours (`plan::plan_month`), as a table with what is
//! worth checking. The coordinator leaves out the rows they do not want and
//! accepts the rest in one step: each becomes a proposed trip, without a
//! volunteer yet.

use crate::domain::Record;
use crate::i18n::{format_date, format_time, local_date, t, tr, Lang};
use crate::plan::{move_choices, move_visit, plan_month, trip_from_proposal, ProposedVisit};
use crate::protocol::Change;
use crate::ui::views::{office_warning_text, StoreProblem};
use crate::ui::{use_app, use_device, use_lang, Action};
use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use dioxus::prelude::*;
use std::collections::{HashMap, HashSet};

/// A proposal's key while the screen is open: one family's visit on one day.
fn row_key(visit: &ProposedVisit) -> String {
    let children: Vec<&str> = visit.children.iter().map(|c| c.as_str()).collect();
    format!("{}|{}|{}", visit.parent_id, visit.day, children.join("+"))
}

/// "juillet 2025".
fn month_title(lang: Lang, first: NaiveDate) -> String {
    format!(
        "{} {}",
        t(lang, &format!("month-{}", first.month())),
        first.year()
    )
}

#[component]
pub fn PlanMonth() -> Element {
    let app = use_app();
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let today = local_date(device.now());
    let this_month = today.with_day(1).unwrap_or(today);
    // Next month by default: the month a coordinator usually prepares.
    let mut month = use_signal(|| this_month + Months::new(1));
    let mut left_out = use_signal(HashSet::<String>::new);
    // Rows moved to another slot, by their key: the slot's start and end.
    let mut moved = use_signal(HashMap::<String, (DateTime<Utc>, DateTime<Utc>)>::new);
    let mut saved = use_signal(|| None::<usize>);
    let mut problem = use_signal(|| None::<String>);

    let (data, guardians) = match super::trip_draft::load(&*device.store) {
        Ok(records) => (records.data, records.guardians),
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    let ctx = data.context();
    let first = month();
    // Each row keeps the key of the visit as proposed, wherever it moved.
    let rows: Vec<(String, ProposedVisit)> =
        plan_month(&ctx, &guardians, first.year(), first.month(), today)
            .into_iter()
            .map(|v| {
                let key = row_key(&v);
                match moved.read().get(&key) {
                    Some(&(start, end)) => (key, move_visit(&ctx, &v, start, end, today)),
                    None => (key, v),
                }
            })
            .collect();
    let visits: Vec<ProposedVisit> = rows.iter().map(|(_, v)| v.clone()).collect();
    let kept: Vec<ProposedVisit> = rows
        .iter()
        .filter(|(key, _)| !left_out.read().contains(key))
        .map(|(_, v)| v.clone())
        .collect();
    let kept_count = kept.len();
    let title = month_title(lang, first);
    let catch_ups = visits.iter().filter(|v| v.catch_up).count();

    let child_names = |v: &ProposedVisit| {
        v.children
            .iter()
            .map(|c| {
                ctx.child(c)
                    .map_or_else(|| c.to_string(), |c| c.first_name.clone())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let parent_name = |v: &ProposedVisit| {
        ctx.parent(&v.parent_id)
            .map_or_else(|| v.parent_id.to_string(), |p| p.full_name())
    };
    let prison_name = |v: &ProposedVisit| {
        ctx.prison(&v.prison_id)
            .map_or_else(|| v.prison_id.to_string(), |p| p.name.clone())
    };

    let mut change_month = move |to: NaiveDate| {
        month.set(to);
        left_out.write().clear();
        moved.write().clear();
        saved.set(None);
        problem.set(None);
    };
    let accept = move |_| {
        let mut count = 0;
        for visit in &kept {
            let change = Change::Put {
                record: Record::Trip(trip_from_proposal(visit)),
            };
            if let Err(e) = app.act(Action::Record(Box::new(change))) {
                problem.set(Some(e.to_string()));
                saved.set((count > 0).then_some(count));
                return;
            }
            count += 1;
        }
        left_out.write().clear();
        moved.write().clear();
        problem.set(None);
        saved.set(Some(count));
    };

    rsx! {
        h1 { {t(lang, "plan-title")} }
        p { class: "lead", {t(lang, "plan-intro")} }
        div { class: "actions",
            button {
                class: "secondary",
                disabled: first <= this_month,
                onclick: move |_| change_month(first - Months::new(1)),
                {t(lang, "plan-previous")}
            }
            h2 { "{title}" }
            button {
                class: "secondary",
                onclick: move |_| change_month(first + Months::new(1)),
                {t(lang, "plan-next")}
            }
        }
        if let Some(count) = saved() {
            p { class: "notice", role: "status", {tr(lang, "plan-saved", &[("count", count.into())])} }
        }
        if let Some(message) = problem() {
            p { class: "error", role: "alert", {tr(lang, "plan-save-failed", &[("error", message.into())])} }
        }
        if visits.is_empty() {
            p { {t(lang, "plan-none")} }
        } else {
            p { role: "status",
                {tr(lang, "plan-count", &[("count", visits.len().into()), ("catchups", catch_ups.into())])}
            }
            div { class: "table-scroll",
            table { class: "records plan",
                thead {
                    tr {
                        th { scope: "col", {t(lang, "plan-col-keep")} }
                        th { scope: "col", {t(lang, "plan-col-date")} }
                        th { scope: "col", {t(lang, "plan-col-time")} }
                        th { scope: "col", {t(lang, "plan-col-children")} }
                        th { scope: "col", {t(lang, "plan-col-parent")} }
                        th { scope: "col", {t(lang, "plan-col-prison")} }
                        th { scope: "col", {t(lang, "plan-col-catchup")} }
                        th { scope: "col", {t(lang, "plan-col-warnings")} }
                        th { scope: "col", {t(lang, "plan-col-move")} }
                    }
                }
                tbody {
                    for (key, visit) in rows.iter() {
                        {
                            let key = key.clone();
                            let keep = !left_out.read().contains(&key);
                            let names = child_names(visit);
                            let date = format_date(lang, visit.day);
                            let label = tr(lang, "plan-keep-row", &[("children", names.clone().into()), ("date", date.clone().into())]);
                            let toggle_key = key.clone();
                            let time = format!("{}–{}", format_time(visit.start), format_time(visit.end));
                            let parent = parent_name(visit);
                            let prison = prison_name(visit);
                            let move_label = tr(lang, "plan-move-row", &[("children", names.clone().into()), ("date", date.clone().into())]);
                            let current = visit.start.timestamp().to_string();
                            let slots = move_choices(&ctx, visit, today);
                            let choices: Vec<(String, String)> = slots
                                .iter()
                                .map(|&(start, end)| {
                                    (
                                        start.timestamp().to_string(),
                                        format!("{} {}–{}", format_date(lang, local_date(start)), format_time(start), format_time(end)),
                                    )
                                })
                                .collect();
                            let move_key = key.clone();
                            let row_class = if !keep {
                                "muted"
                            } else if visit.warnings.is_empty() {
                                ""
                            } else {
                                "attention"
                            };
                            rsx! {
                                tr { key: "{key}", class: row_class,
                                    td {
                                        label { class: "tick",
                                            input {
                                                r#type: "checkbox",
                                                checked: keep,
                                                onchange: move |e| {
                                                    if e.checked() {
                                                        left_out.write().remove(&toggle_key);
                                                    } else {
                                                        left_out.write().insert(toggle_key.clone());
                                                    }
                                                },
                                            }
                                            span { class: "sr-only", "{label}" }
                                        }
                                    }
                                    td { "{date}" }
                                    td { "{time}" }
                                    td { "{names}" }
                                    td { "{parent}" }
                                    td { "{prison}" }
                                    td {
                                        if visit.catch_up {
                                            strong { class: "catch-up", {t(lang, "plan-catchup-mark")} }
                                        }
                                    }
                                    td {
                                        for warning in visit.warnings.iter() {
                                            p { class: "error", {office_warning_text(lang, warning)} }
                                        }
                                    }
                                    td {
                                        select {
                                            "aria-label": "{move_label}",
                                            disabled: !keep,
                                            onchange: move |e| {
                                                let chosen = e.value();
                                                if let Some(&slot) = slots.iter().find(|(start, _)| start.timestamp().to_string() == chosen) {
                                                    moved.write().insert(move_key.clone(), slot);
                                                }
                                            },
                                            for (value, text) in choices {
                                                option { key: "{value}", value: "{value}", selected: value == current, "{text}" }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            }
        }
        div { class: "actions",
            button { class: "primary", disabled: kept_count == 0, onclick: accept,
                {tr(lang, "plan-accept", &[("count", kept_count.into())])}
            }
        }
    }
}
