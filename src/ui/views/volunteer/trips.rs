//! My trips: today's first, then the coming days', each with the children,
//! the prison, when and where to meet, and the next thing to do.

use super::names_phrase;
use crate::domain::{Progress, TripId};
use crate::i18n::{format_date, format_time, local_date, t, tr, Lang};
use crate::ui::model::{trips_overview, TripSummary};
use crate::ui::views::StoreProblem;
use crate::ui::{use_device, use_lang, use_trip_memory, Route};
use dioxus::prelude::*;

/// How many upcoming trips the list shows at first, and adds at each tap on
/// "later trips" (whole days: a day is never cut).
pub const UPCOMING_PAGE: usize = 20;

#[component]
pub fn Trips() -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let memory = use_trip_memory();
    let now = device.now();
    let seen = memory.seen.read().clone();
    let mut limit = use_signal(|| UPCOMING_PAGE);
    let loaded = trips_overview(&*device.store, now, &seen, limit());
    // A trip shown here for the first time counts as seen as it is now.
    let first_shown: Vec<(TripId, u64)> = loaded
        .iter()
        .flat_map(|o| o.today.iter().chain(o.upcoming.iter().flat_map(|(_, l)| l)))
        .filter(|s| !seen.contains_key(&s.trip.id))
        .map(|s| (s.trip.id.clone(), s.fingerprint))
        .collect();
    use_effect(use_reactive((&first_shown,), move |(first_shown,)| {
        memory.mark_seen(&device, first_shown)
    }));
    let overview = match loaded {
        Ok(overview) => overview,
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    let today_title = tr(
        lang,
        "trips-today",
        &[("date", format_date(lang, local_date(now)).into())],
    );
    rsx! {
        h1 { {t(lang, "trips-title")} }
        section {
            h2 { {today_title} }
            if overview.today.is_empty() {
                p { class: "muted", {t(lang, "trips-none-today")} }
            }
            for summary in overview.today {
                TripCard { key: "{summary.trip.id}", summary, lang }
            }
        }
        if overview.upcoming.is_empty() {
            p { class: "muted", {t(lang, "trips-none-upcoming")} }
        }
        for (day, list) in overview.upcoming {
            section { key: "{day}",
                h2 { {format_date(lang, day)} }
                for summary in list {
                    TripCard { key: "{summary.trip.id}", summary, lang }
                }
            }
        }
        if overview.later > 0 {
            button {
                class: "secondary",
                onclick: move |_| limit += UPCOMING_PAGE,
                {tr(lang, "trips-show-later", &[("count", overview.later.into())])}
            }
        }
    }
}

/// One trip in the list; the whole card opens the trip.
#[component]
fn TripCard(summary: TripSummary, lang: Lang) -> Element {
    let names = names_phrase(lang, &summary.children);
    let prison = summary
        .prison
        .as_ref()
        .map(|p| format!("{}, {}", p.name, p.town))
        .unwrap_or_else(|| t(lang, "prison-unknown"));
    let meet = summary.timeline.map(|tl| {
        tr(
            lang,
            "card-meet",
            &[
                ("time", format_time(tl.meet_at).into()),
                ("place", summary.trip.pickup.address.clone().into()),
            ],
        )
    });
    let next = match summary.progress {
        Progress::Cancelled(reason) => tr(
            lang,
            "card-cancelled",
            &[(
                "reason",
                t(lang, &crate::ui::text_keys::cancel(reason)).into(),
            )],
        ),
        progress => match progress.next_step() {
            Some(step) => tr(
                lang,
                "card-next",
                &[("step", t(lang, &crate::ui::text_keys::step_do(step)).into())],
            ),
            None => t(lang, "card-done"),
        },
    };
    let class = if matches!(summary.progress, Progress::Cancelled(_)) {
        "card trip cancelled"
    } else {
        "card trip"
    };
    rsx! {
        Link { class: "{class}", to: Route::TripDetail { id: summary.trip.id.clone() },
            if summary.changed {
                span { class: "badge", {t(lang, "card-changed")} }
            }
            h3 { "{names}" }
            p { class: "prison", "{prison}" }
            if let Some(meet) = meet { p { "{meet}" } }
            p { class: "next", strong { "{next}" } }
        }
    }
}
