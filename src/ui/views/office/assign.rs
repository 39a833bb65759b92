//! "Assign the month": the trips of a month without a volunteer, each with
//! the best free volunteer (a child keeps the same person when that person
//! is free), and one button to assign them all.

use super::trip_draft::{child_name, load, volunteer_name, when};
use crate::domain::{Trip, TripId, VolunteerId};
use crate::i18n::{local_date, t, tr};
use crate::plan::propose_assignments;
use crate::protocol::Change;
use crate::ui::views::StoreProblem;
use crate::ui::{use_app, use_device, use_lang, Action, Route};
use chrono::{Datelike, Months, NaiveDate};
use dioxus::prelude::*;

/// The first day of the month `offset` months from the one of `today`.
fn month_start(today: NaiveDate, offset: i32) -> NaiveDate {
    let first = today.with_day(1).unwrap_or(today);
    let moved = if offset >= 0 {
        first.checked_add_months(Months::new(offset.unsigned_abs()))
    } else {
        first.checked_sub_months(Months::new(offset.unsigned_abs()))
    };
    moved.unwrap_or(first)
}

/// A row of the table: the trip, when, its children, who is proposed (id
/// and name) and whether that keeps the same person.
type Row = (TripId, String, String, Option<(VolunteerId, String)>, bool);

#[component]
pub fn AssignMonth() -> Element {
    let device = use_device();
    device.watch();
    let app = use_app();
    let lang = use_lang();
    let mut offset = use_signal(|| 0_i32);
    let mut done = use_signal(|| None::<usize>);
    let mut problem = use_signal(|| None::<String>);
    let page = match load(&*device.store) {
        Ok(page) => page,
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    let data = &page.data;
    let now = device.now();
    let start = month_start(local_date(now), offset());
    let ctx = data.context();
    let mut open: Vec<&Trip> = data
        .trips
        .iter()
        .filter(|t| t.volunteer_id.is_none() && t.visit_start > now)
        .filter(|t| {
            let day = local_date(t.visit_start);
            day.year() == start.year() && day.month() == start.month()
        })
        .filter(|t| !ctx.is_cancelled(&t.id))
        .collect();
    open.sort_by_key(|t| t.visit_start);
    let ids: Vec<TripId> = open.iter().map(|t| t.id.clone()).collect();
    let proposals = propose_assignments(&ids, &ctx, now);
    let rows: Vec<Row> = proposals
        .iter()
        .filter_map(|p| {
            let trip = data.trips.iter().find(|t| t.id == p.trip_id)?;
            let children = trip
                .children
                .iter()
                .map(|c| child_name(data, c))
                .collect::<Vec<_>>()
                .join(", ");
            Some((
                trip.id.clone(),
                when(lang, trip),
                children,
                p.suggestion.as_ref().map(|s| {
                    (
                        s.volunteer_id.clone(),
                        volunteer_name(data, &s.volunteer_id),
                    )
                }),
                p.same_person,
            ))
        })
        .collect();
    let assignable: Vec<(TripId, VolunteerId)> = rows
        .iter()
        .filter_map(|(trip, _, _, proposed, _)| {
            proposed.as_ref().map(|(v, _)| (trip.clone(), v.clone()))
        })
        .collect();
    let count = assignable.len();
    let month = format!(
        "{} {}",
        t(lang, &format!("month-{}", start.month())),
        start.year()
    );
    let assign_all = move |_| {
        let mut assigned = 0;
        for (trip_id, volunteer) in &assignable {
            let change = Change::Assign {
                trip_id: trip_id.clone(),
                volunteer_id: Some(volunteer.clone()),
            };
            match app.act(Action::Record(Box::new(change))) {
                Ok(()) => assigned += 1,
                Err(e) => {
                    problem.set(Some(e.to_string()));
                    break;
                }
            }
        }
        done.set(Some(assigned));
    };
    rsx! {
        h1 { {t(lang, "assign-title")} }
        p { class: "lead", {tr(lang, "assign-lead", &[("month", month.clone().into())])} }
        div { class: "actions",
            button { r#type: "button", class: "secondary", onclick: move |_| { offset -= 1; done.set(None); }, {t(lang, "assign-previous")} }
            strong { " {month} " }
            button { r#type: "button", class: "secondary", onclick: move |_| { offset += 1; done.set(None); }, {t(lang, "assign-next")} }
        }
        if let Some(n) = done() {
            p { class: "ok", role: "status", {tr(lang, "assign-done", &[("count", n.into())])} }
        }
        if let Some(problem) = problem() {
            p { class: "error", role: "alert", "{problem}" }
        }
        if rows.is_empty() {
            p { {t(lang, "assign-none")} }
        } else {
            table { class: "records assign-month",
                thead {
                    tr {
                        th { scope: "col", {t(lang, "assign-col-trip")} }
                        th { scope: "col", {t(lang, "assign-col-children")} }
                        th { scope: "col", {t(lang, "assign-col-proposed")} }
                    }
                }
                tbody {
                    for (trip, at, children, proposed, same) in rows {
                        tr { key: "{trip}", "data-trip": "{trip}",
                            class: if proposed.is_some() { "" } else { "attention" },
                            td { Link { to: Route::TripPage { id: trip.clone() }, "{at}" } }
                            td { "{children}" }
                            td {
                                match proposed.clone() {
                                    Some((_, name)) => rsx! {
                                        "{name}"
                                        if same {
                                            span { class: "muted", " · {t(lang, \"assign-same-person\")}" }
                                        }
                                    },
                                    None => rsx! { strong { class: "error", {t(lang, "assign-nobody")} } },
                                }
                            }
                        }
                    }
                }
            }
            if count > 0 {
                div { class: "actions",
                    button { r#type: "button", class: "primary", onclick: assign_all,
                        {tr(lang, "assign-all", &[("count", count.into())])}
                    }
                }
            }
        }
    }
}
