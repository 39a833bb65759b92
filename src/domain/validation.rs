//! Readable validation errors shared by every domain type.

use std::fmt;

/// What is wrong with a value, said so that a person can fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ValidationError {
    /// The field that is wrong, e.g. `visit_end`.
    pub field: &'static str,
    /// What is wrong and how to fix it, in plain words.
    pub message: String,
}

impl ValidationError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Rejects an empty (or blank) text, or one with hidden control characters.
pub fn require_text(field: &'static str, value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        return Err(ValidationError::new(field, "must not be empty"));
    }
    reject_hidden_characters(field, value)
}

/// Rejects a text longer than `max` characters, or one with hidden control
/// characters.
pub fn limit_text(field: &'static str, value: &str, max: usize) -> Result<(), ValidationError> {
    let len = value.chars().count();
    if len > max {
        return Err(ValidationError::new(
            field,
            format!("is {len} characters long; shorten it to at most {max}"),
        ));
    }
    reject_hidden_characters(field, value)
}

/// Whether `c` is invisible and changes how a text reads or displays: control
/// characters other than line breaks and tabs, and the bidirectional
/// overrides, embeddings and isolates that can make a note say on screen
/// something else than what it holds.
pub fn is_hidden_character(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn reject_hidden_characters(field: &'static str, value: &str) -> Result<(), ValidationError> {
    match value.chars().find(|c| is_hidden_character(*c)) {
        Some(c) => Err(ValidationError::new(
            field,
            format!(
                "contains an invisible control character (U+{:04X}); retype the text without it",
                u32::from(c)
            ),
        )),
        None => Ok(()),
    }
}

/// The first and last years a date in the network's records may fall in: a
/// step dated 1900 or 9999 is a device's wrong clock or a forged value.
pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2100;

/// Rejects a time outside [`FIRST_YEAR`]..=[`LAST_YEAR`].
pub fn plausible_time(
    field: &'static str,
    at: &chrono::DateTime<chrono::Utc>,
) -> Result<(), ValidationError> {
    use chrono::Datelike;
    if (FIRST_YEAR..=LAST_YEAR).contains(&at.year()) {
        return Ok(());
    }
    Err(ValidationError::new(
        field,
        format!(
            "the date {} is not possible; check the device's date and time",
            at.format("%Y-%m-%d")
        ),
    ))
}

/// Rejects a list longer than `max` items or with an item longer than `item_max`.
pub fn limit_list(
    field: &'static str,
    items: &[String],
    max: usize,
    item_max: usize,
) -> Result<(), ValidationError> {
    if items.len() > max {
        return Err(ValidationError::new(
            field,
            format!("has {} items; keep at most {max}", items.len()),
        ));
    }
    for item in items {
        limit_text(field, item, item_max)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn hidden_characters_are_refused_and_line_breaks_kept() {
        assert!(limit_text("note", "Il a bien dormi.\nTout va bien.\t", 100).is_ok());
        assert!(limit_text("note", "Zoë en Noé", 100).is_ok());
        for hidden in ['\u{0}', '\u{7}', '\u{1b}', '\u{7f}', '\u{202E}', '\u{2066}'] {
            let text = format!("calme{hidden}triste");
            let err = limit_text("note", &text, 100).unwrap_err();
            assert!(err.message.contains("invisible"), "{hidden:?}: {err}");
            assert!(require_text("note", &text).is_err());
        }
    }

    #[test]
    fn impossible_dates_are_refused() {
        let ok = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        assert!(plausible_time("at", &ok).is_ok());
        for year in [1900, 1999, 2101, 9999] {
            let at = Utc.with_ymd_and_hms(year, 1, 1, 0, 0, 0).unwrap();
            assert!(plausible_time("at", &at).is_err(), "{year}");
        }
    }
}
