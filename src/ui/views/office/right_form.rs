//! Recording a decision about visits between one child and one parent:
//! allowed or forbidden, who decided, how often, from when until when, in
//! which format, and the decision's reference. A forbidden visit right is
//! kept like any other: it is what stops a trip from being planned.

use crate::domain::{
    ChildId, DecidedBy, Record, RecordKind, Rhythm, RhythmPeriod, VisitFormat, VisitRight,
    VisitRightId,
};
use crate::i18n::t;
use crate::ui::components::{
    parse_date, save_record, snake, CheckField, FieldErrors, SelectField, TextField,
};
use crate::ui::text_keys;
use crate::ui::{use_app, use_device, use_lang, Route};
use dioxus::prelude::*;

#[component]
pub fn RightNew(id: ChildId) -> Element {
    let device = use_device();
    let app = use_app();
    let lang = use_lang();
    // Leaving the form, saved or not, it no longer holds anything to lose.
    use_drop(|| crate::ui::platform::set_unsaved_form(false));
    let navigator = navigator();
    let today = crate::i18n::local_date(device.now()).to_string();
    let parent = use_signal(String::new);
    let allowed = use_signal(|| "yes".to_owned());
    let decided_by = use_signal(|| snake(&DecidedBy::YouthCourt));
    let visits = use_signal(|| "1".to_owned());
    let per = use_signal(|| snake(&RhythmPeriod::Month));
    let from = use_signal(move || today);
    let until = use_signal(String::new);
    let supervised = use_signal(|| true);
    let collective = use_signal(|| false);
    let reference = use_signal(String::new);
    let mut errors = use_signal(FieldErrors::new);
    let mut parents: Vec<(String, String)> = device
        .store
        .list(RecordKind::Parent)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|r| match r {
            Record::Parent(p) => Some((p.id.to_string(), p.full_name())),
            _ => None,
        })
        .collect();
    parents.sort_by(|a, b| a.1.cmp(&b.1));
    parents.insert(0, (String::new(), t(lang, "form-pick")));
    let yes_no = vec![
        ("yes".to_owned(), t(lang, "right-form-allowed")),
        ("no".to_owned(), t(lang, "right-form-forbidden")),
    ];
    let deciders: Vec<(String, String)> = DecidedBy::ALL
        .into_iter()
        .map(|d| (snake(&d), t(lang, &text_keys::decided_by(d))))
        .collect();
    let periods: Vec<(String, String)> = RhythmPeriod::ALL
        .into_iter()
        .map(|p| (snake(&p), t(lang, &text_keys::rhythm_choice(p))))
        .collect();
    let child = id.clone();

    let save = move |event: FormEvent| {
        event.prevent_default();
        let mut found = FieldErrors::new();
        if parent().is_empty() {
            found.insert("right-parent", t(lang, "form-pick-parent"));
        }
        let count = visits()
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|v| (1..=31).contains(v));
        if count.is_none() {
            found.insert("right-visits", t(lang, "form-visits"));
        }
        let valid_from = parse_date(&from());
        if valid_from.is_none() {
            found.insert("right-from", t(lang, "form-date"));
        }
        let valid_until = if until().trim().is_empty() {
            Ok(None)
        } else {
            parse_date(&until()).map(Some).ok_or(())
        };
        match (&valid_until, valid_from) {
            (Err(()), _) => {
                found.insert("right-until", t(lang, "form-date"));
            }
            (Ok(Some(end)), Some(start)) if *end < start => {
                found.insert("right-until", t(lang, "form-until-before-from"));
            }
            _ => {}
        }
        if let (true, Some(visits), Some(valid_from), Ok(valid_until)) =
            (found.is_empty(), count, valid_from, valid_until)
        {
            let right = VisitRight {
                id: VisitRightId::random(),
                child_id: child.clone(),
                parent_id: parent().as_str().into(),
                allowed: allowed() == "yes",
                decided_by: DecidedBy::ALL
                    .into_iter()
                    .find(|d| snake(d) == decided_by())
                    .unwrap_or(DecidedBy::YouthCourt),
                format: VisitFormat {
                    collective: collective(),
                    supervised: supervised(),
                },
                rhythm: Rhythm {
                    visits,
                    per: RhythmPeriod::ALL
                        .into_iter()
                        .find(|p| snake(p) == per())
                        .unwrap_or(RhythmPeriod::Month),
                },
                valid_from,
                valid_until,
                reference: reference().trim().to_owned(),
            };
            match right.validate() {
                Err(e) => {
                    found.insert("form", e.message);
                }
                Ok(()) => match save_record(&app, Record::VisitRight(right)) {
                    Ok(()) => {
                        navigator.replace(Route::ChildFile { id: child.clone() });
                    }
                    Err(e) => {
                        found.insert("form", e);
                    }
                },
            }
        }
        errors.set(found);
    };
    rsx! {
        h1 { {t(lang, "right-new-title")} }
        form {
            class: "record-form",
            novalidate: true,
            onsubmit: save,
            // Typing marks the form as holding changes not saved yet.
            oninput: move |_| crate::ui::platform::set_unsaved_form(true),
            onchange: move |_| crate::ui::platform::set_unsaved_form(true),
            SelectField { id: "right-parent", label: t(lang, "right-form-parent"), value: parent, options: parents, errors }
            SelectField { id: "right-allowed", label: t(lang, "right-form-decision"), value: allowed, options: yes_no, errors }
            SelectField { id: "right-by", label: t(lang, "right-form-by"), value: decided_by, options: deciders, errors }
            div { class: "pair",
                TextField { id: "right-visits", label: t(lang, "right-form-visits"), value: visits, errors, kind: "number" }
                SelectField { id: "right-per", label: t(lang, "right-form-per"), value: per, options: periods, errors }
            }
            div { class: "pair",
                TextField { id: "right-from", label: t(lang, "right-form-from"), value: from, errors, kind: "date" }
                TextField { id: "right-until", label: t(lang, "right-form-until"), value: until, errors, kind: "date", hint: t(lang, "right-form-until-hint") }
            }
            CheckField { id: "right-supervised", label: t(lang, "right-form-supervised"), value: supervised }
            CheckField { id: "right-collective", label: t(lang, "right-form-collective"), value: collective }
            TextField { id: "right-reference", label: t(lang, "right-form-reference"), value: reference, errors, hint: t(lang, "right-form-reference-hint") }
            if let Some(problem) = errors.read().get("form").cloned() {
                p { class: "error", role: "alert", "{problem}" }
            }
            div { class: "actions",
                button { r#type: "submit", class: "primary", {t(lang, "form-save")} }
                Link { class: "button secondary", to: Route::ChildFile { id: id.clone() }, {t(lang, "form-cancel")} }
            }
        }
    }
}
