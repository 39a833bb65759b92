//! The figures and a volunteer's statement as CSV files (RFC 4180: fields
//! separated by commas, lines ended by CRLF, a field quoted when it holds a
//! comma, a semicolon, a quote or a line break, quotes doubled). UTF-8 with a
//! byte-order mark, so that a spreadsheet opened by double-click keeps the
//! accents. Column titles in the reader's language.

use super::{Figures, Month, StatementLine, Tally};
use crate::domain::{CancelReason, PrisonId};
use crate::i18n::{t, Lang};

/// The byte-order mark that starts every file.
pub const BOM: char = '\u{feff}';

/// The translation key of a cancellation reason (the same words as on the
/// cancel screen).
pub fn reason_key(reason: CancelReason) -> &'static str {
    match reason {
        CancelReason::Strike => "cancel-strike",
        CancelReason::Lockdown => "cancel-lockdown",
        CancelReason::RefusedAtDoor => "cancel-refused_at_door",
        CancelReason::ParentTransferred => "cancel-parent_transferred",
        CancelReason::ParentReleased => "cancel-parent_released",
        CancelReason::ChildIll => "cancel-child_ill",
        CancelReason::GuardianWithdrew => "cancel-guardian_withdrew",
        CancelReason::Other => "cancel-other",
    }
}

/// The translation key of a month's name.
pub fn month_key(month: u32) -> &'static str {
    const KEYS: [&str; 12] = [
        "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
        "month-9", "month-10", "month-11", "month-12",
    ];
    KEYS.get(month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("month-1")
}

/// `mars 2026` / `maart 2026` / `March 2026`.
pub fn month_name(lang: Lang, month: Month) -> String {
    format!("{} {}", t(lang, month_key(month.month)), month.year)
}

/// One field, quoted when needed.
pub fn field(value: &str) -> String {
    if value.contains([',', ';', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

fn line(out: &mut String, fields: &[String]) {
    let joined: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&joined.join(","));
    out.push_str("\r\n");
}

/// Hours with one decimal, a point as separator (the CSV's own separator is
/// the comma).
pub fn hours(tally: &Tally) -> String {
    format!("{:.1}", tally.volunteer_hours())
}

/// The figures as one table: the whole period, then each month, then each
/// prison (named by `prison_name`).
pub fn figures_csv(
    lang: Lang,
    figures: &Figures,
    prison_name: impl Fn(&PrisonId) -> String,
) -> String {
    let mut out = String::new();
    out.push(BOM);
    let mut header = vec![
        t(lang, "figures-col-slice"),
        t(lang, "figures-col-name"),
        t(lang, "figures-planned"),
        t(lang, "figures-done"),
        t(lang, "figures-cancelled"),
        t(lang, "figures-cancelled-by-volunteer"),
        t(lang, "figures-cancelled-by-coordinator"),
    ];
    header.extend(CancelReason::ALL.iter().map(|r| t(lang, reason_key(*r))));
    header.extend([
        t(lang, "figures-children"),
        t(lang, "figures-first-time"),
        t(lang, "figures-kilometres"),
        t(lang, "figures-hours"),
        t(lang, "figures-owed"),
        t(lang, "figures-caught-up"),
    ]);
    line(&mut out, &header);
    let row = |slice: String, name: String, tally: &Tally, first: Option<usize>| {
        let mut fields = vec![
            slice,
            name,
            tally.planned.to_string(),
            tally.done.to_string(),
            tally.cancelled.to_string(),
            tally.cancelled_by_volunteer.to_string(),
            tally.cancelled_by_coordinator.to_string(),
        ];
        fields.extend(
            CancelReason::ALL
                .iter()
                .map(|r| tally.cancelled_for(*r).to_string()),
        );
        fields.extend([
            tally.children.to_string(),
            first.map(|n| n.to_string()).unwrap_or_default(),
            tally.kilometres.to_string(),
            hours(tally),
            tally.owed.to_string(),
            tally.caught_up.to_string(),
        ]);
        fields
    };
    let period = format!(
        "{} – {}",
        figures.period.from.format("%Y-%m-%d"),
        figures.period.until.format("%Y-%m-%d")
    );
    line(
        &mut out,
        &row(
            t(lang, "figures-whole-period"),
            period,
            &figures.total,
            Some(figures.first_time_children),
        ),
    );
    for (month, tally) in &figures.per_month {
        line(
            &mut out,
            &row(
                t(lang, "figures-col-month"),
                month_name(lang, *month),
                tally,
                None,
            ),
        );
    }
    for (prison, tally) in &figures.per_prison {
        line(
            &mut out,
            &row(
                t(lang, "figures-col-prison"),
                prison_name(prison),
                tally,
                None,
            ),
        );
    }
    out
}

/// A volunteer's statement: one line per month, then the total.
pub fn statement_csv(lang: Lang, volunteer_name: &str, lines: &[StatementLine]) -> String {
    let mut out = String::new();
    out.push(BOM);
    line(
        &mut out,
        &[
            t(lang, "figures-col-volunteer"),
            t(lang, "figures-col-month"),
            t(lang, "figures-trips"),
            t(lang, "figures-kilometres"),
        ],
    );
    for l in lines {
        line(
            &mut out,
            &[
                volunteer_name.to_owned(),
                month_name(lang, l.month),
                l.trips.to_string(),
                l.kilometres.to_string(),
            ],
        );
    }
    line(
        &mut out,
        &[
            volunteer_name.to_owned(),
            t(lang, "figures-total"),
            lines.iter().map(|l| l.trips).sum::<usize>().to_string(),
            lines.iter().map(|l| l.kilometres).sum::<u64>().to_string(),
        ],
    );
    out
}
