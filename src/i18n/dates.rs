//! Dates and times as people read them: Brussels wall-clock time, 24-hour
//! clock, day and month names from the translation files.

use super::{t, Lang};
use crate::domain::Language;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::{Europe::Brussels, Tz};

/// An instant on the Brussels wall clock (what `plan::local_time` is too;
/// the translations do not depend on the planning rules).
fn local_time(at: DateTime<Utc>) -> DateTime<Tz> {
    at.with_timezone(&Brussels)
}

/// The Brussels calendar day of an instant (a trip at 00:30 local belongs to
/// that day, whatever UTC says).
pub fn local_date(at: DateTime<Utc>) -> NaiveDate {
    local_time(at).date_naive()
}

/// `14:00`: Brussels time, 24-hour clock, in every language.
pub fn format_time(at: DateTime<Utc>) -> String {
    local_time(at).format("%H:%M").to_string()
}

/// `mardi 24 novembre` / `dinsdag 24 november` / `Tuesday 24 November`.
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    let weekday = t(
        lang,
        &format!("weekday-{}", date.weekday().number_from_monday()),
    );
    let month = t(lang, &format!("month-{}", date.month()));
    let day = match (lang, date.day()) {
        // French writes the first of the month as an ordinal.
        (Language::Fr, 1) => "1er".to_owned(),
        (_, d) => d.to_string(),
    };
    format!("{weekday} {day} {month}")
}

/// `mardi 24 novembre, 14:00`, in Brussels time.
pub fn format_day_time(lang: Lang, at: DateTime<Utc>) -> String {
    format!("{}, {}", format_date(lang, local_date(at)), format_time(at))
}
