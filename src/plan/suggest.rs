//! Which volunteers to propose for a trip, best first, and why.
//!
//! Pure: depends on `domain` and the other `plan` modules only. Scores are
//! simple sums of named weights so a coordinator can follow the reasoning.

use super::context::PlanContext;
use super::timeline::{timeline_for, Timeline};
use super::travel::{estimate_travel, straight_km};
use super::warnings::{
    double_booking_among, is_absent, within_slots, LONG_PUBLIC_TRANSPORT_MINUTES,
};
use crate::domain::{
    Language, Progress, TravelMode, Trip, TripEvent, TripId, Volunteer, VolunteerId,
};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// The same face over time reassures the child: the référent counts most.
const CONTINUITY: i32 = 100;
/// Each earlier trip with the same child adds a little more, up to a cap.
const CONTINUITY_PER_TRIP: i32 = 10;
const CONTINUITY_TRIPS_CAP: i32 = 5;
const FREE: i32 = 30;
const SPEAKS_LANGUAGE: i32 = 20;
const NO_COMMON_LANGUAGE: i32 = -30;
const HAS_CAR_FOR_LONG_TRIP: i32 = 15;
const NO_CAR_FOR_LONG_TRIP: i32 = -60;
/// A new volunteer is better not alone with children they have never met.
const NEWCOMER_FIRST_TIME: i32 = -40;
/// Usual slots are a habit, not a promise: one may still ask.
const OUTSIDE_SLOTS: i32 = -300;
/// Away or already on another trip: cannot go. Large enough to rank last.
const UNAVAILABLE: i32 = -1000;
/// One point less per this many kilometres from home to the pickup place.
const KM_PER_POINT: f64 = 5.0;

/// Why a volunteer ranks where they do. Codes are stable, for translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SuggestionReason {
    /// Already went with these children (`made` trips before now), or is
    /// planned to go before this trip (`planned`).
    Continuity {
        made: u32,
        planned: u32,
    },
    FreeAtThatTime,
    /// Gave no weekly slots: to be asked.
    AvailabilityUnknown,
    OutsideUsualSlots,
    Absent,
    DoubleBooked {
        other_trip: TripId,
    },
    SpeaksLanguage {
        language: Language,
    },
    NoCommonLanguage {
        language: Language,
    },
    HasCarForLongTrip,
    NoCarForLongTrip {
        travel_minutes: u32,
    },
    DistanceToPickup {
        km: u32,
    },
    /// New to the network and never with these children: better not alone.
    NewcomerFirstTime,
}

impl SuggestionReason {
    /// Every code, for the texts' tests.
    pub const CODES: [&'static str; 12] = [
        "continuity",
        "free_at_that_time",
        "availability_unknown",
        "outside_usual_slots",
        "absent",
        "double_booked",
        "speaks_language",
        "no_common_language",
        "has_car_for_long_trip",
        "no_car_for_long_trip",
        "distance_to_pickup",
        "newcomer_first_time",
    ];

    pub fn code(&self) -> &'static str {
        match self {
            SuggestionReason::Continuity { .. } => "continuity",
            SuggestionReason::FreeAtThatTime => "free_at_that_time",
            SuggestionReason::AvailabilityUnknown => "availability_unknown",
            SuggestionReason::OutsideUsualSlots => "outside_usual_slots",
            SuggestionReason::Absent => "absent",
            SuggestionReason::DoubleBooked { .. } => "double_booked",
            SuggestionReason::SpeaksLanguage { .. } => "speaks_language",
            SuggestionReason::NoCommonLanguage { .. } => "no_common_language",
            SuggestionReason::HasCarForLongTrip => "has_car_for_long_trip",
            SuggestionReason::NoCarForLongTrip { .. } => "no_car_for_long_trip",
            SuggestionReason::DistanceToPickup { .. } => "distance_to_pickup",
            SuggestionReason::NewcomerFirstTime => "newcomer_first_time",
        }
    }
}

/// One volunteer proposed for a trip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub volunteer_id: VolunteerId,
    pub score: i32,
    pub reasons: Vec<SuggestionReason>,
}

impl Suggestion {
    /// False when the volunteer is away or already on another trip then.
    pub fn is_available(&self) -> bool {
        !self.reasons.iter().any(|r| {
            matches!(
                r,
                SuggestionReason::Absent | SuggestionReason::DoubleBooked { .. }
            )
        })
    }
}

