//! A month of visits proposed from the visit rights' rhythms: for every child
//! and parent with an allowed right, the visits the rhythm asks for that
//! month, minus the trips already planned, in the prison's visiting slots,
//! siblings together, spread over the month, away from the prison's known
//! disruptions. Visits owed because an earlier trip was cancelled (strike,
//! lockdown, refused at the door) come first, marked as catch-ups.
//!
//! Pure: the day of planning is passed in. Depends on `domain` and the other
//! `plan` modules only; the guardians (pickup places, who is whose sibling)
//! are passed beside the [`PlanContext`], which does not hold them.

use super::context::PlanContext;
use super::rhythm::{local_day, months_back, owed_visits, regular_windows, History};
use super::series::{family_series, habits, Habit};
use super::warnings::{check_trip, Warning};
use crate::domain::{
    CancelReason, Child, ChildId, DetainedParent, Guardian, GuardianId, ParentId, Pickup, Prison,
    PrisonId, Progress, Rhythm, RoomId, SeriesId, TravelMode, Trip, TripEvent, TripId, TripStatus,
    VisitRight,
};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Brussels;
use std::collections::{BTreeMap, HashMap};

/// How many months back a cancelled visit is still owed.
pub const CATCH_UP_MONTHS: u32 = 3;

/// Days between two catch-ups of the same family in one month.
const CATCH_UP_SPACING_DAYS: i64 = 7;

/// How many days further from its target a visit may go to a day with fewer
/// visits in the network: volunteers are not all free on the same morning.
const SPREAD_DAYS: i64 = 3;

/// The cancellations that leave a visit owed: the prison's doing, not the family's.
pub const OWED_REASONS: [CancelReason; 3] = [
    CancelReason::Strike,
    CancelReason::Lockdown,
    CancelReason::RefusedAtDoor,
];

/// One visit of the proposal: who, where, when, and what is worth checking.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposedVisit {
    /// The children going together (siblings share a visit).
    pub children: Vec<ChildId>,
    pub parent_id: ParentId,
    pub prison_id: PrisonId,
    /// The day of the visit, in Brussels.
    pub day: NaiveDate,
    /// The visiting slot used, in UTC.
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub pickup: Pickup,
    /// Makes up for a visit cancelled in the previous months.
    pub catch_up: bool,
    /// What [`check_trip`] says about the trip it would make; "no volunteer
    /// yet" is left out, since volunteers are assigned after planning.
    pub warnings: Vec<Warning>,
    /// The family's series ([`family_series`]), which the trip joins.
    pub series: SeriesId,
    /// The room and the way of travelling of the series' last visit at the
    /// same prison, if any.
    pub room_id: Option<RoomId>,
    pub travel_mode: TravelMode,
}

/// The trip an accepted proposal makes: proposed, without a volunteer yet.
pub fn trip_from_proposal(visit: &ProposedVisit) -> Trip {
    trip_with_id(visit, TripId::random())
}

fn trip_with_id(visit: &ProposedVisit, id: TripId) -> Trip {
    Trip {
        id,
        children: visit.children.clone(),
        parent_id: visit.parent_id.clone(),
        prison_id: visit.prison_id.clone(),
        room_id: visit.room_id.clone(),
        visit_start: visit.start,
        visit_end: visit.end,
        pickup: visit.pickup.clone(),
        pickup_time: None,
        travel_mode: visit.travel_mode,
        travel_minutes: None,
        volunteer_id: None,
        status: TripStatus::Proposed,
        series: Some(visit.series.clone()),
    }
}

/// The first day of `month` of `year` and the first day of the next month.
pub fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some((first, next))
}

/// A Brussels wall-clock time on `day`, as UTC (`None` in the spring gap).
fn brussels(day: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
    Brussels
        .from_local_datetime(&day.and_time(time))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// One child's visits to place: target days and where each may go.
#[derive(Debug, Clone, Copy)]
struct Want {
    target: NaiveDate,
    from: NaiveDate,
    until: NaiveDate,
    catch_up: bool,
}

/// A child with the rights that matter to them with one parent.
struct Member<'a> {
    child: &'a Child,
    rights: Vec<&'a VisitRight>,
}

