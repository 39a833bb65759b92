//! What may be wrong with a planned trip: timing, visit rights, the volunteer,
//! the prison, the parent.
//!
//! Pure: the current time is passed in. Depends on `domain` and the other
//! `plan` modules only. Meant for the coordinator's view: a volunteer's device
//! holds no visit rights, so it would see `no_visit_right` everywhere.

use super::context::PlanContext;
use super::timeline::{local_time, Timeline};
use super::travel::estimate_travel;
use crate::domain::{
    ChildId, PrisonId, PrisonStatusKind, Progress, RecordKind, RoomId, TravelMode, Trip, TripId,
    VisitRight, Volunteer, VolunteerId,
};
use chrono::{DateTime, NaiveDate, Utc};

/// Beyond this one-way time by bus or train, a trip with a small child is too
/// long: the child arrives tired, and the return runs late into the evening.
pub const LONG_PUBLIC_TRANSPORT_MINUTES: u32 = 90;

/// How much a warning matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The trip cannot take place as planned.
    Blocking,
    /// Worth a look or a phone call.
    Caution,
}

/// Something wrong, or worth checking, about one trip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A record the trip points to is not available here.
    MissingRecord {
        kind: RecordKind,
        id: String,
    },
    /// The agreed pickup time is later than the time one must leave.
    InfeasibleTiming {
        late_minutes: i64,
    },
    NoVisitRight {
        child: ChildId,
    },
    VisitForbidden {
        child: ChildId,
    },
    VisitRightExpired {
        child: ChildId,
        on: NaiveDate,
    },
    VolunteerDoubleBooked {
        other_trip: TripId,
    },
    VolunteerAbsent,
    VolunteerOutsideAvailability,
    PrisonDisrupted {
        kind: PrisonStatusKind,
    },
    /// After a transfer, the parent is held elsewhere on the day of the visit.
    ParentNotInThatPrison {
        held_in: PrisonId,
    },
    ParentReleased {
        on: NaiveDate,
    },
    NoVolunteer,
    RoomNotInPrison {
        room: RoomId,
    },
    NeedsCar {
        travel_minutes: u32,
    },
    /// A volunteer marked as new goes with these children for the first
    /// time, alone.
    NewcomerAlone,
}

impl Warning {
    /// Every code [`Warning::code`] gives (screens translate them).
    pub const CODES: [&'static str; 15] = [
        "missing_record",
        "infeasible_timing",
        "no_visit_right",
        "visit_forbidden",
        "visit_right_expired",
        "volunteer_double_booked",
        "volunteer_absent",
        "volunteer_outside_availability",
        "prison_disrupted",
        "parent_not_in_that_prison",
        "parent_released",
        "no_volunteer",
        "room_not_in_prison",
        "needs_car",
        "newcomer_alone",
    ];

    /// A stable code, for translations and for tests.
    pub fn code(&self) -> &'static str {
        match self {
            Warning::MissingRecord { .. } => "missing_record",
            Warning::InfeasibleTiming { .. } => "infeasible_timing",
            Warning::NoVisitRight { .. } => "no_visit_right",
            Warning::VisitForbidden { .. } => "visit_forbidden",
            Warning::VisitRightExpired { .. } => "visit_right_expired",
            Warning::VolunteerDoubleBooked { .. } => "volunteer_double_booked",
            Warning::VolunteerAbsent => "volunteer_absent",
            Warning::VolunteerOutsideAvailability => "volunteer_outside_availability",
            Warning::PrisonDisrupted { .. } => "prison_disrupted",
            Warning::ParentNotInThatPrison { .. } => "parent_not_in_that_prison",
            Warning::ParentReleased { .. } => "parent_released",
            Warning::NoVolunteer => "no_volunteer",
            Warning::RoomNotInPrison { .. } => "room_not_in_prison",
            Warning::NeedsCar { .. } => "needs_car",
            Warning::NewcomerAlone => "newcomer_alone",
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            Warning::VolunteerOutsideAvailability
            | Warning::NoVolunteer
            | Warning::NeedsCar { .. }
            | Warning::NewcomerAlone => Severity::Caution,
            _ => Severity::Blocking,
        }
    }

    /// What is wrong, in plain English (screens translate from [`Warning::code`]).
    pub fn describe(&self) -> String {
        match self {
            Warning::MissingRecord { kind, id } => {
                format!("The {} \"{id}\" of this trip is not known here.", kind.as_str())
            }
            Warning::InfeasibleTiming { late_minutes } => format!(
                "The pickup is {late_minutes} minutes too late to reach the prison door in time."
            ),
            Warning::NoVisitRight { child } => {
                format!("No visit right covers {child} on the day of the visit.")
            }
            Warning::VisitForbidden { child } => {
                format!("Visits are forbidden for {child} with this parent.")
            }
            Warning::VisitRightExpired { child, on } => {
                format!("The visit right of {child} ended on {on}.")
            }
            Warning::VolunteerDoubleBooked { other_trip } => {
                format!("The volunteer is already on trip {other_trip} at that time.")
            }
            Warning::VolunteerAbsent => "The volunteer is away on that day.".to_owned(),
            Warning::VolunteerOutsideAvailability => {
                "The trip falls outside the volunteer's usual free times.".to_owned()
            }
            Warning::PrisonDisrupted { kind } => match kind {
                PrisonStatusKind::Strike => "A strike at the prison disrupts this visit.",
                PrisonStatusKind::Lockdown => "The prison is in lockdown at the time of the visit.",
                PrisonStatusKind::Normal => "The prison announces a disruption.",
            }
            .to_owned(),
            Warning::ParentNotInThatPrison { held_in } => {
                format!("The parent is held in another prison ({held_in}) on that day.")
            }
            Warning::ParentReleased { on } => format!("The parent was released on {on}."),
            Warning::NoVolunteer => "No volunteer is assigned yet.".to_owned(),
            Warning::RoomNotInPrison { room } => {
                format!("The visit room {room} belongs to another prison.")
            }
            Warning::NeedsCar { travel_minutes } => format!(
                "By public transport the trip takes about {travel_minutes} minutes each way: a car is better."
            ),
            Warning::NewcomerAlone => {
                "A new volunteer goes alone with these children for the first time.".to_owned()
            }
        }
    }
}

