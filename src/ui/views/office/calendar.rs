//! The planning calendar: every trip of the network by month or by week,
//! filtered by prison, volunteer, child and status. Trips without a volunteer
//! and trips with warnings carry a mark in words; a day opens the list of its
//! trips, each a link to its page. The reckoning is in `ui::calendar`.

use crate::i18n::{format_date, format_time, t, tr, Lang};
use crate::ui::calendar::{
    calendar_today, calendar_trips, month_weeks, week_of, CalendarFilter, CalendarStatus,
    CalendarTrip,
};
use crate::ui::views::StoreProblem;
use crate::ui::{use_device, use_lang, Route};
use chrono::{Datelike, Days, Months, NaiveDate};
use dioxus::prelude::*;

/// "juillet 2025".
fn month_title(lang: Lang, day: NaiveDate) -> String {
    format!(
        "{} {}",
        t(lang, &format!("month-{}", day.month())),
        day.year()
    )
}

/// "09:00 Lina, Noah · Haren".
fn trip_line(row: &CalendarTrip) -> String {
    format!(
        "{} {} · {}",
        format_time(row.trip.visit_start),
        row.children.join(", "),
        row.prison
    )
}

fn some_id<T: for<'a> From<&'a str>>(value: String) -> Option<T> {
    (!value.is_empty()).then(|| T::from(value.as_str()))
}

