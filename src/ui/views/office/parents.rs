//! The parents the children visit: where each is held now, the transfers
//! with their dates (a trip planned before a transfer goes to the wrong
//! prison), and the release date when it is known. Seen by coordinators
//! only; volunteers' phones hold a first name and a prison.

use super::review::ParentDisruption;
use crate::domain::{DetainedParent, ParentId, PrisonId, Record, RecordKey, RecordKind, Transfer};
use crate::i18n::{format_date, t};
use crate::ui::components::{parse_date, save_record, FieldErrors, SelectField, TextField};
use crate::ui::network::fold;
use crate::ui::views::StoreProblem;
use crate::ui::{use_app, use_device, use_lang, Route};
use chrono::Datelike;
use dioxus::prelude::*;
use std::collections::HashMap;

fn prison_names(records: Vec<Record>) -> HashMap<PrisonId, String> {
    records
        .into_iter()
        .filter_map(|r| match r {
            Record::Prison(p) => Some((p.id, p.name)),
            _ => None,
        })
        .collect()
}

#[component]
pub fn Parents() -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let prisons = prison_names(device.store.list(RecordKind::Prison).unwrap_or_default());
    let mut parents: Vec<DetainedParent> = match device.store.list(RecordKind::Parent) {
        Ok(all) => all
            .into_iter()
            .filter_map(|r| match r {
                Record::Parent(p) => Some(p),
                _ => None,
            })
            .collect(),
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    parents.sort_by_key(|p| fold(&format!("{} {}", p.last_name, p.first_name)));
    rsx! {
        h1 { {t(lang, "parents-title")} }
        div { class: "actions",
            Link { class: "button primary", to: Route::ParentNew {}, {t(lang, "parents-new")} }
        }
        table { class: "records",
            thead {
                tr {
                    th { scope: "col", {t(lang, "volunteers-col-name")} }
                    th { scope: "col", {t(lang, "parents-col-prison")} }
                    th { scope: "col", {t(lang, "parents-col-transfers")} }
                    th { scope: "col", {t(lang, "parents-col-release")} }
                }
            }
            tbody {
                for p in parents {
                    tr { key: "{p.id}",
                        td { Link { to: Route::ParentEdit { id: p.id.clone() }, "{p.first_name} {p.last_name}" } }
                        td { {prisons.get(&p.prison_id).cloned().unwrap_or_else(|| p.prison_id.to_string())} }
                        td { "{p.transfers.len()}" }
                        td { {p.released_on.map(|d| format!("{} {}", format_date(lang, d), d.year())).unwrap_or_default()} }
                    }
                }
            }
        }
    }
}

#[component]
pub fn ParentNew() -> Element {
    rsx! { ParentForm { existing: None } }
}

#[component]
pub fn ParentEdit(id: ParentId) -> Element {
    let device = use_device();
    let lang = use_lang();
    match device
        .store
        .get(&RecordKey::new(RecordKind::Parent, id.as_str()))
    {
        Ok(Some(Record::Parent(p))) => rsx! { ParentForm { existing: Some(p) } },
        _ => rsx! { p { {t(lang, "parent-not-found")} } },
    }
}

