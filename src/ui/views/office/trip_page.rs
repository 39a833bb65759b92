//! A trip, created or edited by hand: the children (siblings may share a
//! trip), the parent, the prison and its room, a visiting slot of the prison,
//! the pickup place from a guardian. Beside the form, the timeline the plan
//! computes and every warning in words; a forbidden visit right blocks the
//! saving, as it does on the server. A visit of a series is changed for its
//! date only or with every later visit of the series. Below, cancelling
//! (`trip_series`) and who can go, best first (`trip_assign`).

use super::trip_assign::AssignPanel;
use super::trip_draft::{
    child_name, draft, forbidden_text, load, parse_slot, slot_label, slot_value, Fields,
};
use super::trip_series::{left_text, SeriesList, TripCancel};
use crate::domain::{Record, Trip, TripId};
use crate::i18n::{format_date, format_time, local_date, t, tr};
use crate::plan::{apply_to_later, check_trip, later_in_series, timeline_for, Warning};
use crate::ui::components::{save_record, FieldErrors, SelectField, TextField};
use crate::ui::views::volunteer::office_warning_text;
use crate::ui::views::StoreProblem;
use crate::ui::{use_app, use_device, use_lang, Route};
use dioxus::prelude::*;

#[component]
pub fn TripNew() -> Element {
    rsx! { TripForm { id: None } }
}

#[component]
pub fn TripPage(id: TripId) -> Element {
    // Keyed by the trip (a keyed list of one): opening another trip of the
    // series from this page builds its form anew, from that trip's values.
    rsx! {
        for id in std::iter::once(id) {
            div { key: "{id}",
                TripForm { id: Some(id.clone()) }
                TripCancel { id: id.clone() }
                AssignPanel { id }
            }
        }
    }
}

