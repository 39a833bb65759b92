//! The network's records as the coordinators' screens show them: the
//! overview's counts, the children's list and its search, a child's page
//! with the visit rights and what is missing or about to expire. Plain data,
//! read from the store, tested without Dioxus.

use crate::domain::{
    Child, ChildId, DetainedParent, Guardian, ParentId, Record, RecordKey, RecordKind, Trip,
    VisitRight,
};
use crate::i18n::local_date;
use crate::store::{Store, StoreError};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A visit right that ends within this many days is "about to expire".
pub const EXPIRY_WARNING_DAYS: i64 = 30;

/// What the workspace's first screen counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overview {
    pub children: usize,
    pub volunteers: usize,
    pub prisons: usize,
    /// Trips in the next 30 days, and those of them without a volunteer.
    pub trips_coming: usize,
    pub trips_open: usize,
    /// Children with a visit right that ends within [`EXPIRY_WARNING_DAYS`].
    pub rights_expiring: usize,
}

fn all<T>(store: &dyn Store, kind: RecordKind, pick: fn(Record) -> Option<T>) -> Vec<T> {
    store
        .list(kind)
        .unwrap_or_default()
        .into_iter()
        .filter_map(pick)
        .collect()
}

fn children_of(store: &dyn Store) -> Result<Vec<Child>, StoreError> {
    Ok(store
        .list(RecordKind::Child)?
        .into_iter()
        .filter_map(|r| match r {
            Record::Child(c) => Some(c),
            _ => None,
        })
        .collect())
}

fn rights_of(store: &dyn Store) -> Vec<VisitRight> {
    all(store, RecordKind::VisitRight, |r| match r {
        Record::VisitRight(v) => Some(v),
        _ => None,
    })
}

pub fn overview(store: &dyn Store, now: DateTime<Utc>) -> Result<Overview, StoreError> {
    let today = local_date(now);
    let trips = store.trips()?;
    let coming: Vec<&Trip> = trips
        .iter()
        .filter(|t| t.visit_start >= now && t.visit_start <= now + Duration::days(30))
        .collect();
    let expiring: BTreeSet<ChildId> = rights_of(store)
        .into_iter()
        .filter(|r| right_state(r, today) == RightState::Expiring)
        .map(|r| r.child_id)
        .collect();
    Ok(Overview {
        children: children_of(store)?.iter().filter(|c| !c.archived).count(),
        volunteers: store.list(RecordKind::Volunteer)?.len(),
        prisons: store.list(RecordKind::Prison)?.len(),
        trips_coming: coming.len(),
        trips_open: coming.iter().filter(|t| t.volunteer_id.is_none()).count(),
        rights_expiring: expiring.len(),
    })
}

/// One line of the children's list.
#[derive(Debug, Clone, PartialEq)]
pub struct ChildRow {
    pub child: Child,
    pub guardian: Option<Guardian>,
    /// This year's age.
    pub age: i32,
    /// Some visit right of this child needs a look (missing, expired, about
    /// to expire).
    pub needs_look: bool,
}

/// Text folded for search: lower case, without accents, so that "noe"
/// finds "Noé" and "eloise" finds "Éloïse".
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            other => other,
        })
        .collect()
}

