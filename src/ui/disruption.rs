//! Trips a disruption touches, for the coordinators to review one by one or
//! all at once: the coming trips a prison's strike or lockdown falls on, and
//! the coming trips of a parent who was transferred (still planned at the
//! old prison) or released. Plain data, read from the store, tested without
//! Dioxus.

use crate::domain::{
    CancelReason, DetainedParent, Prison, Progress, Record, RecordKind, Trip, TripEvent,
};
use crate::i18n::local_date;
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};

/// A trip to review, with what a coordinator needs to decide.
#[derive(Debug, Clone, PartialEq)]
pub struct ToReview {
    pub trip: Trip,
    /// The children's first names.
    pub children: Vec<String>,
    pub volunteer: Option<String>,
    /// Why it is on the list: the reason a cancellation would give.
    pub reason: CancelReason,
}

struct Network {
    trips: Vec<Trip>,
    events: Vec<TripEvent>,
    names: Vec<Record>,
}

fn network(store: &dyn Store) -> Result<Network, StoreError> {
    let mut names = store.list(RecordKind::Child)?;
    names.extend(store.list(RecordKind::Volunteer)?);
    let events = store
        .list(RecordKind::Event)?
        .into_iter()
        .filter_map(|r| match r {
            Record::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    Ok(Network {
        trips: store.trips()?,
        events,
        names,
    })
}

impl Network {
    /// Coming trips that nobody cancelled and that have not started.
    fn open_trips(&self, now: DateTime<Utc>) -> impl Iterator<Item = &Trip> {
        self.trips.iter().filter(move |t| {
            t.visit_end > now
                && Progress::of(self.events.iter().filter(|e| e.trip_id == t.id))
                    == Progress::NotStarted
        })
    }

    fn review(&self, trip: &Trip, reason: CancelReason) -> ToReview {
        let children = trip
            .children
            .iter()
            .filter_map(|id| {
                self.names.iter().find_map(|r| match r {
                    Record::Child(c) if &c.id == id => Some(c.first_name.clone()),
                    _ => None,
                })
            })
            .collect();
        let volunteer = trip.volunteer_id.as_ref().and_then(|id| {
            self.names.iter().find_map(|r| match r {
                Record::Volunteer(v) if &v.id == id => Some(v.name.clone()),
                _ => None,
            })
        });
        ToReview {
            trip: trip.clone(),
            children,
            volunteer,
            reason,
        }
    }
}

fn by_date(mut list: Vec<ToReview>) -> Vec<ToReview> {
    list.sort_by_key(|r| (r.trip.visit_start, r.trip.id.clone()));
    list
}

/// The coming trips to `prison` that its status (strike, lockdown) falls on.
/// A strike during which children's visits are kept touches none.
pub fn disrupted_by_status(
    store: &dyn Store,
    prison: &Prison,
    now: DateTime<Utc>,
) -> Result<Vec<ToReview>, StoreError> {
    let reason = match prison.status.kind {
        crate::domain::PrisonStatusKind::Normal => return Ok(Vec::new()),
        crate::domain::PrisonStatusKind::Strike => CancelReason::Strike,
        crate::domain::PrisonStatusKind::Lockdown => CancelReason::Lockdown,
    };
    let network = network(store)?;
    Ok(by_date(
        network
            .open_trips(now)
            .filter(|t| t.prison_id == prison.id)
            .filter(|t| prison.status.disrupts(t.visit_start, t.visit_end))
            .map(|t| network.review(t, reason))
            .collect(),
    ))
}

/// The coming trips of `parent` that no longer fit: after a release date, or
/// planned at a prison the parent has left by the visit's day.
pub fn disrupted_for_parent(
    store: &dyn Store,
    parent: &DetainedParent,
    now: DateTime<Utc>,
) -> Result<Vec<ToReview>, StoreError> {
    let network = network(store)?;
    Ok(by_date(
        network
            .open_trips(now)
            .filter(|t| t.parent_id == parent.id)
            .filter_map(|t| {
                let day = local_date(t.visit_start);
                if parent.released_on.is_some_and(|released| day >= released) {
                    Some(network.review(t, CancelReason::ParentReleased))
                } else if parent.prison_on(day) != &t.prison_id {
                    Some(network.review(t, CancelReason::ParentTransferred))
                } else {
                    None
                }
            })
            .collect(),
    ))
}

#[cfg(test)]
mod tests;
