//! Trips, the append-only log of their steps, and the report written after.

use super::{
    limit_text, plausible_time, require_text, validate_id, ChildId, EventId, GeoPoint, GuardianId,
    ParentId, PrisonId, RoomId, SeriesId, TripId, ValidationError, VolunteerId,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How the volunteer travels with the child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TravelMode {
    Car,
    PublicTransport,
}

/// Where the child is handed over to the volunteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pickup {
    pub guardian_id: GuardianId,
    pub address: String,
    pub location: GeoPoint,
}

/// Where the trip stands in planning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TripStatus {
    /// Planned, waiting for confirmation by the prison or the family.
    Proposed,
    /// Confirmed: it takes place unless an event cancels it.
    Confirmed,
}

/// A planned trip: one or more children (siblings may share), one parent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trip {
    pub id: TripId,
    pub children: Vec<ChildId>,
    pub parent_id: ParentId,
    pub prison_id: PrisonId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_id: Option<RoomId>,
    pub visit_start: DateTime<Utc>,
    pub visit_end: DateTime<Utc>,
    pub pickup: Pickup,
    /// The meeting time agreed with the guardian, when set by hand; otherwise
    /// the plan computes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pickup_time: Option<DateTime<Utc>>,
    pub travel_mode: TravelMode,
    /// A travel time known from experience, in minutes, used instead of the estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub travel_minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volunteer_id: Option<VolunteerId>,
    pub status: TripStatus,
    /// The series the trip belongs to, when it was planned from a rhythm: a
    /// change can then be made for this date or for all later ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<SeriesId>,
}

impl Trip {
    /// The day of the visit in Belgium: visit rights, transfers and absences
    /// are decided by day.
    pub fn visit_day(&self) -> chrono::NaiveDate {
        self.visit_start
            .with_timezone(&chrono_tz::Europe::Brussels)
            .date_naive()
    }

    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_id("trip.id", self.id.as_str())?;
        if self.children.is_empty() {
            return Err(ValidationError::new(
                "trip.children",
                "a trip needs at least one child",
            ));
        }
        if self.children.len() > 8 {
            return Err(ValidationError::new(
                "trip.children",
                "a volunteer accompanies at most 8 children",
            ));
        }
        for child in &self.children {
            validate_id("trip.children", child.as_str())?;
        }
        validate_id("trip.parent_id", self.parent_id.as_str())?;
        validate_id("trip.prison_id", self.prison_id.as_str())?;
        if let Some(series) = &self.series {
            validate_id("trip.series", series.as_str())?;
        }
        plausible_time("trip.visit_start", &self.visit_start)?;
        if self.visit_end <= self.visit_start {
            return Err(ValidationError::new(
                "trip.visit_end",
                "the visit must end after it starts",
            ));
        }
        if self.visit_end - self.visit_start > chrono::Duration::hours(48) {
            return Err(ValidationError::new(
                "trip.visit_end",
                "a visit lasts at most 48 hours; check the dates",
            ));
        }
        if let Some(pickup) = self.pickup_time {
            if pickup >= self.visit_start {
                return Err(ValidationError::new(
                    "trip.pickup_time",
                    "the child must be picked up before the visit starts",
                ));
            }
        }
        require_text("trip.pickup.address", &self.pickup.address)?;
        limit_text("trip.pickup.address", &self.pickup.address, 300)?;
        self.pickup.location.validate("trip.pickup.location")?;
        if self.travel_minutes.is_some_and(|m| m == 0 || m > 12 * 60) {
            return Err(ValidationError::new(
                "trip.travel_minutes",
                "enter a travel time between 1 minute and 12 hours",
            ));
        }
        Ok(())
    }
}

/// Why a trip was cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CancelReason {
    Strike,
    Lockdown,
    RefusedAtDoor,
    ParentTransferred,
    ParentReleased,
    ChildIll,
    GuardianWithdrew,
    Other,
}

impl CancelReason {
    /// Every value, in order (screens list them; tests walk their texts).
    pub const ALL: [CancelReason; 8] = [
        CancelReason::Strike,
        CancelReason::Lockdown,
        CancelReason::RefusedAtDoor,
        CancelReason::ParentTransferred,
        CancelReason::ParentReleased,
        CancelReason::ChildIll,
        CancelReason::GuardianWithdrew,
        CancelReason::Other,
    ];
}

/// A step of a trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "step")]
pub enum EventKind {
    PickedUp,
    Arrived,
    Entered,
    VisitStarted,
    VisitEnded,
    Returned,
    Cancelled { reason: CancelReason },
}

