//! Entering a child, or correcting one: first name, surname (coordinators
//! only), birth year, language, what the volunteer must know, the family.
//! Saved on this device at once and sent with the next sync; the server
//! checks it again.

use crate::domain::{Child, ChildId, Language, Record, RecordKey, RecordKind};
use crate::i18n::{local_date, t};
use crate::ui::components::{save_record, FieldErrors, GuardedLink, SelectField, TextField};
use crate::ui::text_keys;
use crate::ui::{use_app, use_device, use_lang, Route};
use chrono::Datelike;
use dioxus::prelude::*;

/// The languages a child can speak, as the form offers them.
pub(super) const LANGUAGES: [Language; 4] =
    [Language::Fr, Language::Nl, Language::En, Language::De];

pub(super) fn language_of(code: &str) -> Option<Language> {
    LANGUAGES.into_iter().find(|l| l.code() == code)
}

#[component]
pub fn ChildNew() -> Element {
    rsx! { ChildForm { existing: None } }
}

#[component]
pub fn ChildEdit(id: ChildId) -> Element {
    let device = use_device();
    let lang = use_lang();
    match device
        .store
        .get(&RecordKey::new(RecordKind::Child, id.as_str()))
    {
        Ok(Some(Record::Child(child))) => rsx! { ChildForm { existing: Some(child) } },
        _ => rsx! { p { {t(lang, "child-not-found")} } },
    }
}

/// Which field a domain check is about.
fn field_of(domain_field: &str) -> &'static str {
    match domain_field {
        "child.first_name" => "child-first",
        "child.last_name" => "child-last",
        "child.birth_year" => "child-born",
        "child.needs" => "child-needs",
        "child.guardian_id" => "child-guardian",
        _ => "form",
    }
}

#[component]
fn ChildForm(existing: Option<Child>) -> Element {
    let device = use_device();
    let app = use_app();
    let lang = use_lang();
    // Leaving the form, saved or not, it no longer holds anything to lose.
    use_drop(|| crate::ui::platform::set_unsaved_form(false));
    let navigator = navigator();
    let this_year = local_date(device.now()).year();
    let start = existing.clone();
    let first = use_signal(|| {
        start
            .as_ref()
            .map(|c| c.first_name.clone())
            .unwrap_or_default()
    });
    let last = use_signal(|| {
        start
            .as_ref()
            .map(|c| c.last_name.clone())
            .unwrap_or_default()
    });
    let born = use_signal(|| {
        start
            .as_ref()
            .map(|c| c.birth_year.to_string())
            .unwrap_or_default()
    });
    let language = use_signal(|| {
        start
            .as_ref()
            .map_or(Language::Fr, |c| c.language)
            .code()
            .to_owned()
    });
    let needs = use_signal(|| start.as_ref().map(|c| c.needs.clone()).unwrap_or_default());
    let guardian = use_signal(|| {
        start
            .as_ref()
            .map(|c| c.guardian_id.to_string())
            .unwrap_or_default()
    });
    let mut errors = use_signal(FieldErrors::new);
    let mut families: Vec<(String, String)> = device
        .store
        .list(RecordKind::Guardian)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|r| match r {
            Record::Guardian(g) if !g.archived || g.id.as_str() == *guardian.peek() => Some((
                g.id.to_string(),
                format!("{} · {}", g.name, g.pickup_address),
            )),
            _ => None,
        })
        .collect();
    families.sort_by(|a, b| a.1.cmp(&b.1));
    families.insert(0, (String::new(), t(lang, "form-pick")));
    let languages: Vec<(String, String)> = LANGUAGES
        .into_iter()
        .map(|l| (l.code().to_owned(), t(lang, &text_keys::language(l))))
        .collect();

    let editing = existing.is_some();
    let back_to = existing.clone();
    let save = move |event: FormEvent| {
        event.prevent_default();
        let mut found = FieldErrors::new();
        if first().trim().is_empty() {
            found.insert("child-first", t(lang, "form-required"));
        }
        let year = born()
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (1990..=this_year).contains(y));
        if year.is_none() {
            found.insert("child-born", t(lang, "form-birth-year"));
        }
        if guardian().is_empty() {
            found.insert("child-guardian", t(lang, "form-pick-family"));
        }
        if let (true, Some(year)) = (found.is_empty(), year) {
            let child = Child {
                id: existing
                    .as_ref()
                    .map_or_else(ChildId::random, |c| c.id.clone()),
                first_name: first().trim().to_owned(),
                last_name: last().trim().to_owned(),
                birth_year: year,
                language: language_of(&language()).unwrap_or(Language::Fr),
                needs: needs().trim().to_owned(),
                guardian_id: guardian().as_str().into(),
                archived: existing.as_ref().is_some_and(|c| c.archived),
            };
            match child.validate() {
                Err(e) => {
                    found.insert(field_of(e.field), e.message);
                }
                Ok(()) => {
                    let id = child.id.clone();
                    match save_record(&app, Record::Child(child)) {
                        Ok(()) => {
                            navigator.replace(Route::ChildFile { id });
                        }
                        Err(e) => {
                            found.insert("form", e);
                        }
                    }
                }
            }
        }
        errors.set(found);
    };
    let title = if editing {
        "child-edit-title"
    } else {
        "child-new-title"
    };
    let back = match &back_to {
        Some(c) => Route::ChildFile { id: c.id.clone() },
        None => Route::Children {},
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
            TextField { id: "child-first", label: t(lang, "form-first-name"), value: first, errors }
            TextField { id: "child-last", label: t(lang, "form-last-name"), value: last, errors, hint: t(lang, "form-last-name-hint") }
            TextField { id: "child-born", label: t(lang, "form-birth-year-label"), value: born, errors, kind: "number" }
            SelectField { id: "child-language", label: t(lang, "form-language"), value: language, options: languages, errors }
            TextField { id: "child-needs", label: t(lang, "form-needs"), value: needs, errors, multiline: true, hint: t(lang, "form-needs-hint") }
            SelectField { id: "child-guardian", label: t(lang, "form-family"), value: guardian, options: families, errors }
            p { GuardedLink { to: Route::GuardianNew {}, {t(lang, "form-new-family")} } }
            if let Some(problem) = errors.read().get("form").cloned() {
                p { class: "error", role: "alert", "{problem}" }
            }
            div { class: "actions",
                button { r#type: "submit", class: "primary", {t(lang, "form-save")} }
                Link { class: "button secondary", to: back, {t(lang, "form-cancel")} }
            }
        }
    }
}
