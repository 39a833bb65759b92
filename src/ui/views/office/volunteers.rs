//! The volunteers: who they are, how to reach them, whether they drive,
//! their languages, when they are usually free, and who is new to the
//! network.

use crate::domain::{Record, RecordKind, Volunteer};
use crate::i18n::{t, tr};
use crate::ui::components::CheckField;
use crate::ui::network::fold;
use crate::ui::text_keys;
use crate::ui::views::StoreProblem;
use crate::ui::{use_device, use_lang, Route};
use dioxus::prelude::*;

#[component]
pub fn Volunteers() -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let mut query = use_signal(String::new);
    let archived = use_signal(|| false);
    let all = match device.store.list(RecordKind::Volunteer) {
        Ok(all) => all,
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    let words: Vec<String> = fold(&query())
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let mut rows: Vec<Volunteer> = all
        .into_iter()
        .filter_map(|r| match r {
            Record::Volunteer(v) => Some(v),
            _ => None,
        })
        .filter(|v| archived() || !v.archived)
        .filter(|v| {
            let name = fold(&v.name);
            words.iter().all(|w| name.contains(w.as_str()))
        })
        .collect();
    rows.sort_by_key(|v| fold(&v.name));
    rsx! {
        h1 { {t(lang, "volunteers-title")} }
        div { class: "actions",
            Link { class: "button primary", to: Route::VolunteerNew {}, {t(lang, "volunteers-new")} }
            Link { class: "button secondary", to: Route::VolunteerImport {}, {t(lang, "import-title")} }
        }
        label { r#for: "volunteer-search", {t(lang, "volunteers-search")} }
        input {
            id: "volunteer-search",
            r#type: "search",
            value: "{query}",
            autocomplete: "off",
            oninput: move |e| query.set(e.value()),
        }
        CheckField { id: "volunteer-archived", label: t(lang, "volunteers-show-archived"), value: archived }
        p { class: "muted", role: "status", {tr(lang, "home-volunteers", &[("count", rows.len().into())])} }
        table { class: "records",
            thead {
                tr {
                    th { scope: "col", {t(lang, "volunteers-col-name")} }
                    th { scope: "col", {t(lang, "family-phone")} }
                    th { scope: "col", {t(lang, "volunteers-col-car")} }
                    th { scope: "col", {t(lang, "volunteers-col-languages")} }
                    th { scope: "col", {t(lang, "volunteers-col-free")} }
                }
            }
            tbody {
                for v in rows {
                    tr { key: "{v.id}",
                        td {
                            Link { to: Route::VolunteerEdit { id: v.id.clone() }, "{v.name}" }
                            if v.newcomer {
                                span { class: "tag attention", " " {t(lang, "volunteer-newcomer-tag")} }
                            }
                            if v.archived {
                                span { class: "tag", " " {t(lang, "archived")} }
                            }
                        }
                        td { "{v.phone}" }
                        td { {t(lang, if v.has_car { "volunteer-car-yes" } else { "volunteer-car-no" })} }
                        td { {v.languages.iter().map(|l| t(lang, &text_keys::language(*l))).collect::<Vec<_>>().join(", ")} }
                        td {
                            if v.availability.is_empty() {
                                {t(lang, "volunteer-free-ask")}
                            } else {
                                {v.availability.iter().map(|s| format!("{} {}–{}", t(lang, &text_keys::weekday(s.weekday)), s.from.format("%H:%M"), s.until.format("%H:%M"))).collect::<Vec<_>>().join(" · ")}
                            }
                        }
                    }
                }
            }
        }
    }
}
