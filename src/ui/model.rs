//! What the screens show, read from the store and computed by `plan`: plain
//! data, no Dioxus, so that it can be tested and reused by every screen.

use crate::domain::{
    Child, ChildId, Guardian, Prison, PrisonId, Progress, Record, RecordKey, RecordKind, Trip,
    TripEvent, TripId, VisitRoom,
};
use crate::i18n::local_date;
use crate::plan::{check_trip, timeline_for, PlanData, Timeline, Warning};
use crate::store::{Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;

/// One trip with what its screens need around it.
#[derive(Debug, Clone, PartialEq)]
pub struct TripSummary {
    pub trip: Trip,
    pub prison: Option<Prison>,
    /// In the trip's order; a child missing from this device is left out.
    pub children: Vec<Child>,
    pub events: Vec<TripEvent>,
    pub progress: Progress,
    pub timeline: Option<Timeline>,
    /// Changed (or cancelled) since the volunteer last looked at it.
    pub changed: bool,
    /// What "looked at it" remembers: see [`fingerprint`].
    pub fingerprint: u64,
}

/// The trips screen: today's trips, then the coming days'.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TripsOverview {
    pub today: Vec<TripSummary>,
    pub upcoming: Vec<(NaiveDate, Vec<TripSummary>)>,
    /// Upcoming trips left out by the limit, not summarized.
    pub later: usize,
}

/// Everything the trip detail shows.
#[derive(Debug, Clone, PartialEq)]
pub struct TripDetailData {
    pub summary: TripSummary,
    pub guardian: Option<Guardian>,
    pub room: Option<VisitRoom>,
    pub warnings: Vec<Warning>,
}

/// A short hash of what the volunteer sees of a trip: its plan, its prison's
/// status, and whether it is cancelled.
///
/// Kept on the device across app updates, so the hash is FNV-1a, which
/// gives the same value on every toolchain (std's hasher may change).
pub fn fingerprint(trip: &Trip, prison: Option<&Prison>, progress: Progress) -> u64 {
    let mut hash = Fnv1a::default();
    hash.write(serde_json::to_string(trip).unwrap_or_default().as_bytes());
    hash.write(&[0xff]);
    if let Some(prison) = prison {
        hash.write(
            serde_json::to_string(&prison.status)
                .unwrap_or_default()
                .as_bytes(),
        );
    }
    hash.write(&[0xff, u8::from(matches!(progress, Progress::Cancelled(_)))]);
    hash.0
}