#[component]
fn ParentForm(existing: Option<DetainedParent>) -> Element {
    let device = use_device();
    let app = use_app();
    let lang = use_lang();
    // Leaving the form, saved or not, it no longer holds anything to lose.
    use_drop(|| crate::ui::platform::set_unsaved_form(false));
    let navigator = navigator();
    let start = existing.clone();
    let first = use_signal(|| {
        start
            .as_ref()
            .map(|p| p.first_name.clone())
            .unwrap_or_default()
    });
    let last = use_signal(|| {
        start
            .as_ref()
            .map(|p| p.last_name.clone())
            .unwrap_or_default()
    });
    let prison = use_signal(|| {
        start
            .as_ref()
            .map(|p| p.prison_id.to_string())
            .unwrap_or_default()
    });
    let released = use_signal(|| {
        start
            .as_ref()
            .and_then(|p| p.released_on)
            .map(|d| d.to_string())
            .unwrap_or_default()
    });
    let moved_to = use_signal(String::new);
    let moved_on = use_signal(String::new);
    let mut errors = use_signal(FieldErrors::new);
    let names = prison_names(device.store.list(RecordKind::Prison).unwrap_or_default());
    let mut prisons: Vec<(String, String)> = names
        .iter()
        .map(|(id, name)| (id.to_string(), name.clone()))
        .collect();
    prisons.sort_by(|a, b| a.1.cmp(&b.1));
    prisons.insert(0, (String::new(), t(lang, "form-pick")));
    let history: Vec<Transfer> = existing
        .as_ref()
        .map(|p| p.transfers.clone())
        .unwrap_or_default();
    let saved = existing.clone();
    let editing = existing.is_some();

    let save = move |event: FormEvent| {
        event.prevent_default();
        let mut found = FieldErrors::new();
        if first().trim().is_empty() {
            found.insert("parent-first", t(lang, "form-required"));
        }
        if prison().is_empty() {
            found.insert("parent-prison", t(lang, "form-pick-prison"));
        }
        let released_on = if released().trim().is_empty() {
            Ok(None)
        } else {
            parse_date(&released()).map(Some).ok_or(())
        };
        if released_on.is_err() {
            found.insert("parent-released", t(lang, "form-date"));
        }
        let mut transfers = existing
            .as_ref()
            .map(|p| p.transfers.clone())
            .unwrap_or_default();
        let mut now_in = prison();
        // A transfer moves the parent from where they are now to the new prison.
        if !moved_to().is_empty() || !moved_on().trim().is_empty() {
            match parse_date(&moved_on()) {
                Some(on) if !moved_to().is_empty() && moved_to() != prison() => {
                    transfers.push(Transfer {
                        from: prison().as_str().into(),
                        to: moved_to().as_str().into(),
                        on,
                    });
                    now_in = moved_to();
                }
                _ => {
                    found.insert("parent-moved-on", t(lang, "parent-transfer-error"));
                }
            }
        }
        if let (true, Ok(released_on)) = (found.is_empty(), released_on) {
            let parent = DetainedParent {
                id: existing
                    .as_ref()
                    .map_or_else(ParentId::random, |p| p.id.clone()),
                first_name: first().trim().to_owned(),
                last_name: last().trim().to_owned(),
                prison_id: now_in.as_str().into(),
                transfers,
                released_on,
            };
            match parent.validate() {
                Err(e) => {
                    found.insert("form", e.message);
                }
                Ok(()) => match save_record(&app, Record::Parent(parent)) {
                    Ok(()) => {
                        navigator.replace(Route::Parents {});
                    }
                    Err(e) => {
                        found.insert("form", e);
                    }
                },
            }
        }
        errors.set(found);
    };
    let title = if editing {
        "parent-edit-title"
    } else {
        "parent-new-title"
    };
    let transfer_options = prisons.clone();
    rsx! {
        h1 { {t(lang, title)} }
        if let Some(parent) = saved {
            // Their coming trips that a transfer or a release no longer fits.
            ParentDisruption { parent }
        }
        form {
            class: "record-form",
            novalidate: true,
            onsubmit: save,
            // Typing marks the form as holding changes not saved yet.
            oninput: move |_| crate::ui::platform::set_unsaved_form(true),
            onchange: move |_| crate::ui::platform::set_unsaved_form(true),
            TextField { id: "parent-first", label: t(lang, "form-first-name"), value: first, errors }
            TextField { id: "parent-last", label: t(lang, "form-last-name"), value: last, errors }
            SelectField { id: "parent-prison", label: t(lang, "parents-col-prison"), value: prison, options: prisons, errors }
            TextField { id: "parent-released", label: t(lang, "parents-col-release"), value: released, errors, kind: "date", hint: t(lang, "parent-release-hint") }
            if editing {
                fieldset {
                    legend { {t(lang, "parent-transfer")} }
                    if !history.is_empty() {
                        ul {
                            for tr in history {
                                li { key: "{tr.on}-{tr.to}",
                                    {format!("{} {} · {} → {}", format_date(lang, tr.on), tr.on.year(),
                                        names.get(&tr.from).cloned().unwrap_or_else(|| tr.from.to_string()),
                                        names.get(&tr.to).cloned().unwrap_or_else(|| tr.to.to_string()))}
                                }
                            }
                        }
                    }
                    div { class: "pair",
                        SelectField { id: "parent-moved-to", label: t(lang, "parent-moved-to"), value: moved_to, options: transfer_options, errors }
                        TextField { id: "parent-moved-on", label: t(lang, "parent-moved-on"), value: moved_on, errors, kind: "date" }
                    }
                }
            }
            if let Some(problem) = errors.read().get("form").cloned() {
                p { class: "error", role: "alert", "{problem}" }
            }
            div { class: "actions",
                button { r#type: "submit", class: "primary", {t(lang, "form-save")} }
                Link { class: "button secondary", to: Route::Parents {}, {t(lang, "form-cancel")} }
            }
        }
    }
}
