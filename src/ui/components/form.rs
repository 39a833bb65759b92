//! Form fields for the coordinators' records: a label on every field, the
//! problem said in words right under the field it is about (and announced to
//! screen readers), usable with the keyboard alone.

use dioxus::prelude::*;

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