/// The 64-bit FNV-1a hash.
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The fingerprints of every trip in the store (what counts as "seen" when
/// the app starts).
pub fn fingerprints(store: &dyn Store) -> HashMap<TripId, u64> {
    let Ok(index) = Index::load(store) else {
        return HashMap::new();
    };
    index
        .trips
        .iter()
        .map(|trip| {
            let progress = index.progress(&trip.id);
            let fp = fingerprint(trip, index.prisons.get(&trip.prison_id), progress);
            (trip.id.clone(), fp)
        })
        .collect()
}

/// The fingerprint of one trip as it is now, or `None` when this device does
/// not hold it.
pub fn fingerprint_of(store: &dyn Store, id: &TripId) -> Result<Option<u64>, StoreError> {
    let Some(Record::Trip(trip)) = store.get(&RecordKey::new(RecordKind::Trip, id.as_str()))?
    else {
        return Ok(None);
    };
    let prison = match store.get(&RecordKey::new(RecordKind::Prison, trip.prison_id.as_str()))? {
        Some(Record::Prison(p)) => Some(p),
        _ => None,
    };
    let progress = Progress::of(&store.events_of(id)?);
    Ok(Some(fingerprint(&trip, prison.as_ref(), progress)))
}

/// Every record of these kinds.
fn read_kinds(store: &dyn Store, kinds: &[RecordKind]) -> Result<Vec<Record>, StoreError> {
    let mut records = Vec::new();
    for kind in kinds {
        records.extend(store.list(*kind)?);
    }
    Ok(records)
}

/// The records the lists need, indexed once per read.
struct Index {
    trips: Vec<Trip>,
    prisons: HashMap<PrisonId, Prison>,
    children: HashMap<ChildId, Child>,
    events: HashMap<TripId, Vec<TripEvent>>,
}

impl Index {
    fn load(store: &dyn Store) -> Result<Index, StoreError> {
        let records = read_kinds(
            store,
            &[
                RecordKind::Trip,
                RecordKind::Event,
                RecordKind::Prison,
                RecordKind::Child,
            ],
        )?;
        Ok(Index::of(&records))
    }

    /// Indexes records already read (trips by visit start).
    fn of(records: &[Record]) -> Index {
        let mut index = Index {
            trips: Vec::new(),
            prisons: HashMap::new(),
            children: HashMap::new(),
            events: HashMap::new(),
        };
        for record in records {
            match record {
                Record::Trip(t) => index.trips.push(t.clone()),
                Record::Prison(p) => {
                    index.prisons.insert(p.id.clone(), p.clone());
                }
                Record::Child(c) => {
                    index.children.insert(c.id.clone(), c.clone());
                }
                Record::Event(e) => index
                    .events
                    .entry(e.trip_id.clone())
                    .or_default()
                    .push(e.clone()),
                _ => {}
            }
        }
        index
            .trips
            .sort_by(|a, b| a.visit_start.cmp(&b.visit_start).then(a.id.cmp(&b.id)));
        index
    }

    fn progress(&self, trip: &TripId) -> Progress {
        Progress::of(self.events.get(trip).into_iter().flatten())
    }

    fn summary(&self, trip: &Trip, seen: &HashMap<TripId, u64>) -> TripSummary {
        let prison = self.prisons.get(&trip.prison_id).cloned();
        let mut events = self.events.get(&trip.id).cloned().unwrap_or_default();
        events.sort_by(|a, b| a.at.cmp(&b.at).then(a.id.cmp(&b.id)));
        let progress = Progress::of(&events);
        // A trip this device never showed before is new, not changed.
        let fingerprint = fingerprint(trip, prison.as_ref(), progress);
        let changed = seen
            .get(&trip.id)
            .is_some_and(|before| *before != fingerprint);
        TripSummary {
            timeline: prison.as_ref().map(|p| timeline_for(trip, p)),
            children: trip
                .children
                .iter()
                .filter_map(|id| self.children.get(id).cloned())
                .collect(),
            trip: trip.clone(),
            prison,
            events,
            progress,
            changed,
            fingerprint,
        }
    }
}

/// Today's trips (Brussels day) and the coming days' ones, grouped by day,
/// earliest first: every trip of today, then whole days of upcoming trips
/// until `upcoming_limit` trips are listed; the rest are only counted. Past
/// days are left out: their reports are reached from the trip itself.
pub fn trips_overview(
    store: &dyn Store,
    now: DateTime<Utc>,
    seen: &HashMap<TripId, u64>,
    upcoming_limit: usize,
) -> Result<TripsOverview, StoreError> {
    let index = Index::load(store)?;
    let today = local_date(now);
    let mut overview = TripsOverview::default();
    let mut listed = 0;
    for trip in &index.trips {
        let day = local_date(trip.visit_start);
        if day < today {
            continue;
        }
        if day == today {
            overview.today.push(index.summary(trip, seen));
            continue;
        }
        let new_day = overview
            .upcoming
            .last()
            .is_none_or(|(last, _)| *last != day);
        if overview.later > 0 || (new_day && listed >= upcoming_limit) {
            overview.later += 1;
            continue;
        }
        let summary = index.summary(trip, seen);
        listed += 1;
        match overview.upcoming.last_mut() {
            Some((last, list)) if *last == day => list.push(summary),
            _ => overview.upcoming.push((day, vec![summary])),
        }
    }
    Ok(overview)
}

/// One trip with its pickup contact, visit room and warnings, or `None` when
/// this device does not hold it (any more).
pub fn trip_detail(
    store: &dyn Store,
    id: &TripId,
    now: DateTime<Utc>,
    seen: &HashMap<TripId, u64>,
) -> Result<Option<TripDetailData>, StoreError> {
    let Some(Record::Trip(trip)) = store.get(&RecordKey::new(RecordKind::Trip, id.as_str()))?
    else {
        return Ok(None);
    };
    let guardian = match store.get(&RecordKey::new(
        RecordKind::Guardian,
        trip.pickup.guardian_id.as_str(),
    ))? {
        Some(Record::Guardian(g)) => Some(g),
        _ => None,
    };
    let room = match &trip.room_id {
        Some(room) => match store.get(&RecordKey::new(RecordKind::Room, room.as_str()))? {
            Some(Record::Room(r)) => Some(r),
            _ => None,
        },
        None => None,
    };
    let records = read_kinds(
        store,
        &[
            RecordKind::Trip,
            RecordKind::Event,
            RecordKind::Prison,
            RecordKind::Room,
            RecordKind::Parent,
            RecordKind::Volunteer,
            RecordKind::Child,
        ],
    )?;
    // One read serves the summary and the warnings (which look at every trip).
    let summary = Index::of(&records).summary(&trip, seen);
    let data = PlanData::from_records(&records);
    let warnings = volunteer_warnings(check_trip(&trip, &data.context(), now));
    Ok(Some(TripDetailData {
        summary,
        guardian,
        room,
        warnings,
    }))
}

/// The warnings a volunteer can act on. Visit rights are checked by the
/// coordinator and never sent to a volunteer's device, so their absence here
/// says nothing.
pub fn volunteer_warnings(warnings: Vec<Warning>) -> Vec<Warning> {
    warnings
        .into_iter()
        .filter(|w| {
            !matches!(
                w,
                Warning::NoVisitRight { .. }
                    | Warning::VisitForbidden { .. }
                    | Warning::VisitRightExpired { .. }
            )
        })
        .collect()
}

/// A prison sheet and its visit rooms.
pub fn prison_sheet(
    store: &dyn Store,
    id: &PrisonId,
) -> Result<Option<(Prison, Vec<VisitRoom>)>, StoreError> {
    match store.get(&RecordKey::new(RecordKind::Prison, id.as_str()))? {
        Some(Record::Prison(prison)) => {
            let rooms = store.rooms_of(id)?;
            Ok(Some((prison, rooms)))
        }
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::Fnv1a;

    #[test]
    fn the_fingerprint_hash_is_the_same_on_every_toolchain() {
        // Reference values of 64-bit FNV-1a.
        let mut empty = Fnv1a::default();
        empty.write(b"");
        assert_eq!(empty.0, 0xcbf2_9ce4_8422_2325);
        let mut a = Fnv1a::default();
        a.write(b"a");
        assert_eq!(a.0, 0xaf63_dc4c_8601_ec8c);
        let mut foobar = Fnv1a::default();
        foobar.write(b"foobar");
        assert_eq!(foobar.0, 0x8594_4171_f739_67e8);
    }
}
