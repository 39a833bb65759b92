//! Form fields for the coordinators' records: a label on every field, the
//! problem said in words right under the field it is about (and announced to
//! screen readers), usable with the keyboard alone.

use crate::domain::Record;
use crate::protocol::Change;
use crate::ui::{Action, AppContext};
use chrono::{NaiveDate, NaiveTime};
use dioxus::prelude::*;

/// A date as a date field gives it (`2026-11-23`).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// A time as a time field gives it (`13:30`).
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

/// A coordinate typed with a comma or a dot (`50,8466`, `4.3528`).
pub fn parse_coordinate(text: &str) -> Option<f64> {
    text.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// Saves a form's record on this device (it leaves with the next sync; the
/// server checks it again); the form then holds nothing unsaved. The error,
/// if any, is the device's storage, in words.
pub fn save_record(app: &AppContext, record: Record) -> Result<(), String> {
    app.act(Action::Record(Box::new(Change::Put { record })))
        .map_err(|e| e.to_string())?;
    crate::ui::platform::set_unsaved_form(false);
    Ok(())
}

/// What a form says is wrong, per field id.
pub type FieldErrors = std::collections::BTreeMap<&'static str, String>;

/// A one-line text field (`kind`: "text", "tel", "number", "date"...), or a
/// multi-line one.
#[component]
pub fn TextField(
    id: &'static str,
    label: String,
    value: Signal<String>,
    errors: Signal<FieldErrors>,
    #[props(default = "text")] kind: &'static str,
    #[props(default)] multiline: bool,
    #[props(default)] hint: Option<String>,
) -> Element {
    let error = errors.read().get(id).cloned();
    let class = if error.is_some() {
        "field invalid"
    } else {
        "field"
    };
    let described = if error.is_some() {
        format!("{id}-error")
    } else if hint.is_some() {
        format!("{id}-hint")
    } else {
        String::new()
    };
    let mut value = value;
    rsx! {
        div { class,
            label { r#for: id, "{label}" }
            if let Some(hint) = hint {
                p { id: "{id}-hint", class: "muted hint", "{hint}" }
            }
            if multiline {
                textarea {
                    id,
                    "aria-invalid": error.is_some(),
                    "aria-describedby": described.clone(),
                    value: "{value}",
                    oninput: move |e| value.set(e.value()),
                }
            } else {
                input {
                    id,
                    r#type: kind,
                    "aria-invalid": error.is_some(),
                    "aria-describedby": described,
                    value: "{value}",
                    oninput: move |e| value.set(e.value()),
                }
            }
            if let Some(error) = error.clone() {
                p { id: "{id}-error", class: "error", role: "alert", "{error}" }
            }
        }
    }
}

/// A choice from a list: `options` are (value, text); an empty value is "no
/// choice yet".
#[component]
pub fn SelectField(
    id: &'static str,
    label: String,
    value: Signal<String>,
    options: Vec<(String, String)>,
    errors: Signal<FieldErrors>,
) -> Element {
    let error = errors.read().get(id).cloned();
    let class = if error.is_some() {
        "field invalid"
    } else {
        "field"
    };
    let mut value = value;
    rsx! {
        div { class,
            label { r#for: id, "{label}" }
            select {
                id,
                "aria-invalid": error.is_some(),
                "aria-describedby": if error.is_some() { format!("{id}-error") } else { String::new() },
                onchange: move |e| value.set(e.value()),
                for (option, text) in options {
                    option { key: "{option}", value: "{option}", selected: *value.read() == option, "{text}" }
                }
            }
            if let Some(error) = error.clone() {
                p { id: "{id}-error", class: "error", role: "alert", "{error}" }
            }
        }
    }
}

/// A box to tick, inside its label.
#[component]
pub fn CheckField(id: &'static str, label: String, value: Signal<bool>) -> Element {
    let mut value = value;
    rsx! {
        label { class: "choice",
            input {
                id,
                r#type: "checkbox",
                checked: value(),
                onchange: move |e| value.set(e.checked()),
            }
            "{label}"
        }
    }
}
