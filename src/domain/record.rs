//! One enum over every record that sync carries, and the key that names it.
//!
//! Do not change the serialized form: records travel on the wire and sit in
//! local stores.

use super::*;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The kinds of record that sync carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Prison,
    Room,
    Child,
    Guardian,
    Parent,
    VisitRight,
    Volunteer,
    Trip,
    Event,
    Report,
}

impl RecordKind {
    pub const ALL: [RecordKind; 10] = [
        RecordKind::Prison,
        RecordKind::Room,
        RecordKind::Child,
        RecordKind::Guardian,
        RecordKind::Parent,
        RecordKind::VisitRight,
        RecordKind::Volunteer,
        RecordKind::Trip,
        RecordKind::Event,
        RecordKind::Report,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Prison => "prison",
            RecordKind::Room => "room",
            RecordKind::Child => "child",
            RecordKind::Guardian => "guardian",
            RecordKind::Parent => "parent",
            RecordKind::VisitRight => "visit_right",
            RecordKind::Volunteer => "volunteer",
            RecordKind::Trip => "trip",
            RecordKind::Event => "event",
            RecordKind::Report => "report",
        }
    }

    pub fn parse(s: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether records of this kind hold personal data about a child or a family
    /// (their reads are written to the audit log): trips hold the pickup
    /// address, steps free-text notes.
    pub fn is_personal(self) -> bool {
        matches!(
            self,
            RecordKind::Child
                | RecordKind::Guardian
                | RecordKind::Parent
                | RecordKind::VisitRight
                | RecordKind::Trip
                | RecordKind::Event
                | RecordKind::Report
        )
    }
}

/// Names one record: its kind and id. A report is named by its trip's id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RecordKey {
    pub kind: RecordKind,
    pub id: String,
}

impl RecordKey {
    pub fn new(kind: RecordKind, id: impl Into<String>) -> Self {
        Self {
            kind,
            id: id.into(),
        }
    }

    /// The key as one string, `kind/id`, usable as a storage key.
    pub fn encode(&self) -> String {
        format!("{}/{}", self.kind.as_str(), self.id)
    }

    pub fn decode(s: &str) -> Option<RecordKey> {
        let (kind, id) = s.split_once('/')?;
        Some(RecordKey::new(RecordKind::parse(kind)?, id))
    }
}

impl fmt::Display for RecordKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind.as_str(), self.id)
    }
}

/// Any record that sync carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "data")]
pub enum Record {
    Prison(Prison),
    Room(VisitRoom),
    Child(Child),
    Guardian(Guardian),
    Parent(DetainedParent),
    VisitRight(VisitRight),
    Volunteer(Volunteer),
    Trip(Trip),
    Event(TripEvent),
    Report(TripReport),
}

impl Record {
    pub fn kind(&self) -> RecordKind {
        match self {
            Record::Prison(_) => RecordKind::Prison,
            Record::Room(_) => RecordKind::Room,
            Record::Child(_) => RecordKind::Child,
            Record::Guardian(_) => RecordKind::Guardian,
            Record::Parent(_) => RecordKind::Parent,
            Record::VisitRight(_) => RecordKind::VisitRight,
            Record::Volunteer(_) => RecordKind::Volunteer,
            Record::Trip(_) => RecordKind::Trip,
            Record::Event(_) => RecordKind::Event,
            Record::Report(_) => RecordKind::Report,
        }
    }

    pub fn id(&self) -> &str {
        match self {
            Record::Prison(r) => r.id.as_str(),
            Record::Room(r) => r.id.as_str(),
            Record::Child(r) => r.id.as_str(),
            Record::Guardian(r) => r.id.as_str(),
            Record::Parent(r) => r.id.as_str(),
            Record::VisitRight(r) => r.id.as_str(),
            Record::Volunteer(r) => r.id.as_str(),
            Record::Trip(r) => r.id.as_str(),
            Record::Event(r) => r.id.as_str(),
            Record::Report(r) => r.trip_id.as_str(),
        }
    }

    pub fn key(&self) -> RecordKey {
        RecordKey::new(self.kind(), self.id())
    }

    pub fn validate(&self) -> Result<(), ValidationError> {
        match self {
            Record::Prison(r) => r.validate(),
            Record::Room(r) => r.validate(),
            Record::Child(r) => r.validate(),
            Record::Guardian(r) => r.validate(),
            Record::Parent(r) => r.validate(),
            Record::VisitRight(r) => r.validate(),
            Record::Volunteer(r) => r.validate(),
            Record::Trip(r) => r.validate(),
            Record::Event(r) => r.validate(),
            Record::Report(r) => r.validate(),
        }
    }

    /// The records this one points to (a trip to its children, parent, prison,
    /// room and pickup guardian; an event or report to its trip...).
    pub fn references(&self) -> Vec<RecordKey> {
        let key = |kind, id: &str| RecordKey::new(kind, id);
        match self {
            Record::Prison(_) | Record::Volunteer(_) => Vec::new(),
            Record::Room(r) => vec![key(RecordKind::Prison, r.prison_id.as_str())],
            Record::Child(r) => vec![key(RecordKind::Guardian, r.guardian_id.as_str())],
            Record::Guardian(_) => Vec::new(),
            Record::Parent(r) => vec![key(RecordKind::Prison, r.prison_id.as_str())],
            Record::VisitRight(r) => vec![
                key(RecordKind::Child, r.child_id.as_str()),
                key(RecordKind::Parent, r.parent_id.as_str()),
            ],
            Record::Trip(t) => {
                let mut refs: Vec<RecordKey> = t
                    .children
                    .iter()
                    .map(|c| key(RecordKind::Child, c.as_str()))
                    .collect();
                refs.push(key(RecordKind::Parent, t.parent_id.as_str()));
                refs.push(key(RecordKind::Prison, t.prison_id.as_str()));
                if let Some(room) = &t.room_id {
                    refs.push(key(RecordKind::Room, room.as_str()));
                }
                refs.push(key(RecordKind::Guardian, t.pickup.guardian_id.as_str()));
                if let Some(v) = &t.volunteer_id {
                    refs.push(key(RecordKind::Volunteer, v.as_str()));
                }
                refs
            }
            Record::Event(e) => vec![key(RecordKind::Trip, e.trip_id.as_str())],
            Record::Report(r) => vec![key(RecordKind::Trip, r.trip_id.as_str())],
        }
    }
}