/// Every volunteer of the context, best first; unavailable ones come last with
/// the reason. Ties are broken by id so the order is stable. An empty list when
/// the trip's prison is unknown (no timeline to check against).
pub fn suggest_volunteers(trip: &Trip, ctx: &PlanContext, now: DateTime<Utc>) -> Vec<Suggestion> {
    let Some(prison) = ctx.prison(&trip.prison_id) else {
        return Vec::new();
    };
    let tl = timeline_for(trip, prison);
    let by_bus = estimate_travel(
        trip.pickup.location,
        prison.location,
        TravelMode::PublicTransport,
    )
    .minutes;
    // Read the network once: each volunteer's other trips, and each trip's
    // steps (a volunteer's earlier and overlapping trips count only when not
    // cancelled). 150 volunteers over a year of trips stay within a few
    // milliseconds (benches/assign.rs).
    let mut by_volunteer: HashMap<&VolunteerId, Vec<&Trip>> = HashMap::new();
    for other in ctx.trips.iter().filter(|o| o.id != trip.id) {
        if let Some(v) = &other.volunteer_id {
            by_volunteer.entry(v).or_default().push(other);
        }
    }
    let mut steps: HashMap<&TripId, Vec<&TripEvent>> = HashMap::new();
    for event in ctx.events {
        steps.entry(&event.trip_id).or_default().push(event);
    }
    let is_cancelled = |id: &TripId| {
        steps.get(id).is_some_and(|events| {
            matches!(Progress::of(events.iter().copied()), Progress::Cancelled(_))
        })
    };
    let mut out: Vec<Suggestion> = ctx
        .volunteers
        .iter()
        .map(|v| {
            let theirs = by_volunteer.get(&v.id).map_or(&[][..], |t| &t[..]);
            score(v, trip, &tl, by_bus, (ctx, theirs, &is_cancelled), now)
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| a.volunteer_id.cmp(&b.volunteer_id))
    });
    out
}

/// What a volunteer's score looks at: the network, the volunteer's other
/// trips, and which trips are cancelled.
type Seen<'a> = (
    &'a PlanContext<'a>,
    &'a [&'a Trip],
    &'a dyn Fn(&TripId) -> bool,
);

fn score(
    v: &Volunteer,
    trip: &Trip,
    tl: &Timeline,
    by_bus: u32,
    (ctx, theirs, is_cancelled): Seen,
    now: DateTime<Utc>,
) -> Suggestion {
    let mut score = 0;
    let mut reasons = Vec::new();

    // Continuity: earlier trips of these children with this volunteer, not
    // cancelled. Trips already made (before `now`) and trips planned before
    // this one both count: the coordinator already chose that référent.
    let earlier: Vec<&Trip> = theirs
        .iter()
        .copied()
        .filter(|o| o.id != trip.id && o.visit_start < trip.visit_start)
        .filter(|o| o.volunteer_id.as_ref() == Some(&v.id))
        .filter(|o| o.children.iter().any(|c| trip.children.contains(c)))
        .filter(|o| !is_cancelled(&o.id))
        .collect();
    if !earlier.is_empty() {
        let made = earlier.iter().filter(|o| o.visit_start < now).count() as u32;
        let planned = earlier.len() as u32 - made;
        let extra = (earlier.len() as i32 - 1).min(CONTINUITY_TRIPS_CAP);
        score += CONTINUITY + CONTINUITY_PER_TRIP * extra;
        reasons.push(SuggestionReason::Continuity { made, planned });
    } else if v.newcomer {
        score += NEWCOMER_FIRST_TIME;
        reasons.push(SuggestionReason::NewcomerFirstTime);
    }

    // Free at that time.
    let double = double_booking_among(trip, &v.id, tl, theirs.iter().copied(), ctx, is_cancelled);
    if is_absent(v, tl) {
        score += UNAVAILABLE;
        reasons.push(SuggestionReason::Absent);
    } else if let Some(other_trip) = double {
        score += UNAVAILABLE;
        reasons.push(SuggestionReason::DoubleBooked { other_trip });
    } else {
        match within_slots(v, tl) {
            Some(true) => {
                score += FREE;
                reasons.push(SuggestionReason::FreeAtThatTime);
            }
            Some(false) => {
                score += OUTSIDE_SLOTS;
                reasons.push(SuggestionReason::OutsideUsualSlots);
            }
            None => reasons.push(SuggestionReason::AvailabilityUnknown),
        }
    }

    // Language: each child's, since the volunteer talks with every one of
    // them (the youngest often speaks only one).
    for child in trip.children.iter().filter_map(|c| ctx.child(c)) {
        let language = child.language;
        let reason = if v.languages.contains(&language) {
            score += SPEAKS_LANGUAGE;
            SuggestionReason::SpeaksLanguage { language }
        } else {
            score += NO_COMMON_LANGUAGE;
            SuggestionReason::NoCommonLanguage { language }
        };
        if !reasons.contains(&reason) {
            reasons.push(reason);
        }
    }

    // A car matters when the trip would be long by bus and train.
    if by_bus > LONG_PUBLIC_TRANSPORT_MINUTES {
        if v.has_car {
            score += HAS_CAR_FOR_LONG_TRIP;
            reasons.push(SuggestionReason::HasCarForLongTrip);
        } else {
            score += NO_CAR_FOR_LONG_TRIP;
            reasons.push(SuggestionReason::NoCarForLongTrip {
                travel_minutes: by_bus,
            });
        }
    }

    let km = straight_km(v.home_area, trip.pickup.location);
    score -= (km / KM_PER_POINT).round() as i32;
    reasons.push(SuggestionReason::DistanceToPickup {
        km: km.round() as u32,
    });

    Suggestion {
        volunteer_id: v.id.clone(),
        score,
        reasons,
    }
}

#[cfg(test)]
#[path = "suggest_tests.rs"]
mod tests;
