//! The year's figures, for the funders' report: a year to choose, the
//! figures of the whole year, per month and per prison, two bar charts and
//! the CSV file to download.

use crate::domain::{CancelReason, PrisonId, Record, RecordKind, VolunteerId};
use crate::figures::csv::statement_csv;
use crate::figures::csv::{figures_csv, month_key, reason_key};
use crate::figures::volunteer_statement;
use crate::figures::{figures, Figures, Period, Tally};
use crate::i18n::{local_date, t, tr, Lang};
use crate::sync::office::{report_pdf_path, statement_pdf_path};
use crate::ui::components::{CsvDownload, PdfDownload};
use crate::ui::views::StoreProblem;
use crate::ui::{use_device, use_lang};
use chrono::Datelike;
use dioxus::prelude::*;
use std::collections::BTreeMap;

#[component]
pub fn OfficeFigures() -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let this_year = local_date(device.now()).year();
    let mut year = use_signal(|| this_year);
    let read = || -> Result<_, crate::store::StoreError> {
        let store = &*device.store;
        let trips = store.trips()?;
        let events = store.all_events()?;
        let reports = store.all_reports()?;
        let mut prisons = BTreeMap::new();
        for record in store.list(RecordKind::Prison)? {
            if let Record::Prison(p) = record {
                prisons.insert(p.id.clone(), p.name.clone());
            }
        }
        Ok((trips, events, reports, prisons))
    };
    let (trips, events, reports, prisons) = match read() {
        Ok(data) => data,
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    // The years with a trip, and this one.
    let mut years: Vec<i32> = trips
        .iter()
        .map(|t| local_date(t.visit_start).year())
        .chain([this_year])
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let chosen = year();
    let fig = figures(Period::year(chosen), &trips, &events, &reports);
    let name_of = |id: &PrisonId| prisons.get(id).cloned().unwrap_or_else(|| id.0.clone());
    let csv = figures_csv(lang, &fig, name_of);
    let file_name = format!("{}-{chosen}.csv", t(lang, "figures-file-name"));
    let month_bars: Vec<(String, usize)> = fig
        .per_month
        .iter()
        .map(|(m, tally)| (short_month(lang, m.month), tally.done))
        .collect();
    let prison_bars: Vec<(String, usize)> = fig
        .per_prison
        .iter()
        .map(|(p, tally)| (name_of(p), tally.done))
        .collect();
    let months: Vec<(String, Tally)> = fig
        .per_month
        .iter()
        .map(|(m, tally)| (t(lang, month_key(m.month)), tally.clone()))
        .collect();
    let per_prison: Vec<(String, Tally)> = fig
        .per_prison
        .iter()
        .map(|(p, tally)| (name_of(p), tally.clone()))
        .collect();
    rsx! {
        h1 { {tr(lang, "figures-title", &[("year", chosen.into())])} }
        div { class: "toolbar",
            label {
                {t(lang, "figures-year")}
                " "
                select {
                    value: "{chosen}",
                    onchange: move |e| {
                        if let Ok(y) = e.value().parse::<i32>() {
                            year.set(y);
                        }
                    },
                    for y in years {
                        option { value: "{y}", selected: y == chosen, "{y}" }
                    }
                }
            }
            CsvDownload { file_name, csv, label: t(lang, "figures-download-csv") }
            PdfDownload {
                path: report_pdf_path(Period::year(chosen).from, Period::year(chosen).until, lang),
                file_name: format!("{}-{chosen}.pdf", t(lang, "figures-report-file-name")),
                label: t(lang, "figures-download-pdf"),
            }
        }
        Summary { figures: fig.clone() }
        div { class: "charts",
            BarChart {
                title: t(lang, "figures-chart-months"),
                bars: month_bars,
            }
            BarChart {
                title: t(lang, "figures-chart-prisons"),
                bars: prison_bars,
            }
        }
        h2 { {t(lang, "figures-per-month")} }
        SliceTable { heading: t(lang, "figures-col-month"), rows: months }
        h2 { {t(lang, "figures-per-prison")} }
        if per_prison.is_empty() {
            p { class: "muted", {t(lang, "figures-none")} }
        } else {
            SliceTable { heading: t(lang, "figures-col-prison"), rows: per_prison }
        }
    }
}

/// A volunteer's statement of this year, on their page: as CSV (counted from
/// the workspace's store) and as PDF (drawn by the server).
#[component]
pub fn VolunteerStatement(volunteer: VolunteerId, name: String) -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let year = local_date(device.now()).year();
    let period = Period::year(year);
    let read = || -> Result<_, crate::store::StoreError> {
        let store = &*device.store;
        let trips = store.trips()?;
        let events = store.all_events()?;
        let reports = store.all_reports()?;
        Ok(volunteer_statement(
            period, &volunteer, &trips, &events, &reports,
        ))
    };
    let lines = match read() {
        Ok(lines) => lines,
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    let trips: usize = lines.iter().map(|l| l.trips).sum();
    let km: u64 = lines.iter().map(|l| l.kilometres).sum();
    let csv = statement_csv(lang, &name, &lines);
    let file = |ext: &str| {
        format!(
            "{}-{}-{year}.{ext}",
            t(lang, "figures-statement-file-name"),
            volunteer.as_str()
        )
    };
    rsx! {
        section { class: "card statement",
            h2 { {t(lang, "figures-statement-title")} " {year}" }
            p { {t(lang, "figures-trips")} ": {trips} · " {t(lang, "figures-kilometres")} ": {km}" }
            div { class: "toolbar",
                CsvDownload {
                    file_name: file("csv"),
                    csv,
                    label: t(lang, "figures-statement-csv"),
                }
                PdfDownload {
                    path: statement_pdf_path(&volunteer, period.from, period.until, lang),
                    file_name: file("pdf"),
                    label: t(lang, "figures-statement-pdf"),
                }
            }
        }
    }
}