/// The local date of the visit: rights, transfers and absences are by day.
fn visit_day(trip: &Trip) -> NaiveDate {
    trip.visit_day()
}

/// Whether an absence of the volunteer touches the trip's days.
pub(crate) fn is_absent(volunteer: &Volunteer, tl: &Timeline) -> bool {
    let (first, last) = (
        local_time(tl.meet_at).date_naive(),
        local_time(tl.expected_return).date_naive(),
    );
    volunteer
        .absences
        .iter()
        .any(|a| a.from <= last && first <= a.until)
}

/// Whether the whole trip fits one of the volunteer's weekly slots; `None`
/// when the volunteer gave no slots ("ask me").
pub(crate) fn within_slots(volunteer: &Volunteer, tl: &Timeline) -> Option<bool> {
    use chrono::Datelike;
    if volunteer.availability.is_empty() {
        return None;
    }
    let (meet, back) = (local_time(tl.meet_at), local_time(tl.expected_return));
    let fits = meet.date_naive() == back.date_naive()
        && volunteer.availability.iter().any(|s| {
            s.weekday == meet.weekday() && s.from <= meet.time() && back.time() <= s.until
        });
    Some(fits)
}

/// More than a trip's span reaches before or after its visit.
const SPAN_MARGIN: chrono::Duration = chrono::Duration::days(2);

/// Another trip of `volunteer`, not cancelled, overlapping this trip's span.
pub(crate) fn double_booking(
    trip: &Trip,
    volunteer: &VolunteerId,
    tl: &Timeline,
    ctx: &PlanContext,
) -> Option<TripId> {
    double_booking_among(trip, volunteer, tl, ctx.trips, ctx, &|id| {
        ctx.is_cancelled(id)
    })
}

/// [`double_booking`] among `trips` only (a volunteer's own trips, say),
/// with the cancelled trips told by `is_cancelled`.
pub(crate) fn double_booking_among<'t>(
    trip: &Trip,
    volunteer: &VolunteerId,
    tl: &Timeline,
    trips: impl IntoIterator<Item = &'t Trip>,
    ctx: &PlanContext,
    is_cancelled: &dyn Fn(&TripId) -> bool,
) -> Option<TripId> {
    trips
        .into_iter()
        .filter(|o| o.id != trip.id && o.volunteer_id.as_ref() == Some(volunteer))
        // A trip's span never starts more than two days before its visit
        // (the door at most 4 h early, travel at most a day) unless a
        // meeting time was set by hand, nor ends two days after it: trips
        // outside that skip working out their timeline.
        .filter(|o| {
            let earliest = o
                .pickup_time
                .map_or(o.visit_start, |p| p.min(o.visit_start))
                - SPAN_MARGIN;
            earliest < tl.expected_return && tl.meet_at < o.visit_end + SPAN_MARGIN
        })
        .filter(|o| {
            // Without its prison, the other trip spans at least its visit.
            let (start, end) = ctx.timeline(o).map_or((o.visit_start, o.visit_end), |t| {
                (t.meet_at, t.expected_return)
            });
            start < tl.expected_return && tl.meet_at < end
        })
        .find(|o| !is_cancelled(&o.id))
        .map(|o| o.id.clone())
}

/// Whether `volunteer` has an earlier trip, not cancelled, with one of the
/// trip's children.
pub(crate) fn went_before(trip: &Trip, volunteer: &VolunteerId, ctx: &PlanContext) -> bool {
    ctx.trips.iter().any(|o| {
        o.id != trip.id
            && o.visit_start < trip.visit_start
            && o.volunteer_id.as_ref() == Some(volunteer)
            && o.children.iter().any(|c| trip.children.contains(c))
            && !ctx.is_cancelled(&o.id)
    })
}

