//! Volunteers and families from a spreadsheet: paste the rows (or a CSV file's text), see
//! each row as it will be saved and what is wrong with it, and import when
//! every row is right. Nothing is saved while one row has a problem, so a
//! sheet is never half imported.

use crate::domain::{Record, RecordKind};
use crate::i18n::{local_date, t, tr};
use crate::protocol::Change;
use crate::ui::import::{read_families, read_volunteers, COLUMNS, FAMILY_COLUMNS};
use crate::ui::text_keys;
use crate::ui::views::StoreProblem;
use crate::ui::{use_app, use_device, use_lang, Action, Route};
use chrono::Datelike;
use dioxus::prelude::*;

#[component]
pub fn VolunteerImport() -> Element {
    let app = use_app();
    let lang = use_lang();
    let navigator = navigator();
    let mut text = use_signal(String::new);
    let mut problem = use_signal(|| None::<String>);
    let rows = read_volunteers(&text());
    let wrong = rows.iter().filter(|r| !r.problems.is_empty()).count();
    let ready = !rows.is_empty() && wrong == 0;
    let import_rows = rows.clone();
    let import = move |_| {
        if !ready {
            return;
        }
        // Every row was checked above: what is left is the device's storage.
        for row in &import_rows {
            let change = Change::Put {
                record: Record::Volunteer(row.volunteer.clone()),
            };
            if let Err(e) = app.act(Action::Record(Box::new(change))) {
                problem.set(Some(e.to_string()));
                return;
            }
        }
        navigator.replace(Route::Volunteers {});
    };
    let columns = COLUMNS.map(|k| t(lang, k)).join(" · ");
    rsx! {
        h1 { {t(lang, "import-title")} }
        p { {t(lang, "import-intro")} }
        p { class: "muted", {tr(lang, "import-columns", &[("columns", columns.into())])} }
        label { r#for: "import-text", {t(lang, "import-paste")} }
        textarea {
            id: "import-text",
            class: "import",
            value: "{text}",
            oninput: move |e| text.set(e.value()),
        }
        if !rows.is_empty() {
            p { role: "status",
                if wrong == 0 {
                    {tr(lang, "import-ready", &[("count", rows.len().into())])}
                } else {
                    strong { class: "error", {tr(lang, "import-wrong", &[("count", wrong.into())])} }
                }
            }
            table { class: "records",
                thead {
                    tr {
                        th { scope: "col", {t(lang, "import-line")} }
                        th { scope: "col", {t(lang, "import-col-name")} }
                        th { scope: "col", {t(lang, "import-col-phone")} }
                        th { scope: "col", {t(lang, "import-col-car")} }
                        th { scope: "col", {t(lang, "import-col-languages")} }
                        th { scope: "col", {t(lang, "import-problems")} }
                    }
                }
                tbody {
                    for row in rows {
                        tr { key: "{row.line}", class: if row.problems.is_empty() { "" } else { "attention" },
                            td { "{row.line}" }
                            td { "{row.volunteer.name}" }
                            td { "{row.volunteer.phone}" }
                            td { {t(lang, if row.volunteer.has_car { "volunteer-car-yes" } else { "volunteer-car-no" })} }
                            td { {row.volunteer.languages.iter().map(|l| t(lang, &text_keys::language(*l))).collect::<Vec<_>>().join(", ")} }
                            td {
                                for p in row.problems.iter() {
                                    p { class: "error", {format!("{} : {}", t(lang, p.column), t(lang, p.problem))} }
                                }
                            }
                        }
                    }
                }
            }
        }
        if let Some(message) = problem() {
            p { class: "error", role: "alert", "{message}" }
        }
        div { class: "actions",
            button { class: "primary", disabled: !ready, onclick: import,
                {tr(lang, "import-do", &[("count", read_volunteers(&text()).len().into())])}
            }
            Link { class: "button secondary", to: Route::Volunteers {}, {t(lang, "form-cancel")} }
        }
    }
}

/// Families from a spreadsheet, one child per row: each row shown with the
/// family, the parent and the decision it gives, and what is wrong with it;
/// entered when every row is right, families and parents before the
/// children and decisions that refer to them.
#[component]
pub fn FamiliesImport() -> Element {
    let app = use_app();
    let device = use_device();
    let lang = use_lang();
    let navigator = navigator();
    let mut text = use_signal(String::new);
    let mut problem = use_signal(|| None::<String>);
    let mut known = Vec::new();
    for kind in [
        RecordKind::Prison,
        RecordKind::Guardian,
        RecordKind::Parent,
        RecordKind::Child,
    ] {
        match device.store.list(kind) {
            Ok(records) => known.extend(records),
            Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
        }
    }
    let this_year = local_date(device.now()).year();
    let import = read_families(&text(), &known, this_year);
    let wrong = import.wrong();
    let ready = import.ready();
    let count = import.rows.len();
    let records = import.records();
    let save = move |_| {
        if !ready {
            return;
        }
        // Every row was checked above: what is left is the device's storage.
        for record in &records {
            let change = Change::Put {
                record: record.clone(),
            };
            if let Err(e) = app.act(Action::Record(Box::new(change))) {
                problem.set(Some(e.to_string()));
                return;
            }
        }
        navigator.replace(Route::Children {});
    };
    let columns = FAMILY_COLUMNS.map(|k| t(lang, k)).join(" · ");
    rsx! {
        h1 { {t(lang, "import-families-title")} }
        p { {t(lang, "import-intro")} }
        p { class: "muted", {tr(lang, "import-columns", &[("columns", columns.into())])} }
        p { class: "muted", {t(lang, "import-families-hint")} }
        label { r#for: "import-text", {t(lang, "import-paste")} }
        textarea {
            id: "import-text",
            class: "import",
            value: "{text}",
            oninput: move |e| text.set(e.value()),
        }
        if count > 0 {
            p { role: "status",
                if wrong == 0 {
                    {tr(lang, "import-families-ready", &[("count", count.into()), ("families", import.families.len().into()), ("parents", import.parents.len().into())])}
                } else {
                    strong { class: "error", {tr(lang, "import-wrong", &[("count", wrong.into())])} }
                }
            }
            table { class: "records",
                thead {
                    tr {
                        th { scope: "col", {t(lang, "import-line")} }
                        th { scope: "col", {t(lang, "import-col-child")} }
                        th { scope: "col", {t(lang, "import-col-family")} }
                        th { scope: "col", {t(lang, "import-col-parent")} }
                        th { scope: "col", {t(lang, "import-col-right")} }
                        th { scope: "col", {t(lang, "import-problems")} }
                    }
                }
                tbody {
                    for row in import.rows {
                        tr { key: "{row.line}", class: if row.problems.is_empty() { "" } else { "attention" },
                            td { "{row.line}" }
                            td { "{row.child.first_name} {row.child.last_name} ({row.child.birth_year})" }
                            td { "{row.family}" }
                            td { "{row.parent}" span { class: "muted", " · {row.prison}" } }
                            td {
                                match &row.right {
                                    Some(right) if right.allowed => rsx! {
                                        {tr(lang, &text_keys::rhythm(right.rhythm.per), &[("count", right.rhythm.visits.into())])}
                                    },
                                    Some(_) => rsx! { strong { {t(lang, "right-form-forbidden")} } },
                                    None => rsx! { span { class: "muted", {t(lang, "import-no-right")} } },
                                }
                            }
                            td {
                                for p in row.problems.iter() {
                                    p { class: "error", {format!("{} : {}", t(lang, p.column), t(lang, p.problem))} }
                                }
                            }
                        }
                    }
                }
            }
        }
        if let Some(message) = problem() {
            p { class: "error", role: "alert", "{message}" }
        }
        div { class: "actions",
            button { class: "primary", disabled: !ready, onclick: save,
                {tr(lang, "import-families-do", &[("count", count.into())])}
            }
            Link { class: "button secondary", to: Route::Children {}, {t(lang, "form-cancel")} }
        }
    }
}
