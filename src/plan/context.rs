//! What planning decisions look at: borrowed slices of domain records, and an
//! owned form to build them from a list of records.
//!
//! Depends on `domain` only; where the records come from (a store, a demo, a
//! test) is the caller's business.

use super::timeline::{timeline_for, Timeline};
use crate::domain::{
    Child, DetainedParent, Prison, Progress, Record, Trip, TripEvent, TripId, VisitRight,
    VisitRoom, Volunteer,
};

/// The records a decision may look at. Lookups are linear: a coordinator's
/// network holds a few hundred prisons, people and trips, and these checks run
/// for one trip at a time.
#[derive(Debug, Clone, Copy)]
pub struct PlanContext<'a> {
    pub trips: &'a [Trip],
    pub events: &'a [TripEvent],
    pub prisons: &'a [Prison],
    pub rooms: &'a [VisitRoom],
    pub parents: &'a [DetainedParent],
    pub visit_rights: &'a [VisitRight],
    pub volunteers: &'a [Volunteer],
    pub children: &'a [Child],
}

impl<'a> PlanContext<'a> {
    pub fn prison(&self, id: &crate::domain::PrisonId) -> Option<&'a Prison> {
        self.prisons.iter().find(|p| &p.id == id)
    }

    pub fn volunteer(&self, id: &crate::domain::VolunteerId) -> Option<&'a Volunteer> {
        self.volunteers.iter().find(|v| &v.id == id)
    }

    pub fn parent(&self, id: &crate::domain::ParentId) -> Option<&'a DetainedParent> {
        self.parents.iter().find(|p| &p.id == id)
    }

    pub fn child(&self, id: &crate::domain::ChildId) -> Option<&'a Child> {
        self.children.iter().find(|c| &c.id == id)
    }

    /// Where a trip stands, from its events.
    pub fn progress(&self, trip: &TripId) -> Progress {
        Progress::of(self.events.iter().filter(|e| &e.trip_id == trip))
    }

    pub fn is_cancelled(&self, trip: &TripId) -> bool {
        matches!(self.progress(trip), Progress::Cancelled(_))
    }

    /// The trip's timeline, when its prison is known.
    pub fn timeline(&self, trip: &Trip) -> Option<Timeline> {
        self.prison(&trip.prison_id).map(|p| timeline_for(trip, p))
    }
}

/// Owned records sorted by kind, to lend as a [`PlanContext`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanData {
    pub trips: Vec<Trip>,
    pub events: Vec<TripEvent>,
    pub prisons: Vec<Prison>,
    pub rooms: Vec<VisitRoom>,
    pub parents: Vec<DetainedParent>,
    pub visit_rights: Vec<VisitRight>,
    pub volunteers: Vec<Volunteer>,
    pub children: Vec<Child>,
}

impl PlanData {
    /// Sorts records by kind; guardians and reports are not needed to plan.
    pub fn from_records<'r>(records: impl IntoIterator<Item = &'r Record>) -> Self {
        let mut data = PlanData::default();
        for record in records {
            match record {
                Record::Trip(r) => data.trips.push(r.clone()),
                Record::Event(r) => data.events.push(r.clone()),
                Record::Prison(r) => data.prisons.push(r.clone()),
                Record::Room(r) => data.rooms.push(r.clone()),
                Record::Parent(r) => data.parents.push(r.clone()),
                Record::VisitRight(r) => data.visit_rights.push(r.clone()),
                Record::Volunteer(r) => data.volunteers.push(r.clone()),
                Record::Child(r) => data.children.push(r.clone()),
                Record::Guardian(_) | Record::Report(_) => {}
            }
        }
        data
    }

    pub fn context(&self) -> PlanContext<'_> {
        PlanContext {
            trips: &self.trips,
            events: &self.events,
            prisons: &self.prisons,
            rooms: &self.rooms,
            parents: &self.parents,
            visit_rights: &self.visit_rights,
            volunteers: &self.volunteers,
            children: &self.children,
        }
    }
}