impl Member<'_> {
    /// An allowed right covers `day` and no forbidding decision does.
    fn may_visit_on(&self, day: NaiveDate) -> bool {
        let forbidden = self
            .rights
            .iter()
            .any(|r| !r.allowed && r.valid_from <= day && r.valid_until.is_none_or(|u| day <= u));
        !forbidden && self.rights.iter().any(|r| r.allows_on(day))
    }

    /// The rhythm of the latest allowed right valid in the month.
    fn rhythm(&self, first: NaiveDate, next: NaiveDate) -> Option<Rhythm> {
        self.rights
            .iter()
            .filter(|r| {
                r.allowed && r.valid_from < next && r.valid_until.is_none_or(|u| u >= first)
            })
            .max_by_key(|r| r.valid_from)
            .map(|r| r.rhythm)
    }
}

/// A visit being placed for one family.
struct Placed {
    day: NaiveDate,
    prison: PrisonId,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    children: Vec<ChildId>,
    catch_up: bool,
}

/// What a family's planning looks at.
struct Family<'a> {
    parent: &'a DetainedParent,
    prisons: &'a HashMap<&'a PrisonId, &'a Prison>,
    /// Days already taken by a kept trip with this parent.
    busy: Vec<NaiveDate>,
    today: NaiveDate,
    /// The series' day of the week and time, kept when the slots allow.
    habit: Option<&'a Habit<'a>>,
}

impl Family<'_> {
    /// The visiting slot on `day` at the parent's prison that the prison's
    /// status leaves alone, if the parent is still held then: the one at the
    /// series' usual time, or else the first.
    fn slot_on(&self, day: NaiveDate) -> Option<(PrisonId, DateTime<Utc>, DateTime<Utc>)> {
        if day < self.today || self.parent.released_on.is_some_and(|on| on <= day) {
            return None;
        }
        let prison_id = self.parent.prison_on(day);
        let prison = self.prisons.get(prison_id)?;
        let mut slots: Vec<_> = prison
            .visiting_hours
            .iter()
            .filter(|s| s.weekday == day.weekday() && s.from < s.until)
            .collect();
        slots.sort_by_key(|s| (self.habit.is_none_or(|h| h.from != s.from), s.from));
        slots.into_iter().find_map(|s| {
            let (start, end) = (brussels(day, s.from)?, brussels(day, s.until)?);
            (!prison.status.disrupts(start, end)).then(|| (prison_id.clone(), start, end))
        })
    }
}

/// Places the visits of one guardian's children with one parent; `load`
/// counts the network's visits per day, planned and proposed.
fn plan_family(
    family: &Family,
    members: &[(Member, Vec<Want>)],
    load: &mut HashMap<NaiveDate, usize>,
) -> Vec<Placed> {
    let mut wants: Vec<(usize, Want)> = members
        .iter()
        .enumerate()
        .flat_map(|(i, (_, w))| w.iter().map(move |w| (i, *w)))
        .collect();
    // Catch-ups first, then by target day: the first child placed sets the
    // day, the siblings join.
    wants.sort_by_key(|(i, w)| (!w.catch_up, w.target, *i));
    let mut placed: Vec<Placed> = Vec::new();
    for (i, want) in wants {
        let member = &members[i].0;
        let joinable = placed
            .iter_mut()
            .filter(|p| p.catch_up == want.catch_up && !p.children.contains(&member.child.id))
            .filter(|p| want.from <= p.day && p.day < want.until && member.may_visit_on(p.day))
            .min_by_key(|p| (p.day - want.target).num_days().abs());
        if let Some(visit) = joinable {
            visit.children.push(member.child.id.clone());
            continue;
        }
        // The free days nearest to the target, earlier first on a tie; of
        // those up to SPREAD_DAYS further than the nearest, the series' usual
        // day of the week, then the one with the fewest visits in the network.
        let span = (want.until - want.from).num_days();
        let mut candidates = (0..=span)
            .flat_map(|d| {
                [
                    (d, want.target - Duration::days(d)),
                    (d, want.target + Duration::days(d)),
                ]
            })
            .filter(|(_, d)| want.from <= *d && *d < want.until)
            .filter(|(_, d)| !family.busy.contains(d) && !placed.iter().any(|p| p.day == *d))
            .filter(|(_, d)| member.may_visit_on(*d))
            .filter_map(|(distance, d)| family.slot_on(d).map(|slot| (distance, d, slot)));
        let found = candidates.next().and_then(|nearest| {
            let limit = nearest.0 + SPREAD_DAYS;
            std::iter::once(nearest)
                .chain(candidates.take_while(|(distance, _, _)| *distance <= limit))
                .enumerate()
                .min_by_key(|(order, (_, d, _))| {
                    let unusual = family.habit.is_some_and(|h| h.weekday != d.weekday());
                    (unusual, load.get(d).copied().unwrap_or(0), *order)
                })
                .map(|(_, (_, d, slot))| (d, slot))
        });
        if let Some((day, (prison, start, end))) = found {
            *load.entry(day).or_default() += 1;
            placed.push(Placed {
                day,
                prison,
                start,
                end,
                children: vec![member.child.id.clone()],
                catch_up: want.catch_up,
            });
        }
    }
    placed
}

