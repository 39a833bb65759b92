//! Records from a spreadsheet: rows pasted from a sheet (tab-separated) or a
//! CSV file (comma or semicolon), read into records with each row's problems,
//! before anything is saved. Plain data, tested without Dioxus.
//!
//! - [`read_volunteers`]: volunteers, one per row;
//! - [`read_families`]: families, one child per row, with the family that
//!   looks after the child and the parent the child visits.

mod families;
mod volunteers;

pub use families::{read_families, FamilyImport, FamilyRow, FAMILY_COLUMNS};
pub use volunteers::{read_volunteers, ImportRow, COLUMNS};

use crate::domain::Language;
pub(crate) use crate::ui::components::parse_coordinate as coordinate;

/// A problem of one cell, named by a text key (the screen translates it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellProblem {
    /// The column's text key (`import-col-name`...).
    pub column: &'static str,
    /// What is wrong (`import-missing`, `import-not-a-number`...).
    pub problem: &'static str,
}

pub(crate) fn separator(line: &str) -> char {
    [
        ('\t', line.matches('\t').count()),
        (';', line.matches(';').count()),
    ]
    .into_iter()
    .find(|(_, n)| *n > 0)
    .map_or(',', |(c, _)| c)
}

/// Splits one line, with double quotes around cells that hold the separator
/// (RFC 4180: a doubled quote inside is one quote).
pub(crate) fn cells(line: &str, sep: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => out.push(std::mem::take(&mut cell).trim().to_owned()),
            c => cell.push(c),
        }
    }
    out.push(cell.trim().to_owned());
    out
}

pub(crate) fn yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "oui" | "o" | "ja" | "j" | "1" | "true" | "x" => Some(true),
        "no" | "n" | "non" | "nee" | "0" | "false" | "" => Some(false),
        _ => None,
    }
}

pub(crate) fn languages(text: &str) -> Option<Vec<Language>> {
    let mut out = Vec::new();
    for word in text
        .split(|c: char| c == ',' || c == '|' || c == '/' || c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        let language = match word.to_lowercase().as_str() {
            "fr" | "français" | "francais" | "frans" | "french" => Language::Fr,
            "nl" | "nederlands" | "néerlandais" | "neerlandais" | "dutch" => Language::Nl,
            "en" | "english" | "anglais" | "engels" => Language::En,
            "de" | "deutsch" | "allemand" | "duits" | "german" => Language::De,
            _ => return None,
        };
        if !out.contains(&language) {
            out.push(language);
        }
    }
    Some(out)
}
