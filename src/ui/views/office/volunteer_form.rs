//! Entering a volunteer, or correcting one: how to reach them, where they
//! usually start from, car, languages, whether they are new to the network,
//! the days and hours they are usually free, and their absences.

use super::child_form::LANGUAGES;
use crate::domain::{Absence, GeoPoint, Record, RecordKey, RecordKind, Volunteer, VolunteerId};
use crate::i18n::t;
use crate::ui::components::{
    parse_coordinate, parse_date, read_week, save_record, week_rows, CheckField, FieldErrors,
    TextField, WeekSlots,
};
use crate::ui::text_keys;
use crate::ui::{use_app, use_device, use_lang, Route};
use dioxus::prelude::*;

/// Absences the form shows at once (past ones can be removed to make room).
const ABSENCE_ROWS: usize = 4;

#[component]
pub fn VolunteerNew() -> Element {
    rsx! { VolunteerForm { existing: None } }
}

#[component]
pub fn VolunteerEdit(id: VolunteerId) -> Element {
    let device = use_device();
    let lang = use_lang();
    match device
        .store
        .get(&RecordKey::new(RecordKind::Volunteer, id.as_str()))
    {
        Ok(Some(Record::Volunteer(v))) => rsx! {
            VolunteerForm { existing: Some(v.clone()) }
            super::figures::VolunteerStatement { volunteer: v.id, name: v.name }
        },
        _ => rsx! { p { {t(lang, "volunteer-not-found")} } },
    }
}