/// The visits `month` of `year` asks for, planned on `today` (no visit
/// before it). Catch-ups come first, then the others by day. Nothing is
/// proposed for a child without a record or a guardian, for a parent without
/// a record, or at a prison without visiting hours.
pub fn plan_month(
    ctx: &PlanContext,
    guardians: &[Guardian],
    year: i32,
    month: u32,
    today: NaiveDate,
) -> Vec<ProposedVisit> {
    let Some((first, next)) = month_bounds(year, month) else {
        return Vec::new();
    };
    let since = months_back(first, CATCH_UP_MONTHS);

    let progress = progress_by_trip(ctx.events);
    let habits = habits(ctx.trips, &progress, first);
    let prisons: HashMap<&PrisonId, &Prison> = ctx.prisons.iter().map(|p| (&p.id, p)).collect();
    let children: HashMap<&ChildId, &Child> = ctx.children.iter().map(|c| (&c.id, c)).collect();
    let parents: HashMap<&ParentId, &DetainedParent> =
        ctx.parents.iter().map(|p| (&p.id, p)).collect();
    let guardians: HashMap<&GuardianId, &Guardian> = guardians.iter().map(|g| (&g.id, g)).collect();

    // The trips of each child and parent that matter: from the catch-up
    // months to the end of the planned month.
    let mut histories: HashMap<(&ChildId, &ParentId), History> = HashMap::new();
    let mut busy: HashMap<&ParentId, Vec<NaiveDate>> = HashMap::new();
    let mut load: HashMap<NaiveDate, usize> = HashMap::new();
    for trip in ctx.trips {
        let day = local_day(trip.visit_start);
        if day < since || day >= next {
            continue;
        }
        let state = progress
            .get(&trip.id)
            .copied()
            .unwrap_or(Progress::NotStarted);
        let owed = matches!(state, Progress::Cancelled(r) if OWED_REASONS.contains(&r));
        let kept = !matches!(state, Progress::Cancelled(_));
        if kept && day >= first {
            busy.entry(&trip.parent_id).or_default().push(day);
            *load.entry(day).or_default() += 1;
        }
        for child in &trip.children {
            let h = histories
                .entry((child, &trip.parent_id))
                .or_insert_with(|| History {
                    kept: Vec::new(),
                    owed_cancellations: Vec::new(),
                });
            if kept {
                h.kept.push(trip);
            } else if owed {
                h.owed_cancellations.push(trip);
            }
        }
    }

    // Families: a guardian's children with one parent, in a stable order.
    let mut families: BTreeMap<(&GuardianId, &ParentId), Vec<Member>> = BTreeMap::new();
    let mut rights: BTreeMap<(&ChildId, &ParentId), Vec<&VisitRight>> = BTreeMap::new();
    for right in ctx.visit_rights {
        rights
            .entry((&right.child_id, &right.parent_id))
            .or_default()
            .push(right);
    }
    for ((child_id, parent_id), rights) in rights {
        let Some(child) = children.get(child_id).filter(|c| !c.archived) else {
            continue;
        };
        families
            .entry((&child.guardian_id, parent_id))
            .or_default()
            .push(Member { child, rights });
    }

    let empty = History {
        kept: Vec::new(),
        owed_cancellations: Vec::new(),
    };
    let no_days = Vec::new();
    let now = start_of(today);
    let mut out = Vec::new();
    for ((guardian_id, parent_id), members) in families {
        let (Some(guardian), Some(parent)) = (guardians.get(guardian_id), parents.get(parent_id))
        else {
            continue;
        };
        let series = family_series(parent_id, guardian_id);
        let habit = habits.get(&series);
        let family = Family {
            parent,
            prisons: &prisons,
            busy: busy.get(parent_id).unwrap_or(&no_days).clone(),
            today,
            habit,
        };
        let mut with_wants = Vec::new();
        for member in members {
            let Some(rhythm) = member.rhythm(first, next) else {
                continue;
            };
            let history = histories
                .get(&(&member.child.id, parent_id))
                .unwrap_or(&empty);
            let (windows, surplus) = regular_windows(rhythm, (first, next), history);
            let owed = owed_visits(rhythm, first, history, surplus);
            let mut wants: Vec<Want> = (0..owed as i64)
                .map(|i| Want {
                    target: first + Duration::days(i * CATCH_UP_SPACING_DAYS),
                    from: first,
                    until: next,
                    catch_up: true,
                })
                .collect();
            for window in &windows {
                wants.extend(window.targets.iter().map(|&target| Want {
                    target,
                    from: window.from,
                    until: window.until,
                    catch_up: false,
                }));
            }
            with_wants.push((member, wants));
        }
        let pickup = Pickup {
            guardian_id: guardian.id.clone(),
            address: guardian.pickup_address.clone(),
            location: guardian.pickup_location,
        };
        for mut visit in plan_family(&family, &with_wants, &mut load) {
            visit.children.sort();
            let same_prison = habit.filter(|h| h.trip.prison_id == visit.prison);
            let mut proposal = ProposedVisit {
                children: visit.children,
                parent_id: parent.id.clone(),
                prison_id: visit.prison,
                day: visit.day,
                start: visit.start,
                end: visit.end,
                pickup: pickup.clone(),
                catch_up: visit.catch_up,
                warnings: Vec::new(),
                series: series.clone(),
                room_id: same_prison.and_then(|h| h.trip.room_id.clone()),
                travel_mode: habit.map_or(TravelMode::Car, |h| h.trip.travel_mode),
            };
            proposal.warnings = proposal_warnings(ctx, &proposal, now);
            out.push(proposal);
        }
    }
    out.sort_by(|a, b| {
        (!a.catch_up, a.start, &a.parent_id).cmp(&(!b.catch_up, b.start, &b.parent_id))
    });
    out
}

