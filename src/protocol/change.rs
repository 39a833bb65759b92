//! Operations: every change a device makes to shared state travels as one.
//!
//! Do not change: this is serialized.

use super::Hlc;
use crate::domain::{
    OpId, Record, RecordKey, RecordKind, TripEvent, TripId, TripReport, VolunteerId,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What an operation changes.
// A `Put` carries a whole record and is much larger than the other variants;
// operations are few and short-lived, so boxing it would only burden callers.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "op")]
pub enum Change {
    /// Creates or replaces a whole record (coordinators). Last writer wins, by
    /// hybrid logical clock.
    Put { record: Record },
    /// Removes a record (coordinators).
    Delete { key: RecordKey },
    /// Appends a step to a trip's log. Append-only: never conflicts.
    LogEvent { event: TripEvent },
    /// Writes (or rewrites) the report of a trip.
    SubmitReport { report: TripReport },
    /// Gives a trip to a volunteer, or takes it back (coordinators only: a
    /// coordinator's assignment always wins over a volunteer's device).
    Assign {
        trip_id: TripId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        volunteer_id: Option<VolunteerId>,
    },
}

impl Change {
    /// The one record this change touches.
    pub fn key(&self) -> RecordKey {
        match self {
            Change::Put { record } => record.key(),
            Change::Delete { key } => key.clone(),
            Change::LogEvent { event } => RecordKey::new(RecordKind::Event, event.id.as_str()),
            Change::SubmitReport { report } => {
                RecordKey::new(RecordKind::Report, report.trip_id.as_str())
            }
            Change::Assign { trip_id, .. } => RecordKey::new(RecordKind::Trip, trip_id.as_str()),
        }
    }

    /// What the touched record becomes once this change is applied to
    /// `current`. The same function runs on devices (optimistically) and on the
    /// server (authoritatively), so both agree.
    pub fn apply_to(&self, current: Option<Record>) -> Option<Record> {
        match self {
            Change::Put { record } => Some(record.clone()),
            Change::Delete { .. } => None,
            // An event that exists already is never rewritten.
            Change::LogEvent { event } => current.or_else(|| Some(Record::Event(event.clone()))),
            Change::SubmitReport { report } => Some(Record::Report(report.clone())),
            Change::Assign { volunteer_id, .. } => match current {
                Some(Record::Trip(mut trip)) => {
                    trip.volunteer_id = volunteer_id.clone();
                    Some(Record::Trip(trip))
                }
                other => other,
            },
        }
    }
}

/// One change recorded by one device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Operation {
    pub op_id: OpId,
    /// Per-device sequence number, from 1, without gaps: the server applies
    /// each (device, seq) exactly once.
    pub seq: u64,
    pub hlc: Hlc,
    /// The device's wall-clock time when the change was made.
    pub at: DateTime<Utc>,
    #[serde(flatten)]
    pub change: Change,
}
