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

/// Rejects an empty (or blank) text.
pub fn require_text(field: &'static str, value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        return Err(ValidationError::new(field, "must not be empty"));
    }
    Ok(())
}

/// Rejects a text longer than `max` characters.
pub fn limit_text(field: &'static str, value: &str, max: usize) -> Result<(), ValidationError> {
    let len = value.chars().count();
    if len > max {
        return Err(ValidationError::new(
            field,
            format!("is {len} characters long; shorten it to at most {max}"),
        ));
    }
    Ok(())
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
