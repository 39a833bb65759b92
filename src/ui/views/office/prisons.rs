//! Prisons for coordinators: the list with each sheet's status, when it was
//! last checked and in which languages it can be read; a prison's page to
//! keep its sheet current: status (normal, strike, lockdown, with period and
//! note), "checked today" in one click, visiting hours, and the texts of the
//! sheet in French, Dutch and English.

use super::prison_rooms::PrisonRooms;
use super::review::PrisonDisruption;
use crate::domain::{
    GeoPoint, Language, Prison, PrisonId, PrisonStatus, PrisonStatusKind, Record, RecordKey,
    RecordKind, SheetCheck, SheetTexts,
};
use crate::i18n::{format_date, local_date, t, tr, Lang};
use crate::protocol::Change;
use crate::ui::components::{
    parse_coordinate, parse_date, read_week, save_record, snake, week_rows, CheckField,
    FieldErrors, GuardedLink, SelectField, TextField, WeekSlots,
};
use crate::ui::text_keys;
use crate::ui::views::StoreProblem;
use crate::ui::{use_app, use_device, use_lang, Action, Route};
use chrono::{Datelike, NaiveDate, TimeZone};
use chrono_tz::Europe::Brussels;
use dioxus::prelude::*;

const SHEET_LANGUAGES: [Language; 3] = [Language::Fr, Language::Nl, Language::En];

/// The ids of the text fields, per language of [`SHEET_LANGUAGES`]: entrance,
/// adult's documents, child's documents, allowed, forbidden, lockers.
const SHEET_FIELDS: [[&str; 6]; 3] = [
    [
        "sheet-fr-entrance",
        "sheet-fr-adult",
        "sheet-fr-child",
        "sheet-fr-allowed",
        "sheet-fr-forbidden",
        "sheet-fr-lockers",
    ],
    [
        "sheet-nl-entrance",
        "sheet-nl-adult",
        "sheet-nl-child",
        "sheet-nl-allowed",
        "sheet-nl-forbidden",
        "sheet-nl-lockers",
    ],
    [
        "sheet-en-entrance",
        "sheet-en-adult",
        "sheet-en-child",
        "sheet-en-allowed",
        "sheet-en-forbidden",
        "sheet-en-lockers",
    ],
];

fn on(lang: Lang, date: NaiveDate) -> String {
    format!("{} {}", format_date(lang, date), date.year())
}

#[component]
pub fn Prisons() -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let mut prisons: Vec<Prison> = match device.store.list(RecordKind::Prison) {
        Ok(all) => all
            .into_iter()
            .filter_map(|r| match r {
                Record::Prison(p) => Some(p),
                _ => None,
            })
            .collect(),
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    prisons.sort_by(|a, b| a.name.cmp(&b.name));
    rsx! {
        h1 { {t(lang, "prisons-title")} }
        div { class: "actions",
            Link { class: "button primary", to: Route::PrisonNew {}, {t(lang, "prisons-new")} }
        }
        table { class: "records",
            thead {
                tr {
                    th { scope: "col", {t(lang, "volunteers-col-name")} }
                    th { scope: "col", {t(lang, "prisons-col-status")} }
                    th { scope: "col", {t(lang, "prisons-col-checked")} }
                    th { scope: "col", {t(lang, "prisons-col-languages")} }
                }
            }
            tbody {
                for p in prisons {
                    tr { key: "{p.id}",
                        td {
                            Link { to: Route::PrisonEdit { id: p.id.clone() }, "{p.name}" }
                            span { class: "muted", " · {p.town}" }
                        }
                        td {
                            span { class: if p.status.kind == PrisonStatusKind::Normal { "tag" } else { "tag attention" },
                                {t(lang, &text_keys::prison_status(p.status.kind))}
                            }
                        }
                        td { {tr(lang, "prisons-checked-by", &[("date", on(lang, p.last_checked.on).into()), ("by", p.last_checked.by.clone().into())])} }
                        td {
                            {SHEET_LANGUAGES.into_iter().filter(|l| p.texts_in(*l).1.is_none()).map(|l| l.code().to_uppercase()).collect::<Vec<_>>().join(" · ")}
                        }
                    }
                }
            }
        }
    }
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The editable texts of one language, as the form holds them.
#[derive(Clone, PartialEq)]
struct TextsForm {
    entrance: Signal<String>,
    adult: Signal<String>,
    child: Signal<String>,
    allowed: Signal<String>,
    forbidden: Signal<String>,
    lockers: Signal<String>,
}

impl TextsForm {
    fn read(&self) -> SheetTexts {
        SheetTexts {
            visitor_entrance: self.entrance.peek().trim().to_owned(),
            documents_adult: lines(&self.adult.peek()),
            documents_child: lines(&self.child.peek()),
            allowed_items: lines(&self.allowed.peek()),
            forbidden_items: lines(&self.forbidden.peek()),
            lockers: self.lockers.peek().trim().to_owned(),
        }
    }
}

#[component]
pub fn PrisonEdit(id: PrisonId) -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    match device
        .store
        .get(&RecordKey::new(RecordKind::Prison, id.as_str()))
    {
        Ok(Some(Record::Prison(p))) => rsx! {
            PrisonForm { key: "{id}", existing: Some(p.clone()) }
            PrisonRooms { prison: p }
        },
        _ => rsx! { p { {t(lang, "prison-not-found")} } },
    }
}

