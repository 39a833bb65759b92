//! Who can go on a saved trip, best first, with the reasons in words; one
//! click assigns.

use super::trip_draft::{load, volunteer_name};
use crate::domain::TripId;
use crate::i18n::{t, tr, Lang};
use crate::plan::{suggest_volunteers, SuggestionReason};
use crate::protocol::Change;
use crate::ui::text_keys;
use crate::ui::views::StoreProblem;
use crate::ui::{use_app, use_device, use_lang, Action};
use dioxus::prelude::*;

/// The text of one reason a volunteer is proposed.
pub(crate) fn reason_text(lang: Lang, reason: &SuggestionReason) -> String {
    let key = text_keys::suggestion(reason.code());
    match reason {
        SuggestionReason::Continuity { made, planned } => tr(
            lang,
            &key,
            &[("made", (*made).into()), ("planned", (*planned).into())],
        ),
        SuggestionReason::SpeaksLanguage { language }
        | SuggestionReason::NoCommonLanguage { language } => tr(
            lang,
            &key,
            &[("language", t(lang, &text_keys::language(*language)).into())],
        ),
        SuggestionReason::NoCarForLongTrip { travel_minutes } => {
            tr(lang, &key, &[("minutes", (*travel_minutes).into())])
        }
        SuggestionReason::DistanceToPickup { km } => tr(lang, &key, &[("km", (*km).into())]),
        _ => t(lang, &key),
    }
}

/// A volunteer as ranked: id, name, score, free, the reasons in words.
type Ranked = (crate::domain::VolunteerId, String, i32, bool, String);

/// Who can go on a saved trip, best first, with the reasons; one click
/// assigns.
#[component]
pub(crate) fn AssignPanel(id: TripId) -> Element {
    let device = use_device();
    device.watch();
    let app = use_app();
    let lang = use_lang();
    let mut problem = use_signal(|| None::<String>);
    let page = match load(&*device.store) {
        Ok(page) => page,
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    let data = &page.data;
    let Some(trip) = data.trips.iter().find(|t| t.id == id).cloned() else {
        return VNode::empty();
    };
    let now = device.now();
    let ranked = suggest_volunteers(&trip, &data.context(), now);
    let current = trip.volunteer_id.as_ref().map(|v| volunteer_name(data, v));
    let rows: Vec<Ranked> = ranked
        .into_iter()
        .filter(|s| {
            data.volunteers
                .iter()
                .any(|v| v.id == s.volunteer_id && !v.archived)
        })
        .map(|s| {
            let reasons = s
                .reasons
                .iter()
                .map(|r| reason_text(lang, r))
                .collect::<Vec<_>>()
                .join(" · ");
            let available = s.is_available();
            (
                s.volunteer_id.clone(),
                volunteer_name(data, &s.volunteer_id),
                s.score,
                available,
                reasons,
            )
        })
        .collect();
    rsx! {
        section { class: "assign",
            h2 { {t(lang, "trip-assign-title")} }
            p { class: "lead",
                match current {
                    Some(name) => tr(lang, "trip-assign-current", &[("name", name.into())]),
                    None => t(lang, "trip-assign-nobody"),
                }
            }
            if let Some(problem) = problem() {
                p { class: "error", role: "alert", "{problem}" }
            }
            if rows.is_empty() {
                p { class: "muted", {t(lang, "trip-assign-none")} }
            }
            ol { class: "suggestions",
                for (volunteer, name, score, available, reasons) in rows {
                    li { key: "{volunteer}", class: if available { "" } else { "muted" },
                        "data-volunteer": "{volunteer}",
                        strong { "{name}" }
                        span { class: "muted", " · {tr(lang, \"trip-assign-score\", &[(\"score\", score.into())])}" }
                        p { "{reasons}" }
                        if trip.volunteer_id.as_ref() != Some(&volunteer) {
                            button {
                                r#type: "button",
                                class: if available { "primary" } else { "secondary" },
                                onclick: {
                                    let app = app.clone();
                                    let trip_id = trip.id.clone();
                                    let volunteer = volunteer.clone();
                                    move |_| {
                                        let change = Change::Assign {
                                            trip_id: trip_id.clone(),
                                            volunteer_id: Some(volunteer.clone()),
                                        };
                                        if let Err(e) = app.act(Action::Record(Box::new(change))) {
                                            problem.set(Some(e.to_string()));
                                        }
                                    }
                                },
                                {t(lang, "trip-assign")}
                            }
                        }
                    }
                }
            }
        }
    }
}
