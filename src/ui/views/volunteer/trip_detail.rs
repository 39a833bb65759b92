//! One trip: its timeline in Brussels time, warnings, the children, the
//! pickup contact and the way there.

use super::{load_trip, names_phrase};
use crate::domain::{Child, GeoPoint, TravelMode, TripId};
use crate::i18n::{format_date, format_time, local_date, t, tr, Lang};
use crate::plan::Warning;
use crate::ui::components::StatusBanner;
use crate::ui::{use_device, use_lang, use_trip_memory, Route};
use dioxus::prelude::*;

/// The translated text of a warning, as a volunteer's phone words it.
pub fn warning_text(lang: Lang, warning: &Warning) -> String {
    warning_text_with(lang, warning, "warning-")
}

/// The translated text of a warning, as the coordinators' workspace words it.
pub fn office_warning_text(lang: Lang, warning: &Warning) -> String {
    warning_text_with(lang, warning, "office-warning-")
}

/// A warning's text from the keys starting with `prefix` (`warning-`,
/// `office-warning-`), followed by its code.
fn warning_text_with(lang: Lang, warning: &Warning, prefix: &str) -> String {
    let key = match warning {
        Warning::PrisonDisrupted { kind } => {
            crate::ui::text_keys::prison_disrupted(*kind).replacen("warning-", prefix, 1)
        }
        other => format!("{prefix}{}", other.code()),
    };
    match warning {
        Warning::InfeasibleTiming { late_minutes } => {
            tr(lang, &key, &[("minutes", (*late_minutes).into())])
        }
        Warning::NeedsCar { travel_minutes } => {
            tr(lang, &key, &[("minutes", (*travel_minutes).into())])
        }
        Warning::ParentReleased { on } => {
            tr(lang, &key, &[("date", format_date(lang, *on).into())])
        }
        _ => t(lang, &key),
    }
}

/// `geo:` link, opened by the phone's map app.
pub fn geo_link(point: GeoPoint) -> String {
    format!("geo:{},{}", point.lat, point.lon)
}

/// OpenStreetMap directions from one point to another.
pub fn osm_directions(from: GeoPoint, to: GeoPoint, mode: TravelMode) -> String {
    let engine = match mode {
        TravelMode::Car => "fossgis_osrm_car",
        // OSM has no public transport routing; walking is the closest.
        TravelMode::PublicTransport => "fossgis_osrm_foot",
    };
    format!(
        "https://www.openstreetmap.org/directions?engine={engine}&route={}%2C{}%3B{}%2C{}",
        from.lat, from.lon, to.lat, to.lon
    )
}

#[component]
pub fn TripDetail(id: TripId) -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let memory = use_trip_memory();
    let now = device.now();
    let loaded = load_trip(&device, &memory, &id, lang);
    // Opening a trip counts as seeing it as it is now, also when it changes
    // while open.
    let shown = loaded.as_ref().ok().map(|d| d.summary.fingerprint);
    let seen_device = device.clone();
    use_effect(use_reactive((&id, &shown), move |(id, shown)| {
        if let Some(fp) = shown {
            memory.mark_seen(&seen_device, vec![(id, fp)]);
        }
    }));
    let data = match loaded {
        Ok(data) => data,
        Err(instead) => return instead,
    };
    let summary = &data.summary;
    let trip = &summary.trip;

    let names = names_phrase(lang, &summary.children);
    let day = format_date(lang, local_date(trip.visit_start));
    let year = chrono::Datelike::year(&local_date(now));
    rsx! {
        h1 { "{names}" }
        p { class: "lead", "{day}" }
        if let Some(prison) = &summary.prison {
            p {
                Link { class: "inline-target", to: Route::PrisonSheet { id: prison.id.clone() }, "{prison.name}, {prison.town}" }
            }
            StatusBanner { status: prison.status.clone(), lang }
        }
        if !data.warnings.is_empty() {
            ul { class: "warnings", role: "alert",
                for warning in &data.warnings {
                    li { {warning_text(lang, warning)} }
                }
            }
        }
        if let Some(tl) = summary.timeline {
            h2 { {t(lang, "detail-timeline")} }
            dl { class: "timeline",
                dt { {t(lang, "timeline-meet")} }
                dd { {format_time(tl.meet_at)} }
                dt { {t(lang, "timeline-leave")} }
                dd { {format_time(tl.leave_by)} }
                dt { {t(lang, "timeline-door")} }
                dd { {format_time(tl.at_door_by)} }
                dt { {t(lang, "timeline-visit")} }
                dd { {format!("{}–{}", format_time(tl.visit_start), format_time(tl.visit_end))} }
                dt { {t(lang, "timeline-return")} }
                dd { {format_time(tl.expected_return)} }
            }
        }
        div { class: "actions",
            Link { class: "button primary", to: Route::TripLog { id: id.clone() }, {t(lang, "detail-open-log")} }
            if let Some(prison) = &summary.prison {
                Link { class: "button", to: Route::PrisonSheet { id: prison.id.clone() }, {t(lang, "detail-open-sheet")} }
            }
        }
        h2 { {t(lang, "detail-children")} }
        for child in &summary.children {
            ChildCard { key: "{child.id}", child: child.clone(), lang, year }
        }
        h2 { {t(lang, "detail-pickup")} }
        div { class: "card",
            if let Some(guardian) = &data.guardian {
                p { strong { "{guardian.name}" } }
                a { class: "button", href: "tel:{guardian.phone}",
                    {tr(lang, "detail-call", &[("phone", guardian.phone.clone().into())])}
                }
            }
            p { "{trip.pickup.address}" }
            if let Some(prison) = &summary.prison {
                div { class: "actions",
                    a { class: "button", href: geo_link(prison.location), {t(lang, "detail-map-app")} }
                    a {
                        class: "button",
                        href: osm_directions(trip.pickup.location, prison.location, trip.travel_mode),
                        target: "_blank",
                        rel: "noopener",
                        {t(lang, "detail-osm")}
                    }
                }
            }
        }
    }
}

/// A child as the volunteer needs to know them.
#[component]
fn ChildCard(child: Child, lang: Lang, year: i32) -> Element {
    let age = tr(lang, "child-age", &[("age", child.age_in(year).into())]);
    let language = t(lang, &crate::ui::text_keys::language(child.language));
    rsx! {
        div { class: "card child",
            h3 { "{child.first_name}" }
            p { "{age} · {language}" }
            if !child.needs.is_empty() {
                p { class: "needs", strong { {t(lang, "child-needs")} } " {child.needs}" }
            }
        }
    }
}
