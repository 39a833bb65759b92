//! The figures and a volunteer's statement as PDF files, drawn by the server
//! (phones never download a PDF library). A4 landscape pages: the network's
//! name and the period on each; the summary and the cancellations by reason;
//! the two bar charts, drawn as vector shapes; the tables per month and per
//! prison. Text in DejaVu Sans (embedded, subset to the letters used), so
//! accents print in every language. How a page is laid out is in `pages`.

use super::csv::{hours, month_name, reason_key};
use super::{Figures, Period, StatementLine, Tally};
use crate::domain::{CancelReason, PrisonId};
use crate::i18n::{t, tr, Lang};
use std::collections::BTreeMap;

mod pages;

use pages::{Pages, BOTTOM, INK, MARGIN, MUTED, ROW, TOP};

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the report's font could not be read")]
    Font,
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// The figures of a period as a PDF report, headed with the network's name.
pub fn figures_pdf(
    lang: Lang,
    network: &str,
    figures: &Figures,
    prison_names: &BTreeMap<PrisonId, String>,
) -> Result<Vec<u8>, PdfError> {
    let name_of = |id: &PrisonId| {
        prison_names
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.0.clone())
    };
    let title = t(lang, "figures-report-title");
    let mut doc = Pages::new(lang, network, &title, figures.period)?;

    // Page 1: the whole period.
    doc.start_page();
    let total = &figures.total;
    let lines = [
        ("figures-children", total.children.to_string()),
        (
            "figures-first-time",
            figures.first_time_children.to_string(),
        ),
        ("figures-planned", total.planned.to_string()),
        ("figures-done", total.done.to_string()),
        ("figures-cancelled", total.cancelled.to_string()),
        (
            "figures-cancelled-by-volunteer",
            total.cancelled_by_volunteer.to_string(),
        ),
        (
            "figures-cancelled-by-coordinator",
            total.cancelled_by_coordinator.to_string(),
        ),
        ("figures-kilometres", total.kilometres.to_string()),
        ("figures-hours", hours(total)),
        ("figures-owed", total.owed.to_string()),
        ("figures-caught-up", total.caught_up.to_string()),
    ];
    doc.subtitle(&t(lang, "figures-whole-period"));
    for (key, value) in lines {
        doc.text(MARGIN, doc.y, 11.0, &t(lang, key), INK);
        doc.text_right(MARGIN + 330.0, doc.y, 11.0, &value, INK);
        doc.y += ROW;
    }
    let reasons: Vec<(String, usize)> = CancelReason::ALL
        .iter()
        .map(|r| (t(lang, reason_key(*r)), total.cancelled_for(*r)))
        .filter(|(_, n)| *n > 0)
        .collect();
    if !reasons.is_empty() {
        let (x, mut y) = (MARGIN + 400.0, TOP + 24.0);
        doc.text(x, TOP, 14.0, &t(lang, "figures-why-cancelled"), INK);
        for (label, count) in reasons {
            doc.text(x, y, 11.0, &label, INK);
            doc.text_right(x + 330.0, y, 11.0, &count.to_string(), INK);
            y += ROW;
        }
    }

    // Page 2: the charts.
    doc.start_page();
    let month_bars: Vec<(String, usize)> = figures
        .per_month
        .iter()
        .map(|(m, tally)| {
            let name = t(lang, super::csv::month_key(m.month));
            (name.chars().take(3).collect(), tally.done)
        })
        .collect();
    let prison_bars: Vec<(String, usize)> = figures
        .per_prison
        .iter()
        .map(|(p, tally)| (name_of(p), tally.done))
        .collect();
    let half = (BOTTOM - TOP) / 2.0;
    doc.bar_chart(
        TOP,
        half - 10.0,
        &t(lang, "figures-chart-months"),
        &month_bars,
    );
    doc.bar_chart(
        TOP + half + 10.0,
        half - 10.0,
        &t(lang, "figures-chart-prisons"),
        &prison_bars,
    );

    // Then the tables.
    doc.start_page();
    doc.subtitle(&t(lang, "figures-per-month"));
    let months: Vec<(String, &Tally)> = figures
        .per_month
        .iter()
        .map(|(m, tally)| (month_name(lang, *m), tally))
        .collect();
    doc.slice_table(&t(lang, "figures-col-month"), &months);
    doc.y += ROW;
    if doc.y + 4.0 * ROW > BOTTOM {
        doc.start_page();
    }
    doc.subtitle(&t(lang, "figures-per-prison"));
    if figures.per_prison.is_empty() {
        doc.text(MARGIN, doc.y, 11.0, &t(lang, "figures-report-none"), MUTED);
    } else {
        let prisons: Vec<(String, &Tally)> = figures
            .per_prison
            .iter()
            .map(|(p, tally)| (name_of(p), tally))
            .collect();
        doc.slice_table(&t(lang, "figures-col-prison"), &prisons);
    }
    doc.finish()
}

/// A volunteer's statement as a PDF: trips and kilometres per month, and the
/// total.
pub fn statement_pdf(
    lang: Lang,
    network: &str,
    volunteer_name: &str,
    period: Period,
    lines: &[StatementLine],
) -> Result<Vec<u8>, PdfError> {
    let title = t(lang, "figures-statement-title");
    let mut doc = Pages::new(lang, network, &title, period)?;
    doc.start_page();
    doc.subtitle(&tr(
        lang,
        "figures-statement-volunteer",
        &[("name", volunteer_name.into())],
    ));
    let columns = [MARGIN, MARGIN + 260.0, MARGIN + 380.0];
    let head = [
        t(lang, "figures-col-month"),
        t(lang, "figures-trips"),
        t(lang, "figures-kilometres"),
    ];
    doc.text(columns[0], doc.y, 10.0, &head[0], MUTED);
    doc.text_right(columns[1], doc.y, 10.0, &head[1], MUTED);
    doc.text_right(columns[2], doc.y, 10.0, &head[2], MUTED);
    doc.y += 6.0;
    doc.rule(MARGIN, columns[2], doc.y);
    doc.y += ROW;
    for line in lines {
        if doc.y > BOTTOM - ROW {
            doc.start_page();
        }
        doc.text(columns[0], doc.y, 11.0, &month_name(lang, line.month), INK);
        doc.text_right(columns[1], doc.y, 11.0, &line.trips.to_string(), INK);
        doc.text_right(columns[2], doc.y, 11.0, &line.kilometres.to_string(), INK);
        doc.y += ROW;
    }
    doc.y -= 10.0;
    doc.rule(MARGIN, columns[2], doc.y);
    doc.y += ROW;
    let trips: usize = lines.iter().map(|l| l.trips).sum();
    let km: u64 = lines.iter().map(|l| l.kilometres).sum();
    doc.text(columns[0], doc.y, 11.0, &t(lang, "figures-total"), INK);
    doc.text_right(columns[1], doc.y, 11.0, &trips.to_string(), INK);
    doc.text_right(columns[2], doc.y, 11.0, &km.to_string(), INK);
    doc.finish()
}