#[component]
fn TripForm(id: Option<TripId>) -> Element {
    let device = use_device();
    device.watch();
    let app = use_app();
    let lang = use_lang();
    use_drop(|| crate::ui::platform::set_unsaved_form(false));
    let navigator = navigator();
    let page = match load(&*device.store) {
        Ok(page) => std::rc::Rc::new(page),
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    let existing: Option<Trip> = id
        .as_ref()
        .and_then(|id| page.data.trips.iter().find(|t| &t.id == id).cloned());
    let start = existing.clone();
    let mut fields = use_signal(move || start.as_ref().map_or_else(Fields::empty, Fields::of));
    // The select and text fields write to signals of their own; the form
    // reads them together.
    let f0 = fields.peek().clone();
    let parent = use_signal(|| f0.parent.clone());
    let prison = use_signal(|| f0.prison.clone());
    let room = use_signal(|| f0.room.clone());
    let day = use_signal(|| f0.day.clone());
    let slot = use_signal(|| f0.slot.clone());
    let pickup = use_signal(|| f0.pickup.clone());
    let travel = use_signal(|| f0.travel.clone());
    let meet = use_signal(|| f0.meet.clone());
    let minutes = use_signal(|| f0.minutes.clone());
    let mut errors = use_signal(FieldErrors::new);
    let mut saved = use_signal(|| false);
    // Whether a change of a visit of a series goes to the later ones too,
    // and what that did.
    let mut with_later = use_signal(|| false);
    let mut series_report = use_signal(Vec::<String>::new);
    if id.is_some() && existing.is_none() {
        return rsx! { p { class: "error", role: "alert", {t(lang, "trip-page-missing")} } };
    }

    // What is chosen, with the parent's prison and the first child's
    // guardian as defaults.
    let mut current = Fields {
        children: fields.read().children.clone(),
        parent: parent(),
        prison: prison(),
        room: room(),
        day: day(),
        slot: slot(),
        pickup: pickup(),
        travel: travel(),
        meet: meet(),
        minutes: minutes(),
    };
    let data = &page.data;
    if current.prison.is_empty() {
        if let Some(p) = data
            .parents
            .iter()
            .find(|p| p.id.as_str() == current.parent)
        {
            current.prison = p.prison_id.to_string();
        }
    }
    if current.pickup.is_empty() {
        if let Some(c) = current
            .children
            .first()
            .and_then(|c| data.children.iter().find(|k| k.id.as_str() == c))
        {
            current.pickup = c.guardian_id.to_string();
        }
    }

    let mut parents: Vec<(String, String)> = data
        .parents
        .iter()
        .map(|p| (p.id.to_string(), p.full_name()))
        .collect();
    parents.sort_by(|a, b| a.1.cmp(&b.1));
    parents.insert(0, (String::new(), t(lang, "form-pick")));
    let mut prisons: Vec<(String, String)> = data
        .prisons
        .iter()
        .map(|p| (p.id.to_string(), p.name.clone()))
        .collect();
    prisons.sort_by(|a, b| a.1.cmp(&b.1));
    prisons.insert(0, (String::new(), t(lang, "form-pick")));
    let chosen_prison = data
        .prisons
        .iter()
        .find(|p| p.id.as_str() == current.prison);
    let mut rooms: Vec<(String, String)> = data
        .rooms
        .iter()
        .filter(|r| r.prison_id.as_str() == current.prison)
        .map(|r| (r.id.to_string(), r.name.clone()))
        .collect();
    rooms.insert(0, (String::new(), t(lang, "trip-form-room-none")));
    let mut slots: Vec<(String, String)> = chosen_prison
        .map(|p| {
            p.visiting_hours
                .iter()
                .map(|s| (slot_value(s), slot_label(lang, s)))
                .collect()
        })
        .unwrap_or_default();
    if let Some(own) = parse_slot(&current.slot) {
        if !slots.iter().any(|(v, _)| *v == current.slot) {
            slots.push((current.slot.clone(), slot_label(lang, &own)));
        }
    }
    let no_slots = chosen_prison.is_some() && slots.is_empty();
    slots.insert(0, (String::new(), t(lang, "form-pick")));
    let mut guardians: Vec<(String, String)> = page
        .guardians
        .iter()
        .filter(|g| !g.archived || g.id.as_str() == current.pickup)
        .map(|g| {
            (
                g.id.to_string(),
                format!("{} · {}", g.name, g.pickup_address),
            )
        })
        .collect();
    guardians.sort_by(|a, b| a.1.cmp(&b.1));
    guardians.insert(0, (String::new(), t(lang, "form-pick")));
    let travels = vec![
        ("car".to_owned(), t(lang, "trip-form-car")),
        (
            "public_transport".to_owned(),
            t(lang, "trip-form-public-transport"),
        ),
    ];
    // With a parent chosen, the children who have a decision about visits
    // with that parent; the ones already on the trip stay listed.
    let mut children: Vec<(String, String, bool)> =
        data.children
            .iter()
            .filter(|c| {
                let on_trip = current.children.iter().any(|x| x == c.id.as_str());
                on_trip
                    || (!c.archived
                        && (current.parent.is_empty()
                            || data.visit_rights.iter().any(|r| {
                                r.child_id == c.id && r.parent_id.as_str() == current.parent
                            })))
            })
            .map(|c| {
                (
                    c.id.to_string(),
                    child_name(data, &c.id),
                    current.children.iter().any(|x| x == c.id.as_str()),
                )
            })
            .collect();
    children.sort_by(|a, b| a.1.cmp(&b.1));

    // The trip as it stands, its timeline, its warnings.
    let trip = draft(lang, &current, existing.as_ref(), &page).ok();
    let now = device.now();
    let timeline = trip
        .as_ref()
        .and_then(|trip| chosen_prison.map(|p| timeline_for(trip, p)));
    let warnings: Vec<Warning> = trip
        .as_ref()
        .map(|trip| check_trip(trip, &data.context(), now))
        .unwrap_or_default();
    let forbidden = trip
        .as_ref()
        .and_then(|trip| forbidden_text(lang, trip, data));
    let later: Vec<Trip> = existing
        .as_ref()
        .map(|e| {
            later_in_series(e, &data.trips, &data.events, now)
                .into_iter()
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let parent_kept = existing
        .as_ref()
        .is_some_and(|e| e.parent_id.as_str() == current.parent);
    let offer_later = parent_kept && !later.is_empty();
    let title = match &existing {
        Some(trip) => tr(
            lang,
            "trip-page-title",
            &[(
                "date",
                format_date(lang, local_date(trip.visit_start)).into(),
            )],
        ),
        None => t(lang, "trip-page-new"),
    };

    let save_page = page.clone();
    let save_existing = existing.clone();
    let save_fields = current.clone();
    let save_later = later.clone();
    let save = move |event: FormEvent| {
        event.prevent_default();
        saved.set(false);
        series_report.set(Vec::new());
        let page = &*save_page;
        let trip = match draft(lang, &save_fields, save_existing.as_ref(), page) {
            Ok(trip) => trip,
            Err(found) => {
                errors.set(found);
                return;
            }
        };
        let mut found = FieldErrors::new();
        if let Some(reason) = forbidden_text(lang, &trip, &page.data) {
            found.insert("form", reason);
        } else if let Err(e) = trip.validate() {
            found.insert("form", e.message);
        } else {
            let id = trip.id.clone();
            let edited = trip.clone();
            match save_record(&app, Record::Trip(trip)) {
                Ok(()) if save_existing.is_none() => {
                    navigator.replace(Route::TripPage { id });
                }
                Ok(()) => {
                    saved.set(true);
                    if let (Some(before), true) = (&save_existing, offer_later && with_later()) {
                        let later: Vec<&Trip> = save_later.iter().collect();
                        let update =
                            apply_to_later(before, &edited, &later, &page.data.visit_rights);
                        let mut lines = Vec::new();
                        let mut changed = 0;
                        for next in update.changed {
                            match save_record(&app, Record::Trip(next)) {
                                Ok(()) => changed += 1,
                                Err(e) => lines.push(e),
                            }
                        }
                        lines.insert(
                            0,
                            tr(lang, "trip-series-done", &[("count", changed.into())]),
                        );
                        lines.extend(
                            update
                                .left
                                .iter()
                                .map(|(id, why)| left_text(lang, &page.data, id, why)),
                        );
                        series_report.set(lines);
                        with_later.set(false);
                    }
                }
                Err(e) => {
                    found.insert("form", e);
                }
            }
        }
        errors.set(found);
    };

    rsx! {
        h1 { "{title}" }
        div { class: "trip-page",
            form {
                class: "record-form",
                novalidate: true,
                onsubmit: save,
                oninput: move |_| crate::ui::platform::set_unsaved_form(true),
                onchange: move |_| crate::ui::platform::set_unsaved_form(true),
                fieldset { class: if errors.read().contains_key("trip-children") { "field invalid" } else { "field" },
                    legend { {t(lang, "trip-form-children")} }
                    p { class: "muted hint", {t(lang, "trip-form-children-hint")} }
                    for (child, name, on) in children {
                        label { key: "{child}", class: "check",
                            input {
                                r#type: "checkbox",
                                name: "trip-children",
                                value: "{child}",
                                checked: on,
                                onchange: {
                                    let child = child.clone();
                                    move |e: FormEvent| {
                                        let mut f = fields.write();
                                        f.children.retain(|c| *c != child);
                                        if e.checked() {
                                            f.children.push(child.clone());
                                        }
                                    }
                                },
                            }
                            " {name}"
                        }
                    }
                    if let Some(error) = errors.read().get("trip-children").cloned() {
                        p { class: "error", role: "alert", "{error}" }
                    }
                }
                SelectField { id: "trip-parent", label: t(lang, "trip-form-parent"), value: parent, options: parents, errors }
                SelectField { id: "trip-prison", label: t(lang, "trip-form-prison"), value: prison, options: prisons, errors }
                SelectField { id: "trip-room", label: t(lang, "trip-form-room"), value: room, options: rooms, errors }
                div { class: "pair",
                    TextField { id: "trip-day", label: t(lang, "trip-form-day"), value: day, errors, kind: "date" }
                    SelectField { id: "trip-slot", label: t(lang, "trip-form-slot"), value: slot, options: slots, errors }
                }
                if no_slots {
                    p { class: "error", role: "alert", {t(lang, "trip-form-no-slots")} }
                }
                SelectField { id: "trip-pickup", label: t(lang, "trip-form-pickup"), value: pickup, options: guardians, errors }
                SelectField { id: "trip-travel", label: t(lang, "trip-form-travel"), value: travel, options: travels, errors }
                div { class: "pair",
                    TextField { id: "trip-meet", label: t(lang, "trip-form-meet"), value: meet, errors, kind: "time", hint: t(lang, "trip-form-meet-hint") }
                    TextField { id: "trip-minutes", label: t(lang, "trip-form-minutes"), value: minutes, errors, kind: "number", hint: t(lang, "trip-form-minutes-hint") }
                }
                if let Some(reason) = forbidden.clone() {
                    p { class: "error forbidden", role: "alert", "{reason}" }
                }
                if let Some(problem) = errors.read().get("form").cloned() {
                    if forbidden.is_none() {
                        p { class: "error", role: "alert", "{problem}" }
                    }
                }
                if offer_later {
                    fieldset { class: "field series-scope",
                        legend { {t(lang, "trip-series-scope")} }
                        label { class: "check",
                            input {
                                r#type: "radio",
                                name: "trip-series-scope",
                                value: "one",
                                checked: !with_later(),
                                onchange: move |_| with_later.set(false),
                            }
                            " {tr(lang, \"trip-series-scope-one\", &[(\"date\", format_date(lang, local_date(existing.as_ref().map_or(now, |e| e.visit_start))).into())])}"
                        }
                        label { class: "check",
                            input {
                                r#type: "radio",
                                name: "trip-series-scope",
                                value: "later",
                                checked: with_later(),
                                onchange: move |_| with_later.set(true),
                            }
                            " {tr(lang, \"trip-series-scope-later\", &[(\"count\", later.len().into())])}"
                        }
                    }
                } else if !parent_kept && existing.as_ref().is_some_and(|e| e.series.is_some()) {
                    p { class: "muted hint", {t(lang, "trip-series-parent-changed")} }
                }
                if saved() {
                    p { class: "ok", role: "status", {t(lang, "trip-form-saved")} }
                    for line in series_report() {
                        p { class: "ok", role: "status", "{line}" }
                    }
                }
                div { class: "actions",
                    button { r#type: "submit", class: "primary", disabled: forbidden.is_some(), {t(lang, "form-save")} }
                    Link { class: "button secondary", to: Route::OfficeToday {}, {t(lang, "form-cancel")} }
                }
            }
            aside { class: "trip-side",
                h2 { {t(lang, "trip-timeline")} }
                match timeline {
                    Some(tl) => rsx! {
                        dl { class: "timeline",
                            dt { {t(lang, "timeline-meet")} } dd { {format_time(tl.meet_at)} }
                            dt { {t(lang, "timeline-leave")} } dd { {format_time(tl.leave_by)} }
                            dt { {t(lang, "timeline-door")} } dd { {format_time(tl.at_door_by)} }
                            dt { {t(lang, "timeline-visit")} } dd { "{format_time(tl.visit_start)} – {format_time(tl.visit_end)}" }
                            dt { {t(lang, "timeline-return")} } dd { {format_time(tl.expected_return)} }
                        }
                    },
                    None => rsx! { p { class: "muted", {t(lang, "trip-timeline-missing")} } },
                }
                h2 { {t(lang, "trip-warnings")} }
                if trip.is_some() && warnings.is_empty() {
                    p { class: "muted", {t(lang, "trip-warnings-none")} }
                }
                if !warnings.is_empty() {
                    ul { class: "warnings",
                        for w in warnings {
                            li { class: "warning", "data-warning": w.code(), {office_warning_text(lang, &w)} }
                        }
                    }
                }
                if existing.as_ref().is_some_and(|e| e.series.is_some()) {
                    SeriesList { later: later.clone() }
                }
            }
        }
    }
}