/// The children whose first name, surname, guardian or pickup address
/// matches every word of `query` (accents and case ignored), by first name;
/// archived ones only when asked.
pub fn children_list(
    store: &dyn Store,
    query: &str,
    now: DateTime<Utc>,
    with_archived: bool,
) -> Result<Vec<ChildRow>, StoreError> {
    let today = local_date(now);
    let guardians: HashMap<_, Guardian> = all(store, RecordKind::Guardian, |r| match r {
        Record::Guardian(g) => Some(g),
        _ => None,
    })
    .into_iter()
    .map(|g| (g.id.clone(), g))
    .collect();
    let trips = store.trips()?;
    let rights = rights_of(store);
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
    let mut rows: Vec<ChildRow> = children_of(store)?
        .into_iter()
        .filter(|child| with_archived || !child.archived)
        .filter_map(|child| {
            let guardian = guardians.get(&child.guardian_id).cloned();
            let haystack = fold(&format!(
                "{} {} {} {}",
                child.first_name,
                child.last_name,
                guardian.as_ref().map_or("", |g| g.name.as_str()),
                guardian.as_ref().map_or("", |g| g.pickup_address.as_str()),
            ));
            if !words.iter().all(|w| haystack.contains(w.as_str())) {
                return None;
            }
            let needs_look = rights_for(&child.id, &rights, &trips, today)
                .iter()
                .any(|p| p.needs_look());
            Some(ChildRow {
                age: child.age_in(today.year()),
                child,
                guardian,
                needs_look,
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        fold(&a.child.first_name)
            .cmp(&fold(&b.child.first_name))
            .then_with(|| a.child.id.cmp(&b.child.id))
    });
    Ok(rows)
}

/// Where one visit right stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RightState {
    /// Visits are forbidden by the decision.
    Forbidden,
    /// Not valid yet.
    NotYet,
    Valid,
    /// Valid, and ends within [`EXPIRY_WARNING_DAYS`].
    Expiring,
    Expired,
}

pub fn right_state(right: &VisitRight, today: NaiveDate) -> RightState {
    if !right.allowed {
        return RightState::Forbidden;
    }
    if today < right.valid_from {
        return RightState::NotYet;
    }
    match right.valid_until {
        Some(until) if until < today => RightState::Expired,
        Some(until) if until <= today + Duration::days(EXPIRY_WARNING_DAYS) => RightState::Expiring,
        _ => RightState::Valid,
    }
}

/// A child's situation with one parent: the decisions, and whether one is
/// missing though trips are planned.
#[derive(Debug, Clone, PartialEq)]
pub struct ParentRights {
    pub parent_id: ParentId,
    pub parent: Option<DetainedParent>,
    /// Newest decision first.
    pub rights: Vec<(VisitRight, RightState)>,
    /// Trips planned with this parent from today on.
    pub trips_coming: usize,
}

impl ParentRights {
    /// True when no decision allows visits today though trips are planned,
    /// or the one that does ends soon.
    pub fn needs_look(&self) -> bool {
        let allowed_now = self
            .rights
            .iter()
            .any(|(_, s)| matches!(s, RightState::Valid | RightState::Expiring));
        let expiring = self.rights.iter().any(|(_, s)| *s == RightState::Expiring);
        (!allowed_now && self.trips_coming > 0) || expiring
    }
}

fn rights_for(
    child: &ChildId,
    rights: &[VisitRight],
    trips: &[Trip],
    today: NaiveDate,
) -> Vec<ParentRights> {
    let mut by_parent: BTreeMap<ParentId, ParentRights> = BTreeMap::new();
    fn entry<'a>(
        map: &'a mut BTreeMap<ParentId, ParentRights>,
        parent: &ParentId,
    ) -> &'a mut ParentRights {
        map.entry(parent.clone()).or_insert_with(|| ParentRights {
            parent_id: parent.clone(),
            parent: None,
            rights: Vec::new(),
            trips_coming: 0,
        })
    }
    for right in rights.iter().filter(|r| &r.child_id == child) {
        entry(&mut by_parent, &right.parent_id)
            .rights
            .push((right.clone(), right_state(right, today)));
    }
    for trip in trips
        .iter()
        .filter(|t| t.children.contains(child) && local_date(t.visit_start) >= today)
    {
        entry(&mut by_parent, &trip.parent_id).trips_coming += 1;
    }
    let mut out: Vec<ParentRights> = by_parent.into_values().collect();
    for p in &mut out {
        p.rights.sort_by(|a, b| {
            b.0.valid_from
                .cmp(&a.0.valid_from)
                .then(a.0.id.cmp(&b.0.id))
        });
    }
    out
}

/// Everything the child's page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ChildPage {
    pub child: Child,
    pub age: i32,
    pub guardian: Option<Guardian>,
    pub parents: Vec<ParentRights>,
    /// The next trips of this child, soonest first (at most 10).
    pub next_trips: Vec<Trip>,
}

pub fn child_page(
    store: &dyn Store,
    id: &ChildId,
    now: DateTime<Utc>,
) -> Result<Option<ChildPage>, StoreError> {
    let today = local_date(now);
    let Some(Record::Child(child)) = store.get(&RecordKey::new(RecordKind::Child, id.as_str()))?
    else {
        return Ok(None);
    };
    let guardian = match store.get(&RecordKey::new(
        RecordKind::Guardian,
        child.guardian_id.as_str(),
    ))? {
        Some(Record::Guardian(g)) => Some(g),
        _ => None,
    };
    let trips = store.trips()?;
    let mut parents = rights_for(id, &rights_of(store), &trips, today);
    for p in &mut parents {
        p.parent = match store.get(&RecordKey::new(RecordKind::Parent, p.parent_id.as_str()))? {
            Some(Record::Parent(parent)) => Some(parent),
            _ => None,
        };
    }
    let mut next_trips: Vec<Trip> = trips
        .into_iter()
        .filter(|t| t.children.contains(id) && t.visit_start >= now)
        .collect();
    next_trips.sort_by_key(|t| t.visit_start);
    next_trips.truncate(10);
    Ok(Some(ChildPage {
        age: child.age_in(today.year()),
        child,
        guardian,
        parents,
        next_trips,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DecidedBy, Rhythm, RhythmPeriod, VisitFormat, VisitRightId};

    fn right(allowed: bool, from: NaiveDate, until: Option<NaiveDate>) -> VisitRight {
        VisitRight {
            id: VisitRightId::from("r"),
            child_id: ChildId::from("c"),
            parent_id: ParentId::from("p"),
            allowed,
            decided_by: DecidedBy::YouthCourt,
            format: VisitFormat {
                collective: false,
                supervised: true,
            },
            rhythm: Rhythm {
                visits: 1,
                per: RhythmPeriod::Month,
            },
            valid_from: from,
            valid_until: until,
            reference: String::new(),
        }
    }

    #[test]
    fn visit_rights_are_read_on_the_day() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let today = day(11, 23);
        let cases = [
            (right(false, day(1, 1), None), RightState::Forbidden),
            (right(true, day(12, 1), None), RightState::NotYet),
            (right(true, day(1, 1), None), RightState::Valid),
            (
                right(true, day(1, 1), Some(day(12, 10))),
                RightState::Expiring,
            ),
            (
                right(true, day(1, 1), Some(day(11, 22))),
                RightState::Expired,
            ),
            (right(true, day(1, 1), Some(day(12, 31))), RightState::Valid),
        ];
        for (r, expected) in cases {
            assert_eq!(right_state(&r, today), expected, "{r:?}");
        }
    }

    #[test]
    fn search_ignores_case_and_accents() {
        assert_eq!(fold("Éloïse NOÉ"), "eloise noe");
    }
}