/// Midnight at the start of `day` in Brussels, as UTC.
fn start_of(day: NaiveDate) -> DateTime<Utc> {
    brussels(day, NaiveTime::MIN)
        .unwrap_or_else(|| Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN)))
}

/// What [`check_trip`] says about the trip a proposal would make, without
/// "no volunteer yet".
fn proposal_warnings(ctx: &PlanContext, visit: &ProposedVisit, now: DateTime<Utc>) -> Vec<Warning> {
    let trip = trip_with_id(visit, TripId::from("proposed-visit"));
    check_trip(&trip, ctx, now)
        .into_iter()
        .filter(|w| *w != Warning::NoVolunteer)
        .collect()
}

/// Where a proposed visit may move before it is accepted: every visiting
/// slot of its prison in the visit's month, from `today` on, that the
/// prison's known status leaves alone; by start time. Its own slot is one of
/// them.
pub fn move_choices(
    ctx: &PlanContext,
    visit: &ProposedVisit,
    today: NaiveDate,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let (Some(prison), Some((first, next))) = (
        ctx.prison(&visit.prison_id),
        month_bounds(visit.day.year(), visit.day.month()),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut day = first.max(today);
    while day < next {
        for slot in prison
            .visiting_hours
            .iter()
            .filter(|s| s.weekday == day.weekday() && s.from < s.until)
        {
            if let (Some(start), Some(end)) = (brussels(day, slot.from), brussels(day, slot.until))
            {
                if !prison.status.disrupts(start, end) {
                    out.push((start, end));
                }
            }
        }
        day += Duration::days(1);
    }
    out.sort();
    out.dedup();
    out
}

/// The proposed visit moved to the slot `start`..`end`, its warnings
/// checked again for the new day.
pub fn move_visit(
    ctx: &PlanContext,
    visit: &ProposedVisit,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    today: NaiveDate,
) -> ProposedVisit {
    let mut moved = visit.clone();
    moved.day = local_day(start);
    moved.start = start;
    moved.end = end;
    moved.warnings = proposal_warnings(ctx, &moved, start_of(today));
    moved
}

/// Where each trip stands, reading the events once.
fn progress_by_trip(events: &[TripEvent]) -> HashMap<&TripId, Progress> {
    let mut by_trip: HashMap<&TripId, Vec<&TripEvent>> = HashMap::new();
    for event in events {
        by_trip.entry(&event.trip_id).or_default().push(event);
    }
    by_trip
        .into_iter()
        .map(|(id, events)| (id, Progress::of(events)))
        .collect()
}

#[cfg(test)]
#[path = "month_tests.rs"]
mod tests;
