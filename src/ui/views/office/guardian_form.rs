//! Entering a family (the guardian who looks after the children day to day)
//! or correcting one: who, how to reach them, their language, and the place
//! where the volunteer picks the children up, with its coordinates.

use super::child_form::{language_of, LANGUAGES};
use crate::domain::{GeoPoint, Guardian, GuardianId, GuardianKind, Record, RecordKey, RecordKind};
use crate::i18n::t;
use crate::ui::components::{
    parse_coordinate, save_record, snake, FieldErrors, SelectField, TextField,
};
use crate::ui::text_keys;
use crate::ui::{use_app, use_device, use_lang, Route};
use dioxus::prelude::*;

#[component]
pub fn GuardianNew() -> Element {
    rsx! { GuardianForm { existing: None } }
}

#[component]
pub fn GuardianEdit(id: GuardianId) -> Element {
    let device = use_device();
    let lang = use_lang();
    match device
        .store
        .get(&RecordKey::new(RecordKind::Guardian, id.as_str()))
    {
        Ok(Some(Record::Guardian(g))) => rsx! {
            GuardianForm { existing: Some(g.clone()) }
            super::family_link::FamilyLinkPanel { guardian: g.clone() }
            super::family_notices::FamilyNoticesOf { guardian: g.id.clone(), name: g.name.clone(), phone: g.phone.clone() }
        },
        _ => rsx! { p { {t(lang, "family-not-found")} } },
    }
}

fn field_of(domain_field: &str) -> &'static str {
    match domain_field {
        "guardian.name" => "family-name",
        "guardian.phone" => "family-phone",
        "guardian.email" => "family-email",
        "guardian.pickup_address" => "family-address",
        "guardian.pickup_location" => "family-lat",
        _ => "form",
    }
}

#[component]
fn GuardianForm(existing: Option<Guardian>) -> Element {
    let app = use_app();
    let lang = use_lang();
    // Leaving the form, saved or not, it no longer holds anything to lose.
    use_drop(|| crate::ui::platform::set_unsaved_form(false));
    let navigator = navigator();
    let start = existing.clone();
    let name = use_signal(|| start.as_ref().map(|g| g.name.clone()).unwrap_or_default());
    let kind = use_signal(|| snake(&start.as_ref().map_or(GuardianKind::Parent, |g| g.kind)));
    let phone = use_signal(|| start.as_ref().map(|g| g.phone.clone()).unwrap_or_default());
    let email = use_signal(|| start.as_ref().map(|g| g.email.clone()).unwrap_or_default());
    let language = use_signal(|| {
        start
            .as_ref()
            .and_then(|g| g.language)
            .map(|l| l.code().to_owned())
            .unwrap_or_default()
    });
    let address = use_signal(|| {
        start
            .as_ref()
            .map(|g| g.pickup_address.clone())
            .unwrap_or_default()
    });
    let lat = use_signal(|| {
        start
            .as_ref()
            .map(|g| g.pickup_location.lat.to_string())
            .unwrap_or_default()
    });
    let lon = use_signal(|| {
        start
            .as_ref()
            .map(|g| g.pickup_location.lon.to_string())
            .unwrap_or_default()
    });
    let mut errors = use_signal(FieldErrors::new);
    let kinds: Vec<(String, String)> = GuardianKind::ALL
        .into_iter()
        .map(|k| (snake(&k), t(lang, &text_keys::guardian(k))))
        .collect();
    let mut languages: Vec<(String, String)> = LANGUAGES
        .into_iter()
        .map(|l| (l.code().to_owned(), t(lang, &text_keys::language(l))))
        .collect();
    languages.insert(0, (String::new(), t(lang, "form-pick")));

    let editing = existing.is_some();
    let save = move |event: FormEvent| {
        event.prevent_default();
        let mut found = FieldErrors::new();
        for (id, value) in [
            ("family-name", name()),
            ("family-phone", phone()),
            ("family-address", address()),
        ] {
            if value.trim().is_empty() {
                found.insert(id, t(lang, "form-required"));
            }
        }
        let (la, lo) = (parse_coordinate(&lat()), parse_coordinate(&lon()));
        if la.is_none() {
            found.insert("family-lat", t(lang, "form-coordinate"));
        }
        if lo.is_none() {
            found.insert("family-lon", t(lang, "form-coordinate"));
        }
        if let (true, Some(la), Some(lo)) = (found.is_empty(), la, lo) {
            let guardian = Guardian {
                id: existing
                    .as_ref()
                    .map_or_else(GuardianId::random, |g| g.id.clone()),
                kind: GuardianKind::ALL
                    .into_iter()
                    .find(|k| snake(k) == kind())
                    .unwrap_or(GuardianKind::Parent),
                name: name().trim().to_owned(),
                phone: phone().trim().to_owned(),
                email: email().trim().to_owned(),
                pickup_address: address().trim().to_owned(),
                pickup_location: GeoPoint::new(la, lo),
                language: language_of(&language()),
                archived: existing.as_ref().is_some_and(|g| g.archived),
            };
            match guardian.validate() {
                Err(e) => {
                    found.insert(field_of(e.field), e.message);
                }
                Ok(()) => match save_record(&app, Record::Guardian(guardian)) {
                    Ok(()) => {
                        navigator.replace(Route::Children {});
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
        "family-edit-title"
    } else {
        "family-new-title"
    };
    rsx! {
        h1 { {t(lang, title)} }
        form {
            class: "record-form",
            novalidate: true,
            onsubmit: save,
            // Typing marks the form as holding changes not saved yet.
            oninput: move |_| crate::ui::platform::set_unsaved_form(true),
            onchange: move |_| crate::ui::platform::set_unsaved_form(true),
            TextField { id: "family-name", label: t(lang, "family-name"), value: name, errors, hint: t(lang, "family-name-hint") }
            SelectField { id: "family-kind", label: t(lang, "family-kind"), value: kind, options: kinds, errors }
            TextField { id: "family-phone", label: t(lang, "family-phone"), value: phone, errors, kind: "tel" }
            TextField { id: "family-email", label: t(lang, "family-email"), value: email, errors, kind: "email", hint: t(lang, "family-email-hint") }
            SelectField { id: "family-language", label: t(lang, "form-language"), value: language, options: languages, errors }
            TextField { id: "family-address", label: t(lang, "family-address"), value: address, errors, hint: t(lang, "family-address-hint") }
            div { class: "pair",
                TextField { id: "family-lat", label: t(lang, "family-lat"), value: lat, errors, hint: t(lang, "family-coordinates-hint") }
                TextField { id: "family-lon", label: t(lang, "family-lon"), value: lon, errors }
            }
            if let Some(problem) = errors.read().get("form").cloned() {
                p { class: "error", role: "alert", "{problem}" }
            }
            div { class: "actions",
                button { r#type: "submit", class: "primary", {t(lang, "form-save")} }
                Link { class: "button secondary", to: Route::Children {}, {t(lang, "form-cancel")} }
            }
        }
    }
}