impl EventKind {
    /// The steps of a trip that goes as planned, in order.
    pub const STEPS: [EventKind; 6] = [
        EventKind::PickedUp,
        EventKind::Arrived,
        EventKind::Entered,
        EventKind::VisitStarted,
        EventKind::VisitEnded,
        EventKind::Returned,
    ];

    /// Position in the normal sequence; `None` for a cancellation.
    pub fn step_index(self) -> Option<usize> {
        Self::STEPS.iter().position(|s| *s == self)
    }
}

/// Who wrote an event or a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "role", content = "id")]
pub enum Author {
    Volunteer(VolunteerId),
    Coordinator(String),
}

/// The longest name a coordinator signs with.
pub const MAX_AUTHOR_NAME: usize = 120;

impl Author {
    pub fn validate(&self, field: &'static str) -> Result<(), ValidationError> {
        match self {
            Author::Volunteer(id) => validate_id(field, id.as_str()),
            Author::Coordinator(name) => {
                require_text(field, name)?;
                limit_text(field, name, MAX_AUTHOR_NAME)
            }
        }
    }
}

/// One step logged on a trip. Append-only: never edited, never conflicts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TripEvent {
    pub id: EventId,
    pub trip_id: TripId,
    #[serde(flatten)]
    pub kind: EventKind,
    pub at: DateTime<Utc>,
    pub author: Author,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl TripEvent {
    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_id("event.id", self.id.as_str())?;
        validate_id("event.trip_id", self.trip_id.as_str())?;
        plausible_time("event.at", &self.at)?;
        self.author.validate("event.author")?;
        limit_text("event.note", &self.note, 1000)?;
        if matches!(
            self.kind,
            EventKind::Cancelled {
                reason: CancelReason::Other
            }
        ) && self.note.trim().is_empty()
        {
            return Err(ValidationError::new(
                "event.note",
                "say in a few words why the trip is cancelled",
            ));
        }
        Ok(())
    }
}

/// Where a trip stands, read from its events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    NotStarted,
    /// The last normal step done.
    Done(EventKind),
    Cancelled(CancelReason),
}

impl Progress {
    /// Reads the events of one trip (in any order) into its progress.
    pub fn of<'a>(events: impl IntoIterator<Item = &'a TripEvent>) -> Progress {
        let mut events: Vec<&TripEvent> = events.into_iter().collect();
        events.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
        let mut progress = Progress::NotStarted;
        for event in events {
            progress = match (progress, event.kind) {
                (Progress::Cancelled(r), _) => Progress::Cancelled(r),
                (_, EventKind::Cancelled { reason }) => Progress::Cancelled(reason),
                (Progress::Done(prev), kind) if prev.step_index() >= kind.step_index() => {
                    Progress::Done(prev)
                }
                (_, kind) => Progress::Done(kind),
            };
        }
        progress
    }

    /// The next step to log, if the trip is neither cancelled nor finished.
    pub fn next_step(self) -> Option<EventKind> {
        match self {
            Progress::NotStarted => Some(EventKind::PickedUp),
            Progress::Done(kind) => kind
                .step_index()
                .and_then(|i| EventKind::STEPS.get(i + 1).copied()),
            Progress::Cancelled(_) => None,
        }
    }
}

/// How a child seemed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mood {
    Calm,
    Happy,
    Worried,
    Sad,
    Upset,
}

impl Mood {
    /// Every value, in order (screens list them; tests walk their texts).
    pub const ALL: [Mood; 5] = [
        Mood::Calm,
        Mood::Happy,
        Mood::Worried,
        Mood::Sad,
        Mood::Upset,
    ];
}

/// How parent and child were together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Contact {
    Warm,
    Neutral,
    Distant,
    Difficult,
}

impl Contact {
    /// Every value, in order (screens list them; tests walk their texts).
    pub const ALL: [Contact; 4] = [
        Contact::Warm,
        Contact::Neutral,
        Contact::Distant,
        Contact::Difficult,
    ];
}

/// The short report written after a trip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TripReport {
    pub trip_id: TripId,
    pub author: Author,
    pub mood_before: Mood,
    pub mood_after: Mood,
    pub contact: Contact,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub incidents: String,
    pub kilometres: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    pub written_at: DateTime<Utc>,
}

impl TripReport {
    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_id("report.trip_id", self.trip_id.as_str())?;
        plausible_time("report.written_at", &self.written_at)?;
        self.author.validate("report.author")?;
        if self.kilometres > 3000 {
            return Err(ValidationError::new(
                "report.kilometres",
                format!(
                    "{} km is more than a return trip across Belgium; enter the kilometres driven for this trip",
                    self.kilometres
                ),
            ));
        }
        limit_text("report.incidents", &self.incidents, 4000)?;
        limit_text("report.text", &self.text, 8000)?;
        Ok(())
    }
}
