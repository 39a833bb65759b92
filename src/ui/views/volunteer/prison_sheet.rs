//! A prison's practical sheet, read in the car park: how to get in, what to
//! bring, what stays in the locker, and the visit rooms.

use super::NotHere;
use crate::domain::{Equipment, PrisonId, VisitRoom};
use crate::i18n::{format_date, t, tr, Lang};
use crate::ui::components::{snake, Checklist, ExampleNotice, StatusBanner};
use crate::ui::model::prison_sheet;
use crate::ui::views::StoreProblem;
use crate::ui::{use_device, use_lang};
use dioxus::prelude::*;

#[component]
pub fn PrisonSheet(id: PrisonId) -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let (prison, rooms) = match prison_sheet(&*device.store, &id) {
        Ok(Some(sheet)) => sheet,
        Ok(None) => return rsx! { NotHere { lang } },
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    // The sheet in the reader's language, or as written, said plainly.
    let (texts, written_in) = prison.texts_in(lang);
    let mut checklist: Vec<(String, String)> = texts
        .documents_adult
        .iter()
        .map(|d| (format!("adult:{d}"), d.clone()))
        .chain(
            texts
                .documents_child
                .iter()
                .map(|d| (format!("child:{d}"), d.clone())),
        )
        .collect();
    checklist.push(("locker".to_owned(), t(lang, "sheet-check-locker")));
    let checked = tr(
        lang,
        "sheet-last-checked",
        &[
            ("date", format_date(lang, prison.last_checked.on).into()),
            ("by", prison.last_checked.by.clone().into()),
        ],
    );
    let lead = tr(
        lang,
        "sheet-arrive-early",
        &[("minutes", prison.arrival_lead_minutes.into())],
    );
    rsx! {
        h1 { "{prison.name}" }
        if prison.example_content {
            ExampleNotice { lang }
        }
        StatusBanner { status: prison.status.clone(), lang }
        if let Some(written) = written_in {
            p { class: "banner notice", role: "note",
                {tr(lang, "sheet-not-translated", &[("language", t(lang, &crate::ui::text_keys::language(written)).into())])}
            }
        }
        section { class: "card",
            p { "{prison.address}" }
            if !prison.phone.is_empty() {
                a { class: "button", href: "tel:{prison.phone}", {tr(lang, "detail-call", &[("phone", prison.phone.clone().into())])} }
            }
            h2 { {t(lang, "sheet-entrance")} }
            p { "{texts.visitor_entrance}" }
            p { strong { "{lead}" } }
        }
        section { class: "card",
            h2 { {t(lang, "sheet-checklist")} }
            Checklist {
                items: checklist,
                done_text: t(lang, "sheet-checklist-done"),
                remember_as: prison.id.to_string(),
            }
        }
        ItemList { title: t(lang, "sheet-documents-adult"), items: texts.documents_adult.clone() }
        ItemList { title: t(lang, "sheet-documents-child"), items: texts.documents_child.clone() }
        section { class: "card",
            h2 { {t(lang, "sheet-lockers")} }
            p { "{texts.lockers}" }
        }
        ItemList { title: t(lang, "sheet-allowed"), items: texts.allowed_items.clone() }
        ItemList { title: t(lang, "sheet-forbidden"), items: texts.forbidden_items.clone() }
        h2 { {t(lang, "sheet-rooms")} }
        if rooms.is_empty() {
            p { class: "muted", {t(lang, "sheet-no-rooms")} }
        }
        for room in rooms {
            RoomCard { key: "{room.id}", room, lang }
        }
        p { class: "muted", "{checked}" }
    }
}

#[component]
fn ItemList(title: String, items: Vec<String>) -> Element {
    if items.is_empty() {
        return rsx! {};
    }
    rsx! {
        section { class: "card",
            h2 { "{title}" }
            ul {
                for (i, item) in items.iter().enumerate() {
                    li { key: "{i}", "{item}" }
                }
            }
        }
    }
}

/// A visit room and its equipment for small children, present or not.
#[component]
fn RoomCard(room: VisitRoom, lang: Lang) -> Element {
    let kind = t(lang, &crate::ui::text_keys::room(room.kind));
    rsx! {
        section { class: "card room",
            h3 { "{room.name}" }
            p { class: "muted", "{kind}" }
            ul { class: "equipment",
                for item in Equipment::ALL {
                    li {
                        key: "{snake(&item)}",
                        class: if room.has(item) { "yes" } else { "no" },
                        span { "aria-hidden": "true", if room.has(item) { "✓ " } else { "✗ " } }
                        {t(lang, &crate::ui::text_keys::equipment(item))}
                        if !room.has(item) {
                            span { class: "sr-only", {format!(" ({})", t(lang, "equipment-missing"))} }
                        }
                    }
                }
            }
            if !room.notes.is_empty() { p { "{room.notes}" } }
        }
    }
}