#[component]
pub fn PrisonNew() -> Element {
    rsx! { PrisonForm { existing: None } }
}

/// A prison's page: its name and address, status, visiting hours and sheet;
/// for a new prison, the same form, empty.
#[component]
fn PrisonForm(existing: Option<Prison>) -> Element {
    let device = use_device();
    let app = use_app();
    let lang = use_lang();
    let navigator = navigator();
    // Leaving the form, saved or not, it no longer holds anything to lose.
    use_drop(|| crate::ui::platform::set_unsaved_form(false));
    let who = device
        .identity()
        .map(|i| i.display_name)
        .unwrap_or_default();
    let today = local_date(device.now());
    let editing = existing.is_some();
    let prison = existing.unwrap_or_else(|| new_prison(today, &who));
    let start = prison.clone();
    let name = use_signal(|| start.name.clone());
    let town = use_signal(|| start.town.clone());
    let address = use_signal(|| start.address.clone());
    let phone = use_signal(|| start.phone.clone());
    let coordinate = |v: f64| {
        if editing {
            v.to_string()
        } else {
            String::new()
        }
    };
    let lat = use_signal(|| coordinate(start.location.lat));
    let lon = use_signal(|| coordinate(start.location.lon));
    let kind = use_signal(|| snake(&start.status.kind));
    let date_of = |d: Option<chrono::DateTime<chrono::Utc>>| {
        d.map(|d| local_date(d).to_string()).unwrap_or_default()
    };
    let from = use_signal(|| date_of(start.status.from));
    let until = use_signal(|| date_of(start.status.until));
    let note = use_signal(|| start.status.note.clone());
    let kept = use_signal(|| start.status.child_visits_kept == Some(true));
    let lead = use_signal(|| start.arrival_lead_minutes.to_string());
    let week = use_signal(|| week_rows(&start.visiting_hours, ("13:30", "16:00")));
    let forms: Vec<TextsForm> = SHEET_LANGUAGES
        .into_iter()
        .map(|l| {
            let texts = match start.texts_in(l) {
                (texts, None) => texts,
                // Not translated yet: the fields start empty.
                (_, Some(_)) => SheetTexts::default(),
            };
            TextsForm {
                entrance: use_signal(|| texts.visitor_entrance.clone()),
                adult: use_signal(|| texts.documents_adult.join("\n")),
                child: use_signal(|| texts.documents_child.join("\n")),
                allowed: use_signal(|| texts.allowed_items.join("\n")),
                forbidden: use_signal(|| texts.forbidden_items.join("\n")),
                lockers: use_signal(|| texts.lockers.clone()),
            }
        })
        .collect();
    let mut errors = use_signal(FieldErrors::new);
    let mut saved = use_signal(|| false);
    let kinds: Vec<(String, String)> = PrisonStatusKind::ALL
        .into_iter()
        .map(|k| (snake(&k), t(lang, &text_keys::prison_status(k))))
        .collect();
    let checked_today = {
        let prison = prison.clone();
        let who = who.clone();
        let app = app.clone();
        move |_| {
            let mut updated = prison.clone();
            updated.last_checked = SheetCheck {
                on: today,
                by: who.clone(),
            };
            let _ = app.act(Action::Record(Box::new(Change::Put {
                record: Record::Prison(updated),
            })));
        }
    };
    let text_forms = forms.clone();
    let save = {
        let prison = prison.clone();
        move |event: FormEvent| {
            event.prevent_default();
            let mut found = FieldErrors::new();
            let day = parse_date;
            let start_of = |d: NaiveDate| {
                d.and_hms_opt(0, 0, 0)
                    .and_then(|t| Brussels.from_local_datetime(&t).earliest())
                    .map(|t| t.with_timezone(&chrono::Utc))
            };
            let status_from = if from().trim().is_empty() {
                None
            } else {
                day(&from())
            };
            let status_until = if until().trim().is_empty() {
                None
            } else {
                day(&until())
            };
            if !from().trim().is_empty() && status_from.is_none() {
                found.insert("prison-from", t(lang, "form-date"));
            }
            if !until().trim().is_empty() && status_until.is_none() {
                found.insert("prison-until", t(lang, "form-date"));
            }
            let lead_minutes = lead().trim().parse::<u32>().ok().filter(|m| *m <= 240);
            if lead_minutes.is_none() {
                found.insert("prison-lead", t(lang, "prison-lead-error"));
            }
            let hours = read_week(&week()).unwrap_or_else(|| {
                found.insert("prison-hours", t(lang, "volunteer-week-error"));
                Vec::new()
            });
            for (id, value) in [
                ("prison-name", name()),
                ("prison-town", town()),
                ("prison-address", address()),
            ] {
                if value.trim().is_empty() {
                    found.insert(id, t(lang, "form-required"));
                }
            }
            let (la, lo) = (parse_coordinate(&lat()), parse_coordinate(&lon()));
            if la.is_none() {
                found.insert("prison-lat", t(lang, "form-coordinate"));
            }
            if lo.is_none() {
                found.insert("prison-lon", t(lang, "form-coordinate"));
            }
            if found.is_empty() {
                let mut updated = prison.clone();
                updated.name = name().trim().to_owned();
                updated.town = town().trim().to_owned();
                updated.address = address().trim().to_owned();
                updated.phone = phone().trim().to_owned();
                updated.location = GeoPoint {
                    lat: la.unwrap_or_default(),
                    lon: lo.unwrap_or_default(),
                };
                updated.status = PrisonStatus {
                    kind: PrisonStatusKind::ALL
                        .into_iter()
                        .find(|k| snake(k) == kind())
                        .unwrap_or(PrisonStatusKind::Normal),
                    from: status_from.and_then(start_of),
                    // The disruption lasts until the end of its last day.
                    until: status_until.and_then(|d| d.succ_opt()).and_then(start_of),
                    note: note().trim().to_owned(),
                    child_visits_kept: (kind() == snake(&PrisonStatusKind::Strike))
                        .then_some(kept()),
                };
                if updated.status.kind == PrisonStatusKind::Normal {
                    updated.status = PrisonStatus::normal();
                }
                updated.arrival_lead_minutes = lead_minutes.unwrap_or(prison.arrival_lead_minutes);
                updated.visiting_hours = hours;
                for (l, form) in SHEET_LANGUAGES.into_iter().zip(text_forms.iter()) {
                    let texts = form.read();
                    if !texts.is_empty() || updated.translations.contains_key(&l) {
                        updated.set_texts(l, texts);
                    }
                }
                match updated.validate() {
                    Err(e) => {
                        found.insert("form", e.to_string());
                    }
                    Ok(()) => match save_record(&app, Record::Prison(updated.clone())) {
                        Ok(()) if editing => saved.set(true),
                        Ok(()) => {
                            navigator.replace(Route::PrisonEdit { id: updated.id });
                        }
                        Err(e) => {
                            found.insert("form", e);
                        }
                    },
                }
            }
            if !found.is_empty() {
                saved.set(false);
            }
            errors.set(found);
        }
    };
    rsx! {
        p { GuardedLink { to: Route::Prisons {}, {t(lang, "prisons-back")} } }
        if editing {
            h1 { "{prison.name}" }
            p { class: "lead", "{prison.address}" }
        } else {
            h1 { {t(lang, "prison-new-title")} }
        }
        if prison.example_content {
            p { class: "banner notice", {t(lang, "example-content")} }
        }
        if editing {
            section { class: "card",
                p { {tr(lang, "prisons-checked-by", &[("date", on(lang, prison.last_checked.on).into()), ("by", prison.last_checked.by.clone().into())])} }
                button { class: "primary", onclick: checked_today, {t(lang, "prison-checked-today")} }
            }
            // The coming trips its saved status falls on, to cancel, keep or move.
            PrisonDisruption { prison: prison.clone() }
        }
        form {
            class: "record-form",
            novalidate: true,
            onsubmit: save,
            // Typing marks the form as holding changes not saved yet.
            oninput: move |_| crate::ui::platform::set_unsaved_form(true),
            onchange: move |_| crate::ui::platform::set_unsaved_form(true),
            fieldset {
                legend { {t(lang, "prison-identity")} }
                TextField { id: "prison-name", label: t(lang, "volunteers-col-name"), value: name, errors, hint: t(lang, "prison-name-hint") }
                TextField { id: "prison-town", label: t(lang, "prison-town"), value: town, errors }
                TextField { id: "prison-address", label: t(lang, "prison-address"), value: address, errors }
                div { class: "pair",
                    TextField { id: "prison-lat", label: t(lang, "family-lat"), value: lat, errors, hint: t(lang, "prison-coordinates-hint") }
                    TextField { id: "prison-lon", label: t(lang, "family-lon"), value: lon, errors }
                }
                TextField { id: "prison-phone", label: t(lang, "family-phone"), value: phone, errors, kind: "tel" }
            }
            fieldset {
                legend { {t(lang, "prisons-col-status")} }
                SelectField { id: "prison-status", label: t(lang, "prisons-col-status"), value: kind, options: kinds, errors }
                div { class: "pair",
                    TextField { id: "prison-from", label: t(lang, "prison-from"), value: from, errors, kind: "date" }
                    TextField { id: "prison-until", label: t(lang, "prison-until"), value: until, errors, kind: "date" }
                }
                TextField { id: "prison-note", label: t(lang, "prison-note"), value: note, errors }
                CheckField { id: "prison-kept", label: t(lang, "prison-kept"), value: kept }
            }
            TextField { id: "prison-lead", label: t(lang, "prison-lead"), value: lead, errors, kind: "number" }
            WeekSlots { id: "prison-hours", lang, legend: t(lang, "prison-hours"), rows: week, errors }
            for ((l, form), ids) in SHEET_LANGUAGES.into_iter().zip(forms.into_iter()).zip(SHEET_FIELDS) {
                SheetTextsFields { key: "{l.code()}", lang, language: l, form, ids, errors }
            }
            if let Some(problem) = errors.read().get("form").cloned() {
                p { class: "error", role: "alert", "{problem}" }
            }
            if saved() {
                p { class: "ok", role: "status", {t(lang, "prison-saved")} }
            }
            div { class: "actions",
                button { r#type: "submit", class: "primary", {t(lang, "form-save")} }
            }
        }
    }
}

/// A prison as the "new prison" form starts it: no sheet yet, no status,
/// checked today by the coordinator who enters it.
fn new_prison(today: NaiveDate, who: &str) -> Prison {
    Prison {
        id: PrisonId::random(),
        name: String::new(),
        town: String::new(),
        address: String::new(),
        location: GeoPoint { lat: 0.0, lon: 0.0 },
        phone: String::new(),
        visitor_entrance: String::new(),
        arrival_lead_minutes: 30,
        documents_adult: Vec::new(),
        documents_child: Vec::new(),
        allowed_items: Vec::new(),
        forbidden_items: Vec::new(),
        lockers: String::new(),
        status: PrisonStatus::normal(),
        last_checked: SheetCheck {
            on: today,
            by: who.to_owned(),
        },
        example_content: false,
        sheet_language: None,
        translations: Default::default(),
        visiting_hours: Vec::new(),
    }
}

#[component]
fn SheetTextsFields(
    lang: Lang,
    language: Language,
    form: TextsForm,
    ids: [&'static str; 6],
    errors: Signal<FieldErrors>,
) -> Element {
    let code = language.code();
    let [entrance, adult, child, allowed, forbidden, lockers] = ids;
    rsx! {
        fieldset { lang: code,
            legend { {tr(lang, "prison-texts-in", &[("language", t(lang, &text_keys::language(language)).into())])} }
            TextField { id: entrance, label: t(lang, "sheet-entrance"), value: form.entrance, errors, multiline: true }
            TextField { id: adult, label: t(lang, "sheet-documents-adult"), value: form.adult, errors, multiline: true, hint: t(lang, "prison-one-per-line") }
            TextField { id: child, label: t(lang, "sheet-documents-child"), value: form.child, errors, multiline: true }
            TextField { id: allowed, label: t(lang, "sheet-allowed"), value: form.allowed, errors, multiline: true }
            TextField { id: forbidden, label: t(lang, "sheet-forbidden"), value: form.forbidden, errors, multiline: true }
            TextField { id: lockers, label: t(lang, "sheet-lockers"), value: form.lockers, errors, multiline: true }
        }
    }
}
