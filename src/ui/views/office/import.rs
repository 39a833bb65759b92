//! Volunteers from a spreadsheet: paste the rows (or a CSV file's text), see
//! each row as it will be saved and what is wrong with it, and import when
//! every row is right. Nothing is saved while one row has a problem, so a
//! sheet is never half imported.

use crate::domain::Record;
use crate::i18n::{t, tr};
use crate::protocol::Change;
use crate::ui::import::{read_volunteers, COLUMNS};
use crate::ui::text_keys;
use crate::ui::{use_app, use_lang, Action, Route};
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
