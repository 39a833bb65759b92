//! Today, live: the network's trips of the day with where each stands, what
//! is late and the report once written. It follows by itself: a step logged
//! on a phone reaches this screen within a second through the live channel
//! (`sync::live`), and the late signs follow the clock. While online, the
//! server's list of devices says whose phone has been silent for long.

use crate::i18n::{format_date, format_time, local_date, t, tr};
use crate::protocol::DeviceInfo;
use crate::ui::components::step_key;
use crate::ui::text_keys;
use crate::ui::today::{counts, silent_phones, today_board, Silence, Stage};
use crate::ui::views::StoreProblem;
use crate::ui::{platform, use_device, use_lang};
use dioxus::prelude::*;

#[component]
pub fn OfficeToday() -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    // Late signs depend on the time: look again every half minute.
    let mut tick = use_signal(|| 0_u64);
    use_future(move || async move {
        loop {
            platform::sleep(std::time::Duration::from_secs(30)).await;
            tick += 1;
        }
    });
    let _ = tick();
    // The devices' last syncs, asked of the server every minute while the
    // board is open; without network the board goes on without them.
    let mut devices = use_signal(Vec::<DeviceInfo>::new);
    let identity = device.identity();
    use_future(move || {
        let identity = identity.clone();
        async move {
            let Some(identity) = identity else {
                return;
            };
            loop {
                if let Ok(list) = crate::sync::office::devices(&identity).await {
                    devices.set(list);
                }
                platform::sleep(std::time::Duration::from_secs(60)).await;
            }
        }
    });
    let now = device.now();
    let rows = match today_board(&*device.store, now) {
        Ok(rows) => rows,
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    let c = counts(&rows);
    let silent = silent_phones(&rows, &devices.read(), now);
    let summary = tr(
        lang,
        "today-summary",
        &[
            ("trips", c.trips.into()),
            ("under_way", c.under_way.into()),
            ("done", c.done.into()),
            ("cancelled", c.cancelled.into()),
        ],
    );
    rsx! {
        h1 { {t(lang, "today-title")} span { class: "muted", " · {format_date(lang, local_date(now))}" } }
        p { class: "lead", role: "status", "aria-live": "polite",
            "{summary}"
            if c.late > 0 {
                " " strong { class: "error", {tr(lang, "today-late-count", &[("count", c.late.into())])} }
            }
            if c.without_volunteer > 0 {
                " " strong { class: "error", {tr(lang, "today-open-count", &[("count", c.without_volunteer.into())])} }
            }
            if !silent.is_empty() {
                " " strong { class: "error", {tr(lang, "today-silent-count", &[("count", silent.len().into())])} }
            }
        }
        p { class: "muted", {t(lang, "today-live")} }
        if rows.is_empty() {
            p { {t(lang, "today-none")} }
        } else {
            table { class: "records today",
                thead {
                    tr {
                        th { scope: "col", {t(lang, "today-col-meet")} }
                        th { scope: "col", {t(lang, "today-col-children")} }
                        th { scope: "col", {t(lang, "today-col-volunteer")} }
                        th { scope: "col", {t(lang, "parents-col-prison")} }
                        th { scope: "col", {t(lang, "today-col-stage")} }
                        th { scope: "col", {t(lang, "today-col-report")} }
                    }
                }
                tbody {
                    for row in rows {
                        tr {
                            key: "{row.trip.id}",
                            class: if row.late.is_some() || row.volunteer.is_none() { "attention" } else { "" },
                            "data-trip": "{row.trip.id}",
                            td {
                                {row.meet_at.map(format_time).unwrap_or_default()}
                                if let Some(back) = row.expected_return {
                                    span { class: "muted", " → {format_time(back)}" }
                                }
                            }
                            td { Link { to: crate::ui::Route::TripPage { id: row.trip.id.clone() }, {row.children.join(", ")} } }
                            td {
                                match row.volunteer.clone() {
                                    Some(name) => rsx! { "{name}" },
                                    None => rsx! { strong { {t(lang, "today-no-volunteer")} } },
                                }
                                match silent.get(&row.trip.id) {
                                    Some(Silence::Since(at)) => rsx! {
                                        p { class: "error silent", {tr(lang, "today-phone-silent", &[("time", format_time(*at).into())])} }
                                    },
                                    Some(Silence::Never) => rsx! {
                                        p { class: "error silent", {t(lang, "today-phone-never")} }
                                    },
                                    None => VNode::empty(),
                                }
                            }
                            td { "{row.prison}" }
                            td {
                                span { class: if matches!(row.stage, Stage::Cancelled(_)) { "tag attention stage" } else { "tag stage" },
                                    {t(lang, &text_keys::today_stage(row.stage))}
                                }
                                if let Stage::Cancelled(reason) = row.stage {
                                    span { class: "muted", " · {t(lang, &text_keys::cancel(reason))}" }
                                }
                                if let Some(late) = row.late {
                                    p { class: "error late",
                                        {tr(lang, "today-late", &[
                                            ("step", t(lang, &format!("step-done-{}", step_key(late.step))).into()),
                                            ("time", format_time(late.expected).into()),
                                        ])}
                                        " "
                                        {match late.last_news {
                                            Some(at) => tr(lang, "today-last-news", &[("time", format_time(at).into())]),
                                            None => t(lang, "today-no-news"),
                                        }}
                                    }
                                }
                            }
                            td {
                                if let Some(report) = row.report.clone() {
                                    {tr(lang, "today-report", &[
                                        ("km", report.kilometres.into()),
                                        ("mood", t(lang, &text_keys::mood(report.mood_after)).into()),
                                    ])}
                                    if !report.incidents.is_empty() {
                                        p { class: "muted", "{report.incidents}" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