#[component]
fn VolunteerForm(existing: Option<Volunteer>) -> Element {
    let app = use_app();
    let lang = use_lang();
    // Leaving the form, saved or not, it no longer holds anything to lose.
    use_drop(|| crate::ui::platform::set_unsaved_form(false));
    let navigator = navigator();
    let start = existing.clone();
    let name = use_signal(|| start.as_ref().map(|v| v.name.clone()).unwrap_or_default());
    let phone = use_signal(|| start.as_ref().map(|v| v.phone.clone()).unwrap_or_default());
    let lat = use_signal(|| {
        start
            .as_ref()
            .map(|v| v.home_area.lat.to_string())
            .unwrap_or_default()
    });
    let lon = use_signal(|| {
        start
            .as_ref()
            .map(|v| v.home_area.lon.to_string())
            .unwrap_or_default()
    });
    let car = use_signal(|| start.as_ref().is_some_and(|v| v.has_car));
    let newcomer = use_signal(|| start.as_ref().is_none_or(|v| v.newcomer));
    let speaks =
        use_signal(|| LANGUAGES.map(|l| start.as_ref().is_some_and(|v| v.languages.contains(&l))));
    // One row per weekday: free or not, from, until.
    let week = use_signal(|| {
        week_rows(
            start.as_ref().map_or(&[][..], |v| &v.availability[..]),
            ("09:00", "17:00"),
        )
    });
    let absences = use_signal(|| {
        let mut rows: Vec<(String, String)> = start
            .as_ref()
            .map(|v| {
                v.absences
                    .iter()
                    .map(|a| (a.from.to_string(), a.until.to_string()))
                    .collect()
            })
            .unwrap_or_default();
        rows.resize(rows.len().max(ABSENCE_ROWS), (String::new(), String::new()));
        rows
    });
    let mut errors = use_signal(FieldErrors::new);
    let mut absences_w = absences;
    let mut speaks_w = speaks;
    let editing = existing.is_some();

    let save = move |event: FormEvent| {
        event.prevent_default();
        let mut found = FieldErrors::new();
        if name().trim().is_empty() {
            found.insert("volunteer-name", t(lang, "form-required"));
        }
        let (la, lo) = (parse_coordinate(&lat()), parse_coordinate(&lon()));
        if la.is_none() {
            found.insert("volunteer-lat", t(lang, "form-coordinate"));
        }
        if lo.is_none() {
            found.insert("volunteer-lon", t(lang, "form-coordinate"));
        }
        let availability = read_week(&week()).unwrap_or_else(|| {
            found.insert("volunteer-week", t(lang, "volunteer-week-error"));
            Vec::new()
        });
        let mut gone = Vec::new();
        for (from, until) in absences().iter() {
            if from.trim().is_empty() && until.trim().is_empty() {
                continue;
            }
            match (parse_date(from), parse_date(until)) {
                (Some(from), Some(until)) if until >= from => gone.push(Absence { from, until }),
                _ => {
                    found.insert("volunteer-absences", t(lang, "volunteer-absence-error"));
                }
            }
        }
        if let (true, Some(la), Some(lo)) = (found.is_empty(), la, lo) {
            let volunteer = Volunteer {
                id: existing
                    .as_ref()
                    .map_or_else(VolunteerId::random, |v| v.id.clone()),
                name: name().trim().to_owned(),
                phone: phone().trim().to_owned(),
                home_area: GeoPoint::new(la, lo),
                has_car: car(),
                languages: LANGUAGES
                    .into_iter()
                    .zip(speaks())
                    .filter_map(|(l, yes)| yes.then_some(l))
                    .collect(),
                availability,
                absences: gone,
                newcomer: newcomer(),
                archived: existing.as_ref().is_some_and(|v| v.archived),
            };
            match volunteer.validate() {
                Err(e) => {
                    found.insert("form", e.message);
                }
                Ok(()) => match save_record(&app, Record::Volunteer(volunteer)) {
                    Ok(()) => {
                        navigator.replace(Route::Volunteers {});
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
        "volunteer-edit-title"
    } else {
        "volunteer-new-title"
    };
    let absence_error = errors.read().get("volunteer-absences").cloned();
    rsx! {
        h1 { {t(lang, title)} }
        form {
            class: "record-form",
            novalidate: true,
            onsubmit: save,
            // Typing marks the form as holding changes not saved yet.
            oninput: move |_| crate::ui::platform::set_unsaved_form(true),
            onchange: move |_| crate::ui::platform::set_unsaved_form(true),
            TextField { id: "volunteer-name", label: t(lang, "volunteers-col-name"), value: name, errors }
            TextField { id: "volunteer-phone", label: t(lang, "family-phone"), value: phone, errors, kind: "tel" }
            div { class: "pair",
                TextField { id: "volunteer-lat", label: t(lang, "family-lat"), value: lat, errors, hint: t(lang, "volunteer-home-hint") }
                TextField { id: "volunteer-lon", label: t(lang, "family-lon"), value: lon, errors }
            }
            CheckField { id: "volunteer-car", label: t(lang, "volunteer-has-car"), value: car }
            CheckField { id: "volunteer-newcomer", label: t(lang, "volunteer-newcomer"), value: newcomer }
            fieldset {
                legend { {t(lang, "volunteers-col-languages")} }
                for (i, l) in LANGUAGES.into_iter().enumerate() {
                    label { class: "choice", key: "{l.code()}",
                        input {
                            r#type: "checkbox",
                            checked: speaks()[i],
                            onchange: move |e| {
                                if let Some(slot) = speaks_w.write().get_mut(i) {
                                    *slot = e.checked();
                                }
                            },
                        }
                        {t(lang, &text_keys::language(l))}
                    }
                }
            }
            WeekSlots { id: "volunteer-week", lang, legend: t(lang, "volunteer-week"), rows: week, errors }
            fieldset {
                legend { {t(lang, "volunteer-absences")} }
                for (i, (from, until)) in absences().into_iter().enumerate() {
                    div { class: "pair", key: "{i}",
                        div {
                            label { r#for: "absence-{i}-from", {t(lang, "volunteer-away-from")} }
                            input {
                                id: "absence-{i}-from",
                                r#type: "date",
                                value: "{from}",
                                oninput: move |e| {
                                    if let Some(row) = absences_w.write().get_mut(i) {
                                        row.0 = e.value();
                                    }
                                },
                            }
                        }
                        div {
                            label { r#for: "absence-{i}-until", {t(lang, "volunteer-away-until")} }
                            input {
                                id: "absence-{i}-until",
                                r#type: "date",
                                value: "{until}",
                                oninput: move |e| {
                                    if let Some(row) = absences_w.write().get_mut(i) {
                                        row.1 = e.value();
                                    }
                                },
                            }
                        }
                    }
                }
                button {
                    r#type: "button",
                    class: "secondary",
                    onclick: move |_| absences_w.write().push((String::new(), String::new())),
                    {t(lang, "volunteer-add-absence")}
                }
                if let Some(message) = absence_error {
                    p { class: "error", role: "alert", "{message}" }
                }
            }
            if let Some(problem) = errors.read().get("form").cloned() {
                p { class: "error", role: "alert", "{problem}" }
            }
            div { class: "actions",
                button { r#type: "submit", class: "primary", {t(lang, "form-save")} }
                Link { class: "button secondary", to: Route::Volunteers {}, {t(lang, "form-cancel")} }
            }
        }
    }
}
