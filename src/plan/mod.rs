//! Planning decisions as pure functions: travel estimates, the timeline of a
//! trip (when to meet, leave, be at the door, be back), warnings about a trip
//! (timing, visit rights, volunteer availability, prison disruptions, transfers)
//! volunteer suggestions for a trip, and a month of visits proposed from the
//! visit rights' rhythms, and the series those visits make.
//!
//! Stands on `domain` only. It must not depend on `protocol`, `store`, `sync`,
//! the user interface or the server, and does no I/O: the current time is
//! always passed in, so every decision can be tested with fixed dates.

mod assign;
mod context;
mod month;
mod rhythm;
mod series;
mod suggest;
mod timeline;
mod travel;
mod warnings;

pub use assign::{propose_assignments, Proposal};
pub use context::{PlanContext, PlanData};
pub use month::{
    month_bounds, move_choices, move_visit, plan_month, trip_from_proposal, ProposedVisit,
    CATCH_UP_MONTHS, OWED_REASONS,
};
pub use series::{apply_to_later, family_series, later_in_series, LeftAsItWas, SeriesUpdate};
pub use suggest::{suggest_volunteers, Suggestion, SuggestionReason};
pub use timeline::{local_time, timeline_for, Timeline, EXIT_MINUTES, HANDOVER_MARGIN_MINUTES};
pub use travel::{estimate_travel, TravelEstimate};
pub use warnings::{check_trip, Severity, Warning, LONG_PUBLIC_TRANSPORT_MINUTES};

#[cfg(test)]
mod demo_tests;
#[cfg(test)]
pub(crate) mod fixtures;