#[component]
pub fn OfficeCalendar() -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let now = device.now();
    let today = calendar_today(now);
    let mut by_week = use_signal(|| false);
    let mut anchor = use_signal(|| today);
    let mut open_day = use_signal(|| None::<NaiveDate>);
    let prison = use_signal(String::new);
    let volunteer = use_signal(String::new);
    let child = use_signal(String::new);
    let status = use_signal(String::new);

    let data = match super::trip_draft::load(&*device.store) {
        Ok(records) => records.data,
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    let ctx = data.context();
    let filter = CalendarFilter {
        prison: some_id(prison()),
        volunteer: some_id(volunteer()),
        child: some_id(child()),
        status: CalendarStatus::from_key(&status()),
    };
    let week_view = by_week();
    let day = anchor();
    let weeks: Vec<[NaiveDate; 7]> = if week_view {
        vec![week_of(day)]
    } else {
        month_weeks(day.year(), day.month())
    };
    let (from, to) = match (weeks.first(), weeks.last()) {
        (Some(first), Some(last)) => (first[0], last[6]),
        _ => (day, day),
    };
    let rows = calendar_trips(&ctx, from, to, &filter, now);
    let heading = if week_view {
        tr(
            lang,
            "calendar-week-of",
            &[("date", format_date(lang, from).into())],
        )
    } else {
        month_title(lang, day)
    };
    let open_count = rows.iter().filter(|r| r.without_volunteer()).count();
    let warned_count = rows.iter().filter(|r| r.warnings > 0).count();
    let mut step = move |forward: bool| {
        let d = anchor();
        let next = if by_week() {
            if forward {
                d.checked_add_days(Days::new(7))
            } else {
                d.checked_sub_days(Days::new(7))
            }
        } else {
            let first = d.with_day(1).unwrap_or(d);
            if forward {
                first.checked_add_months(Months::new(1))
            } else {
                first.checked_sub_months(Months::new(1))
            }
        };
        if let Some(next) = next {
            anchor.set(next);
        }
    };

    let mut prisons: Vec<(String, String)> = data
        .prisons
        .iter()
        .map(|p| (p.id.to_string(), p.name.clone()))
        .collect();
    prisons.sort_by(|a, b| a.1.cmp(&b.1));
    let mut volunteers: Vec<(String, String)> = data
        .volunteers
        .iter()
        .map(|v| (v.id.to_string(), v.name.clone()))
        .collect();
    volunteers.sort_by(|a, b| a.1.cmp(&b.1));
    let mut children: Vec<(String, String)> = data
        .children
        .iter()
        .map(|c| (c.id.to_string(), c.full_name()))
        .collect();
    children.sort_by(|a, b| a.1.cmp(&b.1));
    let statuses: Vec<(String, String)> = CalendarStatus::ALL
        .into_iter()
        .map(|s| {
            (
                s.key().to_owned(),
                t(lang, &crate::ui::text_keys::calendar_status(s)),
            )
        })
        .collect();
    let filters = [
        ("calendar-prison", "calendar-filter-prison", prison, prisons),
        (
            "calendar-volunteer",
            "calendar-filter-volunteer",
            volunteer,
            volunteers,
        ),
        ("calendar-child", "calendar-filter-child", child, children),
        (
            "calendar-status",
            "calendar-filter-status",
            status,
            statuses,
        ),
    ];
    let hours: Vec<u32> = {
        let mut h: Vec<u32> = rows.iter().map(|r| r.hour).collect();
        h.sort_unstable();
        h.dedup();
        h
    };
    let day_rows: Vec<CalendarTrip> = match open_day() {
        Some(d) => rows.iter().filter(|r| r.day == d).cloned().collect(),
        None => Vec::new(),
    };

    rsx! {
        h1 { {t(lang, "calendar-title")} }
        div { class: "actions", role: "group", "aria-label": t(lang, "calendar-view"),
            button {
                class: if week_view { "secondary" } else { "primary" },
                "aria-pressed": !week_view,
                onclick: move |_| by_week.set(false),
                {t(lang, "calendar-view-month")}
            }
            button {
                class: if week_view { "primary" } else { "secondary" },
                "aria-pressed": week_view,
                onclick: move |_| by_week.set(true),
                {t(lang, "calendar-view-week")}
            }
        }
        div { class: "actions",
            button { class: "secondary", onclick: move |_| step(false), {t(lang, "calendar-previous")} }
            button { class: "secondary", onclick: move |_| { anchor.set(today); open_day.set(Some(today)); }, {t(lang, "calendar-today")} }
            button { class: "secondary", onclick: move |_| step(true), {t(lang, "calendar-next")} }
            h2 { "{heading}" }
        }
        div { class: "filters",
            for (id, key, signal, options) in filters {
                {
                    let mut signal = signal;
                    rsx! {
                        div { class: "field", key: "{id}",
                            label { r#for: id, {t(lang, key)} }
                            select {
                                id,
                                onchange: move |e| signal.set(e.value()),
                                option { value: "", selected: signal.read().is_empty(), {t(lang, "calendar-all")} }
                                for (value, text) in options {
                                    option { key: "{value}", value: "{value}", selected: *signal.read() == value, "{text}" }
                                }
                            }
                        }
                    }
                }
            }
        }
        p { role: "status",
            {tr(lang, "calendar-count", &[("count", rows.len().into())])}
            if open_count > 0 {
                " " strong { {tr(lang, "calendar-open-count", &[("count", open_count.into())])} }
            }
            if warned_count > 0 {
                " " strong { {tr(lang, "calendar-warned-count", &[("count", warned_count.into())])} }
            }
        }
        if week_view {
            table { class: "records calendar week",
                caption { "{heading}" }
                thead {
                    tr {
                        th { scope: "col", {t(lang, "calendar-hour")} }
                        for d in weeks.first().copied().unwrap_or([day; 7]) {
                            th { scope: "col", key: "{d}",
                                button {
                                    class: "link",
                                    "aria-label": tr(lang, "calendar-open-day", &[("date", format_date(lang, d).into())]),
                                    onclick: move |_| open_day.set(Some(d)),
                                    {format_date(lang, d)}
                                }
                            }
                        }
                    }
                }
                tbody {
                    if hours.is_empty() {
                        tr { td { colspan: "8", {t(lang, "calendar-none")} } }
                    }
                    for hour in hours.iter().copied() {
                        tr { key: "{hour}",
                            th { scope: "row", "{hour:02}:00" }
                            for d in weeks.first().copied().unwrap_or([day; 7]) {
                                td { key: "{d}",
                                    for row in rows.iter().filter(|r| r.day == d && r.hour == hour) {
                                        TripLine { key: "{row.trip.id}", row: row.clone() }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        } else {
            table { class: "records calendar month",
                caption { "{heading}" }
                thead {
                    tr {
                        for n in 1..=7 {
                            th { scope: "col", key: "{n}", {t(lang, &format!("weekday-{n}"))} }
                        }
                    }
                }
                tbody {
                    for week in weeks.iter().copied() {
                        tr { key: "{week[0]}",
                            for d in week {
                                td {
                                    key: "{d}",
                                    class: if d.month() != day.month() { "muted" } else if d == today { "today" } else { "" },
                                    button {
                                        class: "link day",
                                        "aria-current": if d == today { "date" } else { "false" },
                                        onclick: move |_| open_day.set(Some(d)),
                                        // The number as seen, then the whole day for
                                        // screen readers: the name starts with what shows.
                                        "{d.day()}"
                                        span { class: "sr-only",
                                            " · "
                                            {tr(lang, "calendar-open-day", &[("date", format_date(lang, d).into())])}
                                        }
                                    }
                                    for row in rows.iter().filter(|r| r.day == d) {
                                        TripLine { key: "{row.trip.id}", row: row.clone() }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if let Some(d) = open_day() {
            section { "aria-labelledby": "calendar-day",
                h2 { id: "calendar-day", {tr(lang, "calendar-day-title", &[("date", format_date(lang, d).into())])} }
                if day_rows.is_empty() {
                    p { {t(lang, "calendar-day-none")} }
                } else {
                    ul { class: "calendar-day",
                        for row in day_rows {
                            li { key: "{row.trip.id}",
                                TripLine { row: row.clone() }
                                " · "
                                span { {t(lang, &crate::ui::text_keys::calendar_status(row.status))} }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A trip in a calendar cell: its time, children and prison, as a link to its
/// page, with a mark in words when it has no volunteer or something to check.
#[component]
fn TripLine(row: CalendarTrip) -> Element {
    let lang = use_lang();
    let line = trip_line(&row);
    let cancelled = row.status == CalendarStatus::Cancelled;
    rsx! {
        span { class: if row.stands_out() { "cal-trip attention" } else if cancelled { "cal-trip muted" } else { "cal-trip" },
            Link { to: Route::TripPage { id: row.trip.id.clone() },
                if cancelled { s { "{line}" } } else { "{line}" }
            }
            if cancelled {
                " " span { class: "tag", {t(lang, "calendar-status-cancelled")} }
            }
            if row.without_volunteer() {
                " " strong { class: "tag attention", "⚠ " {t(lang, "calendar-no-volunteer")} }
            }
            if row.warnings > 0 {
                " " strong { class: "tag attention", "⚠ " {tr(lang, "calendar-warnings", &[("count", row.warnings.into())])} }
            }
        }
    }
}
