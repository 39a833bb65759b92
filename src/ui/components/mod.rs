//! Reusable pieces of the screens.

mod checklist;
mod download;
mod form;
mod leave;
mod shell;
mod status_banner;
mod step_button;
mod sync_bar;
mod week;

pub use checklist::Checklist;
pub use download::{data_url_base64, CsvDownload, PdfDownload};
pub use form::{
    parse_coordinate, parse_date, parse_time, save_record, CheckField, FieldErrors, SelectField,
    TextField,
};
pub use leave::{GuardedLink, LeaveQuestion, LeaveRequest};
pub use shell::Shell;
pub use status_banner::{ExampleNotice, StatusBanner};
pub use step_button::BigStepButton;
pub use sync_bar::SyncBar;
pub use week::{read_week, week_rows, WeekRows, WeekSlots, WEEK};

use crate::domain::EventKind;

/// The name of a step in translation keys (`picked_up`, `cancelled`...).
pub fn step_key(step: EventKind) -> &'static str {
    match step {
        EventKind::PickedUp => "picked_up",
        EventKind::Arrived => "arrived",
        EventKind::Entered => "entered",
        EventKind::VisitStarted => "visit_started",
        EventKind::VisitEnded => "visit_ended",
        EventKind::Returned => "returned",
        EventKind::Cancelled { .. } => "cancelled",
    }
}

/// The wire name of a plain enum value (`child_ill`, `changing_mat`...), used
/// to build translation keys so that they never drift from the data.
pub fn snake<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}