/// What the visit rights of `child` with the trip's parent say about `day`.
fn right_warning(
    child: &ChildId,
    trip: &Trip,
    day: NaiveDate,
    ctx: &PlanContext,
) -> Option<Warning> {
    let rights: Vec<&VisitRight> = ctx
        .visit_rights
        .iter()
        .filter(|r| &r.child_id == child && r.parent_id == trip.parent_id)
        .collect();
    let covers = |r: &VisitRight| r.valid_from <= day && r.valid_until.is_none_or(|u| day <= u);
    // A decision forbidding visits wins over any other for the same day.
    if rights.iter().any(|r| !r.allowed && covers(r)) {
        return Some(Warning::VisitForbidden {
            child: child.clone(),
        });
    }
    if rights.iter().any(|r| r.allows_on(day)) {
        return None;
    }
    let ended = rights
        .iter()
        .filter(|r| r.allowed)
        .filter_map(|r| r.valid_until.filter(|until| *until < day))
        .max();
    Some(match ended {
        Some(on) => Warning::VisitRightExpired {
            child: child.clone(),
            on,
        },
        None => Warning::NoVisitRight {
            child: child.clone(),
        },
    })
}

/// Every warning about `trip`. Cancelled and finished trips, and trips already
/// over at `now`, get none: there is nothing left to plan.
pub fn check_trip(trip: &Trip, ctx: &PlanContext, now: DateTime<Utc>) -> Vec<Warning> {
    let mut out = Vec::new();
    match ctx.progress(&trip.id) {
        Progress::Cancelled(_) | Progress::Done(crate::domain::EventKind::Returned) => return out,
        _ => {}
    }
    let Some(prison) = ctx.prison(&trip.prison_id) else {
        out.push(Warning::MissingRecord {
            kind: RecordKind::Prison,
            id: trip.prison_id.to_string(),
        });
        return out;
    };
    let tl = super::timeline::timeline_for(trip, prison);
    if tl.expected_return < now {
        return out;
    }
    let day = visit_day(trip);

    if let Some(pickup) = trip.pickup_time {
        if pickup > tl.leave_by {
            out.push(Warning::InfeasibleTiming {
                late_minutes: (pickup - tl.leave_by).num_minutes(),
            });
        }
    }

    for child in &trip.children {
        out.extend(right_warning(child, trip, day, ctx));
    }

    match &trip.volunteer_id {
        None => out.push(Warning::NoVolunteer),
        Some(id) => match ctx.volunteer(id) {
            None => out.push(Warning::MissingRecord {
                kind: RecordKind::Volunteer,
                id: id.to_string(),
            }),
            Some(v) => {
                if let Some(other) = double_booking(trip, id, &tl, ctx) {
                    out.push(Warning::VolunteerDoubleBooked { other_trip: other });
                }
                if v.newcomer && !went_before(trip, id, ctx) {
                    out.push(Warning::NewcomerAlone);
                }
                if is_absent(v, &tl) {
                    out.push(Warning::VolunteerAbsent);
                } else if within_slots(v, &tl) == Some(false) {
                    out.push(Warning::VolunteerOutsideAvailability);
                }
                if !v.has_car || trip.travel_mode == TravelMode::PublicTransport {
                    let by_bus = if trip.travel_mode == TravelMode::PublicTransport {
                        tl.travel.minutes
                    } else {
                        estimate_travel(
                            trip.pickup.location,
                            prison.location,
                            TravelMode::PublicTransport,
                        )
                        .minutes
                    };
                    if by_bus > LONG_PUBLIC_TRANSPORT_MINUTES {
                        out.push(Warning::NeedsCar {
                            travel_minutes: by_bus,
                        });
                    }
                }
            }
        },
    }

    if prison.status.disrupts(trip.visit_start, trip.visit_end) {
        out.push(Warning::PrisonDisrupted {
            kind: prison.status.kind,
        });
    }

    match ctx.parent(&trip.parent_id) {
        None => out.push(Warning::MissingRecord {
            kind: RecordKind::Parent,
            id: trip.parent_id.to_string(),
        }),
        Some(parent) => {
            if let Some(on) = parent.released_on.filter(|on| *on <= day) {
                out.push(Warning::ParentReleased { on });
            } else if parent.prison_on(day) != &trip.prison_id {
                out.push(Warning::ParentNotInThatPrison {
                    held_in: parent.prison_on(day).clone(),
                });
            }
        }
    }

    if let Some(room_id) = &trip.room_id {
        match ctx.rooms.iter().find(|r| &r.id == room_id) {
            None => out.push(Warning::MissingRecord {
                kind: RecordKind::Room,
                id: room_id.to_string(),
            }),
            Some(room) if room.prison_id != trip.prison_id => {
                out.push(Warning::RoomNotInPrison {
                    room: room_id.clone(),
                });
            }
            Some(_) => {}
        }
    }
    out
}

#[cfg(test)]
#[path = "warnings_tests.rs"]
mod tests;
