//! My kilometres: the trips the volunteer did and the kilometres of their
//! reports, month by month, counted from what is on the phone (the same
//! counting as the coordinators' statement); the statement to download as CSV
//! (made on the phone) or PDF (made by the server).

use crate::figures::csv::{month_name, statement_csv};
use crate::figures::{volunteer_statement, Period, StatementLine};
use crate::i18n::{local_date, t, tr};
use crate::sync::office::statement_pdf_path;
use crate::ui::components::{CsvDownload, PdfDownload};
use crate::ui::views::StoreProblem;
use crate::ui::{use_device, use_lang};
use chrono::Datelike;
use dioxus::prelude::*;

#[component]
pub fn MyKilometres() -> Element {
    let device = use_device();
    device.watch();
    let lang = use_lang();
    let year = local_date(device.now()).year();
    let identity = device.identity();
    let Some(volunteer) = identity.as_ref().and_then(|i| i.volunteer_id.clone()) else {
        return rsx! {
            h1 { {t(lang, "volunteer-km-title")} }
            p { class: "muted", {tr(lang, "volunteer-km-none", &[("year", year.into())])} }
        };
    };
    let name = identity.map(|i| i.display_name).unwrap_or_default();
    let read = || -> Result<_, crate::store::StoreError> {
        let store = &*device.store;
        let trips = store.trips()?;
        let events = store.all_events()?;
        let reports = store.all_reports()?;
        Ok((trips, events, reports))
    };
    let (trips, events, reports) = match read() {
        Ok(data) => data,
        Err(e) => return rsx! { StoreProblem { message: e.to_string() } },
    };
    let period = Period::year(year);
    let lines = volunteer_statement(period, &volunteer, &trips, &events, &reports);
    let csv = statement_csv(lang, &name, &lines);
    let shown: Vec<StatementLine> = lines.iter().filter(|l| l.trips > 0).cloned().collect();
    let total_trips: usize = lines.iter().map(|l| l.trips).sum();
    let total_km: u64 = lines.iter().map(|l| l.kilometres).sum();
    let file = |ext: &str| format!("{}-{year}.{ext}", t(lang, "figures-statement-file-name"));
    rsx! {
        h1 { {t(lang, "volunteer-km-title")} }
        p { class: "muted", {t(lang, "volunteer-km-intro")} }
        if shown.is_empty() {
            p { class: "muted", {tr(lang, "volunteer-km-none", &[("year", year.into())])} }
        } else {
            table { class: "figures-table kilometres",
                thead {
                    tr {
                        th { {t(lang, "figures-col-month")} }
                        th { {t(lang, "figures-trips")} }
                        th { {t(lang, "figures-kilometres")} }
                    }
                }
                tbody {
                    for line in shown {
                        tr { key: "{line.month.year}-{line.month.month}",
                            th { scope: "row", {month_name(lang, line.month)} }
                            td { "{line.trips}" }
                            td { "{line.kilometres}" }
                        }
                    }
                }
                tfoot {
                    tr {
                        th { scope: "row", {t(lang, "figures-total")} }
                        td { "{total_trips}" }
                        td { "{total_km}" }
                    }
                }
            }
        }
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
