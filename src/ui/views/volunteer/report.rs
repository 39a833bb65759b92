//! The report after a trip: how the children were before and after, how
//! parent and children were together, incidents, kilometres, a few words.

use super::{load_trip, names_phrase};
use crate::domain::{Contact, Mood, TripId, TripReport};
use crate::i18n::{t, Lang};
use crate::protocol::Change;
use crate::ui::components::snake;
use crate::ui::{use_app, use_device, use_lang, use_trip_memory, Action, Route};
use dioxus::prelude::*;

const MOODS: [Mood; 5] = [
    Mood::Calm,
    Mood::Happy,
    Mood::Worried,
    Mood::Sad,
    Mood::Upset,
];
const CONTACTS: [Contact; 4] = [
    Contact::Warm,
    Contact::Neutral,
    Contact::Distant,
    Contact::Difficult,
];

#[component]
pub fn Report(id: TripId) -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let data = match load_trip(&device, &use_trip_memory(), &id, lang) {
        Ok(data) => data,
        Err(instead) => return instead,
    };
    let existing = device.store.report_of(&id).ok().flatten();
    let names = names_phrase(lang, &data.summary.children);
    rsx! {
        h1 { {t(lang, "report-title")} }
        p { class: "lead", "{names}" }
        ReportForm { id, lang, existing }
    }
}

#[component]
fn ReportForm(id: TripId, lang: Lang, existing: Option<TripReport>) -> Element {
    let app = use_app();
    let start = existing.clone();
    let mut before = use_signal(|| start.as_ref().map(|r| r.mood_before));
    let mut after = use_signal(|| start.as_ref().map(|r| r.mood_after));
    let mut contact = use_signal(|| start.as_ref().map(|r| r.contact));
    let mut incidents = use_signal(|| {
        start
            .as_ref()
            .map(|r| r.incidents.clone())
            .unwrap_or_default()
    });
    let mut km = use_signal(|| {
        start
            .as_ref()
            .map(|r| r.kilometres.to_string())
            .unwrap_or_default()
    });
    let mut text = use_signal(|| start.as_ref().map(|r| r.text.clone()).unwrap_or_default());
    let mut message = use_signal(|| None::<(bool, String)>);

    let submit = move |event: FormEvent| {
        event.prevent_default();
        let (Some(mood_before), Some(mood_after), Some(contact)) = (before(), after(), contact())
        else {
            message.set(Some((false, t(lang, "report-pick-all"))));
            return;
        };
        let Ok(kilometres) = km().trim().parse::<u32>() else {
            message.set(Some((false, t(lang, "report-km-invalid"))));
            return;
        };
        let report = TripReport {
            trip_id: id.clone(),
            author: app.author(),
            mood_before,
            mood_after,
            contact,
            incidents: incidents().trim().to_owned(),
            kilometres,
            text: text().trim().to_owned(),
            written_at: app.now(),
        };
        if let Err(e) = report.validate() {
            let text = if e.field == "report.kilometres" {
                t(lang, "report-km-invalid")
            } else {
                e.message
            };
            message.set(Some((false, text)));
            return;
        }
        message.set(Some(
            match app.act(Action::Record(Box::new(Change::SubmitReport { report }))) {
                Ok(()) => (true, t(lang, "report-saved")),
                Err(e) => (false, e.to_string()),
            },
        ));
    };
    rsx! {
        // The app checks the answers itself, in the screen's language.
        form { class: "report", novalidate: true, onsubmit: submit,
            ChoiceGroup {
                legend: t(lang, "report-mood-before"),
                name: "mood-before",
                options: MOODS.iter().map(|m| (snake(m), t(lang, &crate::ui::text_keys::mood(*m)))).collect::<Vec<_>>(),
                selected: before().map(|m| snake(&m)),
                onpick: move |i: usize| before.set(MOODS.get(i).copied()),
            }
            ChoiceGroup {
                legend: t(lang, "report-mood-after"),
                name: "mood-after",
                options: MOODS.iter().map(|m| (snake(m), t(lang, &crate::ui::text_keys::mood(*m)))).collect::<Vec<_>>(),
                selected: after().map(|m| snake(&m)),
                onpick: move |i: usize| after.set(MOODS.get(i).copied()),
            }
            ChoiceGroup {
                legend: t(lang, "report-contact"),
                name: "contact",
                options: CONTACTS.iter().map(|c| (snake(c), t(lang, &crate::ui::text_keys::contact(*c)))).collect::<Vec<_>>(),
                selected: contact().map(|c| snake(&c)),
                onpick: move |i: usize| contact.set(CONTACTS.get(i).copied()),
            }
            label { r#for: "incidents", {t(lang, "report-incidents")} }
            textarea { id: "incidents", value: "{incidents}", oninput: move |e| incidents.set(e.value()) }
            label { r#for: "km", {t(lang, "report-km")} }
            input {
                id: "km",
                r#type: "number",
                inputmode: "numeric",
                min: "0",
                value: "{km}",
                oninput: move |e| km.set(e.value()),
            }
            label { r#for: "text", {t(lang, "report-text")} }
            textarea { id: "text", value: "{text}", oninput: move |e| text.set(e.value()) }
            if let Some((ok, text)) = message() {
                p { class: if ok { "ok" } else { "error" }, role: "status", "{text}" }
            }
            button { r#type: "submit", class: "primary", {t(lang, "report-submit")} }
            Link { class: "button", to: Route::Trips {}, {t(lang, "back-to-trips")} }
        }
    }
}

/// Radio buttons as large tappable rows.
#[component]
fn ChoiceGroup(
    legend: String,
    name: String,
    options: Vec<(String, String)>,
    selected: Option<String>,
    onpick: EventHandler<usize>,
) -> Element {
    rsx! {
        fieldset {
            legend { "{legend}" }
            for (i, (value, label)) in options.into_iter().enumerate() {
                label { key: "{value}", class: "choice",
                    input {
                        r#type: "radio",
                        name: "{name}",
                        value: "{value}",
                        checked: selected.as_deref() == Some(value.as_str()),
                        onchange: move |_| onpick.call(i),
                    }
                    "{label}"
                }
            }
        }
    }
}
