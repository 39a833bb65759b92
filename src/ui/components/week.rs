//! A weekly pattern in a form: for each day of the week, open or not, and
//! from when until when (a volunteer's usual free time, a prison's visiting
//! hours).

use super::{parse_time, FieldErrors};
use crate::domain::WeeklySlot;
use crate::i18n::{t, Lang};
use crate::ui::text_keys;
use chrono::Weekday;
use dioxus::prelude::*;

/// The days of the week, Monday first.
pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// One row per day of [`WEEK`]: open that day, from, until (as time fields
/// hold them).
pub type WeekRows = [(bool, String, String); 7];

/// The rows a form starts with: the days of `slots` open with their hours,
/// the other days closed, ready with `default` hours when they are ticked.
pub fn week_rows(slots: &[WeeklySlot], default: (&str, &str)) -> WeekRows {
    WEEK.map(|day| {
        let slot = slots.iter().find(|s| s.weekday == day);
        (
            slot.is_some(),
            slot.map_or(default.0.to_owned(), |s| s.from.format("%H:%M").to_string()),
            slot.map_or(default.1.to_owned(), |s| {
                s.until.format("%H:%M").to_string()
            }),
        )
    })
}

/// The slots of the open days, or `None` when an open day lacks a start or an
/// end, or ends before it starts.
pub fn read_week(rows: &WeekRows) -> Option<Vec<WeeklySlot>> {
    WEEK.into_iter()
        .zip(rows.iter())
        .filter(|(_, (open, _, _))| *open)
        .map(
            |(weekday, (_, from, until))| match (parse_time(from), parse_time(until)) {
                (Some(from), Some(until)) if until > from => Some(WeeklySlot {
                    weekday,
                    from,
                    until,
                }),
                _ => None,
            },
        )
        .collect()
}

/// The seven days, each with its box to tick and its two times. `id` names
/// the fields (`{id}-{day}-from`) and the problem in `errors`.
#[component]
pub fn WeekSlots(
    id: &'static str,
    lang: Lang,
    legend: String,
    rows: Signal<WeekRows>,
    errors: Signal<FieldErrors>,
) -> Element {
    let error = errors.read().get(id).cloned();
    let described = if error.is_some() {
        format!("{id}-error")
    } else {
        String::new()
    };
    let mut rows = rows;
    rsx! {
        fieldset { "aria-describedby": described,
            legend { "{legend}" }
            for (i, day) in WEEK.into_iter().enumerate() {
                div { class: "week-row", key: "{i}",
                    label { class: "choice",
                        input {
                            r#type: "checkbox",
                            checked: rows()[i].0,
                            onchange: move |e| {
                                if let Some(row) = rows.write().get_mut(i) {
                                    row.0 = e.checked();
                                }
                            },
                        }
                        {t(lang, &text_keys::weekday(day))}
                    }
                    if rows()[i].0 {
                        label { class: "sr-only", r#for: "{id}-{i}-from", {t(lang, "volunteer-from")} }
                        input {
                            id: "{id}-{i}-from",
                            r#type: "time",
                            value: "{rows()[i].1}",
                            oninput: move |e| {
                                if let Some(row) = rows.write().get_mut(i) {
                                    row.1 = e.value();
                                }
                            },
                        }
                        label { class: "sr-only", r#for: "{id}-{i}-until", {t(lang, "volunteer-until")} }
                        input {
                            id: "{id}-{i}-until",
                            r#type: "time",
                            value: "{rows()[i].2}",
                            oninput: move |e| {
                                if let Some(row) = rows.write().get_mut(i) {
                                    row.2 = e.value();
                                }
                            },
                        }
                    }
                }
            }
            if let Some(message) = error {
                p { id: "{id}-error", class: "error", role: "alert", "{message}" }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn at(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
    }

    #[test]
    fn rows_read_back_as_the_slots_they_came_from() {
        let slots = vec![
            WeeklySlot {
                weekday: Weekday::Wed,
                from: at(13, 30),
                until: at(16, 0),
            },
            WeeklySlot {
                weekday: Weekday::Sat,
                from: at(9, 0),
                until: at(11, 45),
            },
        ];
        let rows = week_rows(&slots, ("09:00", "17:00"));
        assert!(!rows[0].0);
        assert_eq!(rows[0].1, "09:00");
        assert_eq!(rows[2], (true, "13:30".to_owned(), "16:00".to_owned()));
        assert_eq!(read_week(&rows), Some(slots));
    }

    #[test]
    fn an_open_day_without_a_valid_period_is_refused() {
        let mut rows = week_rows(&[], ("09:00", "17:00"));
        assert_eq!(read_week(&rows), Some(Vec::new()));
        rows[1] = (true, "16:00".to_owned(), "14:00".to_owned());
        assert_eq!(read_week(&rows), None);
        rows[1] = (true, "14:00".to_owned(), String::new());
        assert_eq!(read_week(&rows), None);
        // A closed day's hours do not matter.
        rows[1] = (false, "14:00".to_owned(), String::new());
        assert_eq!(read_week(&rows), Some(Vec::new()));
    }
}