fn short_month(lang: Lang, month: u32) -> String {
    t(lang, month_key(month)).chars().take(3).collect()
}

/// The whole year in a few lines, and the cancellations by reason.
#[component]
fn Summary(figures: Figures) -> Element {
    let lang = use_lang();
    let total = &figures.total;
    let n = |key: &str, value: String| (t(lang, key), value);
    let lines = [
        n("figures-children", total.children.to_string()),
        n(
            "figures-first-time",
            figures.first_time_children.to_string(),
        ),
        n("figures-planned", total.planned.to_string()),
        n("figures-done", total.done.to_string()),
        n("figures-cancelled", total.cancelled.to_string()),
        n(
            "figures-cancelled-by-volunteer",
            total.cancelled_by_volunteer.to_string(),
        ),
        n(
            "figures-cancelled-by-coordinator",
            total.cancelled_by_coordinator.to_string(),
        ),
        n("figures-kilometres", total.kilometres.to_string()),
        n("figures-hours", crate::figures::csv::hours(total)),
        n("figures-owed", total.owed.to_string()),
        n("figures-caught-up", total.caught_up.to_string()),
    ];
    let reasons: Vec<(String, usize)> = CancelReason::ALL
        .iter()
        .map(|r| (t(lang, reason_key(*r)), total.cancelled_for(*r)))
        .filter(|(_, n)| *n > 0)
        .collect();
    rsx! {
        dl { class: "figures-summary",
            for (label, value) in lines {
                div { dt { {label} } dd { {value} } }
            }
        }
        if !reasons.is_empty() {
            h2 { {t(lang, "figures-why-cancelled")} }
            table {
                thead { tr { th { {t(lang, "figures-reason")} } th { {t(lang, "figures-cancelled")} } } }
                tbody {
                    for (label, count) in reasons {
                        tr { td { {label} } td { "{count}" } }
                    }
                }
            }
        }
    }
}

/// One line per month or per prison.
#[component]
fn SliceTable(heading: String, rows: Vec<(String, Tally)>) -> Element {
    let lang = use_lang();
    rsx! {
        table { class: "figures-table",
            thead {
                tr {
                    th { {heading} }
                    th { {t(lang, "figures-planned")} }
                    th { {t(lang, "figures-done")} }
                    th { {t(lang, "figures-cancelled")} }
                    th { {t(lang, "figures-children")} }
                    th { {t(lang, "figures-kilometres")} }
                    th { {t(lang, "figures-hours")} }
                    th { {t(lang, "figures-owed")} }
                    th { {t(lang, "figures-caught-up")} }
                }
            }
            tbody {
                for (name, tally) in rows {
                    tr {
                        th { scope: "row", {name} }
                        td { "{tally.planned}" }
                        td { "{tally.done}" }
                        td { "{tally.cancelled}" }
                        td { "{tally.children}" }
                        td { "{tally.kilometres}" }
                        td { {crate::figures::csv::hours(&tally)} }
                        td { "{tally.owed}" }
                        td { "{tally.caught_up}" }
                    }
                }
            }
        }
    }
}

/// A bar chart drawn by the app: one bar per label, its value written above;
/// the same numbers as text in its title for screen readers.
#[component]
fn BarChart(title: String, bars: Vec<(String, usize)>) -> Element {
    let lang = use_lang();
    let max = bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let slot = 48usize;
    let width = (bars.len().max(1) * slot) as u32;
    let height = 180u32;
    let base = 140usize;
    let description = bars
        .iter()
        .map(|(label, value)| format!("{label}: {value}"))
        .collect::<Vec<_>>()
        .join(", ");
    let alt = tr(
        lang,
        "figures-chart-alt",
        &[
            ("title", title.clone().into()),
            ("values", description.into()),
        ],
    );
    let drawn: Vec<(usize, String, usize, usize)> = bars
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| (i * slot, label, value, value * 120 / max))
        .collect();
    rsx! {
        figure { class: "chart",
            svg {
                role: "img",
                "aria-label": "{alt}",
                view_box: "0 0 {width} {height}",
                width: "{width}",
                height: "{height}",
                title { {alt.clone()} }
                for (x, label, value, h) in drawn {
                    rect {
                        x: "{x + 8}",
                        y: "{base - h}",
                        width: "{slot - 16}",
                        height: "{h}",
                        fill: "#b3261e",
                    }
                    text {
                        x: "{x + slot / 2}",
                        y: "{base - h - 4}",
                        text_anchor: "middle",
                        font_size: "12",
                        "{value}"
                    }
                    text {
                        x: "{x + slot / 2}",
                        y: "{base + 16}",
                        text_anchor: "middle",
                        font_size: "11",
                        {label.chars().take(8).collect::<String>()}
                    }
                }
            }
            figcaption { {title} }
        }
    }
}
