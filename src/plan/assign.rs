//! "Assign the month": a volunteer proposed for every open trip at once.
//!
//! Pure, like the rest of `plan`. Trips are taken in time order; each one
//! gets the person already going with one of its children (assigned before,
//! or proposed a moment ago) when that person is free, otherwise the best
//! available suggestion. Every proposal counts for the next trips: nobody is
//! proposed twice at the same time.

use super::context::PlanContext;
use super::suggest::{suggest_volunteers, Suggestion};
use crate::domain::{Trip, TripId, VolunteerId};
use chrono::{DateTime, Utc};

/// The volunteer proposed for one open trip, or none when nobody is free.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub trip_id: TripId,
    pub suggestion: Option<Suggestion>,
    /// True when the proposal keeps the person already going with a child.
    pub same_person: bool,
}

/// A proposal for each of `open` (trips without a volunteer, in any order),
/// returned in time order. `ctx` holds every trip of the network, the open
/// ones included.
pub fn propose_assignments(
    open: &[TripId],
    ctx: &PlanContext,
    now: DateTime<Utc>,
) -> Vec<Proposal> {
    let mut trips: Vec<Trip> = ctx.trips.to_vec();
    let mut order: Vec<(usize, &TripId)> = open
        .iter()
        .filter_map(|id| trips.iter().position(|t| &t.id == id).map(|i| (i, id)))
        .collect();
    order.sort_by(|a, b| {
        trips[a.0]
            .visit_start
            .cmp(&trips[b.0].visit_start)
            .then_with(|| a.1.cmp(b.1))
    });
    let mut out = Vec::with_capacity(order.len());
    for (index, id) in order {
        let trip = trips[index].clone();
        let ranked = {
            let working = PlanContext {
                trips: &trips,
                ..*ctx
            };
            suggest_volunteers(&trip, &working, now)
        };
        let usual = usual_person(&trip, &trips);
        let kept = ranked
            .iter()
            .find(|s| s.is_available() && usual.contains(&&s.volunteer_id))
            .cloned();
        let same_person = kept.is_some();
        let chosen = kept.or_else(|| ranked.into_iter().find(Suggestion::is_available));
        if let Some(s) = &chosen {
            trips[index].volunteer_id = Some(s.volunteer_id.clone());
        }
        out.push(Proposal {
            trip_id: id.clone(),
            suggestion: chosen,
            same_person,
        });
    }
    out
}

/// The volunteers going with one of the trip's children on the nearest other
/// trip (assigned or just proposed), nearest first.
fn usual_person<'t>(trip: &Trip, trips: &'t [Trip]) -> Vec<&'t VolunteerId> {
    let mut with_child: Vec<&Trip> = trips
        .iter()
        .filter(|o| o.id != trip.id && o.volunteer_id.is_some())
        .filter(|o| o.children.iter().any(|c| trip.children.contains(c)))
        .collect();
    with_child.sort_by_key(|o| (o.visit_start - trip.visit_start).num_minutes().abs());
    let mut people: Vec<&VolunteerId> = Vec::new();
    for o in with_child {
        if let Some(v) = &o.volunteer_id {
            if !people.contains(&v) {
                people.push(v);
            }
        }
    }
    people
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Absence, ChildId, Language::*};
    use crate::plan::fixtures::*;
    use crate::plan::PlanData;

    fn open(w: &mut PlanData, id: &str, start: &str, child: &str) {
        let mut t = trip(id, at(start), 60);
        t.children = vec![ChildId::from(child)];
        t.volunteer_id = None;
        w.trips.push(t);
    }

    fn chosen(proposals: &[Proposal]) -> Vec<(String, Option<String>)> {
        proposals
            .iter()
            .map(|p| {
                (
                    p.trip_id.to_string(),
                    p.suggestion.as_ref().map(|s| s.volunteer_id.to_string()),
                )
            })
            .collect()
    }

    /// Two free volunteers near the pickup place; Lina's trips on two
    /// Thursdays, Noah's at the same time as Lina's first.
    fn month() -> PlanData {
        let mut w = world();
        w.trips.clear();
        w.volunteers = vec![
            volunteer("anna", SCHAERBEEK, true, &[Fr]),
            volunteer("bert", SCHAERBEEK, true, &[Fr]),
        ];
        w.children.push(child("noah", Fr));
        open(&mut w, "lina-2", "2025-06-19 14:00", "lina");
        open(&mut w, "lina-1", "2025-06-12 14:00", "lina");
        open(&mut w, "noah-1", "2025-06-12 14:00", "noah");
        w
    }

    fn ids(w: &PlanData) -> Vec<TripId> {
        w.trips.iter().map(|t| t.id.clone()).collect()
    }

    #[test]
    fn the_same_person_goes_with_a_child_and_nobody_twice_at_once() {
        let w = month();
        let p = propose_assignments(&ids(&w), &w.context(), at("2025-06-01 08:00"));
        assert_eq!(
            chosen(&p),
            vec![
                ("lina-1".into(), Some("anna".into())),
                ("noah-1".into(), Some("bert".into())),
                ("lina-2".into(), Some("anna".into())),
            ]
        );
        assert!(p[2].same_person, "Lina keeps Anna");
    }

    #[test]
    fn each_child_keeps_the_person_who_went_last_month() {
        let mut w = month();
        // Bert went with Noah last month; Anna took Lina.
        let mut past = trip("noah-0", at("2025-05-15 14:00"), 60);
        past.children = vec![ChildId::from("noah")];
        past.volunteer_id = Some("bert".into());
        w.trips.push(past);
        let mut past = trip("lina-0", at("2025-05-15 14:00"), 60);
        past.volunteer_id = Some("anna".into());
        w.trips.push(past);
        let p = propose_assignments(
            &[
                TripId::from("lina-1"),
                TripId::from("noah-1"),
                TripId::from("lina-2"),
            ],
            &w.context(),
            at("2025-06-01 08:00"),
        );
        assert_eq!(
            p[0].suggestion.as_ref().map(|s| s.volunteer_id.as_str()),
            Some("anna")
        );
        assert_eq!(
            p[1].suggestion.as_ref().map(|s| s.volunteer_id.as_str()),
            Some("bert")
        );
        assert!(p.iter().all(|p| p.same_person));
    }

    #[test]
    fn an_absent_usual_person_is_replaced_and_nobody_free_gives_no_proposal() {
        let mut w = month();
        w.volunteers[0].absences.push(Absence {
            from: day("2025-06-19"),
            until: day("2025-06-19"),
        });
        let p = propose_assignments(&ids(&w), &w.context(), at("2025-06-01 08:00"));
        assert_eq!(
            chosen(&p)[2],
            ("lina-2".into(), Some("bert".into())),
            "Anna is away on the 19th"
        );
        assert!(!p[2].same_person);

        let mut w = month();
        w.volunteers.truncate(1);
        let p = propose_assignments(&ids(&w), &w.context(), at("2025-06-01 08:00"));
        assert_eq!(chosen(&p)[1], ("noah-1".into(), None), "Anna is with Lina");
    }
}
